package org.docbench.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.docbench.core.document.Part;

/**
 * A layout folder's split files, {@code splits/<scheme>.tsv}: a header row, then one row per
 * document with its id and its part (train, valid or test) in that scheme. Its own class because
 * the splits are read apart from the labels and checked against them only by id. Stateless.
 */
final class SplitFiles {
    private SplitFiles() {
    }

    /**
     * Each document's part in each scheme, id -> scheme -> part. The schemes are {@code splits}
     * of layout.properties, or without it every {@code splits/*.tsv} of {@code folder} (null for
     * the classpath, which cannot be listed). A row naming an id outside {@code ids} ends the read
     * when failing fast and is skipped otherwise (a row skipped from labels.tsv was reported
     * there); a split file with no rows adds a note, so its scheme does not vanish unremarked.
     */
    static Map<String, Map<String, String>> read(CorpusSource source, Path folder, Properties layout, Set<String> ids,
                                                 Problems problems) {
        List<String> schemes = new ArrayList<>();
        String declared = layout.getProperty("splits");
        if (declared != null) {
            schemes.addAll(LayoutProperties.list(declared));
        } else if (folder != null && Files.isDirectory(folder.resolve("splits"))) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder.resolve("splits"), "*.tsv")) {
                Set<String> found = new TreeSet<>();
                dir.forEach(p -> found.add(p.getFileName().toString().replaceFirst("\\.tsv$", "")));
                schemes.addAll(found);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Map<String, String>> byId = new HashMap<>();
        for (String scheme : schemes) {
            String rel = "splits/" + scheme + ".tsv";
            String where = source.describe(rel);
            try (InputStream in = source.open(rel)) {
                if (in == null) {
                    throw new CorpusException(new CorpusProblem(where, 0, null, "split file is missing",
                            "write it or remove '" + scheme + "' from splits in layout.properties"));
                }
                CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).get();
                int rows = 0;
                try (CSVParser parser = CSVParser.parse(new StringReader(Utf8.decodeFile(in.readAllBytes(), where)), format)) {
                    for (CSVRecord rec : parser) {
                        rows++;
                        long line = parser.getCurrentLineNumber(); // blank lines count, as the user counts them
                        if (rec.size() != 2) {
                            throw new CorpusException(new CorpusProblem(where, line, null,
                                    "want 2 fields (id, split), got " + rec.size(), "separate with one tab"));
                        }
                        String id = rec.get(0).strip();
                        String part = rec.get(1).strip();
                        if (!Part.isPart(part)) {
                            throw new CorpusException(new CorpusProblem(where, line, id,
                                    "unknown split '" + part + "'", "use train, valid or test"));
                        }
                        if (!ids.contains(id)) {
                            // A row skipped from labels.tsv was already reported there.
                            if (problems.policy() == OnError.FAIL_FAST) {
                                throw new CorpusException(new CorpusProblem(where, line, id,
                                        "split names a document that labels.tsv does not have",
                                        "remove the row or add the document"));
                            }
                            continue;
                        }
                        byId.computeIfAbsent(id, k -> new HashMap<>()).put(scheme, part);
                    }
                }
                if (rows == 0) {
                    // Else the scheme would vanish, and evaluate make its seeded split as if the corpus had none.
                    problems.note(new CorpusProblem(where, 0, null, "the split file holds no rows, so no document carries the scheme '"
                            + scheme + "'", "write its rows (id, split) or delete the file"));
                }
            } catch (IOException e) {
                throw new CorpusException(new CorpusProblem(where, 0, null, "cannot read: " + e.getMessage(),
                        "check the file"), e);
            }
        }
        return byId;
    }
}

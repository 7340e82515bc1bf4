package org.docbench.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the Article-Bias-Prediction corpus (Baly et al., EMNLP 2020) in its published layout:
 *
 * <pre>
 * data/jsons/&lt;ID&gt;.json                         one article per file
 * data/splits/&lt;scheme&gt;/{train,valid,test}.tsv   columns ID, bias
 * </pre>
 *
 * <p>Each document's text is {@code content_original}; {@code content} (a pre-tokenized copy in
 * the published files) is never required. Labels: {@code stance} from {@code bias_text}
 * (left, center, right) and {@code topic} from {@code topic}. Splits: every folder under
 * {@code data/splits}, named as its folder: the published {@code random} and {@code media}, and
 * any a user adds. A scheme folder without a train, valid or test file is an error; one whose
 * files hold no rows, and a file directly in {@code data/splits}, are notes in
 * {@link #problems()}, so a split that is there never vanishes without a word. Metadata: title,
 * source, date, url. Files stream in sorted name order, one JSON object in memory at a time.
 */
public final class AllSidesReader implements CorpusReader {

    /** The folder name the archive unpacks to. */
    public static final String FOLDER = "article-bias-prediction";
    /**
     * The two published split schemes: {@code random} (articles drawn at random) and {@code media}
     * (whole outlets held out of training). Documents carry them under these spellings.
     */
    public enum Scheme {
        RANDOM, MEDIA;

        /** The scheme's name in the published folders and in documents' splits. */
        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The corpus's name in manifests and experiment ids. */
    public static final String NAME = "allsides";
    /** The task of the left/center/right rating of the article's publisher. */
    public static final String STANCE = "stance";
    /** The task of the article's topic (elections, politics, ...). */
    public static final String TOPIC = "topic";
    private static final Set<String> BIAS = Set.of("left", "center", "right");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final OnError onError;
    private Problems problems;

    private AllSidesReader(Path root, OnError onError) {
        this.root = root;
        this.onError = onError;
        this.problems = new Problems(onError);
    }

    /** The corpus in {@code root} (the folder holding {@code data/}). */
    public static AllSidesReader fromFolder(Path root, OnError onError) {
        String name = root.getFileName() == null ? "" : root.getFileName().toString();
        if (Files.isRegularFile(root) && (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar"))) {
            throw new CorpusException(new CorpusProblem(root.toString(), 0, null,
                    "this is the archive, not the unpacked corpus",
                    "run 'mkdir -p target/allsides && tar xzf " + root + " -C target/allsides' and point at "
                            + "target/allsides/" + FOLDER + " (a truncated archive fails there with tar's own error)"));
        }
        if (!Files.isDirectory(root.resolve("data/jsons"))) {
            throw new CorpusException(new CorpusProblem(root.toString(), 0, null,
                    "not an Article-Bias-Prediction folder: no data/jsons/ inside",
                    "unpack article-bias-prediction.tar.gz and point at its article-bias-prediction/ folder"));
        }
        return new AllSidesReader(root, onError);
    }

    /**
     * The corpus folder above {@code folder} when {@code folder} is its {@code data/} folder or a
     * folder inside that ({@code data/jsons}), as the user would spell it; else empty. For a
     * message to a user who pointed one level too deep.
     */
    static Optional<Path> rootAbove(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        Path data = null;
        for (Path p = abs; p != null && data == null && p.getNameCount() >= abs.getNameCount() - 1; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("data") && Files.isDirectory(p.resolve("jsons"))) {
                data = p;
            }
        }
        if (data == null || data.getParent() == null) {
            return Optional.empty();
        }
        Path root = data.getParent();
        if (folder.isAbsolute()) {
            return Optional.of(root);
        }
        Path relative = Path.of("").toAbsolutePath().relativize(root);
        return Optional.of(relative.toString().isEmpty() ? Path.of(".") : relative);
    }

    /**
     * Where the AllSides corpus is: nowhere when {@code explicit} is {@code off}; {@code explicit}
     * when it is another non-blank value (it must exist); else
     * {@code <projectRoot>/target/allsides/article-bias-prediction} when that exists; else empty.
     */
    public static Optional<Path> locate(String explicit, Path projectRoot) {
        if (explicit != null && explicit.strip().equals("off")) {
            return Optional.empty();
        }
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit.strip());
            if (!Files.isDirectory(p)) {
                throw new CorpusException(new CorpusProblem(p.toString(), 0, null,
                        "docbench.allsides points at a folder that does not exist",
                        "unpack the archive there or drop -Ddocbench.allsides"));
            }
            return Optional.of(p);
        }
        if (projectRoot != null) {
            Path p = projectRoot.resolve("target/allsides").resolve(FOLDER);
            if (Files.isDirectory(p.resolve("data/jsons"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public Problems problems() {
        return problems;
    }

    @Override
    public Stream<LabeledDocument> documents() {
        problems = new Problems(onError);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root.resolve("data/jsons"), "*.json")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            throw new CorpusException(new CorpusProblem(root.resolve("data/jsons").toString(), 0, null,
                    "cannot list: " + e.getMessage(), "check the folder is readable"), e);
        }
        files.sort(null);
        Set<String> stems = new HashSet<>();
        files.forEach(f -> stems.add(stem(f)));
        Map<String, Map<String, String>> splits = readSplits(stems);
        return files.stream().map(f -> load(f, splits)).filter(d -> d != null);
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /**
     * The split of every ID by scheme. A split row must name an article of {@code data/jsons}
     * (by its file name) and an ID may sit in one part of a scheme only: either slip would move
     * articles between training and test without a word, so both end the read, naming the line.
     */
    private Map<String, Map<String, String>> readSplits(Set<String> articles) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        Path splits = root.resolve("data/splits");
        List<Path> entries = new ArrayList<>();
        if (Files.isDirectory(splits)) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(splits, p -> !p.getFileName().toString().startsWith("."))) {
                dir.forEach(entries::add);
            } catch (IOException e) {
                throw new CorpusException(new CorpusProblem(splits.toString(), 0, null, "cannot list: " + e.getMessage(),
                        "check the folder is readable"), e);
            }
        }
        entries.sort(null);
        for (Path folder : entries) {
            String scheme = folder.getFileName().toString();
            if (!Files.isDirectory(folder)) {
                problems.note(new CorpusProblem(folder.toString(), 0, null, "not a split scheme folder, so not read",
                        "a scheme is a folder data/splits/<scheme>/ holding train.tsv, valid.tsv and test.tsv"));
                continue;
            }
            Map<String, String> firstSeen = new HashMap<>();
            List<String> found = new ArrayList<>();
            int rows = 0;
            for (Part part : Part.values()) {
                Path file = folder.resolve(part.spelling() + ".tsv");
                if (!Files.exists(file)) {
                    continue; // a user's copy may carry fewer parts; experiments check what they need
                }
                found.add(file.getFileName().toString());
                try {
                    if (Files.size(file) == 0) {
                        continue; // no header either: a file with no rows, as a header-only one
                    }
                } catch (IOException e) {
                    throw new CorpusException(new CorpusProblem(file.toString(), 0, null, "cannot read split file: " + e.getMessage(),
                            "check the file is readable"), e);
                }
                CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).get();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                     CSVParser parser = CSVParser.parse(r, format)) {
                    if (!parser.getHeaderNames().contains("ID")) {
                        throw new CorpusException(new CorpusProblem(file.toString(), 1, null,
                                "no ID column in header " + parser.getHeaderNames(), "the published files have ID and bias"));
                    }
                    for (CSVRecord rec : parser) {
                        String id = rec.get("ID").strip();
                        long line = parser.getCurrentLineNumber(); // no field spans lines, and blank lines count
                        if (!articles.contains(id)) {
                            throw new CorpusException(new CorpusProblem(file.toString(), line, id,
                                    "no article data/jsons/" + id + ".json for this split row",
                                    "restore the article or delete the row"));
                        }
                        String before = firstSeen.putIfAbsent(id, part.spelling() + ".tsv:" + line);
                        if (before != null) {
                            throw new CorpusException(new CorpusProblem(file.toString(), line, id,
                                    "the " + scheme + " split names this ID twice: here and at " + before,
                                    "keep one row: an article sits in one of train, valid and test"));
                        }
                        byId.computeIfAbsent(id, k -> new HashMap<>()).put(scheme, part.spelling());
                        rows++;
                    }
                } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                    throw new CorpusException(new CorpusProblem(file.toString(), 0, null,
                            "cannot read split file: " + e.getMessage(), "restore it from the published corpus"), e);
                }
            }
            if (found.isEmpty()) {
                throw new CorpusException(new CorpusProblem(folder.toString(), 0, null,
                        "split folder '" + scheme + "' holds no train.tsv, valid.tsv or test.tsv",
                        "write its parts as train.tsv, valid.tsv and test.tsv (columns ID and bias), or remove the folder"));
            }
            if (rows == 0) {
                // Else the scheme would vanish, and evaluate make its seeded split as if the corpus had none.
                problems.note(new CorpusProblem(folder.toString(), 0, null, "the " + scheme + " split's files ("
                        + String.join(", ", found) + ") hold no rows, so no article carries the scheme '" + scheme + "'",
                        "write their rows (ID, bias) or remove the folder"));
            }
        }
        return byId;
    }

    private LabeledDocument load(Path file, Map<String, Map<String, String>> splits) {
        String where = file.toString();
        String stem = stem(file);
        JsonNode node;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            String[] error = new String[1];
            String text = Utf8.decode(bytes, error);
            if (text == null) {
                problems.report(new CorpusProblem(where, 0, stem, error[0], "save the file as UTF-8"));
                return null;
            }
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.report(new CorpusProblem(where, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), stem,
                    "malformed JSON: " + e.getOriginalMessage(), "restore the file from the published corpus"), e);
            return null;
        } catch (IOException e) {
            problems.report(new CorpusProblem(where, 0, stem, "cannot read: " + e.getMessage(),
                    "check the file is readable"), e);
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.report(new CorpusProblem(where, 0, stem, "not a JSON object", "each file holds one article object"));
            return null;
        }
        String id = text(node, "ID");
        if (id.isEmpty()) {
            id = stem;
        } else if (!id.equals(stem)) {
            // Split files name articles by ID and the reader finds them by file name: the two must agree.
            problems.report(new CorpusProblem(where, 0, id, "the article's ID differs from its file name " + stem + ".json",
                    "name the file " + id + ".json, or set its ID to " + stem));
            return null;
        }
        String body = text(node, "content_original");
        if (body.isBlank()) {
            problems.report(new CorpusProblem(where, 0, id, node.has("content_original")
                    ? "content_original is empty" : "no content_original field",
                    "every article needs its text in content_original"));
            return null;
        }
        String bias = text(node, "bias_text");
        if (!BIAS.contains(bias)) {
            problems.report(new CorpusProblem(where, 0, id, "unknown bias_text '" + bias + "'",
                    "use left, center or right"));
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(STANCE, bias);
        String topic = text(node, "topic");
        if (!topic.isEmpty()) {
            labels.put(TOPIC, topic);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (String f : List.of("title", "source", "date", "url")) {
            String v = text(node, f);
            if (!v.isEmpty()) {
                meta.put(f, v);
            }
        }
        return new LabeledDocument(id, body, labels, splits.getOrDefault(id, Map.of()), meta);
    }

    /**
     * {@code doc} with its title as the first paragraph of its text ({@code title + "\n\n" + text}),
     * or {@code doc} itself when it has no title. The headline is the article's own summary of
     * its stance; the standard normalizer's {@code TITLE} step would take that first line out
     * again, so titled text goes with a normalizer that keeps it.
     */
    public static LabeledDocument titled(LabeledDocument doc) {
        String title = doc.metadata().getOrDefault("title", "").strip();
        if (title.isEmpty()) {
            return doc;
        }
        return new LabeledDocument(doc.id(), title + "\n\n" + doc.text(), doc.labels(), doc.splits(), doc.metadata());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}

package org.docbench.core.text;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.docbench.testing.RequiredData;

/**
 * Where tests find real text: the embedded corpus, the seed documents and an AllSides sample.
 * Sources that are absent skip the calling test loudly: the reason goes to stderr, then a JUnit
 * assumption fails.
 *
 * <ul>
 *   <li>Embedded corpus: from the classpath, or from the folder in system property
 *       {@code docbench.corpus} (e.g. {@code -Ddocbench.corpus=/work/main/datasets/immigration-enforcement}
 *       to test on the newest documents). Read with skip-and-report, so a corpus that is being
 *       written still yields the documents that are consistent; problems are printed.</li>
 *   <li>Seeds: {@code ${docbench.shared}/seeds}, else {@code ../shared/seeds}.</li>
 *   <li>AllSides: {@code docbench.allsides}, else
 *       {@code ${docbench.root}/target/allsides/article-bias-prediction}; the first N files of
 *       {@code data/jsons} in file-name order, field {@code content_original}.</li>
 * </ul>
 */
public final class TestCorpora {

    /** How many AllSides documents the sample holds. */
    public static final int ALLSIDES_SAMPLE = 500;

    private static Map<String, String> embedded;
    private static Map<String, String> allSides;

    private TestCorpora() {
    }

    /** Id to raw text of every readable document of the embedded corpus (or {@code docbench.corpus}). */
    public static synchronized Map<String, String> embedded() {
        if (embedded == null) {
            String folder = System.getProperty("docbench.corpus", "");
            LayoutCorpusReader reader = folder.isBlank()
                    ? LayoutCorpusReader.fromClasspath("immigration-enforcement", OnError.SKIP_AND_REPORT)
                    : LayoutCorpusReader.fromFolder(Path.of(folder), OnError.SKIP_AND_REPORT);
            Map<String, String> docs = new LinkedHashMap<>();
            for (LabeledDocument d : reader.readAll()) {
                docs.put(d.id(), d.text());
            }
            if (!reader.problems().list().isEmpty()) {
                System.err.println("[TestCorpora] " + reader.location() + ": " + reader.problems().list().size()
                        + " problems while reading (documents skipped: " + reader.problems().skipped() + "), first: "
                        + reader.problems().list().get(0));
            }
            System.err.println("[TestCorpora] embedded corpus: " + docs.size() + " documents from " + reader.location());
            embedded = docs;
        }
        if (embedded.isEmpty()) {
            throw new AssertionError("the embedded corpus has no readable documents: the shipped corpus is broken");
        }
        return embedded;
    }

    /** The seed documents folder, or the calling test is skipped loudly. */
    public static Path seeds() {
        String shared = System.getProperty("docbench.shared", "");
        Path dir = shared.isBlank() ? Path.of("..", "shared", "seeds") : Path.of(shared, "seeds");
        if (!Files.isDirectory(dir)) {
            RequiredData.skipLoudly("seed documents not found at " + dir.toAbsolutePath().normalize()
                    + " (set -Ddocbench.shared=<folder holding seeds/>)");
        }
        return dir;
    }

    /** The text of the seed whose file name starts with {@code prefix}, e.g. {@code "000_"}. */
    public static String seed(String prefix) {
        Path dir = seeds();
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            if (file == null) {
                RequiredData.skipLoudly("no seed file starting with " + prefix + " in " + dir.toAbsolutePath().normalize());
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File name (without .json) to {@code content_original} of the AllSides sample, or the test is skipped loudly. */
    public static synchronized Map<String, String> allSides() {
        if (allSides == null) {
            Path root = allSidesRoot();
            Path jsons = root == null ? null : root.resolve("data").resolve("jsons");
            if (jsons == null || !Files.isDirectory(jsons)) {
                allSides = Map.of();
            } else {
                allSides = readAllSides(jsons, ALLSIDES_SAMPLE);
                System.err.println("[TestCorpora] AllSides sample: " + allSides.size() + " documents from " + jsons);
            }
        }
        if (allSides.isEmpty()) {
            RequiredData.skipLoudly("AllSides corpus not found (looked at " + allSidesRoot()
                    + "); unpack it to target/allsides or set -Ddocbench.allsides=<article-bias-prediction folder>");
        }
        return allSides;
    }

    private static Path allSidesRoot() {
        String explicit = System.getProperty("docbench.allsides", "");
        if (!explicit.isBlank()) {
            return Path.of(explicit);
        }
        String root = System.getProperty("docbench.root", "");
        return root.isBlank() ? null : Path.of(root, "target", "allsides", "article-bias-prediction");
    }

    private static Map<String, String> readAllSides(Path jsons, int n) {
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(jsons)) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().limit(n).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + jsons, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                JsonNode node = mapper.readTree(f.toFile());
                JsonNode content = node.get("content_original");
                if (content != null && content.isTextual()) {
                    String name = f.getFileName().toString();
                    out.put(name.substring(0, name.length() - ".json".length()), content.asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + f, e);
            }
        }
        return out;
    }
}

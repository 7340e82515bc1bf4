package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Where each experiment's predictions go: one file per experiment, whatever its names hold. */
class PredictionsFileTest {

    /** A report of {@code corpus} with one experiment per task; each task copies a label of {@link TestCorpus}. */
    private static Report report(String corpus, Map<String, String> taskFrom) {
        List<LabeledDocument> docs = new ArrayList<>();
        for (LabeledDocument d : TestCorpus.documents(10, 4)) {
            Map<String, String> labels = new java.util.HashMap<>();
            taskFrom.forEach((task, from) -> labels.put(task, d.label(from)));
            docs.add(new LabeledDocument(d.id(), d.text(), labels, d.splits(), d.metadata()));
        }
        var families = List.of(Trainers.family("majority"));
        Suite suite = new Suite(FeatureSpec.defaults(), 42, line -> { });
        taskFrom.keySet().forEach(task -> suite.experiment(Experiment.of(corpus, task, "random", docs), families, false));
        return suite.report("test", null, List.of(), families, List.of(CorpusManifest.of(corpus, "x", docs, 0)), List.of(),
                List.of(), System.nanoTime());
    }

    @Test
    void tasksToSlashPicAndToDotPic_getTwoFiles_andReportJsonPointsEachAtItsOwn(@TempDir Path dir) throws IOException {
        Map<String, String> tasks = new java.util.LinkedHashMap<>();
        tasks.put("to/pic", "topic");
        tasks.put("to.pic", "stance");
        tasks.put("TO.PIC", "topic"); // the same file as to.pic where case does not count (macOS, Windows)
        Report report = report("news", tasks);
        Path out = dir.resolve("r");
        ReportWriter.write(report, out);
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> files = new ArrayList<>();
        for (JsonNode e : json.get("experiments")) {
            String file = e.get("predictions").get("file").asText();
            files.add(file);
            String gold = new ObjectMapper().readTree(Files.readAllLines(out.resolve(file)).get(0)).get("gold").asText();
            String task = e.get("id").asText().replaceFirst("^news/", "").replaceFirst("/random$", "");
            String from = tasks.get(task);
            assertTrue(from.equals("topic") ? TestCorpus.TOPICS.contains(gold) : List.of("pro", "anti").contains(gold),
                    file + " holds the predictions of " + task + ": gold " + gold);
        }
        assertEquals(List.of("predictions/news.to%2Fpic.random.jsonl", "predictions/news.to.pic.random.jsonl",
                "predictions/news.TO.PIC.random-2.jsonl"), files);
        try (var listed = Files.list(out.resolve("predictions"))) {
            assertEquals(3, listed.count(), "one file per experiment: " + files);
        }
        String md = MarkdownReport.render(report);
        files.forEach(f -> assertTrue(md.contains("`" + f + "`"), "report.md names " + f));
    }

    @Test
    void corpusFileNamedDotCsv_givesNoHiddenPredictionsFile(@TempDir Path dir) throws IOException {
        Report report = report("", Map.of("topic", "topic")); // the name a reader gives ".csv": its name before the extension
        Path out = dir.resolve("r");
        ReportWriter.write(report, out);
        try (var listed = Files.list(out.resolve("predictions"))) {
            List<String> names = listed.map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("_.topic.random.jsonl"), names);
            assertFalse(names.get(0).startsWith("."), names.toString());
        }
        assertEquals("%2Ehidden", PredictionsFile.safe(".hidden"));
        assertEquals("a.b", PredictionsFile.safe("a.b"));
        assertEquals("política", PredictionsFile.safe("política"), "letters stay letters");
        assertEquals("a%20b%7Cc%0Ad", PredictionsFile.safe("a b|c\nd"));
    }

    @Test
    void corpusNamedNearTheFileSystemsLimit_getsAPredictionsFileThatCanBeWritten(@TempDir Path dir) throws IOException {
        // A corpus file's name (before its extension) of 240 letters, 'é' being two UTF-8 bytes: 480 bytes.
        Report report = report("é".repeat(240), Map.of("topic", "topic"));
        Path out = dir.resolve("r");
        ReportWriter.write(report, out);
        try (var listed = Files.list(out.resolve("predictions"))) {
            List<String> names = listed.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255, names.get(0));
            assertTrue(names.get(0).matches("é+~[0-9a-f]{10}\\.jsonl"), names.get(0));
        }
        String a = PredictionsFile.fit("x".repeat(300) + "a");
        String b = PredictionsFile.fit("x".repeat(300) + "b");
        assertFalse(a.equals(b), "names that differ past the cut stay apart: " + a);
        assertEquals(PredictionsFile.MAX_NAME_BYTES, a.length(), a);
        assertEquals("short.topic.random", PredictionsFile.fit("short.topic.random"));
    }
}

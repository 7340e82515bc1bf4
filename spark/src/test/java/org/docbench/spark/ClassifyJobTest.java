package org.docbench.spark;

import static org.docbench.spark.SparkTestSupport.leftovers;
import static org.docbench.spark.SparkTestSupport.outputById;
import static org.docbench.spark.SparkTestSupport.readJson;
import static org.docbench.spark.SparkTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.inference.Scorer;
import org.docbench.classifiers.report.Report;
import org.docbench.classifiers.inference.SavedModel;
import org.docbench.core.corpus.FieldMapping;
import org.docbench.core.corpus.JsonLinesReader;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The job in local[2] on the embedded corpus, read through core's readers and written out in
 * each input format: the labels and scores are {@link Scorer}'s (the CLI's) for every document,
 * text the CLI gives no label gets none here either, the evaluation equals {@link Metrics} over
 * the predictions {@code docbench evaluate} counts, bad records are
 * counted and named, outputs are never half-written and never replace what is not the job's.
 */
class ClassifyJobTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static List<LabeledDocument> docs;
    /** Logistic regression by SGD: compiles into the fast path. */
    static Path fastModel;
    /** A classification tree: the fast path cannot compile it, so Tribuo's predict runs. */
    static Path slowModel;

    @BeforeAll
    static void setUp() throws IOException {
        spark = SparkTestSupport.session();
        docs = LayoutCorpusReader.embedded().readAll();
        fastModel = SparkTestSupport.trainModel(docs, "stance", "logreg-sgd", dir.resolve("stance-sgd.model"));
        slowModel = SparkTestSupport.trainModel(docs, "topic", "cart", dir.resolve("topic-cart.model")); // no fast path for trees
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    /**
     * Asserts every document's label, confidence and scores equal those of {@link Scorer}, the
     * scorer of {@code docbench classify}, and that a document it gives no label has none here
     * either; returns the labels {@code docbench evaluate} counts (the training majority where
     * no word is known).
     */
    private static List<String> assertSameAsCli(Path model, Map<String, Row> out, List<LabeledDocument> expected)
            throws IOException {
        Scorer scorer = Scorer.load(model);
        Scorer.Session session = scorer.newSession();
        String[] labels = scorer.labels();
        String majority = (String) scorer.provenance().get("majority");
        List<String> predicted = new ArrayList<>();
        for (LabeledDocument d : expected) {
            Row r = out.get(d.id());
            assertNotNull(r, "document " + d.id() + " is missing from the output");
            int best = session.score(d.text());
            String label = r.getString(r.fieldIndex("label"));
            if (best < 0) {
                assertNull(label, "no label for " + d.id() + ", as docbench classify gives none: " + r);
                assertEquals(ClassifyPartition.NO_KNOWN_WORD, r.getString(r.fieldIndex("reason")), "reason of " + d.id());
                predicted.add(majority);
                continue;
            }
            double[] s = session.scores();
            assertEquals(labels[best], label, "label of " + d.id() + ", row " + r);
            assertEquals(scorer.scoreKind().spelling(), r.getString(r.fieldIndex("scoreKind")), "score kind of " + d.id());
            assertEquals(s[best], r.getDouble(r.fieldIndex("confidence")), 0.0, "confidence of " + d.id());
            Row scores = r.getStruct(r.fieldIndex("scores"));
            for (int i = 0; i < labels.length; i++) {
                assertEquals(s[i], scores.getDouble(scores.fieldIndex(labels[i])), 0.0, "score of " + labels[i] + " for " + d.id());
            }
            assertTrue(r.isNullAt(r.fieldIndex("problem")) && r.isNullAt(r.fieldIndex("reason")), "problem of " + d.id() + ": " + r);
            predicted.add(label);
        }
        assertEquals(expected.size(), out.size(), "output rows");
        return predicted;
    }

    @Test
    void jsonLines_fastPath_labelsAndReportEqualDocbenchClassifyAndMetrics() throws IOException {
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("jsonl-in"), docs, 3);
        Path out = dir.resolve("jsonl-out");
        int loaded = ExecutorScorers.loads();

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", fastModel.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, ExecutorScorers.loads() - loaded, "the model is loaded once per executor JVM, not per task");
        assertTrue(r.out().contains("read " + docs.size() + ", classified " + docs.size() + ", without a label 0, bad 0")
                && r.out().contains("fast path"), r.out());
        assertEquals(1, r.out().strip().lines().count(), "one summary line: " + r.out());
        List<String> predicted = assertSameAsCli(fastModel, outputById(spark, out, "json"), docs);

        TreeSet<String> all = new TreeSet<>();
        docs.forEach(d -> all.add(d.label("stance")));
        predicted.forEach(all::add);
        List<String> labels = List.copyOf(all);
        Metrics expected = Metrics.of(labels, docs.stream().mapToInt(d -> labels.indexOf(d.label("stance"))).toArray(),
                predicted.stream().mapToInt(labels::indexOf).toArray());
        JsonNode report = readJson(out.resolve("_report.json"));
        assertEquals(Report.SCHEMA, report.get("schema").asText());
        JsonNode rec = report.get("records").get(0);
        assertEquals(expected.accuracy(), rec.get("accuracy").asDouble(), 1e-12, report.toString());
        assertEquals(expected.macroF1(), rec.get("macroF1").asDouble(), 1e-12, report.toString());
        assertEquals(expected.weightedF1(), rec.get("weightedF1").asDouble(), 1e-12, report.toString());
        JsonNode cm = report.get("experiments").get(0).get("models").get(0).get("metrics").get("confusion");
        int[][] want = expected.confusion();
        for (int t = 0; t < want.length; t++) {
            for (int p = 0; p < want.length; p++) {
                assertEquals(want[t][p], cm.get(t).get(p).asInt(), "confusion[" + t + "][" + p + "]");
            }
        }
        JsonNode marker = readJson(out.resolve(OutputCommit.MARKER));
        assertEquals(docs.size(), marker.get("read").asLong(), marker.toString());
        assertEquals(0, marker.get("bad").asLong(), marker.toString());
    }

    @Test
    void partitionedParquet_withModelTheFastPathCannotCompile_fallsBackAndKeepsPartitions() throws IOException {
        Path in = dir.resolve("parquet-in");
        List<Row> rows = new ArrayList<>();
        for (LabeledDocument d : docs) {
            rows.add(org.apache.spark.sql.RowFactory.create(d.id(), d.text(), d.label("topic"), d.id().substring(3, 4)));
        }
        var schema = new org.apache.spark.sql.types.StructType().add("id", "string").add("text", "string")
                .add("topic", "string").add("group", "string");
        spark.createDataFrame(rows, schema).write().partitionBy("group").parquet(in.toString());
        Path out = dir.resolve("parquet-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", slowModel.toString(), "--output", out.toString());

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Tribuo predict"), "the summary says which path ran: " + r.out());
        assertTrue(Files.isDirectory(out.resolve("group=a")) && Files.isDirectory(out.resolve("group=f")),
                "partitioned as the input was: " + out);
        assertSameAsCli(slowModel, outputById(spark, out, "parquet"), docs);
        assertTrue(Files.exists(out.resolve("_report.json")), "labeled by the 'topic' column, the model's task");
    }

    @Test
    void csvAndLayoutFolder_giveTheLabelsOfDocbenchClassify() throws IOException {
        List<LabeledDocument> some = docs.subList(0, 200);
        Path csv = SparkTestSupport.writeCsv(dir.resolve("docs.csv"), some);
        Path layout = SparkTestSupport.writeLayout(dir.resolve("layout-in"), some);
        for (Path in : List.of(csv, layout)) {
            Path out = dir.resolve("out-" + in.getFileName());
            SparkTestSupport.Run r = run("--input", in.toString(), "--model", fastModel.toString(), "--output", out.toString());
            assertEquals(0, r.exit(), in + ": " + r);
            assertTrue(r.out().contains("read 200, classified 200, without a label 0, bad 0"), in + ": " + r.out());
            assertSameAsCli(fastModel, outputById(spark, out, "parquet"), some);
        }
        // and the docbench command itself, on the layout folder's files
        List<String> args = new ArrayList<>(List.of("classify", "--model", fastModel.toString(), "--json"));
        some.forEach(d -> args.add(layout.resolve("docs/" + d.id() + ".txt").toString()));
        StringWriter cliOut = new StringWriter();
        int code = org.docbench.classifiers.cli.DocbenchCli.run(new PrintWriter(cliOut), new PrintWriter(new StringWriter()),
                args.toArray(String[]::new));
        assertEquals(0, code, cliOut.toString());
        Map<String, Row> job = outputById(spark, dir.resolve("out-layout-in"), "parquet");
        List<String> lines = cliOut.toString().strip().lines().toList();
        assertEquals(some.size(), lines.size(), "one line per document from docbench classify");
        for (String line : lines) {
            JsonNode cli = SparkTestSupport.JSON.readTree(line);
            // the command's id is the path as given; the job's, the layout's id
            String id = java.nio.file.Path.of(cli.get("id").asText()).getFileName().toString().replaceFirst("\\.txt$", "");
            Row r = job.get(id);
            assertNotNull(r, "document " + id + " is missing from the job's output");
            assertEquals(cli.get("label").asText(), r.getString(r.fieldIndex("label")), "label of " + id + ": " + line);
            assertEquals(cli.get("score").asDouble(), r.getDouble(r.fieldIndex("confidence")), 0.0, "confidence of " + id);
            assertEquals(cli.get("scoreKind").asText(), r.getString(r.fieldIndex("scoreKind")), "score kind of " + id);
        }
    }

    @Test
    void textTheCliGivesNoLabel_getsNoLabelAndItsReason_andCountsInTheEvaluationAsDocbenchEvaluateCountsIt() throws IOException {
        String majority = (String) Scorer.load(fastModel).provenance().get("majority");
        String other = docs.stream().map(d -> d.label("stance")).filter(l -> !l.equals(majority)).findFirst().orElseThrow();
        List<Map<String, Object>> records = new ArrayList<>();
        docs.subList(0, 60).forEach(d -> records.add(SparkTestSupport.record(d)));
        records.add(Map.of("id", "blank", "text", "  \n\t ", "stance", other));
        // no word of these is in the model's vocabulary; one is truly the majority, one is not
        records.add(Map.of("id", "unknown-majority", "text", "zzzz qqqq", "stance", majority));
        records.add(Map.of("id", "unknown-other", "text", "xxqj vvbz wwpk", "stance", other));
        records.add(Map.of("id", "unknown-unlabeled", "text", "zzzz"));
        Path in = Files.createDirectories(dir.resolve("nolabel-in")).resolve("part-0.jsonl");
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> m : records) {
            sb.append(SparkTestSupport.JSON.writeValueAsString(m)).append('\n');
        }
        Files.writeString(in, sb, StandardCharsets.UTF_8);
        Path out = dir.resolve("nolabel-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", fastModel.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 64, classified 60, without a label 4, bad 0"), r.out());
        Map<String, Row> job = outputById(spark, out, "json");
        JsonNode marker = readJson(out.resolve(OutputCommit.MARKER));
        assertEquals(1, marker.get("withoutLabelReasons").get(ClassifyPartition.EMPTY_TEXT).asLong(), marker.toString());
        assertEquals(3, marker.get("withoutLabelReasons").get(ClassifyPartition.NO_KNOWN_WORD).asLong(), marker.toString());

        // docbench classify on the same file: the same label (or none), reason and scores for every record
        StringWriter cliOut = new StringWriter();
        int code = org.docbench.classifiers.cli.DocbenchCli.run(new PrintWriter(cliOut), new PrintWriter(new StringWriter()),
                "classify", "--model", fastModel.toString(), "--jsonl", "--json", in.toString());
        assertEquals(0, code, cliOut.toString());
        List<String> lines = cliOut.toString().strip().lines().toList();
        assertEquals(records.size(), lines.size(), "one line per record from docbench classify");
        int withoutLabel = 0;
        for (String line : lines) {
            JsonNode cli = SparkTestSupport.JSON.readTree(line);
            Row row = job.get(cli.get("id").asText());
            assertNotNull(row, "record " + cli.get("id") + " is missing from the job's output");
            String label = row.getString(row.fieldIndex("label"));
            if (cli.get("label").isNull()) {
                withoutLabel++;
                assertNull(label, "docbench classify gives no label, nor does the job: " + line + " / " + row);
                assertTrue(row.isNullAt(row.fieldIndex("confidence")) && row.isNullAt(row.fieldIndex("scores")),
                        "no scores: " + row);
                assertEquals(cli.get("scoreKind").asText(), row.getString(row.fieldIndex("scoreKind")),
                        "the model's kind of score, as docbench classify names it on a document without a label: " + line);
                assertEquals(cli.get("reason").asText(), row.getString(row.fieldIndex("reason")), "reason: " + line);
                continue;
            }
            assertEquals(cli.get("label").asText(), label, "label: " + line);
            assertEquals(cli.get("scoreKind").asText(), row.getString(row.fieldIndex("scoreKind")), "score kind: " + line);
            assertEquals(cli.get("score").asDouble(), row.getDouble(row.fieldIndex("confidence")), 0.0, "score: " + line);
            Row scores = row.getStruct(row.fieldIndex("scores"));
            cli.get("scores").fields().forEachRemaining(e -> assertEquals(e.getValue().asDouble(),
                    scores.getDouble(scores.fieldIndex(e.getKey())), 0.0, "score of " + e.getKey() + ": " + line));
        }
        assertEquals(4, withoutLabel, cliOut.toString());

        // docbench evaluate on the same file: its reader skips the empty document, its runner answers the
        // training majority where no word is known; the job's metrics are those over the same documents
        JsonLinesReader reader = new JsonLinesReader(in, FieldMapping.of("text", "stance", "stance").withId("id"),
                OnError.SKIP_AND_REPORT);
        List<LabeledDocument> evaluated;
        try (var all = reader.documents()) {
            evaluated = all.filter(d -> d.label("stance") != null).toList();
        }
        List<String> skipped = reader.problems().list().stream().map(p -> p.docId() + ": " + p.what()).toList();
        assertTrue(skipped.contains("blank: document is empty"), "the reader skips the empty document: " + skipped);
        assertTrue(evaluated.stream().noneMatch(d -> d.id().equals("blank")), "and evaluate never scores it");
        SavedModel saved = SavedModel.load(fastModel);
        List<String> predicted = evaluated.stream().map(d -> saved.classify(d.text()).label()).toList();
        assertEquals(List.of(majority, majority), predicted.subList(predicted.size() - 2, predicted.size()),
                "docbench evaluate's answer for the two unknown labeled texts");
        TreeSet<String> all = new TreeSet<>(predicted);
        evaluated.forEach(d -> all.add(d.label("stance")));
        List<String> labels = List.copyOf(all);
        Metrics expected = Metrics.of(labels, evaluated.stream().mapToInt(d -> labels.indexOf(d.label("stance"))).toArray(),
                predicted.stream().mapToInt(labels::indexOf).toArray());
        JsonNode report = readJson(out.resolve("_report.json"));
        JsonNode rec = report.get("records").get(0);
        assertEquals(62, rec.get("testDocuments").asLong(), report.toString());
        assertEquals(expected.accuracy(), rec.get("accuracy").asDouble(), 1e-12, report.toString());
        assertEquals(expected.macroF1(), rec.get("macroF1").asDouble(), 1e-12, report.toString());
        JsonNode cm = report.get("experiments").get(0).get("models").get(0).get("metrics").get("confusion");
        int[][] want = expected.confusion();
        for (int t = 0; t < want.length; t++) {
            for (int p = 0; p < want.length; p++) {
                assertEquals(want[t][p], cm.get(t).get(p).asInt(), "confusion[" + t + "][" + p + "]: " + cm);
            }
        }
        assertTrue(report.get("notes").toString().contains("scored as the training majority '" + majority + "'"), report.toString());
    }

    /**
     * One small model per kind of score the fast path and Tribuo's predict give (margins, naive
     * Bayes' probabilities, LibSVM's one-vs-one votes, the forest's vote shares, and none for the
     * baselines): every record's label, confidence, scoreKind and scores are those {@code docbench
     * classify --json} prints for it, and a baseline writes null confidence and scores, as the
     * command prints none, where Tribuo gives its answer 1 and every other label 0.
     */
    @Test
    void everyKindOfScore_isDocbenchClassifysForTheSameRecord_andBaselinesWriteNoScore() throws IOException {
        // small, so that LibSVM and the forest train in moments: every 12th document, and 36 others to classify
        List<LabeledDocument> train = IntStream.range(0, docs.size()).filter(i -> i % 12 == 0).mapToObj(docs::get).toList();
        List<Map<String, Object>> records = new ArrayList<>();
        IntStream.range(0, docs.size()).filter(i -> i % 24 == 6).forEach(i -> records.add(SparkTestSupport.record(docs.get(i))));
        records.add(Map.of("id", "unknown-words", "text", "zzzz qqqq", "stance", "neutral")); // the baselines answer it, no other
        Path in = Files.createDirectories(dir.resolve("kinds-in")).resolve("part-0.jsonl");
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> m : records) {
            sb.append(SparkTestSupport.JSON.writeValueAsString(m)).append('\n');
        }
        Files.writeString(in, sb, StandardCharsets.UTF_8);
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("liblinear-svm", "margin");
        kinds.put("naive-bayes", "probability");
        kinds.put("libsvm-linear", "votes");
        kinds.put("random-forest", "vote-share");
        kinds.put("majority", "none");
        kinds.put("stratified", "none");
        for (Map.Entry<String, String> k : kinds.entrySet()) {
            String family = k.getKey();
            Path model = SparkTestSupport.trainModel(train, "stance", family, dir.resolve("kinds-" + family + ".model"));
            Path out = dir.resolve("kinds-out-" + family);
            SparkTestSupport.Run r = run("--input", in.toString(), "--model", model.toString(), "--output", out.toString(),
                    "--output-format", "jsonl");
            assertEquals(0, r.exit(), family + ": " + r);
            Map<String, Row> job = outputById(spark, out, "json");
            assertEquals(records.size(), job.size(), family + ": one row per record");

            StringWriter cliOut = new StringWriter();
            int code = org.docbench.classifiers.cli.DocbenchCli.run(new PrintWriter(cliOut), new PrintWriter(new StringWriter()),
                    "classify", "--model", model.toString(), "--jsonl", "--json", in.toString());
            assertEquals(0, code, family + ": " + cliOut);
            List<String> lines = cliOut.toString().strip().lines().toList();
            assertEquals(records.size(), lines.size(), family + ": one line per record from docbench classify");
            for (String line : lines) {
                JsonNode cli = SparkTestSupport.JSON.readTree(line);
                Row row = job.get(cli.get("id").asText());
                String where = family + ", " + line + " / " + row;
                if (cli.get("label").isNull()) {
                    assertNull(row.get(row.fieldIndex("label")), "no label, as docbench classify gives none: " + where);
                    continue;
                }
                assertEquals(k.getValue(), cli.get("scoreKind").asText(), where);
                assertEquals(k.getValue(), row.getString(row.fieldIndex("scoreKind")), "the kind of score: " + where);
                if (!family.equals("stratified")) { // its answer is a random draw per call, on any path
                    assertEquals(cli.get("label").asText(), row.getString(row.fieldIndex("label")), "label: " + where);
                }
                if (cli.get("score").isNull()) {
                    assertTrue(cli.get("scores").isNull(), where);
                    assertTrue(row.isNullAt(row.fieldIndex("confidence")) && row.isNullAt(row.fieldIndex("scores")),
                            "no confidence or scores where docbench classify prints none: " + where);
                    continue;
                }
                assertEquals(cli.get("score").asDouble(), row.getDouble(row.fieldIndex("confidence")), 0.0, "confidence: " + where);
                Row scores = row.getStruct(row.fieldIndex("scores"));
                cli.get("scores").fields().forEachRemaining(e -> assertEquals(e.getValue().asDouble(),
                        scores.getDouble(scores.fieldIndex(e.getKey())), 0.0, "score of " + e.getKey() + ": " + where));
            }
        }
    }

    /**
     * The majority baseline on two equally frequent labels (the embedded corpus's anti- and
     * pro-enforcement documents, 288 of each): every document gets the majority the model file
     * records, ties to the first label by name, as {@code docbench classify} and {@code evaluate}
     * answer, and no score.
     */
    @Test
    void majorityBaseline_onTwoTiedLabels_answersTheRecordedMajority_withoutAScore() throws IOException {
        List<LabeledDocument> tied = docs.stream().filter(d -> !d.label("stance").equals("neutral")).toList();
        Path model = SparkTestSupport.trainModel(tied, "stance", "majority", dir.resolve("tied-majority.model"));
        Map<String, Object> prov = Scorer.load(model).provenance();
        assertEquals(Map.of("anti-enforcement", 288, "pro-enforcement", 288), prov.get("labels"), "a tie: " + prov);
        assertEquals("anti-enforcement", prov.get("majority"), prov.toString());
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("tied-in"), tied.subList(0, 40), 1);
        Path out = dir.resolve("tied-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", model.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        Map<String, Row> job = outputById(spark, out, "json");
        assertEquals(40, job.size());
        for (Row row : job.values()) {
            assertEquals("anti-enforcement", row.getString(row.fieldIndex("label")), row.toString());
            assertEquals("none", row.getString(row.fieldIndex("scoreKind")), row.toString());
            assertTrue(row.isNullAt(row.fieldIndex("confidence")) && row.isNullAt(row.fieldIndex("scores")), row.toString());
        }
    }

    @Test
    void badRecords_areCountedAndNamed_andFailOnBadWritesNothing() throws IOException {
        Path in = Files.createDirectories(dir.resolve("bad-in"));
        StringBuilder sb = new StringBuilder();
        for (LabeledDocument d : docs.subList(0, 20)) {
            sb.append(SparkTestSupport.JSON.writeValueAsString(SparkTestSupport.record(d))).append('\n');
        }
        sb.append("{\"id\": \"broken-1\", \"text\": \"unterminated\n");
        sb.append("{\"id\": \"no-text\", \"stance\": \"pro-enforcement\"}\n");
        sb.append("{\"id\": \"blank\", \"text\": \"   \"}\n");
        sb.append("{\"text\": \"a document without an id\"}\n");
        Files.writeString(in.resolve("part-0.jsonl"), sb, StandardCharsets.UTF_8);
        Path out = dir.resolve("bad-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", fastModel.toString(), "--output", out.toString());

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 24, classified 20, without a label 1, bad 3"), r.out());
        JsonNode marker = readJson(out.resolve(OutputCommit.MARKER));
        String named = marker.get("badRecords").toString();
        for (String expect : List.of("each line holds one record: '{\\\"id\\\": \\\"broken-1\\\"", "[document no-text]: no text field 'text'",
                "no id in field 'id'", "part-0.jsonl")) {
            assertTrue(named.contains(expect), "names " + expect + ": " + named);
        }
        Map<String, Row> rows = outputById(spark, out, "parquet");
        assertEquals(24, rows.size(), "bad records are in the output with their problem, not dropped: " + rows.keySet());
        Row blank = rows.get("blank");
        assertNull(blank.get(blank.fieldIndex("label")), "blank text gets no label: " + blank);
        assertEquals(ClassifyPartition.EMPTY_TEXT, blank.getString(blank.fieldIndex("reason")), "and the CLI's reason: " + blank);
        assertTrue(blank.isNullAt(blank.fieldIndex("problem")), "and is no bad record: " + blank);

        Path strict = dir.resolve("bad-out-strict");
        SparkTestSupport.Run s = run("--input", in.toString(), "--model", fastModel.toString(), "--output", strict.toString(),
                "--fail-on-bad");
        assertEquals(3, s.exit(), s.toString());
        assertTrue(s.err().contains("3 bad record(s) under --fail-on-bad"), s.err());
        assertFalse(s.err().contains("\tat "), "no stack trace: " + s.err());
        assertFalse(Files.exists(strict), "nothing written under --fail-on-bad");
        assertEquals(List.of(), leftovers(dir), "no temporary output left");
    }

    @Test
    void existingOutput_isRefused_unlessOverwrite_andOnlyAnOutputOfThisJob() throws IOException {
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("ow-in"), docs.subList(0, 30), 1);
        Path out = dir.resolve("ow-out");
        String[] args = {"--input", in.toString(), "--model", fastModel.toString(), "--output", out.toString()};
        assertEquals(0, run(args).exit());

        SparkTestSupport.Run again = run(args);
        assertEquals(2, again.exit(), again.toString());
        assertTrue(again.err().contains("exists; pass --overwrite"), again.err());

        SparkTestSupport.Run over = run(concat(args, "--overwrite"));
        assertEquals(0, over.exit(), over.toString());
        assertTrue(Files.exists(out.resolve(OutputCommit.MARKER)));

        Path foreign = Files.createDirectories(dir.resolve("someone-elses"));
        Files.writeString(foreign.resolve("precious.txt"), "keep me");
        SparkTestSupport.Run refused = run("--input", in.toString(), "--model", fastModel.toString(),
                "--output", foreign.toString(), "--overwrite");
        assertEquals(2, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("is not an output of this job"), refused.err());
        assertEquals("keep me", Files.readString(foreign.resolve("precious.txt")));
        assertEquals(List.of(), leftovers(dir), "no temporary or old output left");
    }

    @Test
    void failedJob_leavesNoOutputVisible() throws IOException {
        Path in = dir.resolve("broken-parquet");
        spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("x1", "ICE detainer requests rose")),
                new org.apache.spark.sql.types.StructType().add("id", "string").add("text", "string"))
                .write().parquet(in.toString());
        Files.writeString(in.resolve("part-99999-garbage.parquet"), "this is not parquet", StandardCharsets.UTF_8);
        Path out = dir.resolve("broken-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", fastModel.toString(), "--output", out.toString());

        assertTrue(r.exit() != 0, r.toString());
        assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("docbench-spark:")).count(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "a failed job leaves no output");
        assertEquals(List.of(), leftovers(dir), "and no temporary output");
    }

    @Test
    void badCommandLinesAndInputs_getOneLineAndAnExitCode() throws IOException {
        Path notAModel = Files.writeString(dir.resolve("not-a-model.zip"), "nope");
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("cl-in"), docs.subList(0, 5), 1);
        Object[][] cases = {
                {2, new String[] {"--input", in.toString(), "--output", dir.resolve("cl-1").toString()}, "--model"},
                {3, new String[] {"--input", dir.resolve("nowhere").toString(), "--model", fastModel.toString(),
                        "--output", dir.resolve("cl-2").toString()}, "does not exist"},
                {3, new String[] {"--input", in.toString(), "--model", notAModel.toString(),
                        "--output", dir.resolve("cl-3").toString()}, "not a docbench model"},
                {3, new String[] {"--input", in.toString(), "--model", fastModel.toString(), "--text-field", "body",
                        "--output", dir.resolve("cl-4").toString()}, "has no field 'body'"},
                {2, new String[] {"--input", in.toString(), "--model", fastModel.toString(), "--format", "xml",
                        "--output", dir.resolve("cl-5").toString()}, "unknown --format"},
        };
        for (Object[] c : cases) {
            SparkTestSupport.Run r = run((String[]) c[1]);
            assertEquals(c[0], r.exit(), String.join(" ", (String[]) c[1]) + " -> " + r);
            assertTrue(r.err().contains((String) c[2]), "expected '" + c[2] + "': " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.train.SavedModel;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The job in local[2] on the embedded corpus, read through core's readers and written out in
 * each input format: the labels are {@link SavedModel#classify}'s (the CLI's) for every
 * document, the evaluation equals {@link Metrics} over the same predictions, bad records are
 * counted and named, outputs are never half-written and never replace what is not the job's.
 */
class ClassifyJobTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static List<LabeledDocument> docs;
    /** Logistic regression by SGD: compiles into the fast path. */
    static Path fastModel;
    /** LibLinear logistic regression: the fast path cannot compile it, so SavedModel.classify runs. */
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

    /** Asserts every document's label, confidence and scores equal SavedModel.classify's; returns the labels. */
    private static List<String> assertSameAsSavedModel(Path model, Map<String, Row> out, List<LabeledDocument> expected)
            throws IOException {
        SavedModel saved = SavedModel.load(model);
        List<String> predicted = new ArrayList<>();
        for (LabeledDocument d : expected) {
            Row r = out.get(d.id());
            assertNotNull(r, "document " + d.id() + " is missing from the output");
            SavedModel.Classification c = saved.classify(d.text());
            String label = r.getString(r.fieldIndex("label"));
            assertEquals(c.label(), label, "label of " + d.id() + ", row " + r);
            assertEquals(c.confidence(), r.getDouble(r.fieldIndex("confidence")), 1e-5, "confidence of " + d.id());
            Row scores = r.getStruct(r.fieldIndex("scores"));
            for (Map.Entry<String, Double> s : c.scores().entrySet()) {
                assertEquals(s.getValue(), scores.getDouble(scores.fieldIndex(s.getKey())), 1e-5,
                        "score of " + s.getKey() + " for " + d.id());
            }
            assertTrue(r.isNullAt(r.fieldIndex("problem")), "problem of " + d.id() + ": " + r);
            predicted.add(label);
        }
        assertEquals(expected.size(), out.size(), "output rows");
        return predicted;
    }

    @Test
    void jsonLines_fastPath_labelsAndReportEqualSavedModelAndMetrics() throws IOException {
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("jsonl-in"), docs, 3);
        Path out = dir.resolve("jsonl-out");
        int compiled = CompiledModel.compilations();

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", fastModel.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, CompiledModel.compilations() - compiled, "the model is compiled once per executor JVM, not per task");
        assertTrue(r.out().contains("read " + docs.size() + ", classified " + docs.size() + ", bad 0") && r.out().contains("fast path"), r.out());
        assertEquals(1, r.out().strip().lines().count(), "one summary line: " + r.out());
        List<String> predicted = assertSameAsSavedModel(fastModel, outputById(spark, out, "json"), docs);

        TreeSet<String> all = new TreeSet<>();
        docs.forEach(d -> all.add(d.label("stance")));
        predicted.forEach(all::add);
        List<String> labels = List.copyOf(all);
        Metrics expected = Metrics.of(labels, docs.stream().mapToInt(d -> labels.indexOf(d.label("stance"))).toArray(),
                predicted.stream().mapToInt(labels::indexOf).toArray());
        JsonNode report = readJson(out.resolve("_report.json"));
        assertEquals("docbench-accuracy/2", report.get("schema").asText());
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
        assertTrue(r.out().contains("SavedModel.classify"), "the summary says which path ran: " + r.out());
        assertTrue(Files.isDirectory(out.resolve("group=a")) && Files.isDirectory(out.resolve("group=f")),
                "partitioned as the input was: " + out);
        assertSameAsSavedModel(slowModel, outputById(spark, out, "parquet"), docs);
        assertTrue(Files.exists(out.resolve("_report.json")), "labeled by the 'topic' column, the model's task");
    }

    @Test
    void csvAndLayoutFolder_giveTheLabelsOfSavedModelAndOfDocbenchClassify() throws IOException {
        List<LabeledDocument> some = docs.subList(0, 200);
        Path csv = SparkTestSupport.writeCsv(dir.resolve("docs.csv"), some);
        Path layout = SparkTestSupport.writeLayout(dir.resolve("layout-in"), some);
        for (Path in : List.of(csv, layout)) {
            Path out = dir.resolve("out-" + in.getFileName());
            SparkTestSupport.Run r = run("--input", in.toString(), "--model", fastModel.toString(), "--output", out.toString());
            assertEquals(0, r.exit(), in + ": " + r);
            assertTrue(r.out().contains("read 200, classified 200, bad 0"), in + ": " + r.out());
            assertSameAsSavedModel(fastModel, outputById(spark, out, "parquet"), some);
        }
        // and the docbench command itself, on the layout folder's files
        List<String> args = new ArrayList<>(List.of("classify", "--model", fastModel.toString(), "--json"));
        some.forEach(d -> args.add(layout.resolve("docs/" + d.id() + ".txt").toString()));
        java.io.StringWriter cliOut = new java.io.StringWriter();
        int code = org.docbench.classifiers.cli.DocbenchCli.run(new java.io.PrintWriter(cliOut),
                new java.io.PrintWriter(new java.io.StringWriter()), args.toArray(String[]::new));
        assertEquals(0, code, cliOut.toString());
        Map<String, Row> job = outputById(spark, dir.resolve("out-layout-in"), "parquet");
        List<String> lines = cliOut.toString().strip().lines().toList();
        assertEquals(some.size(), lines.size(), "one line per document from docbench classify");
        for (String line : lines) {
            JsonNode cli = SparkTestSupport.JSON.readTree(line);
            String id = cli.get("id").asText().replaceFirst("\\.txt$", "");
            Row r = job.get(id);
            assertNotNull(r, "document " + id + " is missing from the job's output");
            assertEquals(cli.get("label").asText(), r.getString(r.fieldIndex("label")), "label of " + id + ": " + line);
            assertEquals(cli.get("score").asDouble(), r.getDouble(r.fieldIndex("confidence")), 1e-5, "confidence of " + id);
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
        assertTrue(r.out().contains("read 24, classified 20, bad 4"), r.out());
        JsonNode marker = readJson(out.resolve(OutputCommit.MARKER));
        String named = marker.get("badRecords").toString();
        for (String expect : List.of("malformed record '{\\\"id\\\": \\\"broken-1\\\"", "[document no-text]: no text field 'text'",
                "[document blank]: document is empty", "no id in field 'id'", "part-0.jsonl")) {
            assertTrue(named.contains(expect), "names " + expect + ": " + named);
        }
        Map<String, Row> rows = outputById(spark, out, "parquet");
        assertEquals(24, rows.size(), "bad records are in the output with their problem, not dropped: " + rows.keySet());
        assertNull(rows.get("blank").get(rows.get("blank").fieldIndex("label")));

        Path strict = dir.resolve("bad-out-strict");
        SparkTestSupport.Run s = run("--input", in.toString(), "--model", fastModel.toString(), "--output", strict.toString(),
                "--fail-on-bad");
        assertEquals(3, s.exit(), s.toString());
        assertTrue(s.err().contains("4 bad record(s) under --fail-on-bad"), s.err());
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

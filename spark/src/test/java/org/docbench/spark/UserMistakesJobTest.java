package org.docbench.spark;

import static org.docbench.spark.SparkTestSupport.leftovers;
import static org.docbench.spark.SparkTestSupport.outputById;
import static org.docbench.spark.SparkTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user gets wrong, and what the job answers: a damaged model, a folder given as the
 * model, an output that cannot be created or overlaps the input, a glob, an input without a
 * record, a line that is not UTF-8, and the help itself. Each answer is one line and an exit
 * code, before the work where it can be, and nothing of the user's is lost.
 */
class UserMistakesJobTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static List<LabeledDocument> docs;
    static Path model;

    @BeforeAll
    static void setUp() throws IOException {
        spark = SparkTestSupport.session();
        docs = LayoutCorpusReader.embedded().readAll();
        model = SparkTestSupport.trainModel(docs, "stance", "logreg-sgd", dir.resolve("stance.model"));
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    private static Path input(String name, int n) throws IOException {
        return SparkTestSupport.writeJsonLines(dir.resolve(name), docs.subList(0, n), 1);
    }

    private static void assertOneLine(SparkTestSupport.Run r) {
        assertEquals(1, r.err().strip().lines().count(), "one line on stderr: " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void truncatedModelFile_isRefusedAsNotADocbenchModel_withExit3() throws IOException {
        // provenance.json comes first in the zip, so the driver reads it from a file cut inside compiled-2.bin,
        // which the executors load
        byte[] whole = Files.readAllBytes(model);
        Path cut = Files.write(dir.resolve("cut.model"), Arrays.copyOf(whole, 4000));
        Path out = dir.resolve("cut-out");

        SparkTestSupport.Run r = run("--input", input("cut-in", 5).toString(), "--model", cut.toString(),
                "--output", out.toString());

        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("model file " + cut + " is not a docbench model"), r.err());
        assertOneLine(r);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void folderGivenAsTheModel_isNamedAsAFolder() throws IOException {
        SparkTestSupport.Run r = run("--input", input("folder-model-in", 3).toString(), "--model", dir.toString(),
                "--output", dir.resolve("folder-model-out").toString());

        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("model file " + dir + " is a folder, not a model file"), r.err());
    }

    @Test
    void inputOrModelThatIsALinkToNothing_isNamedSo_asClassifyNamesIt() throws IOException {
        Path gone = Files.createSymbolicLink(dir.resolve("gone.jsonl"), dir.resolve("deleted.jsonl"));
        Path goneModel = Files.createSymbolicLink(dir.resolve("gone.model"), dir.resolve("deleted.model"));

        SparkTestSupport.Run input = run("--input", gone.toString(), "--model", model.toString(),
                "--output", dir.resolve("gone-out").toString());
        SparkTestSupport.Run modelRun = run("--input", input("gone-model-in", 3).toString(), "--model", goneModel.toString(),
                "--output", dir.resolve("gone-model-out").toString());

        assertEquals(3, input.exit(), input.toString());
        assertTrue(input.err().contains("input " + gone + " is a link to nothing (" + dir.resolve("deleted.jsonl")
                + " does not exist)"), input.err());
        assertEquals(3, modelRun.exit(), modelRun.toString());
        assertTrue(modelRun.err().contains("model file " + goneModel + " is a link to nothing (" + dir.resolve("deleted.model")
                + " does not exist)"), modelRun.err());
        assertOneLine(input);
    }

    @Test
    void outputUnderAFile_isRefusedWithExit3_namingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");

        SparkTestSupport.Run r = run("--input", input("under-file-in", 3).toString(), "--model", model.toString(),
                "--output", file.resolve("labels").toString());

        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains(file + " is a file, not a folder"), r.err());
        assertOneLine(r);
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void outputInsideTheInput_isRefused_andOneHoldingTheInputIsNeverReplaced() throws IOException {
        Path in = input("overlap-in", 5);
        SparkTestSupport.Run inside = run("--input", in.toString(), "--model", model.toString(),
                "--output", in.resolve("labels").toString());
        assertEquals(2, inside.exit(), inside.toString());
        assertTrue(inside.err().contains("is inside the input"), inside.err());
        assertFalse(Files.exists(in.resolve("labels")));

        // a previous output read again (its ids as text) and written over itself would be deleted by the commit
        Path previous = dir.resolve("overlap-out");
        assertEquals(0, run("--input", in.toString(), "--model", model.toString(), "--output", previous.toString(),
                "--output-format", "jsonl").exit());
        for (String input : List.of(previous.toString(), previous + "/part-*")) {
            SparkTestSupport.Run over = run("--input", input, "--model", model.toString(), "--text-field", "id",
                    "--output", previous.toString(), "--overwrite");
            assertEquals(2, over.exit(), input + ": " + over);
            assertOneLine(over);
        }
        try (var parts = Files.list(previous)) {
            assertEquals(1, parts.filter(p -> p.getFileName().toString().startsWith("part-")).count(), "the input is kept");
        }
        assertEquals(List.of(), leftovers(dir), "no temporary output left");
    }

    @Test
    void globInput_readsEveryMatchingFile_andAGlobMatchingNothingIsNamed() throws IOException {
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("glob-in"), docs.subList(0, 9), 3);
        Files.writeString(in.resolve("notes.md"), "not a record", StandardCharsets.UTF_8);
        Path out = dir.resolve("glob-out");

        SparkTestSupport.Run r = run("--input", in + "/part-*.jsonl", "--model", model.toString(), "--output", out.toString());

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 9, classified 9"), r.out());
        assertEquals(9, outputById(spark, out, "parquet").size());

        SparkTestSupport.Run none = run("--input", in + "/zz-*.jsonl", "--model", model.toString(),
                "--output", dir.resolve("glob-none").toString());
        assertEquals(3, none.exit(), none.toString());
        assertTrue(none.err().contains("matches no file"), none.err());
    }

    @Test
    void globOfPartFiles_saysWhatHadoopsGlobDrops_aLinkToNothingSkipped_aNameNotUtf8Refused() throws Exception {
        // the glob is checked before any format reads it, so part files are judged as a folder of documents is
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("glob-dropped-in"), docs.subList(0, 9), 3);
        Path gone = Files.createSymbolicLink(in.resolve("part-gone.jsonl"), in.resolve("deleted.jsonl"));

        SparkTestSupport.Run linked = run("--input", in + "/part-*.jsonl", "--model", model.toString(),
                "--output", dir.resolve("glob-dropped-out").toString());

        assertEquals(0, linked.exit(), linked.toString());
        assertTrue(linked.err().contains("docbench-spark: skipped " + gone + ": a link to nothing"), linked.err());
        assertTrue(linked.out().contains("read 9, classified 9"), linked.out());

        Process p = new ProcessBuilder("/bin/sh", "-c", "cp part-00000*.jsonl \"$(printf 'part-\\377.jsonl')\"")
                .directory(in.toFile()).start();
        assertEquals(0, p.waitFor());
        Path out = dir.resolve("glob-undecodable-out");

        SparkTestSupport.Run r = run("--input", in + "/part-*.jsonl", "--model", model.toString(), "--output", out.toString());

        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("docbench-spark: folder " + in + " holds a file ") && r.err().contains("(" + in + "/part-"),
                r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void inputWithoutARecord_exits3_andWritesNothing() throws IOException {
        Path empty = Files.writeString(Files.createDirectories(dir.resolve("empty-in")).resolve("news.jsonl"), "");
        Path out = dir.resolve("empty-out");

        SparkTestSupport.Run r = run("--input", empty.toString(), "--model", model.toString(), "--output", out.toString());

        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("holds no records"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void inputWhereNoDocumentGetsALabel_exits3_asDocbenchClassifyDoes_andKeepsTheReasons() throws IOException {
        Path in = Files.writeString(Files.createDirectories(dir.resolve("nolabel-in")).resolve("news.jsonl"),
                "{\"id\":\"blank\",\"text\":\"  \"}\n{\"id\":\"unknown\",\"text\":\"zzqx vvkq\"}\n");
        Path out = dir.resolve("nolabel-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", model.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("no document got a label"), r.err());
        Map<String, Row> rows = outputById(spark, out, "json");
        assertEquals(ClassifyPartition.EMPTY_TEXT, rows.get("blank").getAs("reason"));
        assertEquals(ClassifyPartition.NO_KNOWN_WORD, rows.get("unknown").getAs("reason"));
    }

    @Test
    void labelFieldNoRecordCarries_exits3_sayingNothingWasEvaluated() throws IOException {
        Path in = input("label-typo-in", 5);
        Path out = dir.resolve("label-typo-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", model.toString(), "--output", out.toString(),
                "--label-field", "stanse");

        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("no record carries the label field 'stanse'"), r.err());
        assertTrue(r.out().contains("read 5, classified 5"), "the documents are still classified: " + r.out());
    }

    @Test
    void labelFieldOfAnotherTask_isWarnedAbout_whenItSharesNoLabelWithTheModel() throws IOException {
        // another corpus's 'stance' field (left/right) is taken by default for a model of the task 'stance'
        Path in = Files.writeString(Files.createDirectories(dir.resolve("other-task-in")).resolve("news.jsonl"),
                "{\"id\":\"a\",\"text\":\"ICE detainers and the sheriff\",\"stance\":\"left\"}\n"
                        + "{\"id\":\"b\",\"text\":\"sanctuary city deportation raids\",\"stance\":\"right\"}\n");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", model.toString(),
                "--output", dir.resolve("other-task-out").toString());

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("warning: the labels of field 'stance' [left, right] share none with the model's"), r.err());
    }

    @Test
    void jsonLineThatIsNotUtf8_isNamedAsNotUtf8() throws IOException {
        Path in = Files.createDirectories(dir.resolve("latin1-in")).resolve("news.jsonl");
        Files.write(in, ("{\"id\":\"ok\",\"text\":\"ICE detainers\"}\n{\"id\":\"l2\",\"text\":\"caf").getBytes(StandardCharsets.UTF_8));
        Files.write(in, new byte[] {(byte) 0xe9}, java.nio.file.StandardOpenOption.APPEND);
        Files.write(in, " deportation\"}\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("latin1-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", model.toString(), "--output", out.toString());

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("not valid UTF-8"), r.err());
    }

    @Test
    void help_wrapsEachParagraphOnce_withinEightyColumns() {
        SparkTestSupport.Run r = run("--help");

        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            String next = lines.get(i + 1);
            assertTrue(line.length() <= 80, "over 80 columns: " + line);
            // a line broken twice (once by us, once by picocli) is short though its paragraph goes on
            boolean continues = !line.startsWith(" ") && !next.isBlank() && !next.startsWith(" ") && !next.startsWith("Examples")
                    && !line.isBlank() && !line.endsWith(".") && !line.endsWith(":") && !line.endsWith("\\");
            assertFalse(continues && line.length() < 50, "a short line in the middle of a paragraph: '" + line + "'");
        }
    }
}

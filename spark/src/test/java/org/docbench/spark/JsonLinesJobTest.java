package org.docbench.spark;

import static org.docbench.spark.SparkTestSupport.outputById;
import static org.docbench.spark.SparkTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.docbench.classifiers.cli.DocbenchCli;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON Lines records are judged as {@code docbench classify --jsonl} judges them: a record it
 * refuses (text that is not a string, an id that is an object, a field given twice, two records
 * on one line, a line that is not an object or not UTF-8) is a bad record here, named with
 * classify's reason, never classified as its JSON spelling; the records it takes get its labels.
 */
class JsonLinesJobTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static Path model;

    @BeforeAll
    static void setUp() throws IOException {
        spark = SparkTestSupport.session();
        model = SparkTestSupport.trainModel(LayoutCorpusReader.embedded().readAll(), "stance", "logreg-sgd",
                dir.resolve("stance.model"));
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    @Test
    void recordsClassifyRefuses_areBadRecordsWithItsReason_andTheOthersGetItsLabels() throws IOException {
        String good1 = "{\"id\":\"g1\",\"text\":\"ICE agents detained immigrants under the 287(g) program\"}";
        String good2 = "{\"id\":7,\"text\":\"Sanctuary city advocates protest deportation raids\"}";
        String good3 = "{\"id\":\" g 3 \",\"text\":\"the sheriff signed a 287(g) agreement\"}"; // the id kept as spelled
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}); // a BOM, which classify drops
        bytes.write((good1 + "\r\n").getBytes(StandardCharsets.UTF_8));
        bytes.write((good2 + "\n   \n" + good3 + "\n").getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of(
                "{\"id\":\"n1\",\"text\":123}",
                "{\"id\":\"n2\",\"text\":[\"deportation\"]}",
                "{\"id\":{\"x\":1},\"text\":\"sheriff\"}",
                "{\"id\":\"d1\",\"text\":\"sheriff\",\"text\":\"detainer\"}",
                "{\"id\":\"t1\",\"text\":\"sheriff\"}{\"id\":\"t2\",\"text\":\"detainer\"}",
                "[1,2]",
                "{\"id\":\"\\ud800x\",\"text\":\"sheriff\"}")) {
            bytes.write((bad + "\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.write("{\"id\":\"l1\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xe9});
        bytes.write(" deportation\"}\n".getBytes(StandardCharsets.UTF_8));
        Path in = Files.write(Files.createDirectories(dir.resolve("records-in")).resolve("news.jsonl"), bytes.toByteArray());
        Path out = dir.resolve("records-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--model", model.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 11, classified 3, without a label 0, bad 8"), r.out());
        for (String reason : List.of("[document n1]: the text field 'text' is a number, not a string",
                "[document n2]: the text field 'text' is an array, not a string",
                "the id field 'id' is an object; an id is a string, number or boolean",
                "not a JSON record (Duplicate field 'text')", "not a JSON record (more than one JSON value on the line)",
                "JSON, but not an object", "not valid UTF-8",
                "the id field 'id' holds half of a UTF-16 surrogate pair")) {
            assertTrue(r.err().contains(reason), "names '" + reason + "': " + r.err());
        }

        Path goodOnly = Files.writeString(dir.resolve("good.jsonl"), good1 + "\n" + good2 + "\n" + good3 + "\n");
        StringWriter cliOut = new StringWriter();
        assertEquals(0, DocbenchCli.run(new PrintWriter(cliOut), new PrintWriter(new StringWriter()),
                "classify", "--model", model.toString(), "--jsonl", "--json", goodOnly.toString()));
        Map<String, Row> job = outputById(spark, out, "json");
        List<String> lines = cliOut.toString().strip().lines().toList();
        assertEquals(3, lines.size(), cliOut.toString());
        for (String line : lines) {
            JsonNode cli = SparkTestSupport.JSON.readTree(line);
            Row row = job.get(cli.get("id").asText());
            assertNotNull(row, "record " + cli.get("id") + " (ids as classify spells them) in " + job.keySet());
            assertEquals(cli.get("label").asText(), row.getAs("label"), line);
            assertEquals(cli.get("score").asDouble(), (double) row.getAs("confidence"), 0.0, line);
        }
    }

    /**
     * A folder of JSON Lines files goes through Spark's own listing, which drops a link to nothing
     * without a word; the job names it, beside the partition folders and in one, as it does in a
     * folder of documents.
     */
    @Test
    void aLinkToNothingInAJsonLinesFolder_isSkippedAndSaidSo() throws IOException {
        Path in = Files.createDirectories(dir.resolve("linked-in"));
        Path first = Files.createDirectories(in.resolve("year=2024"));
        Files.writeString(first.resolve("part-1.jsonl"), "{\"id\":\"a1\",\"text\":\"the sheriff signed a 287(g) agreement\"}\n");
        Path gone = Files.createSymbolicLink(in.resolve("part-2.jsonl"), in.resolve("deleted.jsonl"));
        Path sub = Files.createDirectories(in.resolve("year=2025"));
        Files.writeString(sub.resolve("part-3.jsonl"), "{\"id\":\"a3\",\"text\":\"sanctuary advocates protest raids\"}\n");
        Path goneBelow = Files.createSymbolicLink(sub.resolve("part-4.jsonl"), sub.resolve("deleted.jsonl"));
        Path out = dir.resolve("linked-out");

        SparkTestSupport.Run r = run("--input", in.toString(), "--format", "jsonl", "--model", model.toString(),
                "--output", out.toString(), "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 2, classified 2"), r.out());
        assertTrue(r.err().contains("docbench-spark: skipped " + gone + ": a link to nothing"), r.err());
        assertTrue(r.err().contains("docbench-spark: skipped " + goneBelow + ": a link to nothing"), r.err());
    }

    /**
     * Spark reads a folder's files or its partition folders, and no other subfolder: a folder of
     * files beside the data files is named as not read, and files or folders beside partition
     * folders (which Spark drops, or stops on with an assertion) are refused before Spark starts.
     */
    @Test
    void subfoldersSparkDoesNotRead_areNamed_andALayoutItCannotRead_isRefused() throws IOException {
        String record = "{\"id\":\"b1\",\"text\":\"the sheriff signed a 287(g) agreement\"}\n";
        Path flat = Files.createDirectories(dir.resolve("flat-in"));
        Files.writeString(flat.resolve("part-1.jsonl"), record);
        Path drafts = Files.createDirectories(flat.resolve("drafts"));
        Files.writeString(drafts.resolve("part-2.jsonl"), record.replace("b1", "b2"));
        SparkTestSupport.Run r = run("--input", flat.toString(), "--format", "jsonl", "--model", model.toString(),
                "--output", dir.resolve("flat-out").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 1, classified 1"), r.out());
        assertTrue(r.err().contains("docbench-spark: not read: " + drafts + " is a folder in a data folder"), r.err());

        Path mixed = Files.createDirectories(dir.resolve("mixed-in"));
        Files.writeString(Files.createDirectories(mixed.resolve("year=2024")).resolve("part-1.jsonl"), record);
        Files.writeString(Files.createDirectories(mixed.resolve("drafts")).resolve("part-2.jsonl"), record);
        Path out = dir.resolve("mixed-out");
        r = run("--input", mixed.toString(), "--format", "jsonl", "--model", model.toString(), "--output", out.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("input " + mixed + " holds folders (drafts) beside partition folders (year=2024)"), r.err());
        assertTrue(Files.notExists(out), "nothing written");

        Files.delete(mixed.resolve("drafts").resolve("part-2.jsonl"));
        Files.writeString(mixed.resolve("top.jsonl"), record);
        r = run("--input", mixed.toString(), "--format", "jsonl", "--model", model.toString(), "--output", out.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("input " + mixed + " holds files (top.jsonl) beside partition folders (year=2024)"), r.err());
    }
}

package org.docbench.spark;

import static org.docbench.spark.SparkTestSupport.outputById;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.docbench.classifiers.cli.DocbenchCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A folder (or glob) of .txt and .html files is read as {@code docbench classify FOLDER} reads it:
 * the same files, the same ids, and for each the same label, confidence, kind of score, scores
 * and reason; a file classify refuses is a bad record named in classify's words.
 */
class TextFolderJobTest {
    @TempDir
    static Path dir;

    static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSupport.session();
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    /** A folder of news: plain text, a web page in a subfolder, an empty and a blank file, and files classify skips. */
    static Path newsFolder(Path root) throws IOException {
        Files.createDirectories(root.resolve("world/pages"));
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve("a.txt"), "ICE agents detained immigrants under the 287(g) program after the sheriff "
                + "signed the agreement", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("b.txt"), "\uFEFFSanctuary city advocates protest deportation raids and call "
                + "detainers unconstitutional", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("world/pages/raid.html"), "<!DOCTYPE html><html><head><title>Raids</title>"
                + "<script>var deportation = 1;</script></head><body><nav>Home | World</nav><p>The county ended its "
                + "287(g) agreement &amp; stopped honoring ICE detainers.</p></body></html>", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("world/_wire.txt"), "Border patrol arrests rose as the governor deployed the guard",
                StandardCharsets.UTF_8);
        Files.writeString(root.resolve("empty.txt"), "");
        Files.writeString(root.resolve("blank.txt"), "  \n\t\n");
        Files.writeString(root.resolve("README.md"), "notes, not a document");
        Files.writeString(root.resolve(".draft.txt"), "hidden, not a document");
        Files.writeString(root.resolve(".git/HEAD.txt"), "hidden, not a document");
        return root;
    }

    static List<JsonNode> classify(String... args) throws IOException {
        StringWriter out = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("classify", "--task", "stance", "--json"));
        all.addAll(List.of(args));
        assertEquals(0, DocbenchCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), all.toArray(String[]::new)));
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString().strip().split("\n")) {
            lines.add(SparkTestSupport.JSON.readTree(line));
        }
        return lines;
    }

    static void assertSameAsClassify(List<JsonNode> cli, Map<String, Row> job) {
        Set<String> cliIds = new TreeSet<>();
        cli.forEach(c -> cliIds.add(c.get("id").asText()));
        assertEquals(cliIds, new TreeSet<>(job.keySet()), "the files classify reads, under its ids");
        for (JsonNode c : cli) {
            Row row = job.get(c.get("id").asText());
            assertEquals(c.get("label").isNull() ? null : c.get("label").asText(), row.getAs("label"), c.toString());
            assertEquals(c.get("scoreKind").asText(), row.getAs("scoreKind"), c.toString());
            assertEquals(c.has("reason") ? c.get("reason").asText() : null, row.getAs("reason"), c.toString());
            if (c.get("score").isNull()) {
                assertNull(row.getAs("confidence"), c.toString());
                assertNull(row.getAs("scores"), c.toString());
            } else {
                assertEquals(c.get("score").asDouble(), (double) row.getAs("confidence"), 0.0, c.toString());
                Row scores = row.getAs("scores");
                c.get("scores").fields().forEachRemaining(e -> assertEquals(e.getValue().asDouble(),
                        (double) scores.getAs(e.getKey()), 0.0, c + " " + e.getKey()));
            }
        }
    }

    @Test
    void aFolderOfTextAndHtmlFiles_getsClassifysIdsLabelsScoresAndReasons() throws IOException {
        Path news = newsFolder(dir.resolve("news"));
        Path out = dir.resolve("news-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", news.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 6, classified 4, without a label 2, bad 0"), r.out());
        Map<String, Row> job = outputById(spark, out, "json");
        assertSameAsClassify(classify(news.toString()), job);
        assertEquals("the text is empty", job.get(news.resolve("empty.txt").toString()).getAs("reason"));
        assertNotNull(job.get(news.resolve("world/pages/raid.html").toString()).getAs("label"), "a page is classified by its text");
    }

    @Test
    void aGlob_readsWhatItMatches_underTheIdsTheShellWouldHaveGivenClassify() throws IOException {
        Path news = newsFolder(dir.resolve("globbed"));
        Path out = dir.resolve("glob-out");

        // the shell expands globbed/w* to globbed/world, which classify reads as a folder
        SparkTestSupport.Run r = run("--task", "stance", "--input", news + "/w*", "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertSameAsClassify(classify(news.resolve("world").toString()), outputById(spark, out, "json"));
    }

    @Test
    void aFileThatIsNotUtf8_isABadRecordNamedAsClassifyNamesIt() throws IOException {
        Path news = newsFolder(dir.resolve("latin"));
        Path latin = Files.write(news.resolve("latin1.txt"), "caf\u00e9 deportation".getBytes(StandardCharsets.ISO_8859_1));
        StringWriter cliErr = new StringWriter();
        assertEquals(3, DocbenchCli.run(new PrintWriter(new StringWriter()), new PrintWriter(cliErr),
                "classify", "--task", "stance", latin.toString()));
        String classifySays = cliErr.toString().lines().filter(l -> l.startsWith("docbench: ")).findFirst().orElseThrow()
                .substring("docbench: ".length());
        Path out = dir.resolve("latin-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", news.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("bad record: " + classifySays), classifySays + " in " + r.err());
        assertEquals(classifySays, outputById(spark, out, "json").get(latin.toString()).getAs("problem"));
    }

    @Test
    void aFolderWithoutDocuments_isRefusedAsClassifyRefusesIt_andNothingIsWritten() throws IOException {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("todo.md"), "no document here");
        Files.writeString(notes.resolve(".hidden.txt"), "hidden");
        Path out = dir.resolve("notes-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", notes.toString(), "--format", "text",
                "--output", out.toString());

        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("docbench-spark: folder " + notes + " holds no .txt or .html document"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aFolderOfDocumentsBesideAReadme_isReadAsTextWithoutFormat() throws IOException {
        Path news = newsFolder(dir.resolve("auto"));
        Path out = dir.resolve("auto-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", news.toString(), "--output", out.toString());

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 6,"), r.out());
    }

    @Test
    void aFileReachedTwiceThroughALink_isReadOnce_underTheNameClassifyGivesIt() throws IOException {
        Path news = newsFolder(dir.resolve("linked"));
        Files.createSymbolicLink(news.resolve("alias"), news.resolve("world"));
        Path out = dir.resolve("linked-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", news.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertSameAsClassify(classify(news.toString()), outputById(spark, out, "json"));
        assertTrue(r.err().contains(news.resolve("world/_wire.txt") + " is " + news.resolve("alias/_wire.txt")
                + " (through a link); read once"), r.err());
    }

    @Test
    void aLinkToNothingInTheFolder_isSkippedAndSaidSo_asClassifySkipsIt() throws IOException {
        Path news = newsFolder(dir.resolve("dangling"));
        Path gone = Files.createSymbolicLink(news.resolve("gone.txt"), news.resolve("deleted.txt"));
        StringWriter cliErr = new StringWriter();
        assertEquals(0, DocbenchCli.run(new PrintWriter(new StringWriter()), new PrintWriter(cliErr),
                "classify", "--task", "stance", news.toString()));
        assertTrue(cliErr.toString().contains("docbench: skipped " + gone + ": a link to nothing"), cliErr.toString());
        Path out = dir.resolve("dangling-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", news.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("docbench-spark: skipped " + gone + ": a link to nothing"), r.err());
        assertSameAsClassify(classify(news.toString()), outputById(spark, out, "json"));
    }

    @Test
    void aLinkBackToAFolderItIsIn_isSkippedAndSaidSo_asClassifySkipsIt() throws IOException {
        Path news = newsFolder(dir.resolve("looped"));
        Path up = Files.createSymbolicLink(news.resolve("world").resolve("up"), news);
        StringWriter cliErr = new StringWriter();
        assertEquals(0, DocbenchCli.run(new PrintWriter(new StringWriter()), new PrintWriter(cliErr),
                "classify", "--task", "stance", news.toString()));
        assertTrue(cliErr.toString().contains("docbench: skipped " + up + ": a link back to a folder it is in"), cliErr.toString());
        Path out = dir.resolve("looped-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", news.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("docbench-spark: skipped " + up + ": a link back to a folder it is in"), r.err());
        assertFalse(r.err().contains("(through a link)"), "the loop is not walked: " + r.err());
        assertSameAsClassify(classify(news.toString()), outputById(spark, out, "json"));
    }

    /** Shell commands making a file, and a folder holding a document, whose names' bytes are not UTF-8. */
    private static final List<String> UNDECODABLE = List.of("touch \"$(printf 'bad\\377name.txt')\"",
            "mkdir \"$(printf 'bad\\377folder')\" && echo jail > \"$(printf 'bad\\377folder')/a.txt\"");

    /**
     * Makes {@code make}'s name in a new news folder, then runs the job on {@code input} of that folder and asserts
     * it stops as classify stops on the folder, in its words, with nothing written.
     */
    private static void assertRefusedAsClassifyRefusesTheFolder(String make, java.util.function.Function<Path, String> input,
                                                                String... args) throws Exception {
        // Names whose bytes are not UTF-8: made by the shell, as Java spells every name in the locale's charset.
        // Hadoop's listing and globber drop them without a word, as they drop every name they cannot look up.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path news = newsFolder(Files.createTempDirectory(dir, "undecodable"));
        Process p = new ProcessBuilder("/bin/sh", "-c", make).directory(news.toFile()).start();
        assertEquals(0, p.waitFor(), make);
        StringWriter cliErr = new StringWriter();
        assertEquals(3, DocbenchCli.run(new PrintWriter(new StringWriter()), new PrintWriter(cliErr),
                "classify", "--task", "stance", news.toString()), make);
        String classifySays = cliErr.toString().lines().filter(l -> l.startsWith("docbench: ")).findFirst().orElseThrow()
                .substring("docbench: ".length());
        Path out = news.resolveSibling(news.getFileName() + "-out");
        List<String> all = new java.util.ArrayList<>(List.of("--task", "stance", "--input", input.apply(news),
                "--output", out.toString(), "--output-format", "jsonl"));
        all.addAll(List.of(args));

        SparkTestSupport.Run r = run(all.toArray(String[]::new));

        assertEquals(3, r.exit(), make + ": " + r);
        assertTrue(r.err().contains("docbench-spark: " + classifySays), classifySays + " in " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aFileOrFolderWhoseNameIsNotUtf8_isRefusedAsClassifyRefusesIt_andNothingIsWritten() throws Exception {
        for (String make : UNDECODABLE) {
            assertRefusedAsClassifyRefusesTheFolder(make, Path::toString);
        }
    }

    @Test
    void aLinkToNothingAGlobMatches_isSkippedAndSaidSo_asInAFolder() throws IOException {
        // Hadoop's globber drops a link to nothing without a word, as its folder listing does
        Path news = newsFolder(dir.resolve("dangling-glob"));
        Path gone = Files.createSymbolicLink(news.resolve("gone.txt"), news.resolve("deleted.txt"));
        Path out = dir.resolve("dangling-glob-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", news + "/*.txt", "--output", out.toString(),
                "--output-format", "jsonl");
        SparkTestSupport.Run onlyIt = run("--task", "stance", "--input", news + "/gone*", "--output",
                dir.resolve("dangling-glob-none").toString());

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("docbench-spark: skipped " + gone + ": a link to nothing"), r.err());
        assertTrue(r.out().contains("read 4,"), r.out());
        assertEquals(3, onlyIt.exit(), onlyIt.toString());
        assertTrue(onlyIt.err().contains("docbench-spark: skipped " + gone + ": a link to nothing"), onlyIt.err());
        assertTrue(onlyIt.err().contains("matches no file"), onlyIt.err());
    }

    @Test
    void aFileOrFolderAGlobMatchesWhoseNameIsNotUtf8_isRefusedAsInAFolder_andNothingIsWritten() throws Exception {
        // without the check the glob's other matches would be read, and the job would succeed
        for (String make : UNDECODABLE) {
            assertRefusedAsClassifyRefusesTheFolder(make, news -> news + "/*", "--format", "text");
        }
    }

    @Test
    void aFileTheExecutorsHeapCannotHold_isABadRecordInClassifysWords_andTheOthersAreClassified() throws IOException {
        Path news = newsFolder(dir.resolve("huge"));
        Path huge = news.resolve("archive.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(Runtime.getRuntime().maxMemory() / 40 + (1 << 20)); // sparse: its size, not its bytes, on disk
        }
        Path out = dir.resolve("huge-out");

        SparkTestSupport.Run r = run("--task", "stance", "--input", news.toString(), "--output", out.toString(),
                "--output-format", "jsonl");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("read 7, classified 4, without a label 2, bad 1"), r.out());
        String problem = outputById(spark, out, "json").get(huge.toString()).getAs("problem");
        assertTrue(problem.startsWith("document " + huge + " is ") && problem.contains("more than this JVM can hold as one document"),
                problem);
    }
}

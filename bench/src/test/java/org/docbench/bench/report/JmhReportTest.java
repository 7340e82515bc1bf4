package org.docbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JmhReportTest {
    /** Real JMH output of a smoke run (one iteration of 200 ms: the figures mean nothing, the shape is JMH's). */
    static final Path TOKENIZE = Path.of("src/test/resources/jmh/tokenize-smoke.json");
    static final Path INFERENCE = Path.of("src/test/resources/jmh/inference-smoke.json");
    static final Path GOLDEN = Path.of("src/test/resources/golden/jmh-report.md");
    static final String MACHINE = "test machine, 2 logical CPUs";

    static String goldenRender() {
        List<Path> files = List.of(TOKENIZE, INFERENCE);
        return JmhReport.render(MACHINE, files, List.of(
                "java -jar bench/target/benchmarks.jar 'TokenizeBenchmark' -f 1 -wi 1 -i 1 -w 200ms -r 200ms -prof gc"
                        + " -rf json -rff target/jmh/tokenize-smoke.json",
                "java -jar bench/target/benchmarks.jar"
                        + " 'InferenceBenchmark.(tribuoStockEndToEnd|docbenchFastRawEndToEnd|docbenchFastRawEndToEndTwoThreads)$'"
                        + " -p model=logreg -p limit=300 -f 1 -wi 1 -i 1 -w 200ms -r 200ms -rf json -rff target/jmh/inference-smoke.json"),
                files.stream().map(JmhReport::read).toList());
    }

    /**
     * Pins the whole Markdown for the two fixture runs. After an intended change, regenerate with
     * {@code mvn -B -q -o -pl bench -am test -Dexec.skip -Dtest=JmhReportTest -Dsurefire.failIfNoSpecifiedTests=false
     * -Ddocbench.golden.update=true} and read the diff before committing it.
     */
    @Test
    void render_matchesTheGoldenFile_forTwoRealRuns() throws Exception {
        String actual = goldenRender();
        if (Boolean.getBoolean("docbench.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual,
                "JmhReport output differs from " + GOLDEN + " (regenerate with -Ddocbench.golden.update=true if intended)");
    }

    static String result(String method, int threads, double score, double bytes, double alloc) {
        return """
                {"jmhVersion":"1.37","benchmark":"org.docbench.bench.TokenizeBenchmark.%s","mode":"thrpt","threads":%d,"forks":1,
                 "jdkVersion":"17","vmName":"VM","vmVersion":"1","warmupIterations":3,"warmupTime":"2 s","measurementIterations":5,
                 "measurementTime":"2 s","params":{"corpus":"/x/article-bias-prediction","bucket":"all"},
                 "primaryMetric":{"score":%f,"scoreError":1.0,"scoreUnit":"ops/s"},
                 "secondaryMetrics":{"bytes":{"score":%f},"gc.alloc.rate.norm":{"score":%f}}}
                """.formatted(method, threads, score, bytes, alloc);
    }

    static String markdown(String... results) throws Exception {
        return RunTables.of(new ObjectMapper().readTree("[" + String.join(",", results) + "]")).markdown();
    }

    @Test
    void markdown_givesMegabytesPerSecond_allocation_andRatiosToDocbench_byBytes() throws Exception {
        String md = markdown(result("docbenchFast", 1, 1000, 300e6, 0.01), result("luceneStandard", 1, 500, 100e6, 40),
                result("baseline", 1, 1e9, 1e12, 0));
        assertTrue(md.contains("| docbenchFast | bucket=all corpus=article-bias-prediction | 1 | 1,000 ± 1.00 | ops/s | 300 | 0.0100 | reference |"), md);
        // 500 ops/s is half docbench's operations but a third of its bytes: the ratio is by bytes.
        assertTrue(md.contains("| luceneStandard | bucket=all corpus=article-bias-prediction | 1 | 500 ± 1.00 | ops/s | 100 | 40.00 | 3.00x |"), md);
        assertTrue(md.contains("| baseline | bucket=all corpus=article-bias-prediction | 1 | 1,000,000,000 ± 1.00 | ops/s | 1,000,000 | 0.00 |  |"), md);
    }

    @Test
    void markdown_pairsTwoThreadMethodsWithTheirOneThreadRun_asAScalingRatio() throws Exception {
        String md = markdown(result("docbenchFast", 1, 1000, 300e6, 0), result("docbenchFastTwoThreads", 2, 1900, 570e6, 0),
                result("luceneStandard", 1, 400, 100e6, 40));
        assertTrue(md.contains("| TokenizeBenchmark.docbenchFast | bucket=all corpus=article-bias-prediction | 1,000 | 1,900 | 1.90x |"), md);
        assertEquals(1, md.split("\\| luceneStandard \\|", -1).length - 1, "no 2-thread run of Lucene, no scaling row: " + md);
    }

    @Test
    void ratio_invertsForTimePerOperation() {
        RunTables.Row ref = new RunTables.Row("docbenchFast", "", 1, "avgt", 2, 0, "us/op", Double.NaN, Double.NaN);
        RunTables.Row slow = new RunTables.Row("luceneStandard", "", 1, "avgt", 5, 0, "us/op", Double.NaN, Double.NaN);
        assertEquals("2.50x", RunTables.ratio(ref, slow));
    }

    @Test
    void replaceBetweenMarkers_keepsEverythingOutsideThem_andIgnoresQuotedMarkers() {
        String file = "# Results\n\nhand text\n" + JmhReport.BEGIN + "\nold table\n" + JmhReport.END + "\nmore hand text\n";
        assertEquals("# Results\n\nhand text\n" + JmhReport.BEGIN + "\nnew table\n" + JmhReport.END + "\nmore hand text\n",
                JmhReport.replaceBetweenMarkers(file, "new table\n", Path.of("R.md")));
        String quoted = "fills the part between `" + JmhReport.BEGIN + "` and `" + JmhReport.END + "`\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhReport.replaceBetweenMarkers(quoted, "x", Path.of("R.md")));
        assertEquals("R.md: has no <!-- JmhReport: begin --> ... <!-- JmhReport: end --> section to fill", e.getMessage());
    }

    @Test
    void read_namesTheFile_whenItIsMissingOrNotJmhOutput(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JmhReport.read(missing)).getMessage()
                .startsWith(missing + ": no such file"));
        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
        assertEquals(empty + ": no JMH results (expected a non-empty array of benchmark results)",
                assertThrows(IllegalArgumentException.class, () -> JmhReport.read(empty)).getMessage());
    }

    @Test
    void parse_refusesCommandsThatDoNotPairWithTheFiles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhReport.parse(new String[] {"--command", "java -jar x", "a.json", "b.json"}));
        assertEquals("give --command once per result file: 1 commands for 2 files", e.getMessage());
        assertEquals(List.of(Path.of("a.json")), JmhReport.parse(new String[] {"a.json"}).results());
    }

    @Test
    void charts_drawOnePngPerBenchmarkClass(@TempDir Path dir) throws Exception {
        JsonNode run = JmhReport.read(TOKENIZE);
        Charts.write(RunTables.of(run), dir, "run1-");
        assertTrue(Files.size(dir.resolve("run1-TokenizeBenchmark.png")) > 1000, "chart written");
    }
}

package org.docbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class JmhReportTest {

    static String result(String method, double score, double bytes, double alloc) {
        return result(method, 1, score, bytes, alloc);
    }

    static String result(String method, int threads, double score, double bytes, double alloc) {
        return """
                {"jmhVersion":"1.37","benchmark":"org.docbench.bench.TokenizeBenchmark.%s","mode":"thrpt","threads":%d,"forks":1,
                 "jdkVersion":"17","vmName":"VM","warmupIterations":3,"warmupTime":"2 s","measurementIterations":5,"measurementTime":"2 s",
                 "params":{"corpus":"/x/article-bias-prediction","bucket":"all"},
                 "primaryMetric":{"score":%f,"scoreError":1.0,"scoreUnit":"ops/s"},
                 "secondaryMetrics":{"bytes":{"score":%f},"tokens":{"score":1000000.0},"gc.alloc.rate.norm":{"score":%f}}}
                """.formatted(method, threads, score, bytes, alloc);
    }

    @Test
    void render_givesMegabytesPerSecond_allocation_andRatiosToDocbench(@TempDir Path dir) throws Exception {
        String json = "[" + result("docbenchFast", 1000, 300e6, 0.01) + "," + result("luceneStandard", 400, 100e6, 40)
                + "," + result("baseline", 1e9, 1e12, 0) + "]";
        String md = JmhReport.render(new ObjectMapper().readTree(json), dir);
        assertTrue(md.contains("### TokenizeBenchmark bucket=all corpus=article-bias-prediction threads=1"), md);
        assertTrue(md.contains("| docbenchFast | 300.0 | 1.00 | 0 | reference |"), md);
        assertTrue(md.contains("| luceneStandard | 100.0 | 1.00 | 40 | 3.00x |"), md);
        assertTrue(!md.contains("| baseline"), "the baseline is not a peer: " + md);
        assertTrue(Files.size(dir.resolve("TokenizeBenchmark.png")) > 1000, "chart written");
    }

    @Test
    void render_pairsTwoThreadMethodsWithTheirOneThreadRun_asAScalingRatio(@TempDir Path dir) throws Exception {
        String json = "[" + result("docbenchFast", 1000, 300e6, 0) + "," + result("docbenchFastTwoThreads", 2, 1900, 570e6, 0)
                + "," + result("luceneStandard", 400, 100e6, 40) + "]";
        String md = JmhReport.render(new ObjectMapper().readTree(json), dir);
        assertTrue(md.contains("| TokenizeBenchmark bucket=all corpus=article-bias-prediction | docbenchFast | 1000 | 1900 | 1.90x |"), md);
        assertEquals(1, md.split("\\| luceneStandard \\|", -1).length - 1, "no 2-thread run of Lucene, no scaling row: " + md);
    }
}

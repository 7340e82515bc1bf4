package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two runs on the same inputs give the same report, times aside. The same documents in another
 * order are other inputs: training order moves the SGD models, so the report may differ.
 */
class DeterminismTest {

    private static Report run(List<LabeledDocument> docs) {
        return run(docs, "topic");
    }

    private static Report run(List<LabeledDocument> docs, String task) {
        List<ModelFamily> families = Trainers.families().stream()
                .filter(f -> !f.name().equals("libsvm-linear")).toList(); // every other family, to cover their seeding
        Suite suite = new Suite(FeatureSpec.defaults(), 42, line -> { });
        long t0 = System.nanoTime();
        suite.experiment(Experiment.of("synthetic", task, "random", docs), families, true);
        suite.crossValidate("synthetic", docs, List.of(task), families.subList(0, 6), List.of(1L));
        return suite.report("test", null, List.of(1L), families, List.of(), List.of(), List.of(), t0);
    }

    @Test
    void twoRuns_sameNumbersExceptTimes() throws Exception {
        List<LabeledDocument> docs = TestCorpus.documents(30, 5);
        JsonNode first = JsonReport.withoutTimes(JsonReport.tree(run(docs)));
        JsonNode second = JsonReport.withoutTimes(JsonReport.tree(run(docs)));
        assertEquals(first, second);
        assertTrue(first.get("records").size() >= 10, "records: " + first.get("records").size());
        assertTrue(JsonReport.render(run(docs)).contains("\"trainMillis\""), "times are in the full report");
        // the models actually learn the synthetic topics
        JsonNode best = first.get("records").findValues("macroF1").stream().max(java.util.Comparator.comparing(JsonNode::asDouble)).orElseThrow();
        assertTrue(best.asDouble() > 0.8, "best macro-F1 " + best);
    }

    @Test
    void markdownAndHtml_render_withEverySection() {
        Report r = run(TestCorpus.documents(20, 6), "stance"); // stance is noise here: confusions guaranteed
        String md = MarkdownReport.render(r);
        for (String s : List.of("## Summary", "## synthetic/stance/random", "Most confused pairs", "Learning curve",
                "## Cross-validation", "## Model specs", "Calibration")) {
            assertTrue(md.contains(s), "report.md lacks '" + s + "'");
        }
        String html = HtmlReport.render(r);
        assertTrue(html.contains("<img alt=\"scores chart") && html.contains("data:image/png;base64,"), "charts are embedded");
        assertTrue(!html.contains("src=\"http"), "no external resources");
    }
}

package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;

/** The summary table: one row per experiment, every cell a figure of the model it names. */
class ReportSummaryTest {

    @Test
    void summary_withoutTheMajorityBaseline_showsNotRun_neverTheBestModelsScore() {
        List<LabeledDocument> docs = TestCorpus.documents(15, 4);
        var families = List.of(Trainers.family("naive-bayes"), Trainers.family("liblinear-lr"));
        Suite suite = new Suite(FeatureSpec.defaults(), 42, line -> { });
        ExperimentResult e = suite.experiment(Experiment.of("news", "stance", "random", docs), families, false);
        Report report = suite.report("test", null, List.of(), families, List.of(CorpusManifest.of("news", "x", docs, 0)),
                List.of(), List.of(), System.nanoTime());
        String md = MarkdownReport.render(report);
        String row = md.lines().filter(l -> l.startsWith("| news/stance/random |")).findFirst().orElseThrow();
        List<String> cells = List.of(row.split(" \\| "));
        String best = Cells.pct(e.model(e.best()).metrics().macroF1());
        assertTrue(cells.get(4).startsWith(best), "best model's macro-F1 in its own column: " + row);
        assertTrue(cells.get(5).equals(Cells.NOT_RUN), "majority macro-F1 of a run without majority: " + row);
        assertTrue(md.contains(Sections.MAJORITY_COLUMN), "the column is defined under the table: " + md);
        String html = HtmlReport.render(report);
        String htmlRow = html.lines().filter(l -> l.startsWith("<tr><td>news/stance/random</td>")).findFirst().orElseThrow();
        assertTrue(htmlRow.contains("<td class=\"r\">" + Cells.NOT_RUN + "</td>"), htmlRow);
    }
}

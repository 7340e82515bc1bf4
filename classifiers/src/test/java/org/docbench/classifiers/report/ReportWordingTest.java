package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;

/** What report.md says when a run had less to say: no notes, no cross-validation, one repeat. */
class ReportWordingTest {
    private static final List<ModelFamily> FAMILIES = List.of(Trainers.family("majority"), Trainers.family("naive-bayes"));

    private static Report report(List<LabeledDocument> docs, List<Long> cvSeeds, List<String> notes) {
        Suite suite = new Suite(FeatureSpec.defaults(), 42, line -> { });
        suite.experiment(Experiment.of("news", "topic", "random", docs), FAMILIES, false);
        if (!cvSeeds.isEmpty()) {
            suite.crossValidate("news", docs, List.of("topic"), FAMILIES, cvSeeds);
        }
        return suite.report("test", null, cvSeeds, FAMILIES, List.of(CorpusManifest.of("news", "x", docs, 0)), List.of(), notes,
                System.nanoTime());
    }

    @Test
    void runWithoutNotesOrCrossValidation_hasNoEmptyNotesHeading_andNoEmptyFoldSeeds() {
        Report r = report(TestCorpus.documents(10, 4), List.of(), List.of());
        String md = MarkdownReport.render(r);
        assertFalse(md.contains("## Notes"), "no notes, no heading: " + md);
        assertFalse(md.contains("fold seeds"), "no --cv, no fold seeds: " + md);
        assertTrue(md.contains("| seed | 42 |"), md);
        assertFalse(HtmlReport.render(r).contains(">Notes<"), "nor in report.html");
    }

    @Test
    void crossValidationWithOneSeed_saysOneRepeat_notRepeats() {
        Report r = report(TestCorpus.documents(10, 4), List.of(7L), List.of("a note"));
        String md = MarkdownReport.render(r);
        assertTrue(md.contains("### news/topic: 5 folds x 1 repeat\n"), md);
        assertTrue(md.contains("## Notes\n\n- a note\n"), md);
        assertTrue(md.contains("| seed | 42 (cross-validation fold seeds [7]) |"), md);
    }

    @Test
    void corpusWithItsOwnValidPart_isNotCalledPublished() {
        List<LabeledDocument> docs = new java.util.ArrayList<>();
        int i = 0;
        for (LabeledDocument d : TestCorpus.documents(10, 4)) {
            String part = d.split("random").equals("test") ? "test" : i++ % 4 == 0 ? "valid" : "train";
            docs.add(new LabeledDocument(d.id(), d.text(), d.labels(), java.util.Map.of("random", part), d.metadata()));
        }
        Report r = report(docs, List.of(), List.of());
        String selection = r.experiments().get(0).selection();
        assertTrue(selection.contains("validation part") && !selection.contains("published"), selection);
        assertFalse(MarkdownReport.render(r).contains("published validation"), selection);
    }
}

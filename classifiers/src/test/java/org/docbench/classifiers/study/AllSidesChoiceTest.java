package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.report.Ablation;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;

class AllSidesChoiceTest {

    @Test
    void theSample_keepsValidAndTestWhole_andDrawsTheSameTrainingDocumentsEveryTime() {
        List<LabeledDocument> docs = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            String part = i < 5_500 ? "train" : i < 5_800 ? "valid" : "test";
            docs.add(new LabeledDocument("d" + i, "text " + i, Map.of("ideology", i % 3 == 0 ? "left" : "right"),
                    Map.of("random", part), Map.of()));
        }
        var exp = Experiment.of("allsides", "ideology", "random", docs);
        var s1 = AllSidesChoice.sampled(exp, 42);
        var s2 = AllSidesChoice.sampled(exp, 42);
        assertEquals(AllSidesChoice.CHAR_SAMPLE, s1.train().size());
        assertEquals(s1.train(), s2.train());
        assertEquals(exp.valid(), s1.valid());
        assertEquals(exp.test(), s1.test());
    }

    @Test
    void theAblation_givesTheSameRowsInTheSameOrder_whetherRowsTrainOneOrTwoAtATime() {
        // The embedded corpus as AllSides-shaped documents: its stance as the ideology, a seeded split.
        List<LabeledDocument> all = new ArrayList<>();
        for (LabeledDocument d : LayoutCorpusReader.embedded().readAll()) {
            String stance = d.label("stance");
            if (stance != null) {
                int k = Math.floorMod(d.id().hashCode(), 10);
                all.add(new LabeledDocument(d.id(), d.text(), Map.of(AccuracyReport.IDEOLOGY, stance),
                        Map.of("random", k < 7 ? "train" : k < 9 ? "valid" : "test"), d.metadata()));
            }
        }
        AllSidesChoice choice = AllSidesChoice.chosen();
        Ablation one = ablation(choice, all, 1);
        Ablation two = ablation(choice, all, 2);
        List<String> decisions = one.rows().stream().map(Ablation.Row::decision).toList();
        assertEquals(List.of("chosen", "title", "sublinear TF", "word n-grams", "min df", "normalizer", "case", "NB scaling",
                "chosen", "char n-grams"), decisions);
        assertEquals(withoutTimes(one), withoutTimes(two));
    }

    private static Ablation ablation(AllSidesChoice choice, List<LabeledDocument> all, int rowsAtOnce) {
        Experiment exp = Experiment.of("allsides", AccuracyReport.IDEOLOGY, "random", choice.documents(all));
        ExperimentTrainer runner = new ExperimentTrainer(exp, choice.features(), AccuracyReport.SEED, ProgressMeter.off());
        return choice.ablate(runner, all, "random", AccuracyReport.SEED, ProgressMeter.off(), line -> { }, rowsAtOnce);
    }

    private static List<Ablation.Row> withoutTimes(Ablation a) {
        return a.rows().stream().map(r -> new Ablation.Row(r.decision(), r.setting(), r.validMacroF1(), r.testMacroF1(),
                r.testAccuracy(), r.features(), 0, r.trainDocs())).toList();
    }
}

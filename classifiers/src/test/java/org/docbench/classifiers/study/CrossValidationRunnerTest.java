package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.Splits;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;

/** Repeated k-fold: every fold of every repeat is scored and tested. */
class CrossValidationRunnerTest {

    @Test
    void run_threeRepeatsOfThreeFolds_scoresNineFolds_andTestsWithEightDegreesOfFreedom() {
        List<LabeledDocument> docs = TestCorpus.documents(15, 3);
        List<ModelFamily> families = List.of(Trainers.family("majority"), Trainers.family("naive-bayes"));
        CrossValidation cv = CrossValidationRunner.run("synthetic", "topic", docs, families, 3, List.of(1L, 2L, 3L),
                FeatureSpec.defaults(), line -> { });
        assertEquals(List.of(1L, 2L, 3L), cv.seeds());
        assertEquals("naive-bayes", cv.best());
        for (CrossValidation.Model m : cv.models()) {
            assertEquals(9, m.macroF1().length, m.family() + " fold scores");
            assertEquals(9, m.accuracy().length, m.family() + " fold accuracies");
        }
        CrossValidation.Model majority = cv.models().get(0);
        assertEquals(8, majority.vsBest().degreesOfFreedom(), "J - 1 with J = 3 x 3");
        assertTrue(majority.vsBest().p() < 0.05, "majority vs naive Bayes p = " + majority.vsBest().p());
        assertNull(cv.models().get(1).vsBest(), "the best has no test against itself");
    }

    @Test
    void foldSeeds_drawDifferentFolds() {
        List<LabeledDocument> docs = TestCorpus.documents(15, 3);
        assertNotEquals(Splits.stratifiedFolds(docs, LabeledDocument::id, d -> d.label("topic"), 5, 42),
                Splits.stratifiedFolds(docs, LabeledDocument::id, d -> d.label("topic"), 5, 43),
                "repeats with seeds 42 and 43 would be the same folds");
    }
}

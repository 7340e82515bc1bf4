package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.ModelRun;
import org.docbench.classifiers.train.Trainers;
import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {
    private static final List<String> LABELS = List.of("a", "b");
    private static final int[] TRUTH = {0, 0, 1, 1};

    private static ModelRun run(String family, int... predicted) {
        ModelFamily f = Trainers.family(family);
        return new ModelRun(f, f.grid().get(0), Map.of(), LABELS, List.of("d1", "d2", "d3", "d4"), TRUTH, predicted,
                new double[TRUTH.length], false, org.docbench.classifiers.train.ScoreKind.NONE, null, 1, 4, 0, 0, Map.of());
    }

    /**
     * Models that tie on macro-F1 and accuracy: the best is the family that comes first in the
     * fixed family order (baselines first), whatever order --models gave them in.
     */
    @Test
    void best_ofModelsThatTie_isTheFirstInTheFamilyOrder_whateverTheGivenOrder() {
        List<ModelRun> runs = new ArrayList<>(List.of(run("liblinear-svm", 0, 0, 0, 0), run("majority", 0, 0, 0, 0),
                run("naive-bayes", 0, 0, 0, 0), run("cart", 1, 0, 1, 1)));
        for (int shuffle = 0; shuffle < 4; shuffle++) {
            Collections.rotate(runs, 1);
            List<String> given = runs.stream().map(r -> r.family().name()).toList();
            assertEquals("cart", ExperimentRunner.best(runs).family().name(), "a better model wins, given " + given);
            List<ModelRun> tied = runs.stream().filter(r -> !r.family().name().equals("cart")).toList();
            assertEquals("majority", ExperimentRunner.best(tied).family().name(), "given " + given);
            List<ModelRun> learned = tied.stream().filter(r -> !r.family().name().equals("majority")).toList();
            assertEquals("naive-bayes", ExperimentRunner.best(learned).family().name(), "given " + learned.stream()
                    .map(r -> r.family().name()).toList());
        }
    }

    /** A higher macro-F1 wins over an earlier family; the family order only breaks ties. */
    @Test
    void best_isTheHigherMacroF1_beforeTheFamilyOrder() {
        ModelRun perfect = run("xgboost", 0, 0, 1, 1);
        assertEquals("majority", ExperimentRunner.best(List.of(perfect, run("majority", 0, 0, 1, 1))).family().name(),
                "a tie on both scores");
        assertEquals("xgboost", ExperimentRunner.best(List.of(run("majority", 0, 1, 1, 1), perfect)).family().name());
    }

    /**
     * Forty labels of six training documents: stratifying keeps one of each at the fractions 0.1
     * and 0.25 alike, and the curve shows those documents once, not twice under two fractions.
     */
    @Test
    void learningCurve_manyLabelsOfFewDocuments_neverRepeatsAPointsDocuments() {
        List<org.docbench.core.document.LabeledDocument> train = new ArrayList<>();
        List<org.docbench.core.document.LabeledDocument> test = new ArrayList<>();
        for (int l = 0; l < 40; l++) {
            for (int i = 0; i < 7; i++) {
                var d = new org.docbench.core.document.LabeledDocument("d" + l + "-" + i,
                        "shared words about label" + l + " and marker" + l + " number" + i + " common text", Map.of("topic", "L" + l),
                        Map.of(), Map.of());
                (i < 6 ? train : test).add(d);
            }
        }
        org.docbench.classifiers.train.Experiment exp = new org.docbench.classifiers.train.Experiment("c", "topic", "random",
                train, List.of(), test);
        org.docbench.classifiers.eval.LearningCurve curve = ExperimentRunner.learningCurve(exp, Trainers.family("naive-bayes").grid().get(0), 0,
                org.docbench.core.features.FeatureSpec.defaults().withMinDf(1), org.docbench.classifiers.eval.LearningCurve.FRACTIONS, 42L);
        List<Integer> documents = curve.points().stream().map(org.docbench.classifiers.eval.LearningCurve.Point::documents).toList();
        assertEquals(List.of(40, 120, 240), documents, "one point per distinct training set: " + curve.points());
    }
}

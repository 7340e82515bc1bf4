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
}

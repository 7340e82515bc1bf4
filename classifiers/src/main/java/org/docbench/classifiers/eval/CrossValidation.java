package org.docbench.classifiers.eval;

import java.util.Comparator;
import java.util.List;


/**
 * Repeated stratified k-fold cross-validation of model families on one task, compared with the
 * Nadeau-Bengio corrected resampled t-test. Each family runs its default configuration (the
 * first of its grid): no fold's test part ever influences a hyperparameter. Immutable result.
 *
 * @param corpus  corpus name
 * @param task    task
 * @param k       folds per repeat
 * @param seeds   one fold assignment seed per repeat
 * @param models  one entry per family, in family order
 * @param best    family with the highest mean macro-F1
 */
public record CrossValidation(String corpus, String task, int k, List<Long> seeds, List<Model> models, String best) {

    public CrossValidation {
        seeds = List.copyOf(seeds);
        models = List.copyOf(models);
    }

    /**
     * One family's fold scores.
     *
     * @param family           family name
     * @param spec             configuration run
     * @param accuracy         accuracy on each fold, repeat-major
     * @param macroF1          macro-F1 on each fold
     * @param meanAccuracy     mean of {@code accuracy}
     * @param meanMacroF1      mean of {@code macroF1}
     * @param sdMacroF1        sample standard deviation of {@code macroF1}
     * @param vsBest           corrected t-test of macro-F1 against the best (null for the best)
     * @param notWorseThanBest p >= 0.05 against the best, or the best itself
     */
    public record Model(String family, String spec, double[] accuracy, double[] macroF1, double meanAccuracy,
                        double meanMacroF1, double sdMacroF1, Significance.CorrectedT vsBest, boolean notWorseThanBest) {
    }

    /** Models sorted by mean macro-F1, best first (ties by family name). */
    public List<Model> ranked() {
        return models.stream().sorted(Comparator.comparing((Model m) -> -m.meanMacroF1()).thenComparing(Model::family)).toList();
    }
}

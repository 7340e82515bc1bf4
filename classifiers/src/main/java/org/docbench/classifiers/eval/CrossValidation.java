package org.docbench.classifiers.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.docbench.classifiers.progress.Progress;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.ModelRun;
import org.docbench.core.corpus.Splits;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

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

    /** Runs {@code families} on {@code docs} (those with a {@code task} label), reporting progress to {@code log}. */
    public static CrossValidation run(String corpus, String task, List<LabeledDocument> docs, List<ModelFamily> families,
                                      int k, List<Long> seeds, FeatureSpec features, Consumer<String> log) {
        return run(corpus, task, docs, families, k, seeds, features, log, ProgressMeter.off());
    }

    /** As {@link #run(String, String, List, List, int, List, FeatureSpec, Consumer)}, showing folds on {@code meter}. */
    public static CrossValidation run(String corpus, String task, List<LabeledDocument> docs, List<ModelFamily> families,
                                      int k, List<Long> seeds, FeatureSpec features, Consumer<String> log,
                                      ProgressMeter meter) {
        List<LabeledDocument> labeled = docs.stream().filter(d -> d.label(task) != null).toList();
        int folds = k * seeds.size();
        List<double[]> acc = new ArrayList<>();
        List<double[]> f1 = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            acc.add(new double[folds]);
            f1.add(new double[folds]);
        }
        int j = 0;
        try (Progress progress = meter.start("cross-validate " + corpus + "/" + task, folds, "folds")) {
            for (long seed : seeds) {
                Map<String, Integer> fold = Splits.stratifiedFolds(labeled, LabeledDocument::id, d -> d.label(task), k, seed);
                for (int f = 0; f < k; f++) {
                    progress.note("seed " + seed + ", fold " + (f + 1));
                    final int held = f;
                    List<LabeledDocument> train = labeled.stream().filter(d -> fold.get(d.id()) != held).toList();
                    List<LabeledDocument> test = labeled.stream().filter(d -> fold.get(d.id()) == held).toList();
                    ExperimentTrainer runner = new ExperimentTrainer(new Experiment(corpus, task, "cv", train, List.of(), test), features, seed);
                    for (int m = 0; m < families.size(); m++) {
                        ModelFamily fam = families.get(m);
                        ModelRun run = runner.run(fam.fixed(fam.grid().get(0)), Metrics.MACRO_F1);
                        Metrics met = Metrics.of(run);
                        acc.get(m)[j] = met.accuracy();
                        f1.get(m)[j] = met.macroF1();
                    }
                    log.accept(String.format(java.util.Locale.ROOT, "cv %s/%s seed %d fold %d/%d", corpus, task, seed, f + 1, k));
                    progress.step();
                    j++;
                }
            }
        }
        int best = 0;
        for (int m = 1; m < families.size(); m++) {
            if (mean(f1.get(m)) > mean(f1.get(best))) {
                best = m;
            }
        }
        List<Model> models = new ArrayList<>();
        double ratio = 1.0 / (k - 1);
        for (int m = 0; m < families.size(); m++) {
            Significance.CorrectedT t = m == best ? null : Significance.nadeauBengio(f1.get(m), f1.get(best), ratio);
            models.add(new Model(families.get(m).name(), families.get(m).grid().get(0).name(), acc.get(m), f1.get(m),
                    mean(acc.get(m)), mean(f1.get(m)), sd(f1.get(m)), t, t == null || t.p() >= Significance.ALPHA));
        }
        return new CrossValidation(corpus, task, k, seeds, models, families.get(best).name());
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length < 2 ? 0 : Math.sqrt(s / (v.length - 1));
    }

    /** Models sorted by mean macro-F1, best first (ties by family name). */
    public List<Model> ranked() {
        return models.stream().sorted(Comparator.comparing((Model m) -> -m.meanMacroF1()).thenComparing(Model::family)).toList();
    }
}

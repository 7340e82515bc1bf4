package org.docbench.classifiers.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.eval.Significance;
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
 * Runs repeated stratified k-fold cross-validation ({@link CrossValidation} says what it holds):
 * each family's default configuration on every fold, compared with the Nadeau-Bengio test.
 */
final class CrossValidationRunner {
    private CrossValidationRunner() {
    }

    /** Runs {@code families} on {@code docs} (those with a {@code task} label), reporting progress to {@code log}. */
    static CrossValidation run(String corpus, String task, List<LabeledDocument> docs, List<ModelFamily> families,
                               int k, List<Long> seeds, FeatureSpec features, Consumer<String> log) {
        return run(corpus, task, docs, families, k, seeds, features, log, ProgressMeter.off());
    }

    /** As {@link #run(String, String, List, List, int, List, FeatureSpec, Consumer)}, showing folds on {@code meter}. */
    static CrossValidation run(String corpus, String task, List<LabeledDocument> docs, List<ModelFamily> families,
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
        List<CrossValidation.Model> models = new ArrayList<>();
        double ratio = 1.0 / (k - 1);
        for (int m = 0; m < families.size(); m++) {
            Significance.CorrectedT t = m == best ? null : Significance.nadeauBengio(f1.get(m), f1.get(best), ratio);
            models.add(new CrossValidation.Model(families.get(m).name(), families.get(m).grid().get(0).name(), acc.get(m), f1.get(m),
                    mean(acc.get(m)), mean(f1.get(m)), sd(f1.get(m)), t, t == null || t.p() >= Significance.ALPHA));
        }
        return new CrossValidation(corpus, task, k, seeds, models, families.get(best).name());
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length < 2 ? 0 : Math.sqrt(s / (v.length - 1));
    }

}

package org.docbench.classifiers.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.docbench.classifiers.eval.Bootstrap;
import org.docbench.classifiers.eval.Calibration;
import org.docbench.classifiers.eval.ConfusedPair;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.ExperimentResult.Peers;
import org.docbench.classifiers.eval.Interval;
import org.docbench.classifiers.eval.LearningCurve;
import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.eval.ModelResult;
import org.docbench.classifiers.eval.Significance;
import org.docbench.classifiers.eval.TestPredictions;
import org.docbench.classifiers.progress.Progress;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.ModelRun;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.Splits;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;
import org.docbench.core.features.FeatureSpec;

/**
 * Runs one experiment: every model family trained ({@code train}) and scored ({@code eval}),
 * peers beside them, the best model's learning curve; the result is the {@link ExperimentResult}
 * the report renders.
 */
final class ExperimentRunner {
    private ExperimentRunner() {
    }

    /**
     * Runs {@code families} on {@code exp}, with {@code peers} as extra rows after docbench's
     * models; {@code curve} says whether to draw the best model's learning curve.
     */
    static ExperimentResult run(Experiment exp, List<ModelFamily> families, FeatureSpec features, long seed,
                                boolean curve, Consumer<String> log, ProgressMeter meter, Peers peers) {
        return run(new ExperimentTrainer(exp, features, seed, meter), families, features, seed, curve, log, meter, peers);
    }

    /** As above on a runner the caller made (and may have used already: its features and fitted models are reused). */
    static ExperimentResult run(ExperimentTrainer runner, List<ModelFamily> families, FeatureSpec features, long seed,
                                boolean curve, Consumer<String> log, ProgressMeter meter, Peers peers) {
        Experiment exp = runner.experiment();
        runner.featurize(); // featurize before the models' progress starts, so each pass shows on its own
        List<ModelRun> runs = new ArrayList<>();
        try (Progress progress = meter.start("models " + exp.id(), families.size(), "models")) {
            for (ModelFamily f : families) {
                progress.note(f.name());
                long t0 = System.nanoTime();
                ModelRun run = runner.run(f, Metrics.MACRO_F1);
                runs.add(run);
                Metrics m = Metrics.of(run);
                log.accept(String.format(java.util.Locale.ROOT, "%-45s %-15s acc %.3f  macro-F1 %.3f  (%.1f s)",
                        exp.id(), f.name(), m.accuracy(), m.macroF1(), (System.nanoTime() - t0) / 1e9));
                progress.step();
            }
        }
        ModelRun best = best(runs); // docbench's own models only: peers are added below
        runs.addAll(peers.run(exp, runner.labels(), features.minDf(), log));
        boolean[] bestCorrect = best.correct();
        List<ModelResult> results = new ArrayList<>();
        for (ModelRun r : runs) {
            Metrics m = Metrics.of(r);
            // One bootstrap seed per experiment: every model is resampled on the same document draws.
            Interval acc = Bootstrap.interval(r.labels(), r.truth(), r.predicted(), Bootstrap.Statistic.ACCURACY,
                    Bootstrap.RESAMPLES, seed);
            Interval f1 = Bootstrap.interval(r.labels(), r.truth(), r.predicted(), Bootstrap.Statistic.MACRO_F1,
                    Bootstrap.RESAMPLES, seed);
            Significance.McNemar mc = r == best ? null : Significance.mcnemar(r.correct(), bestCorrect);
            Calibration cal = r.probabilistic() ? Calibration.of(r.confidence(), r.correct(), Calibration.BINS) : null;
            double trainMs = r.trainNanos() / 1e6;
            double predictMs = r.predictNanos() / 1e6;
            results.add(new ModelResult(r.family().name(), r.chosen().name(), r.chosen().hyperparameters(), r.validation(),
                    r.family().selectFeatures(), m, acc, f1, mc, mc == null || mc.p() >= Significance.ALPHA, cal,
                    ConfusedPair.of(r, ConfusedPair.LISTED), r.topFeatures(), r.features(), r.trainDocuments(),
                    new ModelResult.Timing(trainMs, predictMs, predictMs == 0 ? 0 : r.truth().length * 1000.0 / predictMs)));
        }
        LearningCurve lc = null;
        if (curve) {
            long t0 = System.nanoTime();
            lc = learningCurve(exp, best.chosen(), best.family().selectFeatures(), features, LearningCurve.FRACTIONS, seed);
            log.accept(String.format(java.util.Locale.ROOT, "%-45s learning curve of %s (%.1f s)", exp.id(),
                    best.chosen().name(), (System.nanoTime() - t0) / 1e9));
        }
        List<Integer> counts = new ArrayList<>();
        for (int c = 0; c < runner.labels().size(); c++) {
            int n = 0;
            for (int y : best.truth()) {
                n += y == c ? 1 : 0;
            }
            counts.add(n);
        }
        String selection = runner.validationDocuments().isEmpty()
                ? "no configuration chosen: a stratified " + Math.round(ExperimentTrainer.INNER_VALIDATION * 100)
                + "% of each label's training documents holds none, so each family ran its default configuration (the first of its grid)"
                : exp.valid().isEmpty()
                ? "grid chosen by macro-F1 on a seeded stratified " + Math.round(ExperimentTrainer.INNER_VALIDATION * 100) + "% of the training part"
                // Not "published": a user's own corpus has split files too, and nothing here knows whether they were published.
                : exp.design().isEmpty() ? "grid chosen by macro-F1 on the corpus's validation part"
                : "grid chosen by macro-F1 on the validation part";
        return new ExperimentResult(exp.id(), exp.corpus(), exp.task(), exp.split(), exp.design(), selection, exp.train().size(),
                exp.valid().size(), exp.test().size(), runner.labels(), counts, results, best.family().name(), lc,
                runner.featurePreparationMillis(), predictions(runs));
    }

    /**
     * The best of {@code runs}: the highest test macro-F1, then the highest accuracy; a tie on both
     * goes to the family that comes first in {@link Trainers#names()} (the order {@code --help}
     * lists them: the baselines first, then roughly simpler before costlier), so a model that only
     * ties the majority baseline is not "best" and the answer does not depend on the order the
     * families were given or run in. A family that list does not name comes after those it does,
     * by name.
     */
    static ModelRun best(List<ModelRun> runs) {
        List<String> order = Trainers.names();
        java.util.Comparator<ModelRun> better = java.util.Comparator
                .comparingDouble((ModelRun r) -> Metrics.of(r).macroF1())
                .thenComparingDouble(r -> Metrics.of(r).accuracy())
                .thenComparing((ModelRun r) -> {
                    int i = order.indexOf(r.family().name());
                    return i < 0 ? order.size() : i;
                }, java.util.Comparator.reverseOrder())
                .thenComparing(r -> r.family().name(), java.util.Comparator.reverseOrder());
        return runs.stream().max(better).orElseThrow();
    }

    /** The answers of {@code runs}, with every label's scores. */
    private static TestPredictions predictions(List<ModelRun> runs) {
        List<TestPredictions.Answers> answers = new ArrayList<>();
        for (ModelRun r : runs) {
            answers.add(new TestPredictions.Answers(r.family().name(), r.scoreKind(), r.predicted(), r.scores()));
        }
        ModelRun first = runs.get(0);
        return new TestPredictions(first.labels(), first.docIds(), first.truth(), answers);
    }

    /** Runs {@code spec} (trained on the top {@code selectFeatures} features when positive) at each fraction. */
    static LearningCurve learningCurve(Experiment exp, TrainerSpec spec, int selectFeatures, FeatureSpec features,
                                   double[] fractions, long seed) {
        List<LearningCurve.Point> points = new ArrayList<>();
        for (double f : fractions) {
            List<LabeledDocument> subset;
            if (f >= 1.0) {
                subset = exp.train();
            } else {
                Map<String, Part> parts = Splits.stratified(exp.train(), LabeledDocument::id,
                        d -> d.label(exp.task()), 1.0 - f, seed);
                subset = exp.train().stream().filter(d -> parts.get(d.id()) == Part.TRAIN).toList();
            }
            if (subset.stream().map(d -> d.label(exp.task())).distinct().count() < 2) {
                continue; // too small to learn anything
            }
            if (!points.isEmpty() && subset.size() <= points.get(points.size() - 1).documents()) {
                // With many labels of few documents, stratifying keeps one of each at every small fraction:
                // the same documents again would plot one point twice under two fractions.
                continue;
            }
            Experiment sub = new Experiment(exp.corpus(), exp.task(), exp.split(), subset, List.of(), exp.test());
            // Scored over the full experiment's labels so every point uses the same label set.
            Metrics m;
            try {
                m = Metrics.of(new ExperimentTrainer(sub, features, seed).testPredictions(spec, selectFeatures));
            } catch (ExperimentTrainer.NoFeatures tooFew) {
                continue; // a fraction too small to give a feature is no point of the curve
            }
            points.add(new LearningCurve.Point(f, subset.size(), m.accuracy(), m.macroF1()));
        }
        return new LearningCurve(spec.name(), points);
    }
}

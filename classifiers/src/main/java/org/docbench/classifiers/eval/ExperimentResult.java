package org.docbench.classifiers.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.docbench.classifiers.progress.Progress;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.ModelRun;
import org.docbench.core.features.FeatureSpec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The result of every model family on one experiment, with significance against the best,
 * calibration, confusions and the best model's learning curve. Immutable.
 *
 * @param id            {@code corpus/task/split}
 * @param corpus        corpus name
 * @param task          task
 * @param split         split scheme
 * @param design        where the parts come from when they are not the published split; empty otherwise
 * @param selection     how hyperparameters were chosen, in words
 * @param trainDocs     training documents
 * @param validDocs     validation documents (0 when an inner split of train was used)
 * @param testDocs      test documents
 * @param labels        labels, sorted
 * @param testCounts    test documents per label, in label order
 * @param models        one per family, in family order
 * @param best          the family with the highest test macro-F1 (ties: accuracy, then name)
 * @param learningCurve the best model's learning curve, or null when not run
 * @param featureMillis wall time of the work done once before any model trains and charged to none
 *                      (fitting the features on the training part, featurizing it, building the dataset)
 * @param predictions   every model's answer per test document (written to {@code predictions/*.jsonl},
 *                      not to report.json)
 */
public record ExperimentResult(String id, String corpus, String task, String split, String design, String selection, int trainDocs,
                               int validDocs, int testDocs, List<String> labels, List<Integer> testCounts,
                               List<ModelResult> models, String best, LearningCurve learningCurve, double featureMillis,
                               @JsonIgnore TestPredictions predictions) {

    public ExperimentResult {
        labels = List.copyOf(labels);
        testCounts = List.copyOf(testCounts);
        models = List.copyOf(models);
    }

    /** Runs {@code families} on {@code exp}; {@code curve} says whether to draw the best model's learning curve. */
    public static ExperimentResult run(Experiment exp, List<ModelFamily> families, FeatureSpec features, long seed,
                                       boolean curve, Consumer<String> log) {
        return run(exp, families, features, seed, curve, log, ProgressMeter.off());
    }

    /**
     * As {@link #run(Experiment, List, FeatureSpec, long, boolean, Consumer)}, showing featurization
     * (per document) and the models (per family) on {@code meter}.
     */
    public static ExperimentResult run(Experiment exp, List<ModelFamily> families, FeatureSpec features, long seed,
                                       boolean curve, Consumer<String> log, ProgressMeter meter) {
        return run(exp, families, features, seed, curve, log, meter, Peers.NONE);
    }

    /**
     * Rows from outside docbench (peers), scored beside docbench's models on the same test part.
     * They are never the best model and choose nothing: McNemar compares them with docbench's best.
     */
    public interface Peers {
        Peers NONE = (exp, labels, minDf, log) -> List.of();

        /** Peer rows for {@code exp}, label indices in {@code labels}; names start with {@code peer:}. */
        List<ModelRun> run(Experiment exp, List<String> labels, int minDf, Consumer<String> log);

        /** True for a row a {@link Peers} made. */
        static boolean isPeer(String family) {
            return family.startsWith("peer:");
        }
    }

    /** As above, with {@code peers} as extra rows after docbench's models. */
    public static ExperimentResult run(Experiment exp, List<ModelFamily> families, FeatureSpec features, long seed,
                                       boolean curve, Consumer<String> log, ProgressMeter meter, Peers peers) {
        return run(new ExperimentTrainer(exp, features, seed, meter), families, features, seed, curve, log, meter, peers);
    }

    /** As above on a runner the caller made (and may have used already: its features and fitted models are reused). */
    public static ExperimentResult run(ExperimentTrainer runner, List<ModelFamily> families, FeatureSpec features, long seed,
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
        // Ties go to the earlier family: a model that only ties the majority baseline is not "best".
        ModelRun best = runs.get(0);
        for (ModelRun r : runs) { // docbench's own models only: peers are added below
            Metrics m = Metrics.of(r);
            Metrics b = Metrics.of(best);
            if (m.macroF1() > b.macroF1() || (m.macroF1() == b.macroF1() && m.accuracy() > b.accuracy())) {
                best = r;
            }
        }
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
                    ConfusedPair.of(r, 5), r.topFeatures(), r.features(), r.trainDocuments(),
                    new ModelResult.Timing(trainMs, predictMs, predictMs == 0 ? 0 : r.truth().length * 1000.0 / predictMs)));
        }
        LearningCurve lc = null;
        if (curve) {
            long t0 = System.nanoTime();
            lc = LearningCurve.of(exp, best.chosen(), best.family().selectFeatures(), features, LearningCurve.FRACTIONS, seed);
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
        String selection = exp.valid().isEmpty()
                ? "grid chosen by macro-F1 on a seeded stratified " + Math.round(ExperimentTrainer.INNER_VALIDATION * 100) + "% of the training part"
                : exp.design().isEmpty() ? "grid chosen by macro-F1 on the published validation part"
                : "grid chosen by macro-F1 on the validation part";
        return new ExperimentResult(exp.id(), exp.corpus(), exp.task(), exp.split(), exp.design(), selection, exp.train().size(),
                exp.valid().size(), exp.test().size(), runner.labels(), counts, results, best.family().name(), lc,
                runner.featurePreparationMillis(), predictions(runner, runs));
    }

    /** The answers of {@code runs}, every label's scores where the runner kept them. */
    static TestPredictions predictions(ExperimentTrainer runner, List<ModelRun> runs) {
        List<TestPredictions.Answers> answers = new ArrayList<>();
        for (ModelRun r : runs) {
            answers.add(new TestPredictions.Answers(r.family().name(), r.probabilistic() ? "probability" : "score",
                    r.predicted(), r.confidence(), runner.scores(r.family().name())));
        }
        ModelRun first = runs.get(0);
        return new TestPredictions(first.labels(), first.docIds(), first.truth(), answers);
    }

    /** A copy with every wall time set to 0, for comparing reports across runs and machines. */
    public ExperimentResult withoutTimes() {
        return new ExperimentResult(id, corpus, task, split, design, selection, trainDocs, validDocs, testDocs, labels, testCounts,
                models.stream().map(ModelResult::withoutTimes).toList(), best, learningCurve, 0, predictions);
    }

    /** The result of family {@code name}. */
    public ModelResult model(String name) {
        return models.stream().filter(m -> m.family().equals(name)).findFirst().orElseThrow();
    }
}

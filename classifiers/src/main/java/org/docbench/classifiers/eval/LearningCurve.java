package org.docbench.classifiers.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.core.corpus.Splits;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;
import org.docbench.core.features.FeatureSpec;

/**
 * Test score of one configuration trained on growing, seeded, stratified fractions of the
 * training part (features refitted on each fraction). Immutable.
 *
 * @param spec   configuration name
 * @param points one point per fraction
 */
public record LearningCurve(String spec, List<Point> points) {
    /** Fractions of the training part the report uses. */
    public static final double[] FRACTIONS = {0.1, 0.25, 0.5, 1.0};

    public LearningCurve {
        points = List.copyOf(points);
    }

    /**
     * @param fraction  fraction of the training part
     * @param documents training documents used
     * @param accuracy  test accuracy
     * @param macroF1   test macro-F1
     */
    public record Point(double fraction, int documents, double accuracy, double macroF1) {
    }

    /** Runs {@code spec} (trained on the top {@code selectFeatures} features when positive) at each fraction. */
    public static LearningCurve of(Experiment exp, TrainerSpec spec, int selectFeatures, FeatureSpec features,
                                   double[] fractions, long seed) {
        List<Point> points = new ArrayList<>();
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
            Experiment sub = new Experiment(exp.corpus(), exp.task(), exp.split(), subset, List.of(), exp.test());
            // Scored over the full experiment's labels so every point uses the same label set.
            Metrics m = Metrics.of(new ExperimentTrainer(sub, features, seed).testPredictions(spec, selectFeatures));
            points.add(new Point(f, subset.size(), m.accuracy(), m.macroF1()));
        }
        return new LearningCurve(spec.name(), points);
    }
}

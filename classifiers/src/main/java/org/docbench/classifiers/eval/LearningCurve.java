package org.docbench.classifiers.eval;

import java.util.List;

/**
 * Test score of one configuration trained on growing, seeded, stratified fractions of the
 * training part (features refitted on each fraction; {@code study.ExperimentRunner} draws it). Immutable.
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
}

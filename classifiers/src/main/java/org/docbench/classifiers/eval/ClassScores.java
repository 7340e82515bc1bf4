package org.docbench.classifiers.eval;

/**
 * Precision, recall and F1 of one label. A ratio with a zero denominator is 0, as scikit-learn's
 * {@code zero_division=0}.
 *
 * @param label     the label
 * @param precision true positives / predicted positives
 * @param recall    true positives / actual positives
 * @param f1        harmonic mean of precision and recall
 * @param support   number of test documents with this label
 */
public record ClassScores(String label, double precision, double recall, double f1, int support) {
}

package org.docbench.core.features;

/**
 * How counts become feature values, defined once for the Tribuo path ({@link FeatureExtractor})
 * and the fast path ({@code features.fast}): scikit-learn's {@code TfidfVectorizer} with
 * {@code smooth_idf}, optional {@code sublinear_tf} and {@code norm='l2'}.
 *
 * <table>
 * <caption>Value of a feature counted c times in a document</caption>
 * <tr><th>weighting</th><th>value</th></tr>
 * <tr><td>BINARY</td><td>1</td></tr>
 * <tr><td>COUNT</td><td>tf(c): c, or 1 + ln c when sublinear</td></tr>
 * <tr><td>TFIDF</td><td>tf(c) idf, then every value of the document divided by their L2 norm</td></tr>
 * </table>
 *
 * <p>Static methods on primitives and arrays: they allocate nothing, so the fast path calls
 * them per feature. Stateless.
 */
public final class Weights {

    private Weights() {
    }

    /** Smoothed inverse document frequency, as scikit-learn: {@code ln((1 + N) / (1 + df)) + 1}. */
    public static double idf(int documents, int documentFrequency) {
        return Math.log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0;
    }

    /** The count as it enters the value: {@code count}, or {@code 1 + ln count} when sublinear; count >= 1. */
    public static double tf(boolean sublinear, int count) {
        return sublinear ? 1.0 + Math.log(count) : count;
    }

    /** The value of a feature counted {@code count} times (at least 1) whose idf is {@code idf}, before normalization. */
    public static double value(FeatureSpec spec, int count, double idf) {
        return switch (spec.weighting()) {
            case BINARY -> 1.0;
            case COUNT -> tf(spec.sublinearTf(), count);
            case TFIDF -> tf(spec.sublinearTf(), count) * idf;
        };
    }

    /**
     * A feature's factor in a linear score: its value is tf (or 1) times this. The idf under
     * TF-IDF, else 1.
     */
    public static double scale(FeatureSpec.Weighting weighting, double idf) {
        return weighting == FeatureSpec.Weighting.TFIDF ? idf : 1.0;
    }

    /**
     * The factor that normalizes a document's values whose squares sum to {@code sumOfSquares}:
     * {@code 1 / sqrt(sumOfSquares)} under TF-IDF, 1 otherwise and for a document with no feature.
     */
    public static double normalizer(FeatureSpec.Weighting weighting, double sumOfSquares) {
        return weighting == FeatureSpec.Weighting.TFIDF && sumOfSquares > 0 ? 1.0 / Math.sqrt(sumOfSquares) : 1.0;
    }

    /** Normalizes {@code values[0, n)}, whose squares sum to {@code sumOfSquares}, in place (see {@link #normalizer}). */
    public static void normalize(FeatureSpec.Weighting weighting, double[] values, int n, double sumOfSquares) {
        if (weighting == FeatureSpec.Weighting.TFIDF && sumOfSquares > 0) {
            double inv = normalizer(weighting, sumOfSquares);
            for (int i = 0; i < n; i++) {
                values[i] *= inv;
            }
        }
    }
}

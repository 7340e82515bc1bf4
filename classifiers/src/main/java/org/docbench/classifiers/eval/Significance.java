package org.docbench.classifiers.eval;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Tests of whether two models differ. Stateless.
 *
 * <ul>
 * <li>{@link #mcnemar}: exact McNemar test on the same test documents. Only the discordant
 * documents count: b = first right and second wrong, c = first wrong and second right; under
 * the null each discordant document is a fair coin, so p = min(1, 2 P(X &lt;= min(b, c))) with
 * X ~ Binomial(b + c, 1/2). With b = 1, c = 9: p = 2 * 11/1024 = 0.021484375.</li>
 * <li>{@link #nadeauBengio}: the corrected resampled t-test (Nadeau and Bengio 2003) over J
 * paired fold scores: t = mean(d) / sqrt((1/J + n_test/n_train) var(d)), J - 1 degrees of
 * freedom, two-sided. The correction widens the variance because folds share training data.
 * For r repeats of k-fold cross-validation J = r * k, every fold of every repeat, and
 * n_test/n_train = 1/(k - 1) (Bouckaert and Frank 2004): more repeats shrink only the 1/J term,
 * so they cannot make a small difference significant by repetition alone.</li>
 * </ul>
 */
public final class Significance {
    /** The level below which a difference counts as significant. */
    public static final double ALPHA = 0.05;
    /**
     * The smallest p-value reported. Both tests compute a tail as 1 minus a regularized incomplete
     * beta function in double precision, so a tail below about 1e-16 comes out as 0 or as rounding
     * noise; every p-value below this floor is reported as the floor ("p &lt; 1e-16"), never 0.
     */
    public static final double P_FLOOR = 1e-16;

    private Significance() {
    }

    /**
     * Result of McNemar's test.
     *
     * @param firstOnly  documents only the first model got right
     * @param secondOnly documents only the second model got right
     * @param p          two-sided exact p-value (1 when there are no discordant documents), at least {@link #P_FLOOR}
     */
    public record McNemar(int firstOnly, int secondOnly, double p) {
    }

    /**
     * Result of the corrected resampled t-test.
     *
     * @param meanDifference mean of first minus second over folds
     * @param t              the corrected t statistic (0 when every difference is 0)
     * @param degreesOfFreedom J - 1
     * @param p              two-sided p-value, at least {@link #P_FLOOR}
     */
    public record CorrectedT(double meanDifference, double t, int degreesOfFreedom, double p) {
    }

    /** McNemar's exact test; {@code firstCorrect[i]} and {@code secondCorrect[i]} are about the same document. */
    public static McNemar mcnemar(boolean[] firstCorrect, boolean[] secondCorrect) {
        if (firstCorrect.length != secondCorrect.length) {
            throw new IllegalArgumentException("paired arrays differ in length: " + firstCorrect.length + " vs " + secondCorrect.length);
        }
        int b = 0;
        int c = 0;
        for (int i = 0; i < firstCorrect.length; i++) {
            if (firstCorrect[i] && !secondCorrect[i]) {
                b++;
            } else if (!firstCorrect[i] && secondCorrect[i]) {
                c++;
            }
        }
        return new McNemar(b, c, mcnemarP(b, c));
    }

    /** Exact two-sided McNemar p-value for discordant counts b and c. */
    public static double mcnemarP(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        double tail = new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(b, c));
        return floored(2 * tail);
    }

    /**
     * Corrected resampled t-test of paired fold scores.
     *
     * @param first         score of the first model on each fold
     * @param second        score of the second model on the same folds
     * @param testOverTrain n_test / n_train of one fold (1 / (k - 1) for k-fold CV)
     */
    public static CorrectedT nadeauBengio(double[] first, double[] second, double testOverTrain) {
        int j = first.length;
        if (j != second.length || j < 2) {
            throw new IllegalArgumentException("need at least two paired folds, got " + first.length + " and " + second.length);
        }
        double mean = 0;
        for (int i = 0; i < j; i++) {
            mean += first[i] - second[i];
        }
        mean /= j;
        double var = 0;
        for (int i = 0; i < j; i++) {
            double d = first[i] - second[i] - mean;
            var += d * d;
        }
        var /= j - 1;
        if (var == 0) {
            return new CorrectedT(mean, 0, j - 1, mean == 0 ? 1.0 : P_FLOOR);
        }
        double t = mean / Math.sqrt((1.0 / j + testOverTrain) * var);
        double p = 2 * new TDistribution(null, j - 1).cumulativeProbability(-Math.abs(t));
        return new CorrectedT(mean, t, j - 1, floored(p));
    }

    /** {@code p} clamped to [{@link #P_FLOOR}, 1]. */
    static double floored(double p) {
        return Math.max(P_FLOOR, Math.min(1.0, p));
    }
}

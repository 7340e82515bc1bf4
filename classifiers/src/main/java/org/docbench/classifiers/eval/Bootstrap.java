package org.docbench.classifiers.eval;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded percentile bootstrap over test documents: resample the (truth, prediction) pairs with
 * replacement {@code resamples} times, score each resample, take the 2.5th and 97.5th
 * percentiles. The same inputs and seed give the same interval. Stateless.
 */
public final class Bootstrap {
    /** Resamples the report uses. */
    public static final int RESAMPLES = 1000;

    private Bootstrap() {
    }

    /** Which statistic of the resampled predictions to bound. */
    public enum Statistic { ACCURACY, MACRO_F1 }

    /** 95% percentile interval of {@code statistic}. */
    public static Interval interval(List<String> labels, int[] truth, int[] predicted, Statistic statistic,
                                    int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        int n = truth.length;
        int k = labels.size();
        double full = score(Metrics.of(labels, truth, predicted), statistic);
        double[] values = new double[resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] cm = new int[k][k];
        for (int r = 0; r < resamples; r++) {
            for (int[] row : cm) {
                Arrays.fill(row, 0);
            }
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                cm[truth[j]][predicted[j]]++;
            }
            values[r] = score(Metrics.fromConfusion(labels, cm), statistic);
        }
        Arrays.sort(values);
        return new Interval(full, percentile(values, 0.025), percentile(values, 0.975));
    }

    /** Linear-interpolated percentile of sorted {@code v}, as numpy's default. */
    static double percentile(double[] v, double q) {
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    private static double score(Metrics m, Statistic s) {
        return s == Statistic.ACCURACY ? m.accuracy() : m.macroF1();
    }
}

package org.docbench.classifiers.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void percentile_interpolatesLikeNumpy() {
        double[] v = {1, 2, 3, 4, 5};
        assertEquals(3.0, Bootstrap.percentile(v, 0.5), 1e-12);
        assertEquals(2.0, Bootstrap.percentile(v, 0.25), 1e-12);
        assertEquals(1.1, Bootstrap.percentile(v, 0.025), 1e-12);
    }

    @Test
    void interval_perfectPredictions_isDegenerateAtOne() {
        int[] y = {0, 1, 2, 0, 1, 2};
        Interval i = Bootstrap.interval(LABELS, y, y, Bootstrap.Statistic.ACCURACY, 200, 7);
        assertEquals(new Interval(1, 1, 1), i);
    }

    @Test
    void interval_sameSeed_sameInterval_andItHoldsTheEstimate() {
        Random r = new Random(3);
        int[] truth = new int[200];
        int[] pred = new int[200];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = r.nextInt(3);
            pred[i] = r.nextDouble() < 0.7 ? truth[i] : r.nextInt(3);
        }
        Interval a = Bootstrap.interval(LABELS, truth, pred, Bootstrap.Statistic.MACRO_F1, 500, 42);
        Interval b = Bootstrap.interval(LABELS, truth, pred, Bootstrap.Statistic.MACRO_F1, 500, 42);
        assertEquals(a, b);
        assertTrue(a.low() <= a.estimate() && a.estimate() <= a.high(), a.toString());
        // binomial standard error of accuracy near 0.8 with n = 200 is about 0.028: a 95% interval ~0.11 wide
        Interval acc = Bootstrap.interval(LABELS, truth, pred, Bootstrap.Statistic.ACCURACY, 1000, 42);
        double width = acc.high() - acc.low();
        assertTrue(width > 0.08 && width < 0.14, "width " + width + " of " + acc);
    }
}

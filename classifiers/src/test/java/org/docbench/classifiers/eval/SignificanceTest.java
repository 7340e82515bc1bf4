package org.docbench.classifiers.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Test
    void mcnemar_oneAgainstNine_isTheExactBinomialTail() {
        // 2 * P(X <= 1), X ~ Bin(10, 1/2) = 2 * (1 + 10) / 1024
        assertEquals(22.0 / 1024, Significance.mcnemarP(1, 9), 1e-12);
        assertEquals(22.0 / 1024, Significance.mcnemarP(9, 1), 1e-12);
    }

    @Test
    void mcnemar_balancedOrNoDiscordance_isOne() {
        assertEquals(1.0, Significance.mcnemarP(5, 5), 1e-12);
        assertEquals(1.0, Significance.mcnemarP(0, 0), 1e-12);
    }

    @Test
    void mcnemar_zeroAgainstSix_isTwoOver64() {
        assertEquals(2.0 / 64, Significance.mcnemarP(0, 6), 1e-12);
    }

    @Test
    void mcnemar_tailBelowDoublePrecision_isTheFloorNotZero() {
        // 2 * 0.5^400 is about 4e-121; the 1 - I(x) computation returns 0 there
        double p = Significance.mcnemarP(0, 400);
        assertEquals(Significance.P_FLOOR, p, 0.0, "p = " + p);
        assertEquals(1e-16, Significance.P_FLOOR, 0.0);
    }

    @Test
    void nadeauBengio_constantNonZeroDifference_isTheFloorNotZero() {
        double[] a = {0.9, 0.9, 0.9, 0.9, 0.9};
        double[] b = {0.5, 0.5, 0.5, 0.5, 0.5};
        Significance.CorrectedT t = Significance.nadeauBengio(a, b, 0.25);
        assertEquals(Significance.P_FLOOR, t.p(), 0.0, "p = " + t.p());
    }

    @Test
    void mcnemar_countsDiscordantDocumentsOnly() {
        boolean[] first = {true, true, true, false, false, true};
        boolean[] second = {true, false, false, true, false, true};
        Significance.McNemar m = Significance.mcnemar(first, second);
        assertEquals(2, m.firstOnly());
        assertEquals(1, m.secondOnly());
        assertEquals(1.0, m.p(), 1e-12); // 2 * P(X <= 1 | n = 3) = 2 * 4/8
    }

    @Test
    void nadeauBengio_fiveFolds_matchesHandComputedT() {
        double[] a = {0.81, 0.82, 0.83, 0.84, 0.85};
        double[] b = {0.80, 0.80, 0.80, 0.80, 0.80};
        // d = .01..05: mean .03, sample var .00025; corrected var (1/5 + 1/4) * .00025
        Significance.CorrectedT t = Significance.nadeauBengio(a, b, 0.25);
        assertEquals(0.03, t.meanDifference(), 1e-12);
        assertEquals(0.03 / Math.sqrt(0.45 * 0.00025), t.t(), 1e-9);
        assertEquals(4, t.degreesOfFreedom());
        // two-sided p of t = 2.8284 with 4 degrees of freedom (Student t tables: 0.0474)
        assertEquals(0.0474, t.p(), 5e-4, "p = " + t.p());
    }

    @Test
    void nadeauBengio_threeRepeatsOfFiveFolds_usesAllFifteenScores() {
        // the five-fold differences above, once per repeat: J = 15, mean .03, sample var .003 / 14
        double[] a = new double[15];
        double[] b = new double[15];
        for (int i = 0; i < 15; i++) {
            a[i] = 0.81 + 0.01 * (i % 5);
            b[i] = 0.80;
        }
        Significance.CorrectedT t = Significance.nadeauBengio(a, b, 0.25);
        assertEquals(14, t.degreesOfFreedom());
        assertEquals(0.03 / Math.sqrt((1.0 / 15 + 0.25) * 0.003 / 14), t.t(), 1e-9);
        assertEquals(3.6419, t.t(), 1e-4);
        // two-sided p of t = 3.6419 with 14 degrees of freedom (scipy.stats.t.sf: 0.002668)
        assertEquals(0.002668, t.p(), 1e-5, "p = " + t.p());
    }

    @Test
    void nadeauBengio_moreRepeats_neverShrinkTheVarianceBelowTheTestOverTrainTerm() {
        // Repeating the same folds r times only shrinks 1/J: t stays below mean / sqrt(ratio * var).
        double[] d = {0.01, 0.02, 0.03, 0.04, 0.05};
        for (int r = 1; r <= 20; r++) {
            double[] a = new double[5 * r];
            double[] b = new double[5 * r];
            for (int i = 0; i < a.length; i++) {
                a[i] = 0.8 + d[i % 5];
                b[i] = 0.8;
            }
            double var = 0.001 * r / (5 * r - 1);
            double bound = 0.03 / Math.sqrt(0.25 * var);
            double t = Significance.nadeauBengio(a, b, 0.25).t();
            assertEquals(true, t < bound, "r = " + r + ": t " + t + " bound " + bound);
        }
    }

    @Test
    void nadeauBengio_uncorrectedWouldBeMoreSignificant() {
        double[] a = {0.81, 0.82, 0.83, 0.84, 0.85};
        double[] b = {0.80, 0.80, 0.80, 0.80, 0.80};
        double corrected = Significance.nadeauBengio(a, b, 0.25).p();
        double plain = Significance.nadeauBengio(a, b, 0.0).p(); // ratio 0 is the ordinary paired t-test
        assertEquals(true, plain < corrected, "plain " + plain + " corrected " + corrected);
        // ordinary paired t: t = .03 / sqrt(.00025 / 5) = 4.2426, df 4, p = 0.0132
        assertEquals(0.0132, plain, 5e-4);
    }

    @Test
    void nadeauBengio_identicalScores_isOne() {
        double[] a = {0.5, 0.6, 0.7};
        assertEquals(1.0, Significance.nadeauBengio(a, a, 0.25).p(), 1e-12);
    }
}

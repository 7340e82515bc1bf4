package org.docbench.classifiers.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void of_twoLabels_matchesHandComputedScores() {
        // truth a a b b, predicted a b b b
        Metrics m = Metrics.of(List.of("a", "b"), new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});
        assertEquals(0.75, m.accuracy(), EPS);
        ClassScores a = m.perClass().get(0);
        ClassScores b = m.perClass().get(1);
        assertEquals(1.0, a.precision(), EPS);
        assertEquals(0.5, a.recall(), EPS);
        assertEquals(2.0 / 3, a.f1(), EPS);
        assertEquals(2.0 / 3, b.precision(), EPS);
        assertEquals(1.0, b.recall(), EPS);
        assertEquals(0.8, b.f1(), EPS);
        assertEquals((2.0 / 3 + 0.8) / 2, m.macroF1(), EPS);
        assertEquals((2.0 / 3 * 2 + 0.8 * 2) / 4, m.weightedF1(), EPS);
        assertArrayEquals(new int[] {1, 1}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 2}, m.confusion()[1]);
    }

    @Test
    void of_labelNeverPredicted_countsZeroF1InMacroAverage() {
        // three labels; c is in truth but never predicted; majority-style predictions
        Metrics m = Metrics.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 2, 2}, new int[] {0, 0, 0, 0, 0, 0});
        assertEquals(0.5, m.accuracy(), EPS);
        // a: P 3/6, R 1, F1 2/3; b and c: 0
        assertEquals((2.0 / 3) / 3, m.macroF1(), EPS, "macro-F1 of " + m.perClass());
        assertEquals((2.0 / 3) * 3 / 6, m.weightedF1(), EPS);
        assertEquals(0.0, m.perClass().get(2).precision(), EPS);
        assertEquals(2, m.perClass().get(2).support());
    }

    @Test
    void of_labelWithNoTrueDocument_isNamedAndLeftOutOfMacroF1() {
        // c has no true document but is predicted once: it is an error (a's recall drops), not a zero in the mean
        Metrics m = Metrics.of(List.of("a", "b", "c"), new int[] {0, 0, 1, 1}, new int[] {0, 2, 1, 1});
        assertEquals(List.of("c"), m.withoutSupport());
        // a: P 1, R 1/2, F1 2/3; b: P 1, R 1, F1 1; c: support 0, left out
        assertEquals((2.0 / 3 + 1.0) / 2, m.macroF1(), EPS, "macro-F1 of " + m.perClass());
        assertEquals(0.0, m.perClass().get(2).f1(), EPS);
        assertEquals(0, m.perClass().get(2).support());
        assertEquals((2.0 / 3 * 2 + 1.0 * 2) / 4, m.weightedF1(), EPS);
    }

    @Test
    void of_everyLabelWithTrueDocuments_nothingLeftOut() {
        Metrics m = Metrics.of(List.of("a", "b"), new int[] {0, 1}, new int[] {1, 1});
        assertEquals(List.of(), m.withoutSupport());
        assertEquals((0.0 + 2.0 / 3) / 2, m.macroF1(), EPS, "a never predicted still counts as F1 0: " + m.perClass());
    }

    @Test
    void of_unequalLengths_isRejectedWithBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.of(List.of("a"), new int[] {0, 0}, new int[] {0}));
        assertEquals("truth and predicted differ in length: 2 vs 1", e.getMessage());
    }

    @Test
    void confusion_isACopy_soTheRecordStaysImmutable() {
        Metrics m = Metrics.of(List.of("a", "b"), new int[] {0, 1}, new int[] {0, 1});
        m.confusion()[0][0] = 99;
        assertEquals(1, m.confusion()[0][0]);
    }
}

package org.docbench.classifiers.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void ece_twoBins_isTheWeightedGap() {
        // bin (0.9, 1]: confidence .95, accuracy .5; bin (0.1, 0.2]: confidence .15, accuracy 0
        Calibration c = Calibration.of(new double[] {0.95, 0.95, 0.15, 0.15}, new boolean[] {true, false, false, false}, 10);
        assertEquals(0.5 * 0.45 + 0.5 * 0.15, c.ece(), 1e-12);
        assertEquals(2, c.bins().size());
        assertEquals(0.1, c.bins().get(0).low(), 1e-12);
        assertEquals(0.5, c.bins().get(1).accuracy(), 1e-12);
    }

    @Test
    void ece_perfectlyCalibrated_isZero() {
        Calibration c = Calibration.of(new double[] {1.0, 1.0, 0.5, 0.5}, new boolean[] {true, true, true, false}, 10);
        assertEquals(0.0, c.ece(), 1e-12);
    }

    @Test
    void bins_edgeValues_landInTheFirstAndLastBin() {
        Calibration c = Calibration.of(new double[] {0.0, 1.0}, new boolean[] {false, true}, 10);
        assertEquals(0.0, c.bins().get(0).low(), 1e-12);
        assertEquals(1.0, c.bins().get(1).high(), 1e-12);
    }
}

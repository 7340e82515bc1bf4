package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.docbench.classifiers.peer.Peer;
import org.docbench.classifiers.train.Family;
import org.junit.jupiter.api.Test;

/** Each model's colour in the charts: its own, and far enough from every other to be told apart at a glance. */
class ModelStyleTest {
    /**
     * The least CIE76 colour difference between two models' colours: about ten times a just
     * noticeable difference (2.3), what tells two small markers apart without looking twice.
     * The closest pair, the baselines' two greys, are 21.2 apart; liblinear-lr and liblinear-svm,
     * once the same blue (0 apart), are now blue and indigo, 48.5 apart.
     */
    static final double MIN_DELTA_E = 20;

    /** Every name a chart of the report can show: each family and each peer the report runs. */
    static List<String> modelNames() {
        List<String> names = new ArrayList<>();
        for (Family f : Family.values()) {
            names.add(f.spelling());
        }
        Peer.all().forEach(p -> names.add(p.name()));
        return names;
    }

    @Test
    void colour_everyModelTheReportCanShow_hasItsOwn_farFromEveryOther() {
        List<String> names = modelNames();
        List<String> alike = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Color a = ModelStyle.of(names.get(i)).color();
                Color b = ModelStyle.of(names.get(j)).color();
                double d = deltaE(a, b);
                if (d < MIN_DELTA_E) {
                    alike.add(String.format(Locale.ROOT, "%s %s and %s %s (delta E %.1f)", names.get(i), hex(a), names.get(j), hex(b), d));
                }
            }
        }
        assertEquals(List.of(), alike, "models whose colours a reader cannot tell apart (least delta E " + MIN_DELTA_E + ")");
    }

    @Test
    void colour_ofEachModel_isTheOneItsNameHasInEveryExperiment() {
        for (String name : modelNames()) {
            assertEquals(ModelStyle.known().get(name), ModelStyle.of(name), name + ": one style per name, the one known() lists");
        }
        assertEquals(modelNames().size(), ModelStyle.known().size(), "known() lists exactly the report's models: " + ModelStyle.known().keySet());
    }

    @Test
    void deltaE_ofKnownPairs_isCie76() {
        assertEquals(100.0, deltaE(Color.BLACK, Color.WHITE), 0.01);
        Color blue = new Color(0x00, 0x72, 0xB2);
        assertEquals(0.0, deltaE(blue, blue), 0.0);
        assertEquals(48.5, deltaE(blue, new Color(0x33, 0x22, 0x88)), 0.1, "Okabe-Ito blue and Tol's indigo");
        assertEquals(21.2, deltaE(new Color(0x77, 0x77, 0x77), new Color(0x44, 0x44, 0x44)), 0.1, "the two greys");
    }

    /** The CIE76 difference of two sRGB colours: the distance of their CIELAB coordinates (D65 white). */
    static double deltaE(Color a, Color b) {
        double[] x = lab(a);
        double[] y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    private static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06X", c.getRGB() & 0xFFFFFF);
    }
}

package org.docbench.classifiers.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of a model's confidence in its predicted label: equal-width confidence bins, and
 * the expected calibration error ECE = sum over bins of (n_bin / n) |accuracy_bin - confidence_bin|.
 * A model whose 0.8-confident predictions are right 80% of the time has ECE 0.
 *
 * @param ece  expected calibration error in [0, 1]
 * @param bins the non-empty bins, low to high
 */
public record Calibration(double ece, List<Bin> bins) {

    /** Bins the report uses. */
    public static final int BINS = 10;

    public Calibration {
        bins = List.copyOf(bins);
    }

    /**
     * One confidence bin.
     *
     * @param low            lower edge (inclusive, except the first bin which also takes 0)
     * @param high           upper edge (inclusive)
     * @param count          predictions in the bin
     * @param meanConfidence mean confidence in the bin
     * @param accuracy       fraction correct in the bin
     */
    public record Bin(double low, double high, int count, double meanConfidence, double accuracy) {
    }

    /** Calibration of predictions with confidence {@code confidence[i]} that were {@code correct[i]}. */
    public static Calibration of(double[] confidence, boolean[] correct, int bins) {
        if (confidence.length != correct.length || confidence.length == 0) {
            throw new IllegalArgumentException("need equally many confidences and outcomes, got "
                    + confidence.length + " and " + correct.length);
        }
        int[] count = new int[bins];
        double[] conf = new double[bins];
        int[] right = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            double c = Math.max(0, Math.min(1, confidence[i]));
            int b = Math.min(bins - 1, Math.max(0, (int) Math.ceil(c * bins) - 1));
            count[b]++;
            conf[b] += c;
            right[b] += correct[i] ? 1 : 0;
        }
        double ece = 0;
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                continue;
            }
            double mc = conf[b] / count[b];
            double acc = (double) right[b] / count[b];
            ece += (double) count[b] / confidence.length * Math.abs(acc - mc);
            out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], mc, acc));
        }
        return new Calibration(ece, out);
    }
}

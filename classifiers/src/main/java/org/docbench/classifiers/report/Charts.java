package org.docbench.classifiers.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.docbench.classifiers.eval.Calibration;
import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.Interval;
import org.docbench.classifiers.eval.LearningCurve;
import org.docbench.classifiers.eval.ModelResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn by XChart and returned as base64 PNG data URIs. Stateless; needs a headless AWT. */
final class Charts {
    private static final int W = 860;
    private static final int H = 420;
    private static final int SMALL_W = 420;
    private static final int SMALL_H = 390;

    private Charts() {
    }

    /** The charts of one block: one image, except calibration, one small reliability plot per probabilistic model. */
    static List<String> drawAll(Block.Kind kind, ExperimentResult e) {
        return switch (kind) {
            case SCORES -> List.of(png(scores(e)));
            case CONFUSION -> heatmapDrawn(e) ? List.of(png(confusion(e))) : List.of();
            case CALIBRATION -> calibrated(e).stream().map(m -> png(reliability(e, m))).toList();
            case LEARNING_CURVE -> List.of(png(learningCurve(e)));
        };
    }

    /** The models with a reliability plot, in the experiment's order. */
    static List<ModelResult> calibrated(ExperimentResult e) {
        return e.models().stream().filter(m -> m.calibration() != null).toList();
    }

    /**
     * One model's reliability plot: accuracy against mean confidence per bin, each point labeled
     * with its bin's prediction count (a bin of 3 predictions says little).
     */
    static XYChart reliability(ExperimentResult e, ModelResult m) {
        XYChart c = new XYChartBuilder().width(SMALL_W).height(SMALL_H)
                .title(m.family() + ": ECE " + Cells.pct(m.calibration().ece()) + "%")
                .xAxisTitle("mean confidence in bin").yAxisTitle("accuracy in bin").build();
        XYSeries diag = c.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diag.setMarker(SeriesMarkers.NONE);
        diag.setLineColor(java.awt.Color.GRAY);
        List<Calibration.Bin> bins = m.calibration().bins();
        double[] x = bins.stream().mapToDouble(Calibration.Bin::meanConfidence).toArray();
        double[] y = bins.stream().mapToDouble(Calibration.Bin::accuracy).toArray();
        ModelStyle.of(m.family()).apply(c.addSeries("bins (n = predictions)", x, y));
        // Each count above or below its point, off the line through the bins and off the diagonal: set a fixed step above
        // (below at the top edge), a "1" sat under its own marker and others on the line.
        List<PointLabels.Point> counts = bins.stream().map(b -> new PointLabels.Point(String.valueOf(b.count()), b.meanConfidence(), b.accuracy()))
                .toList();
        List<double[]> lines = new ArrayList<>();
        lines.add(new double[] {0, 0, 1, 1});
        for (int i = 1; i < bins.size(); i++) {
            lines.add(new double[] {x[i - 1], y[i - 1], x[i], y[i]});
        }
        c.addAnnotation(new PointLabels(counts, lines, true));
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // inside, it hid the low-confidence bins
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        fitTitle(c);
        return c;
    }

    /**
     * Shrinks the title's font until it fits the chart's width: XChart centers the title and cuts
     * both ends of one wider than the chart.
     */
    static void fitTitle(Chart<?, ?> c) {
        fitTitle(c, c.getWidth());
    }

    /**
     * Shrinks the title's font until it fits {@code width}: a chart with its legend beside the plot
     * centers the title over the plot, so the title has the chart's width less the legend's.
     */
    static void fitTitle(Chart<?, ?> c, int width) {
        c.getStyler().setChartTitleFont(shrunk(c.getStyler().getChartTitleFont(), c.getTitle(), width - 2 * TITLE_MARGIN));
    }

    /** {@code font}, a point smaller at a time down to 8, until {@code text} in it is no wider than {@code width} pixels. */
    static java.awt.Font shrunk(java.awt.Font font, String text, double width) {
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            while (font.getSize2D() > 8 && g.getFontMetrics(font).stringWidth(text) > width) {
                font = font.deriveFont(font.getSize2D() - 1);
            }
        } finally {
            g.dispose();
        }
        return font;
    }

    /** The width a legend beside the plot takes: its longest name in the legend font, plus marker and padding. */
    static int legendWidth(Chart<?, ?> c, java.util.Collection<String> names) {
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return names.stream().mapToInt(g.getFontMetrics(c.getStyler().getLegendFont())::stringWidth).max().orElse(0) + 60;
        } finally {
            g.dispose();
        }
    }

    /** Pixels left free at each end of a title. */
    static final int TITLE_MARGIN = 12;

    /** Whether {@code c}'s title, in its font, fits its width (see {@link #fitTitle}). */
    static boolean titleFits(Chart<?, ?> c) {
        return titleFits(c, c.getWidth());
    }

    /** Whether {@code c}'s title, in its font, fits {@code width}. */
    static boolean titleFits(Chart<?, ?> c, int width) {
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(c.getStyler().getChartTitleFont()).stringWidth(c.getTitle()) <= width - 2 * TITLE_MARGIN;
        } finally {
            g.dispose();
        }
    }

    /**
     * Macro-F1 and accuracy per model, each bar with a whisker over its 95% percentile bootstrap
     * interval, the interval the model table prints (see {@link Whiskers}: XChart's error bars are
     * symmetric and drew 67.9 [27.4, 91.5] from 27.4 to 108).
     */
    static CategoryChart scores(ExperimentResult e) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(e.id() + ": test scores with 95% CI")
                .yAxisTitle("%").build();
        List<String> names = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        List<Interval> f1Ci = new ArrayList<>();
        List<Double> acc = new ArrayList<>();
        List<Interval> accCi = new ArrayList<>();
        for (ModelResult m : e.models()) {
            names.add(m.family());
            f1.add(100 * m.metrics().macroF1());
            f1Ci.add(percent(m.macroF1Ci()));
            acc.add(100 * m.metrics().accuracy());
            accCi.add(percent(m.accuracyCi()));
        }
        c.addSeries("macro-F1", names, f1);
        c.addSeries("accuracy", names, acc);
        c.addAnnotation(new Whiskers(List.of(f1Ci, accCi)));
        c.getStyler().setXAxisLabelRotation(30);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        fitTitle(c);
        return c;
    }

    /** {@code i} in percent, as the chart plots it. */
    private static Interval percent(Interval i) {
        return new Interval(100 * i.estimate(), 100 * i.low(), 100 * i.high());
    }

    /**
     * The most labels a confusion heatmap is drawn for. At 30 a cell of a heatmap as wide as the
     * page's column is 31 px wide, room for a three-digit count and a label set upright; past
     * that its cells and labels shrink below legible, or, drawn at a legible size, the page
     * shrinks it and it weighs megabytes (100 labels drew 9,250 x 6,200 px, 5 MB of a 5.2 MB
     * report). The confusion table above it gives the same counts.
     */
    static final int HEATMAP_MAX_LABELS = 30;

    /** Whether {@code e}'s confusion heatmap is drawn: not past {@link #HEATMAP_MAX_LABELS} labels. */
    static boolean heatmapDrawn(ExperimentResult e) {
        return e.labels().size() <= HEATMAP_MAX_LABELS;
    }

    /** What report.html says where the heatmap of an experiment with too many labels would be. */
    static String noHeatmap(ExperimentResult e) {
        return "No confusion heatmap: one is drawn for at most " + HEATMAP_MAX_LABELS + " labels and this experiment has "
                + e.labels().size() + ", too many for its cells and labels to be read. The confusion matrix above gives every count"
                + (e.model(e.best()).confused().isEmpty() ? "." : "; the most confused pairs follow it.");
    }

    /** What a confusion heatmap's numbers and colours are, for the caption under it and its colour scale. */
    static String heatmapCaption(ExperimentResult e) {
        return "Confusion of " + e.best() + " on " + e.id() + ": each cell counts the test documents of its true label (row) "
                + "predicted as its column's label and, where it has room, gives that count's share of the row under it. "
                + "The colour is the share, on the same scale in every heatmap, so a small label's errors show as plainly "
                + "as a large one's.";
    }

    /** Pixels of a heatmap besides its cells: the true labels on the left, the predicted ones below, title and margins. */
    private static final int HEATMAP_FRAME_W = 250;
    private static final int HEATMAP_FRAME_H = 200;

    /**
     * The width of a heatmap cell, in pixels: 90 while the heatmap fits the page's column, less
     * when it would not, so that the page never shrinks it and its labels stay as legible as the
     * other charts'.
     */
    static double heatmapCell(int labels) {
        return Math.min(90, (HtmlReport.COLUMN_WIDTH - HEATMAP_FRAME_W) / (double) labels);
    }

    /** The width and height of a heatmap of {@code labels} labels: cells {@link #heatmapCell} wide, 60 px high or square if narrower. */
    static int[] heatmapSize(int labels) {
        double cell = heatmapCell(labels);
        return new int[] {Math.max(500, (int) Math.round(cell * labels) + HEATMAP_FRAME_W),
                Math.max(380, (int) Math.round(Math.min(60, cell) * labels) + HEATMAP_FRAME_H)};
    }

    /**
     * The best model's confusion matrix as a heatmap: true labels down, predicted across. Each
     * cell is coloured by its row share, the share of that true label's test documents predicted
     * as the column's label (0% white to 100% dark blue, the same scale in every heatmap), and
     * prints its count, with the share under it where the cell has room ({@link HeatmapCells}).
     * Coloured by count, a large label's diagonal would take the dark end and leave a small
     * label's errors, however many of its documents they were, as pale as an empty cell.
     */
    static HeatMapChart confusion(ExperimentResult e) {
        ModelResult best = e.model(e.best());
        int[][] m = best.metrics().confusion();
        int[] size = heatmapSize(m.length);
        double cell = heatmapCell(m.length);
        HeatMapChart c = new HeatMapChartBuilder().width(size[0]).height(size[1])
                .title("confusion of " + best.family() + "; colour = % of row").xAxisTitle("predicted label")
                .yAxisTitle("true label").build();
        c.getStyler().setXAxisLabelRotation(cell < 60 ? 90 : 30);
        double[][] shares = HeatmapCells.rowShares(m);
        List<Number[]> heat = new ArrayList<>();
        int k = m.length;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                heat.add(new Number[] {p, k - 1 - t, 100 * shares[t][p]});
            }
        }
        List<String> ys = new ArrayList<>(e.labels());
        java.util.Collections.reverse(ys);
        c.addSeries("share of the true label's documents", e.labels(), ys, heat).setMin(0).setMax(100);
        c.getStyler().setRangeColors(HeatmapCells.SCALE);
        // XChart prints a cell's value, here the share; the count is what a reader checks against the table, so it is drawn instead.
        c.getStyler().setShowValue(false);
        c.addAnnotation(new HeatmapCells(m, shares, cell));
        fitTitle(c, size[0] - trueLabelsWidth(c, e.labels()));
        // XChart's colour bar prints its ends as raw doubles (0.0, 100.0) and cannot say what they are shares of: report.html
        // draws the scale under the picture instead (HtmlReport.heatmapScale), in the same colours.
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /**
     * The width the true labels and their axis title take on a heatmap's left: XChart centres the
     * title over the plot, right of them, so a title as wide as the chart ran off its right edge.
     */
    static int trueLabelsWidth(HeatMapChart c, List<String> labels) {
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return labels.stream().mapToInt(g.getFontMetrics(c.getStyler().getAxisTickLabelsFont())::stringWidth).max().orElse(0) + 50;
        } finally {
            g.dispose();
        }
    }

    static XYChart learningCurve(ExperimentResult e) {
        LearningCurve lc = e.learningCurve();
        // The family only: the full configuration is in the paragraph above the chart and would shrink the title to nothing.
        String family = lc.spec().contains("(") ? lc.spec().substring(0, lc.spec().indexOf('(')) : lc.spec();
        XYChart c = new XYChartBuilder().width(W).height(H).title(e.id() + ": learning curve of " + family)
                .xAxisTitle("training documents").yAxisTitle("%").build();
        fitTitle(c);
        double[] x = lc.points().stream().mapToDouble(LearningCurve.Point::documents).toArray();
        c.addSeries("macro-F1", x, lc.points().stream().mapToDouble(p -> 100 * p.macroF1()).toArray());
        c.addSeries("accuracy", x, lc.points().stream().mapToDouble(p -> 100 * p.accuracy()).toArray());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return c;
    }

    static String cv(CrossValidation cv) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H)
                .title(cv.corpus() + "/" + cv.task() + ": cross-validated macro-F1 (± 1 sd over folds)").yAxisTitle("%").build();
        List<String> names = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> sd = new ArrayList<>();
        for (CrossValidation.Model m : cv.models()) {
            names.add(m.family());
            mean.add(100 * m.meanMacroF1());
            sd.add(100 * m.sdMacroF1());
        }
        c.addSeries("macro-F1", names, mean, sd);
        c.getStyler().setXAxisLabelRotation(30);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setLegendVisible(false);
        fitTitle(c);
        return png(c);
    }

    static String png(Chart<?, ?> chart) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + chart.getTitle(), e);
        }
    }
}

package org.docbench.classifiers.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.ModelResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Macro-F1 against cost for one experiment, every model and peer: against training time (left)
 * and against test documents per second (right), side by side. Macro-F1, since it is what the
 * report ranks models by. Each cost axis is chosen from the data (see {@link Axis}), so every
 * model is on the chart and every axis has labelled ticks; the legend sits beside the plot, where
 * it covers no point; each model keeps its {@link ModelStyle}. Stateless; needs a headless AWT.
 */
final class CostChart {
    /** Half the report's column, less a gap: two sit side by side at 1280 px and stack on a narrower page. */
    static final int W = 590;
    static final int H = 440;

    private CostChart() {
    }

    /** A model's cost, as its table column gives it. */
    enum Cost {
        // Short enough for the plot's width with ", log scale" after them (a longer one was cut at both ends).
        TRAINING("training time, ms (train ms)", "training time", m -> m.timing().trainMillis()),
        SPEED("test docs/s, raw text to label", "docs/s", m -> m.timing().docsPerSecond());

        final String axisTitle;
        final String title;
        final ToDoubleFunction<ModelResult> value;

        Cost(String axisTitle, String title, ToDoubleFunction<ModelResult> value) {
            this.axisTitle = axisTitle;
            this.title = title;
            this.value = value;
        }

        Axis axis(ExperimentResult e) {
            return Axis.of(e.models().stream().mapToDouble(value).toArray());
        }
    }

    /** Both charts as one data URI each, training time then docs/s. */
    static List<String> draw(ExperimentResult e) {
        return List.of(Charts.png(chart(e, Cost.TRAINING)), Charts.png(chart(e, Cost.SPEED)));
    }

    /** What the two charts show, worded from what they plot: how many models and peers, and each axis's scale. */
    static String caption(ExperimentResult e) {
        long peers = e.models().stream().filter(m -> ExperimentResult.Peers.isPeer(m.family())).count();
        long models = e.models().size() - peers;
        String who = models + (models == 1 ? " model" : " models")
                + (peers == 0 ? "" : " and " + peers + (peers == 1 ? " peer (a diamond)" : " peers (diamonds)"));
        return "Test macro-F1 of the " + who + " of " + e.id() + " against training time (left, " + Cost.TRAINING.axis(e).scale()
                + ") and against test documents per second, raw text to label (right, " + Cost.SPEED.axis(e).scale()
                + "); the macro-F1 axis spans the scores plotted (the baselines' too). Each point is labelled with its model where the label"
                + " fits; every model keeps its marker and colour in every cost chart of the report (the score bars colour the"
                + " two scores)." + moved(e);
    }

    /** The caption's word on points moved apart, naming them; empty when none were. */
    private static String moved(ExperimentResult e) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(movedApart(e, Cost.TRAINING));
        names.addAll(movedApart(e, Cost.SPEED));
        return names.isEmpty() ? "" : " Points that would hide one another are drawn a few pixels apart sideways: "
                + String.join(", ", names) + ".";
    }

    static XYChart chart(ExperimentResult e, Cost cost) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(e.id() + ": macro-F1 vs " + cost.title)
                .xAxisTitle(cost.axisTitle + (cost.axis(e).log() ? ", log scale" : "")).yAxisTitle("macro-F1 %").build();
        Axis x = cost.axis(e);
        double[] xs = e.models().stream().mapToDouble(m -> x.position(cost.value.applyAsDouble(m))).toArray();
        double[] ys = e.models().stream().mapToDouble(m -> 100 * m.metrics().macroF1()).toArray();
        double[] score = scoreRange(ys);
        double[] moved = apart(xs, ys, x, score, plotWidth(c, e));
        List<PointLabels.Point> labels = new java.util.ArrayList<>();
        for (int i = 0; i < e.models().size(); i++) {
            ModelResult m = e.models().get(i);
            XYSeries s = c.addSeries(m.family(), new double[] {moved[i]}, new double[] {ys[i]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            ModelStyle.of(m.family()).apply(s);
            labels.add(new PointLabels.Point(m.family(), moved[i], ys[i]));
        }
        c.addAnnotation(new PointLabels(labels));
        c.getStyler().setXAxisMin(x.min());
        c.getStyler().setXAxisMax(x.max());
        if (x.log()) {
            c.getStyler().setxAxisTickLabelsFormattingFunction(Axis::label);
            c.getStyler().setXAxisTickLabelsColor(new java.awt.Color(0, 0, 0, 0));
            c.getStyler().setXAxisTickMarksColor(new java.awt.Color(0, 0, 0, 0));
            c.getStyler().setPlotGridVerticalLinesVisible(false);
            c.addAnnotation(new LogTicks());
        } else {
            c.getStyler().setXAxisDecimalPattern(x.max() >= 10 ? "#,##0" : "0.##");
        }
        c.getStyler().setYAxisMin(score[0]);
        c.getStyler().setYAxisMax(score[1]);
        c.getStyler().setYAxisDecimalPattern("0");
        c.getStyler().setXAxisTickMarkSpacingHint(70);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(11);
        Charts.fitTitle(c, W - Charts.legendWidth(c, c.getSeriesMap().keySet()));
        return c;
    }

    /**
     * The macro-F1 axis's ends, from the scores plotted: a margin of a tenth of their spread (at
     * least 1 point) each side, out to a round step (1, 2, 5, 10 or 20 points, about five steps in
     * all), never past 0 or 100. From 0 to 100 always, five models between 92 and 96 shared a
     * strip a few pixels high.
     *
     * <pre>
     * 86.1 .. 96.0        -> 84 .. 98
     * 4.5, 14.2 .. 96.0   -> 0 .. 100
     * </pre>
     */
    static double[] scoreRange(double[] percents) {
        double lo = java.util.Arrays.stream(percents).min().orElse(0);
        double hi = java.util.Arrays.stream(percents).max().orElse(100);
        double margin = Math.max(1, 0.1 * (hi - lo));
        double step = 20;
        for (double s : new double[] {1, 2, 5, 10, 20}) {
            if ((hi - lo + 2 * margin) / s <= 7) {
                step = s;
                break;
            }
        }
        return new double[] {Math.max(0, step * Math.floor((lo - margin) / step)), Math.min(100, step * Math.ceil((hi + margin) / step))};
    }

    /** The plot's width in pixels, about: the chart less its legend and its y axis. */
    private static double plotWidth(XYChart c, ExperimentResult e) {
        return W - Charts.legendWidth(c, e.models().stream().map(ModelResult::family).toList()) - 70;
    }

    /** How close, in pixels, two markers may be before one hides the other. */
    static final double HIDDEN = 4;

    /**
     * The x positions to draw at: each point as it is, but points that would sit within {@link
     * #HIDDEN} pixels of an earlier one (the same cost and score, as two baselines often have)
     * spread sideways, 8 pixels apart, around their place. Deterministic: by the models' order.
     */
    static double[] apart(double[] xs, double[] ys, Axis x, double[] score, double plotWidth) {
        double perPixelX = (x.max() - x.min()) / plotWidth;
        double perPixelY = (score[1] - score[0]) / (H - 110.0);
        double[] out = xs.clone();
        boolean[] done = new boolean[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (done[i]) {
                continue;
            }
            List<Integer> group = new java.util.ArrayList<>(List.of(i));
            for (int j = i + 1; j < xs.length; j++) {
                if (!done[j] && Math.abs(xs[j] - xs[i]) / perPixelX < HIDDEN && Math.abs(ys[j] - ys[i]) / perPixelY < HIDDEN) {
                    group.add(j);
                    done[j] = true;
                }
            }
            for (int k = 0; k < group.size(); k++) {
                out[group.get(k)] = xs[i] + (k - (group.size() - 1) / 2.0) * 8 * perPixelX;
            }
        }
        return out;
    }

    /** The models {@link #apart} moves, in order; empty when no two would hide one another. */
    static List<String> movedApart(ExperimentResult e, Cost cost) {
        XYChart c = new XYChartBuilder().width(W).height(H).build();
        Axis x = cost.axis(e);
        double[] xs = e.models().stream().mapToDouble(m -> x.position(cost.value.applyAsDouble(m))).toArray();
        double[] ys = e.models().stream().mapToDouble(m -> 100 * m.metrics().macroF1()).toArray();
        double[] moved = apart(xs, ys, x, scoreRange(ys), plotWidth(c, e));
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (moved[i] != xs[i]) {
                names.add(e.models().get(i).family());
            }
        }
        return names;
    }

    /**
     * A cost axis, from the values it shows. Logarithmic when they span a decade or more
     * (training times run from a fraction of a millisecond for the baselines to minutes), as
     * log10 of the value on a linear axis whose ticks are labelled with the value itself: XChart's
     * own log axis labels powers of ten only and none at all inside one decade. Otherwise linear
     * from 0, so that 550 against 930 docs/s looks like the 1.7 times it is. Immutable.
     *
     * @param log whether positions are log10 of the values
     * @param min the axis's lower end, a position
     * @param max the axis's upper end, a position
     */
    record Axis(boolean log, double min, double max) {
        /** The axis showing every one of {@code values} (costs, at least 0) inside its ends. */
        static Axis of(double[] values) {
            double lo = java.util.Arrays.stream(values).filter(v -> v > 0).min().orElse(0);
            double hi = java.util.Arrays.stream(values).max().orElse(0);
            if (lo > 0 && hi / lo >= 10) {
                double span = Math.log10(hi) - Math.log10(lo);
                return new Axis(true, Math.log10(lo) - 0.06 * span, Math.log10(hi) + 0.06 * span);
            }
            return new Axis(false, 0, hi > 0 ? roundUp(1.08 * hi) : 1);
        }

        /** Where {@code value} sits; on a log axis a 0 (a masked time) sits at the lower end. */
        double position(double value) {
            return !log ? value : value > 0 ? Math.log10(value) : min;
        }

        /** "log scale" or "linear from 0", for a caption. */
        String scale() {
            return log ? "log scale" : "linear from 0";
        }

        /** A tick label of a log axis: the value at {@code position}, two significant digits: 0.25, 3.2, 18, 560, 12,000. */
        static String label(double position) {
            BigDecimal v = new BigDecimal(Math.pow(10, position)).round(new MathContext(2));
            return v.compareTo(BigDecimal.valueOf(1000)) >= 0 ? String.format(Locale.ROOT, "%,d", v.longValue())
                    : v.stripTrailingZeros().toPlainString();
        }

        /** {@code v} rounded up to a round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten): the end of a linear axis. */
        static double roundUp(double v) {
            double p = Math.pow(10, Math.floor(Math.log10(v)));
            for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
                if (m * p >= v) {
                    return m * p;
                }
            }
            return 10 * p;
        }
    }
}

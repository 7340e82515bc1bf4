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
                + "). Every model keeps its marker and colour in every chart of the report.";
    }

    static XYChart chart(ExperimentResult e, Cost cost) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(e.id() + ": macro-F1 vs " + cost.title)
                .xAxisTitle(cost.axisTitle + (cost.axis(e).log() ? ", log scale" : "")).yAxisTitle("macro-F1 %").build();
        Axis x = cost.axis(e);
        for (ModelResult m : e.models()) {
            XYSeries s = c.addSeries(m.family(), new double[] {x.position(cost.value.applyAsDouble(m))},
                    new double[] {100 * m.metrics().macroF1()});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            ModelStyle.of(m.family()).apply(s);
        }
        c.getStyler().setXAxisMin(x.min());
        c.getStyler().setXAxisMax(x.max());
        if (x.log()) {
            c.getStyler().setxAxisTickLabelsFormattingFunction(Axis::label);
        } else {
            c.getStyler().setXAxisDecimalPattern(x.max() >= 10 ? "#,##0" : "0.##");
        }
        // Left to itself, XChart puts the ticks of two or three models at their raw scores (81.45512060102807): whole tens with a margin.
        double yLo = e.models().stream().mapToDouble(m -> 100 * m.metrics().macroF1()).min().orElse(0);
        double yHi = e.models().stream().mapToDouble(m -> 100 * m.metrics().macroF1()).max().orElse(100);
        c.getStyler().setYAxisMin(Math.max(0, 10 * Math.floor(yLo / 10 - 0.5)));
        c.getStyler().setYAxisMax(Math.min(100, 10 * Math.ceil(yHi / 10 + 0.5)));
        c.getStyler().setYAxisDecimalPattern("0");
        c.getStyler().setXAxisTickMarkSpacingHint(70);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(11);
        Charts.fitTitle(c, W - Charts.legendWidth(c, c.getSeriesMap().keySet()));
        return c;
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

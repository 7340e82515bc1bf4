package org.docbench.classifiers.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * The ticks of a cost chart's log axis, drawn over an {@link org.knowm.xchart.XYChart} whose x is
 * log10 of the cost ({@link CostChart.Axis}): a labelled tick and grid line at each power of ten
 * and, where their labels have room, at 2 and 5 times it. XChart spaces ticks evenly in the
 * positions it is given, so its labels read 630 and 1,600 (10^2.8, 10^3.2), or only 1, 100 and
 * 10,000. XChart's own x tick labels are made transparent (they keep the room under the plot)
 * and its vertical grid lines are turned off. Immutable once added; XChart paints it after the plot.
 *
 * <pre>
 * 250 .. 4,000 docs/s, 380 px  -> 500, 1,000, 2,000 (and 300? no: only 1, 2 and 5 times a power of ten)
 * 0.1 .. 60,000 ms, 380 px     -> 0.1, 1, 10, 100, 1,000, 10,000 and, with room, 0.2, 0.5, 2, 5, ...
 * </pre>
 */
final class LogTicks extends Annotation {
    /** Least pixels between two labels. */
    static final int GAP = 10;

    LogTicks() {
        super(false);
    }

    /**
     * The tick positions (log10 of values) between {@code min} and {@code max}: each power of ten,
     * then 2 and 5 times each where every label keeps {@link #GAP} pixels from its neighbours,
     * given {@code width} pixels for the axis and {@code labelWidth} for a label's width.
     */
    static List<Double> ticks(double min, double max, double width, java.util.function.ToDoubleFunction<String> labelWidth) {
        List<Double> decades = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int p = (int) Math.floor(min) - 1; p <= Math.ceil(max); p++) {
            for (double m : new double[] {1, 2, 5}) {
                double x = p + Math.log10(m);
                if (x >= min && x <= max) {
                    all.add(x);
                    if (m == 1) {
                        decades.add(x);
                    }
                }
            }
        }
        // Powers of ten alone when fewer than two fall on the axis would leave it bare: then 1, 2 and 5 must do.
        return fits(all, min, max, width, labelWidth) || decades.size() < 2 ? all : decades;
    }

    private static boolean fits(List<Double> ticks, double min, double max, double width, java.util.function.ToDoubleFunction<String> labelWidth) {
        for (int i = 1; i < ticks.size(); i++) {
            double apart = (ticks.get(i) - ticks.get(i - 1)) / (max - min) * width;
            double need = (labelWidth.applyAsDouble(CostChart.Axis.label(ticks.get(i))) + labelWidth.applyAsDouble(
                    CostChart.Axis.label(ticks.get(i - 1)))) / 2 + GAP;
            if (apart < need) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        var st = (org.knowm.xchart.style.AxesChartStyler) styler;
        g.setFont(st.getAxisTickLabelsFont());
        FontMetrics fm = g.getFontMetrics();
        double left = Math.min(getXAxisScreenValueForMin(), getXAxisScreenValueForMax());
        double right = Math.max(getXAxisScreenValueForMin(), getXAxisScreenValueForMax());
        double top = Math.min(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        double bottom = Math.max(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        double min = st.getXAxisMin();
        double max = st.getXAxisMax();
        for (double t : ticks(min, max, right - left, fm::stringWidth)) {
            double x = chart.getScreenXFromChart(t);
            g.setColor(st.getPlotGridLinesColor());
            g.setStroke(st.getPlotGridLinesStroke());
            g.draw(new Line2D.Double(x, top, x, bottom));
            g.setColor(st.getAxisTickMarksColor());
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(x, bottom + 3, x, bottom + 3 + st.getAxisTickMarkLength()));
            String label = CostChart.Axis.label(t);
            g.setColor(Color.BLACK);
            g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) (bottom + 3 + st.getAxisTickMarkLength() + st.getAxisTickPadding() + fm.getAscent()));
        }
        bounds = new java.awt.geom.Rectangle2D.Double(left, top, right - left, bottom - top);
    }
}

package org.docbench.classifiers.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.docbench.classifiers.eval.Interval;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Whiskers from each bar's interval low to its high, drawn over a grouped bar chart of a
 * {@link org.knowm.xchart.CategoryChart}. XChart's own error bars are one value drawn both ways
 * from the bar's top, so a percentile bootstrap interval, which is rarely symmetric about its
 * estimate, cannot be drawn with them: 16.7 [6.7, 35.7] became 16.7 ± 19.0, from below 0.
 * Each whisker sits at the centre of its bar, where XChart puts the bar (category {@code i},
 * series {@code s} of {@code n}, bars filling {@code fill} of a category's width: centre at
 * {@code i + (1 - fill) / 2 + (s + 0.5) * fill / n} in category units). Immutable once added;
 * XChart paints it after the bars.
 */
final class Whiskers extends Annotation {
    /** Half the width of a whisker's caps, in pixels. */
    static final double CAP = 4;

    private final List<List<Interval>> intervals;

    /** @param intervals per bar series, in the chart's series order, one interval per category; values as plotted (percent). */
    Whiskers(List<List<Interval>> intervals) {
        super(false);
        this.intervals = intervals.stream().map(List::copyOf).toList();
    }

    /** The screen x of the whisker of series {@code series} at category {@code category}, while the chart is painted. */
    private double screenX(int series, int category) {
        double fill = ((CategoryStyler) styler).getAvailableSpaceFill();
        return chart.getScreenXFromChart(category + (1 - fill) / 2 + (series + 0.5) * fill / intervals.size());
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        Rectangle2D drawn = null;
        for (int s = 0; s < intervals.size(); s++) {
            for (int i = 0; i < intervals.get(s).size(); i++) {
                double x = screenX(s, i);
                double top = chart.getScreenYFromChart(intervals.get(s).get(i).high());
                double bottom = chart.getScreenYFromChart(intervals.get(s).get(i).low());
                g.draw(new Line2D.Double(x, top, x, bottom));
                g.draw(new Line2D.Double(x - CAP, top, x + CAP, top));
                g.draw(new Line2D.Double(x - CAP, bottom, x + CAP, bottom));
                Rectangle2D r = new Rectangle2D.Double(x - CAP, top, 2 * CAP, bottom - top);
                drawn = drawn == null ? r : drawn.createUnion(r);
            }
        }
        bounds = drawn;
    }
}

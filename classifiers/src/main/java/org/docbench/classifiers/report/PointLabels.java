package org.docbench.classifiers.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Each point of a scatter chart labelled with its model's name where the label fits, drawn over an
 * {@link org.knowm.xchart.XYChart}: five or six models of one experiment often score and cost
 * alike, and their markers, told apart only by the legend, hid one another. A label goes beside
 * its point (right, left, above, below, then the diagonals), or, where those places are taken,
 * further out with a thin line back to its point; it never covers another label or another
 * point's marker, and stays inside the plot. A point left without a label (no free place) is
 * still in the legend. Placement is greedy in the order the points were given, so the same chart
 * is labelled the same way every time. Not thread-safe: painting records where labels went.
 *
 * <pre>
 * liblinear-lr at (2,100 docs/s, 93.9), nb-svm at (2,150, 96.0), 6 px apart:
 *   "nb-svm" right of its point, "liblinear-lr" left of its point
 * </pre>
 */
final class PointLabels extends Annotation {
    /** The labels' font: as small as the charts' tick labels. */
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** Half a marker's box, in pixels: a label keeps out of every marker's box. */
    static final double MARKER = 6.5;
    /** How far from its point a label may go, in pixels: beside it, then twice further out with a line back. */
    private static final double[] RADII = {8, 22, 40};
    /** Directions tried at each distance, best first. */
    private static final double[][] DIRECTIONS = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {1, 1}, {-1, -1}, {-1, 1}};

    /** A labelled point, in chart units. */
    record Point(String name, double x, double y) {
    }

    /** Directions tried for a point on a line, best first: above and below, off the line, before the sides. */
    private static final double[][] OFF_A_LINE = {{0, -1}, {0, 1}, {-1, -1}, {1, 1}, {1, -1}, {-1, 1}, {1, 0}, {-1, 0}};

    private final List<Point> points;
    private final List<double[]> lines;
    private final boolean always;
    private final Map<Integer, Rectangle2D> placed = new LinkedHashMap<>();
    private final List<Rectangle2D> markers = new ArrayList<>();

    /** Labels for the points of a scatter chart, each where it fits or not at all. */
    PointLabels(List<Point> points) {
        this(points, List.of(), false);
    }

    /**
     * Labels that keep off {@code lines} too (each {x1, y1, x2, y2} in chart units) and, if
     * {@code always}, are drawn where they cover least when no place is free: a reliability
     * plot's bin counts, which the line through the bins and the diagonal run beside.
     */
    PointLabels(List<Point> points, List<double[]> lines, boolean always) {
        super(false);
        this.points = List.copyOf(points);
        this.lines = lines.stream().map(double[]::clone).toList();
        this.always = always;
    }

    /** Where each point's label went when the chart was last painted, by the point's index; one missing had no free place. */
    Map<Integer, Rectangle2D> placed() {
        return Map.copyOf(placed);
    }

    /** The points' marker boxes when the chart was last painted, in the points' order. */
    List<Rectangle2D> markers() {
        return List.copyOf(markers);
    }

    /** The points, in the order given. */
    List<Point> points() {
        return points;
    }

    /** The plot's area on screen, while the chart is painted. */
    private Rectangle2D plotArea() {
        // Corners as XChart gives them; which of the y ends is the top is its business.
        double x0 = getXAxisScreenValueForMin();
        double x1 = getXAxisScreenValueForMax();
        double y0 = getYAxisScreenValueForMin();
        double y1 = getYAxisScreenValueForMax();
        return new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    @Override
    public void paint(Graphics2D g) {
        placed.clear();
        markers.clear();
        if (!isVisible) {
            return;
        }
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        Rectangle2D area = plotArea();
        List<double[]> at = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        for (Point p : points) {
            double[] s = {chart.getScreenXFromChart(p.x()), chart.getScreenYFromChart(p.y())};
            at.add(s);
            taken.add(new Rectangle2D.Double(s[0] - MARKER, s[1] - MARKER, 2 * MARKER, 2 * MARKER));
            markers.add(taken.get(taken.size() - 1));
        }
        List<Line2D> segments = lines.stream().<Line2D>map(l -> new Line2D.Double(chart.getScreenXFromChart(l[0]), chart.getScreenYFromChart(l[1]),
                chart.getScreenXFromChart(l[2]), chart.getScreenYFromChart(l[3]))).toList();
        double[][] directions = lines.isEmpty() ? DIRECTIONS : OFF_A_LINE;
        Rectangle2D drawn = null;
        for (int i = 0; i < points.size(); i++) {
            double w = fm.stringWidth(points.get(i).name());
            double h = fm.getAscent() + fm.getDescent();
            Rectangle2D box = null;
            double radius = RADII[0];
            int fewest = Integer.MAX_VALUE;
            for (double r : RADII) {
                for (double[] d : directions) {
                    Rectangle2D b = box(at.get(i), d, r, w, h);
                    if (!area.contains(b)) {
                        continue;
                    }
                    int covered = (int) (taken.stream().filter(b::intersects).count() + segments.stream().filter(b::intersectsLine).count());
                    if (covered == 0) {
                        box = b;
                        radius = r;
                        fewest = 0;
                        break;
                    }
                    // Beside the point only: a label far out over something is harder to match to its point than one beside it.
                    if (always && r == RADII[0] && covered < fewest) {
                        box = b;
                        fewest = covered;
                    }
                }
                if (fewest == 0) {
                    break;
                }
            }
            if (box == null) {
                continue;
            }
            taken.add(box);
            placed.put(i, box);
            if (radius > RADII[0]) {
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(0.8f));
                g.draw(new Line2D.Double(at.get(i)[0], at.get(i)[1], clamp(at.get(i)[0], box.getMinX(), box.getMaxX()),
                        clamp(at.get(i)[1], box.getMinY(), box.getMaxY())));
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(points.get(i).name(), (float) box.getX(), (float) (box.getY() + fm.getAscent()));
            drawn = drawn == null ? box : drawn.createUnion(box);
        }
        bounds = drawn;
    }

    /** A label's box {@code r} pixels from {@code p} in direction {@code d}: beside, above or below it, or at a corner. */
    private static Rectangle2D box(double[] p, double[] d, double r, double w, double h) {
        double x = d[0] > 0 ? p[0] + r : d[0] < 0 ? p[0] - r - w : p[0] - w / 2;
        double y = d[1] > 0 ? p[1] + r : d[1] < 0 ? p[1] - r - h : p[1] - h / 2;
        return new Rectangle2D.Double(x, y, w, h);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

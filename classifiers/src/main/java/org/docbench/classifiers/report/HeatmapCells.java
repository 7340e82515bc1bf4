package org.docbench.classifiers.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.internal.Utils;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * The text of a confusion heatmap's cells, drawn over a {@link org.knowm.xchart.HeatMapChart}
 * whose values are row shares: each cell's count of documents, and under a count above 0 its
 * share where the cell has room for a second line. XChart can print only the value it colours by, and the count
 * is what a reader checks against the confusion table. Cells sit where XChart puts them: the plot
 * content ({@code plotContentSize} of the plot, centred) cut into equal columns and rows, the
 * first true label at the top. Text is black or white, whichever stands out more against the
 * cell's colour. Not thread-safe: painting records the cells it drew in.
 *
 * <pre>
 * counts [[95, 5], [3, 2]]  -> shares [[0.95, 0.05], [0.6, 0.4]]
 * cell (1, 0): "3" over "60%", dark: 3 of the small label's 5 documents went wrong
 * cell (0, 1): "5" over "5%", pale
 * </pre>
 */
final class HeatmapCells extends Annotation {
    /** The colour scale from 0% (white) through a middle blue to 100% (dark blue): ColorBrewer's Blues, one hue, read alike with colour-vision deficiencies. */
    static final Color[] SCALE = {Color.WHITE, new Color(0x6B, 0xAE, 0xD6), new Color(0x08, 0x30, 0x6B)};

    private final int[][] counts;
    private final double[][] shares;
    private final double cellWidth;
    private Rectangle2D[][] cells;
    private boolean twoLines;

    /**
     * @param counts    the confusion matrix, true labels down
     * @param shares    each count's share of its row ({@link #rowShares})
     * @param cellWidth the width XChart will give a cell, in pixels, for choosing a font that fits the largest count
     */
    HeatmapCells(int[][] counts, double[][] shares, double cellWidth) {
        super(false);
        this.counts = counts;
        this.shares = shares;
        this.cellWidth = cellWidth;
    }

    /**
     * Each count over its row's total: the share of a true label's documents predicted as each
     * label. A row without documents (a label no test document has) is all 0.
     */
    static double[][] rowShares(int[][] counts) {
        double[][] shares = new double[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            long total = 0;
            for (int v : counts[t]) {
                total += v;
            }
            shares[t] = new double[counts[t].length];
            for (int p = 0; p < counts[t].length; p++) {
                shares[t][p] = total == 0 ? 0 : counts[t][p] / (double) total;
            }
        }
        return shares;
    }

    /** A share as a cell prints it: whole percent, but "<1%" and ">99%" where rounding would say 0% or 100% of a row it is not. */
    static String percent(double share) {
        if (share > 0 && share < 0.005) {
            return "<1%";
        }
        if (share < 1 && share >= 0.995) {
            return ">99%";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** The colour of a share on {@link #SCALE}, interpolated between its stops as XChart's gradient does. */
    static Color fill(double share) {
        double x = Math.max(0, Math.min(1, share)) * (SCALE.length - 1);
        int i = Math.min((int) x, SCALE.length - 2);
        double f = x - i;
        Color a = SCALE[i];
        Color b = SCALE[i + 1];
        return new Color((int) (a.getRed() + f * (b.getRed() - a.getRed())), (int) (a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) (a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Black or white, whichever has the higher WCAG contrast against {@code background}. */
    static Color text(Color background) {
        double l = luminance(background);
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? Color.BLACK : Color.WHITE;
    }

    private static double luminance(Color c) {
        double[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255;
            rgb[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    /** Cell {@code (t, p)} as last painted, true label {@code t} down, predicted {@code p} across; null before painting. */
    Rectangle2D cell(int t, int p) {
        return cells == null ? null : cells[t][p];
    }

    /** The text of each cell, row by row: its count, then its share when the last painting had room for it. */
    List<List<String>> texts() {
        List<List<String>> texts = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                texts.add(lines(t, p, cells != null && twoLines));
            }
        }
        return texts;
    }

    /** A cell's lines: its count, and its share if there is room and anything to share (0 of a row needs no "0%"). */
    private List<String> lines(int t, int p, boolean withShare) {
        return withShare && counts[t][p] > 0 ? List.of(String.valueOf(counts[t][p]), percent(shares[t][p])) : List.of(String.valueOf(counts[t][p]));
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        int k = counts.length;
        HeatMapStyler st = (HeatMapStyler) styler;
        double x0 = Math.min(getXAxisScreenValueForMin(), getXAxisScreenValueForMax());
        double width = Math.abs(getXAxisScreenValueForMax() - getXAxisScreenValueForMin());
        double y0 = Math.min(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        double height = Math.abs(getYAxisScreenValueForMax() - getYAxisScreenValueForMin());
        double contentW = st.getPlotContentSize() * width;
        double contentH = st.getPlotContentSize() * height;
        double left = x0 + Utils.getTickStartOffset(width, contentW);
        double top = y0 + Utils.getTickStartOffset(height, contentH);
        double cw = contentW / k;
        double ch = contentH / k;

        // The largest count fits its cell; the share, a little smaller, goes under it when two lines fit the cell's height.
        String largest = String.valueOf(java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).max().orElse(0));
        Font countFont = Charts.shrunk(st.getValueFont(), largest, Math.min(cellWidth, cw) - 8);
        Font shareFont = Charts.shrunk(countFont.deriveFont(countFont.getSize2D() - 2), ">99%", cw - 8);
        FontMetrics cm = g.getFontMetrics(countFont);
        FontMetrics sm = g.getFontMetrics(shareFont);
        twoLines = cm.getAscent() + sm.getAscent() + 6 <= ch - 6 && sm.stringWidth(">99%") <= cw - 8;

        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        cells = new Rectangle2D[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                Rectangle2D r = new Rectangle2D.Double(left + p * cw, top + t * ch, cw, ch);
                cells[t][p] = r;
                g.setColor(text(fill(shares[t][p])));
                List<String> lines = lines(t, p, twoLines);
                double block = cm.getAscent() + (lines.size() > 1 ? 4 + sm.getAscent() : 0);
                double baseline = r.getCenterY() - block / 2 + cm.getAscent();
                g.setFont(countFont);
                g.drawString(lines.get(0), (float) (r.getCenterX() - cm.stringWidth(lines.get(0)) / 2.0), (float) baseline);
                if (lines.size() > 1) {
                    g.setFont(shareFont);
                    g.drawString(lines.get(1), (float) (r.getCenterX() - sm.stringWidth(lines.get(1)) / 2.0),
                            (float) (baseline + 4 + sm.getAscent()));
                }
            }
        }
        bounds = new Rectangle2D.Double(left, top, contentW, contentH);
    }
}

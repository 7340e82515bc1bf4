package org.docbench.classifiers.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained file (inline CSS, charts as embedded PNG data URIs),
 * the same content as the Markdown plus charts. Stateless.
 */
public final class HtmlReport {
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private HtmlReport() {
    }

    /** The narrowest a chart is shown, in CSS pixels: about 65% of the widest (860 px), whose labels stay legible. */
    static final int MIN_CHART_WIDTH = 560;

    /** The width of the report's column, in CSS pixels: a chart no wider is shown at its own size. */
    static final int COLUMN_WIDTH = 1200;

    /** The pages narrower than the report's 1200 px column and its margins. */
    static final String NARROW = "@media (max-width:1231px)";

    /** The page's head: title and style sheet. */
    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>docbench accuracy report</title>\n"
            + "<style>body{font-family:system-ui,sans-serif;max-width:" + COLUMN_WIDTH + "px;margin:2em auto;padding:0 1em;color:#222}"
            + "table{border-collapse:collapse;margin:0.8em 0;font-size:0.9em}th,td{border:1px solid #ccc;padding:3px 5px}"
            + "th{background:#f3f3f3}td.r{text-align:right;font-variant-numeric:tabular-nums}"
            // A font list, not the bare generic monospace, which browsers set at 13/16 of the text around it.
            + "code{background:#f6f6f6;padding:0 3px;font-size:0.9em;font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace}"
            // A chart shrinks with the page down to 560 px, where its 11 px labels are still legible; below that its box scrolls.
            + "img{max-width:max(100%," + MIN_CHART_WIDTH + "px);display:block;margin:0.5em 0}.chart,.panels{overflow-x:auto}"
            + "h2{border-bottom:1px solid #ddd;margin-top:2em}"
            // Wide tables scroll inside their own box instead of widening the page; long cells wrap.
            + ".scroll{max-width:100%;overflow-x:auto;margin:0.8em 0}.scroll table{margin:0}"
            // Cells of numbers stay on one line on a wide page (the headers wrap instead); on a narrower one they may wrap
            // between a score and its interval, never inside it, so that the right columns stay in view.
            + "td.r{white-space:nowrap}" + NARROW + "{td.r{white-space:normal}}.nw{white-space:nowrap}td code{overflow-wrap:anywhere}"
            // A confusion matrix's predicted labels read upright, so a column is as wide as its counts.
            + "th.up{vertical-align:bottom;padding:4px 3px}th.up span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}"
            + "h1,h2,h3{overflow-wrap:anywhere}"
            + "nav.toc{background:#fafafa;border:1px solid #e3e3e3;padding:0.5em 1em;margin:1em 0}"
            + "nav.toc ul{margin:0.2em 0;padding-left:1.2em}nav.toc li{margin:0.1em 0}"
            // Side by side while they fit, one under the other on a narrower page.
            + ".panels{display:flex;flex-wrap:wrap;gap:0.3em 0.6em;align-items:flex-start;margin:0.5em 0}"
            + ".panels img{margin:0}.panels figcaption{flex-basis:100%;font-size:0.9em;color:#444}"
            + "figure.chart{margin:0.5em 0}.chart figcaption{font-size:0.9em;color:#444;max-width:50em}"
            + ".scale{display:block;margin:0.2em 0 0.3em;white-space:nowrap}"
            + ".scale .bar{display:inline-block;width:10em;height:0.9em;margin:0 0.4em;vertical-align:middle;border:1px solid #999}"
            + "</style></head><body>\n";

    public static String render(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(HEAD);
        List<Block> blocks = Sections.build(report);
        // The contents follow the introduction, above the provenance and corpus tables (a corpus's labels run long).
        boolean tocWritten = false;
        for (Block block : blocks) {
            if (!tocWritten && block instanceof Block.Heading h && h.level() == 2) {
                sb.append(toc(blocks));
                tocWritten = true;
            }
            block(sb, block);
            if (!tocWritten && block instanceof Block.Paragraph) {
                sb.append(toc(blocks));
                tocWritten = true;
            }
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static void block(StringBuilder sb, Block block) {
        if (block instanceof Block.Heading h) {
            sb.append("<h").append(h.level());
            if (h.anchor() != null) {
                sb.append(" id=\"").append(escape(h.anchor())).append('"');
            }
            sb.append('>').append(inline(h.text())).append("</h").append(h.level()).append(">\n");
        } else if (block instanceof Block.Paragraph p) {
            sb.append("<p>").append(inline(p.text())).append("</p>\n");
        } else if (block instanceof Block.Bullets l) {
            sb.append("<ul>");
            l.items().forEach(i -> sb.append("<li>").append(inline(i)).append("</li>"));
            sb.append("</ul>\n");
        } else if (block instanceof Block.Table t) {
            table(sb, t);
        } else if (block instanceof Block.ExperimentChart c && c.kind() == Block.Kind.CONFUSION && !Charts.heatmapDrawn(c.experiment())) {
            sb.append("<p>").append(inline(Charts.noHeatmap(c.experiment()))).append("</p>\n");
        } else if (block instanceof Block.ExperimentChart c && c.kind() == Block.Kind.CONFUSION) {
            // The colour scale and what the numbers are, in words under the picture: XChart's colour bar cannot say what it measures.
            sb.append("<figure class=\"chart\"><img alt=\"").append(escape(alts(c.kind(), c.experiment()).get(0))).append("\" src=\"")
                    .append(Charts.png(Charts.confusion(c.experiment()))).append("\"><figcaption>").append(heatmapScale())
                    .append(inline(Charts.heatmapCaption(c.experiment()))).append("</figcaption></figure>\n");
        } else if (block instanceof Block.ExperimentChart c) {
            List<String> images = Charts.drawAll(c.kind(), c.experiment());
            List<String> alts = alts(c.kind(), c.experiment());
            sb.append(images.size() > 1 ? "<div class=\"panels\">" : "<div class=\"chart\">");
            for (int i = 0; i < images.size(); i++) {
                sb.append("<img alt=\"").append(escape(alts.get(i))).append("\" src=\"").append(images.get(i)).append("\">");
            }
            sb.append("</div>\n");
        } else if (block instanceof Block.CostChart c) {
            // The caption is worded from what the charts plot, so it goes with them: report.md has neither.
            List<String> images = CostChart.draw(c.experiment());
            List<String> alts = List.of("macro-F1 against training time", "macro-F1 against documents per second");
            sb.append("<figure class=\"panels\">");
            for (int i = 0; i < images.size(); i++) {
                sb.append("<img alt=\"").append(escape(alts.get(i) + ", every model of " + c.experiment().id()))
                        .append("\" src=\"").append(images.get(i)).append("\">");
            }
            sb.append("<figcaption>").append(inline(CostChart.caption(c.experiment()))).append("</figcaption></figure>\n");
        } else if (block instanceof Block.CvChart c) {
            sb.append("<div class=\"chart\"><img alt=\"").append(escape("cross-validation of " + c.cv().corpus() + "/" + c.cv().task()))
                    .append("\" src=\"")
                    .append(Charts.cv(c.cv())).append("\"></div>\n");
        }
    }

    /**
     * The colour scale of a confusion heatmap, as a legend: a bar in {@link HeatmapCells#SCALE}'s
     * colours (a CSS gradient interpolates between them as XChart does) from 0% to 100% of the
     * true label's documents.
     */
    static String heatmapScale() {
        StringBuilder stops = new StringBuilder();
        for (java.awt.Color c : HeatmapCells.SCALE) {
            stops.append(',').append(String.format(java.util.Locale.ROOT, "#%06x", c.getRGB() & 0xffffff));
        }
        return "<span class=\"scale\">colour: 0%<span class=\"bar\" style=\"background:linear-gradient(to right" + stops
                + ")\"></span>100% of the row (its true label's documents)</span>";
    }

    /** The alt text of each chart {@link Charts#drawAll} draws: a reliability plot names its model. */
    static List<String> alts(Block.Kind kind, org.docbench.classifiers.eval.ExperimentResult e) {
        if (kind == Block.Kind.CALIBRATION) {
            return Charts.calibrated(e).stream().map(m -> "reliability plot of " + m.family() + " on " + e.id()).toList();
        }
        return List.of(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " chart of " + e.id());
    }

    private static void table(StringBuilder sb, Block.Table t) {
        sb.append("<div class=\"scroll\"><table><tr>");
        for (int i = 0; i < t.header().size(); i++) {
            String name = inline(t.header().get(i));
            sb.append(t.upright(i) ? "<th class=\"up\"><span>" + name + "</span></th>" : "<th>" + name + "</th>");
        }
        sb.append("</tr>\n");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                sb.append(t.rightAligned(i) ? "<td class=\"r\">" + keepIntervals(inline(row.get(i))) : "<td>" + keepNames(inline(row.get(i))))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table></div>\n");
    }

    /** An interval in a cell of numbers, "[79.5, 83.9]". */
    private static final Pattern INTERVAL = Pattern.compile("\\[[^\\]\\s]+, [^\\]\\s]+\\]");

    /**
     * A cell of numbers whose interval stays on one line: a narrow page may break the cell before
     * the interval (the score above its interval) but never inside it.
     */
    static String keepIntervals(String cell) {
        return INTERVAL.matcher(cell).replaceAll(m -> "<span class=\"nw\">" + Matcher.quoteReplacement(m.group()) + "</span>");
    }

    /** A model's name in a cell (a family's spelling or a peer's), or an HTML tag, which is left as it is. */
    private static final Pattern NAME = Pattern.compile("(<[^>]*>)|(?<![\\w-])(peer:[\\w.+-]*\\w|"
            + java.util.Arrays.stream(org.docbench.classifiers.train.Family.values()).map(f -> Pattern.quote(f.spelling()))
                    .collect(java.util.stream.Collectors.joining("|")) + ")(?![\\w-])");

    /**
     * A text cell whose model names stay whole: at 900 px "peer:scikit-learn" broke after its
     * hyphen, "scikit-" over "learn". A list of names still wraps between them.
     */
    static String keepNames(String cell) {
        return NAME.matcher(cell).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) != null ? m.group(1) : "<span class=\"nw\">" + m.group(2) + "</span>"));
    }

    /**
     * The table of contents: every level-2 heading with an anchor, and under it the level-3
     * headings with anchors, as links.
     */
    static String toc(List<Block> blocks) {
        StringBuilder sb = new StringBuilder("<nav class=\"toc\"><b>Contents</b>\n<ul>");
        boolean inner = false;
        boolean any = false;
        for (Block block : blocks) {
            if (!(block instanceof Block.Heading h) || h.anchor() == null || h.level() < 2 || h.level() > 3) {
                continue;
            }
            if (h.level() == 2) {
                sb.append(inner ? "</ul></li>" : any ? "</li>" : "");
                inner = false;
                sb.append("\n<li>");
            } else if (!inner) {
                sb.append(any ? "<ul>" : "<li><ul>");
                inner = true;
            }
            sb.append(h.level() == 3 ? "<li>" : "").append("<a href=\"#").append(escape(h.anchor())).append("\">")
                    .append(inline(h.text())).append("</a>").append(h.level() == 3 ? "</li>" : "");
            any = true;
        }
        sb.append(inner ? "</ul></li>" : any ? "</li>" : "").append("</ul></nav>\n");
        return sb.toString();
    }

    /**
     * Escapes HTML, then renders the Markdown subset the blocks use: **bold**, `code`, and a
     * backslash before ASCII punctuation (how {@link Sections#lit} writes corpus text) meaning
     * that character itself, as in Markdown (inside `code` the backslash stays, as in Markdown).
     */
    static String inline(String text) {
        // An escaped character is set aside as a private-use character, so that neither bold nor code sees it.
        String s = ESCAPED.matcher(escape(text)).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).length() > 1 ? m.group(1) : String.valueOf((char) (SET_ASIDE + m.group(1).charAt(0)))));
        s = CODE.matcher(s).replaceAll(m -> "<code>" + Matcher.quoteReplacement(restore(m.group(1), "\\")) + "</code>");
        s = BOLD.matcher(s).replaceAll(m -> "<b>" + Matcher.quoteReplacement(m.group(1)) + "</b>");
        return restore(s, "");
    }

    /** A backslash escape after {@link #escape}: the backslash and the character (or entity) it escapes. */
    private static final Pattern ESCAPED = Pattern.compile("\\\\(&(?:amp|lt|gt|quot);|[!-/:-@\\[-`{-~])");
    /** Where escaped ASCII characters are set aside: U+E000 plus the character. */
    private static final char SET_ASIDE = '\uE000';

    /** {@code s} with characters set aside put back, each after {@code prefix}. */
    private static String restore(String s, String prefix) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= SET_ASIDE && c < SET_ASIDE + 128) {
                sb.append(prefix).append((char) (c - SET_ASIDE));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

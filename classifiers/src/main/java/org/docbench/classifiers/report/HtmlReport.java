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

    public static String render(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>docbench accuracy report</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:0.8em 0;font-size:0.9em}th,td{border:1px solid #ccc;padding:3px 7px}")
                .append("th{background:#f3f3f3}td.r{text-align:right;font-variant-numeric:tabular-nums}")
                .append("code{background:#f6f6f6;padding:0 3px;font-size:0.9em}img{max-width:100%;display:block;margin:0.5em 0}")
                .append("h2{border-bottom:1px solid #ddd;margin-top:2em}</style></head><body>\n");
        for (Block block : Sections.build(report)) {
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
                sb.append("<table><tr>");
                t.header().forEach(c -> sb.append("<th>").append(inline(c)).append("</th>"));
                sb.append("</tr>\n");
                for (List<String> row : t.rows()) {
                    sb.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        sb.append(t.right()[i] ? "<td class=\"r\">" : "<td>").append(inline(row.get(i))).append("</td>");
                    }
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            } else if (block instanceof Block.ExperimentChart c) {
                sb.append("<img alt=\"").append(escape(c.kind().name().toLowerCase(java.util.Locale.ROOT) + " chart of "
                        + c.experiment().id())).append("\" src=\"").append(Charts.draw(c.kind(), c.experiment())).append("\">\n");
            } else if (block instanceof Block.CostChart c) {
                for (String png : CostChart.draw(c.experiment())) {
                    sb.append("<img style=\"display:inline-block;max-width:49%\" alt=\"cost chart of ")
                            .append(escape(c.experiment().id())).append("\" src=\"").append(png).append("\">");
                }
                sb.append('\n');
            } else if (block instanceof Block.CvChart c) {
                sb.append("<img alt=\"cross-validation chart\" src=\"").append(Charts.cv(c.cv())).append("\">\n");
            }
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    /** Escapes HTML, then renders the Markdown subset the blocks use: **bold** and `code`. */
    static String inline(String text) {
        String s = escape(text);
        s = CODE.matcher(s).replaceAll(m -> "<code>" + Matcher.quoteReplacement(m.group(1)) + "</code>");
        s = BOLD.matcher(s).replaceAll(m -> "<b>" + Matcher.quoteReplacement(m.group(1)) + "</b>");
        return s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.docbench.classifiers.report;

import java.util.List;

/** {@code report.md}: plain GitHub-flavoured Markdown that also reads well in a terminal. Stateless. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(Report report) {
        StringBuilder sb = new StringBuilder();
        for (Block block : Sections.build(report)) {
            if (block instanceof Block.Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Block.Paragraph p) {
                sb.append(p.text()).append("\n\n");
            } else if (block instanceof Block.Bullets l) {
                // A note may quote a label with a line break in it: the bullet stays one line.
                l.items().forEach(i -> sb.append("- ").append(i.replaceAll("\\R", " ")).append('\n'));
                sb.append('\n');
            } else if (block instanceof Block.Table t) {
                row(sb, t.header());
                sb.append('|');
                for (int i = 0; i < t.header().size(); i++) {
                    sb.append(t.rightAligned(i) ? "---:|" : "---|");
                }
                sb.append('\n');
                t.rows().forEach(r -> row(sb, r));
                sb.append('\n');
            }
            // charts appear in report.html only
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }
}

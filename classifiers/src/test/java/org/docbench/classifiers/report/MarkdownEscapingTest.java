package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Labels are corpus text: report.md and report.html show them as they are, whatever characters they hold. */
class MarkdownEscapingTest {
    /** The three topics of {@link TestCorpus}, renamed. */
    static final Map<String, String> LABELS = Map.of("detainers", "a|b", "sanctuary", "two\nlines", "287g",
            "<script>alert(1)</script> **bold** _x_");
    private static Report report;
    private static String md;

    @BeforeAll
    static void build() {
        List<LabeledDocument> docs = TestCorpus.documents(10, 4).stream().map(d -> new LabeledDocument(d.id(), d.text(),
                Map.of("topic", LABELS.get(d.label("topic"))), d.splits(), d.metadata())).toList();
        List<ModelFamily> families = List.of(Trainers.family("majority"), Trainers.family("liblinear-lr"));
        Suite suite = new Suite(FeatureSpec.defaults(), 42, line -> { });
        suite.experiment(Experiment.of("news", "topic", "random", docs), families, false);
        report = suite.report("test", null, List.of(), families, List.of(CorpusManifest.of("news", "x", docs, 0)), List.of(),
                List.of(), System.nanoTime());
        md = MarkdownReport.render(report);
    }

    /** The cells of a Markdown table row, split at pipes that are not escaped. */
    private static List<String> cells(String row) {
        return List.of(row.substring(1, row.length() - 1).split("(?<!\\\\)\\|", -1));
    }

    @Test
    void labelWithPipeOrLineBreak_staysInItsCell_everyRowAsWideAsItsHeader() {
        String header = md.lines().filter(l -> l.startsWith("| label | precision")).findFirst().orElseThrow();
        List<String> rows = md.lines().dropWhile(l -> !l.equals(header)).takeWhile(l -> l.startsWith("|")).toList();
        assertEquals(2 + 3, rows.size(), "header, rule and one row per label: " + rows);
        for (String row : rows) {
            assertEquals(cells(header).size(), cells(row).size(), "row " + row + " under " + header);
        }
        assertTrue(md.contains("| a\\|b |") && md.contains("| two lines |"), md);
        String confusion = md.lines().filter(l -> l.startsWith("| true \\ predicted")).findFirst().orElseThrow();
        assertEquals(4, cells(confusion).size(), confusion);
    }

    @Test
    void labelWithHtmlOrMarkdown_isEscapedInReportMd_andShownAsTextInReportHtml() {
        assertFalse(md.contains("<script>"), "a tag in a label is no tag in report.md: " + md);
        assertFalse(md.contains(" **bold** ") || md.contains(" _x_"), "nor emphasis: " + md);
        assertTrue(md.contains("\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* \\_x\\_"), md);
        String html = HtmlReport.render(report);
        assertFalse(html.contains("<script>") || html.contains("<b>bold</b>") || html.contains("\\*"), "html: " + html);
        assertTrue(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; **bold** _x_</td>"), html);
        assertTrue(html.contains("<td>a|b</td>") && html.contains("<td>two lines</td>"), html);
    }

    @Test
    void lit_table() {
        assertEquals("pro-enforcement", Cells.lit("pro-enforcement"));
        assertEquals("left_leaning, \\_x\\_", Cells.lit("left_leaning, _x_"));
        assertEquals("a b c", Cells.lit("a\r\nb\rc"));
        assertEquals("\\\\ \\` \\[x\\] \\& 287g", Cells.lit("\\ ` [x] & 287g"));
        assertEquals("<b>x</b> *y* <code>\\*</code> \\ z", HtmlReport.inline("**x** \\*y\\* `\\*` \\ z"));
    }
}

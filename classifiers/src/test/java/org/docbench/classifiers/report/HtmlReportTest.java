package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.eval.ExperimentResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** report.html: contents, tables that fit, charts whose titles, counts and axes can be read. */
class HtmlReportTest {
    private static Report report;
    private static String html;

    @BeforeAll
    static void build() {
        report = ReportFixture.report("synthetic", TestCorpus.documents(20, 6), "stance", List.of("random"), true, List.of(),
                List.of("a note"));
        html = HtmlReport.render(report);
    }

    @Test
    void tables_numbersAlignRight_textLeft() {
        String summary = html.substring(html.indexOf("<table>", html.indexOf("id=\"summary\"")));
        String row = summary.substring(summary.indexOf("<tr><td"), summary.indexOf("</tr>", summary.indexOf("<tr><td")));
        // experiment, train / test, best model, accuracy, macro-F1, majority macro-F1, not significantly worse
        Matcher cells = Pattern.compile("<td( class=\"r\")?>").matcher(row);
        StringBuilder aligned = new StringBuilder();
        while (cells.find()) {
            aligned.append(cells.group(1) == null ? 'L' : 'R');
        }
        assertEquals("LRLRRRL", aligned.toString(), row);
    }

    @Test
    void toc_linksEveryAnchoredSection_andEveryLinkHasItsTarget() {
        int nav = html.indexOf("<nav class=\"toc\">");
        assertTrue(nav > 0 && nav < html.indexOf("<h2"), "contents before the first section");
        String toc = html.substring(nav, html.indexOf("</nav>", nav));
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(toc);
        int n = 0;
        while (links.find()) {
            assertTrue(html.contains(" id=\"" + links.group(1) + "\""), "no target for #" + links.group(1));
            n++;
        }
        for (String anchor : List.of("summary", "data", "columns", "synthetic-stance-random", "cv", "notes", "specs", "timing")) {
            assertTrue(toc.contains("href=\"#" + anchor + "\""), "contents lack #" + anchor + ": " + toc);
        }
        assertEquals(n, count(html, "<h2") + count(html, "<h3 id="), "one entry per anchored heading");
    }

    @Test
    void tables_everyOneInAScrollBox() {
        assertEquals(count(html, "<table>"), count(html, "<div class=\"scroll\"><table>"), "every table wrapped");
        assertTrue(html.contains(".scroll{max-width:100%;overflow-x:auto"), "the box scrolls instead of widening the page");
    }

    @Test
    void calibration_onePlotPerProbabilisticModel_withBinCounts() {
        ExperimentResult e = report.experiments().get(0);
        long probabilistic = e.models().stream().filter(m -> m.calibration() != null).count();
        assertTrue(probabilistic >= 2, "probabilistic models: " + probabilistic);
        assertEquals(probabilistic, Charts.drawAll(Block.Kind.CALIBRATION, e).size());
        var m = e.models().stream().filter(x -> x.calibration() != null).findFirst().orElseThrow();
        XYChart c = Charts.reliability(e, m);
        List<String> labels = annotations(c);
        assertEquals(m.calibration().bins().stream().map(b -> String.valueOf(b.count())).toList(), labels,
                "each bin's point carries its count");
        assertEquals(probabilistic, count(html, "alt=\"calibration chart of synthetic/stance/random\""));
    }

    @Test
    void titles_longOnesShrinkUntilTheyFit() {
        XYChart c = new XYChartBuilder().width(860).height(420)
                .title("immigration-enforcement/topic/random: learning curve of liblinear-lr C=10 and a much longer configuration name")
                .build();
        assertFalse(Charts.titleFits(c), "the title is too wide at the default font");
        Charts.fitTitle(c);
        assertTrue(Charts.titleFits(c), "fits at " + c.getStyler().getChartTitleFont().getSize());
        for (ExperimentResult e : report.experiments()) {
            XYChart lc = Charts.learningCurve(e);
            assertTrue(Charts.titleFits(lc), "learning curve title of " + e.id());
            assertTrue(lc.getStyler().getChartTitleFont().getSize() >= 12 && !lc.getTitle().contains("("),
                    "readable: the family, not the whole configuration: " + lc.getTitle());
            assertTrue(Charts.titleFits(Charts.accuracyVsTime(e)), "accuracy vs time title of " + e.id());
            assertTrue(Charts.titleFits(Charts.scores(e)), "scores title of " + e.id());
        }
    }

    @Test
    void accuracyVsTime_ticksInMilliseconds_overAtLeastOneDecade() {
        assertEquals("3.2", Charts.millis(Math.log10(3.16)));
        assertEquals("0.25", Charts.millis(Math.log10(0.25)));
        assertEquals("560", Charts.millis(Math.log10(562)));
        assertEquals("12,000", Charts.millis(Math.log10(11_800)));
        assertEquals("1", Charts.millis(0));
        XYChart c = Charts.accuracyVsTime(report.experiments().get(0));
        double span = c.getStyler().getXAxisMax() - c.getStyler().getXAxisMin();
        assertTrue(span >= 1.0, "log10 span " + span + ": several labeled ticks, not one");
        assertFalse(c.getStyler().isXAxisLogarithmic(), "XChart's log axis labels powers of ten only");
        assertEquals("0", c.getStyler().getYAxisDecimalPattern(), "whole percents on the accuracy axis");
        assertTrue(c.getStyler().getYAxisMin() % 10 == 0 && c.getStyler().getYAxisMax() % 10 == 0
                && c.getStyler().getYAxisMax() <= 100, c.getStyler().getYAxisMin() + ".." + c.getStyler().getYAxisMax());
    }

    private static List<String> annotations(XYChart c) {
        try {
            var field = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredField("annotations");
            field.setAccessible(true);
            List<?> parts = (List<?>) field.get(c);
            var text = org.knowm.xchart.AnnotationText.class.getDeclaredField("text");
            text.setAccessible(true);
            return parts.stream().filter(p -> p instanceof org.knowm.xchart.AnnotationText).map(p -> {
                try {
                    return (String) text.get(p);
                } catch (IllegalAccessException ex) {
                    throw new IllegalStateException(ex);
                }
            }).toList();
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}

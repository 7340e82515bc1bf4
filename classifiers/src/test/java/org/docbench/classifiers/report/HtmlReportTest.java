package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.ModelResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

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
        assertTrue(nav < html.indexOf("<table>") && nav > html.indexOf("<p>"),
                "contents right after the introduction, above the provenance and corpus tables");
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
    void confusionTable_predictedLabelsReadUpright_soLongLabelsKeepTheColumnsNarrow() {
        ExperimentResult e = report.experiments().get(0);
        String confusion = html.substring(html.lastIndexOf("<table>", html.indexOf("true \\ predicted")));
        confusion = confusion.substring(0, confusion.indexOf("</tr>"));
        for (String label : e.labels()) {
            assertTrue(confusion.contains("<th class=\"up\"><span>" + label + "</span></th>"), label + " in " + confusion);
        }
        assertEquals(e.labels().size(), count(html, "<th class=\"up\">"), "upright headers in the confusion matrix only");
    }

    @Test
    void numberCells_breakBetweenAScoreAndItsInterval_neverInsideIt() {
        assertEquals("81.7 <span class=\"nw\">[79.5, 83.9]</span>", HtmlReport.keepIntervals("81.7 [79.5, 83.9]"));
        assertEquals("<0.001 (105/662)", HtmlReport.keepIntervals("<0.001 (105/662)"));
        assertTrue(html.contains("<td class=\"r\">" + Cells.pct(report.experiments().get(0).models().get(0).metrics().accuracy())
                + " <span class=\"nw\">["), "model table cells keep their intervals whole");
        assertTrue(html.contains(HtmlReport.NARROW + "{td.r{white-space:normal}}"), "a cell of numbers may wrap on a narrow page");
    }

    @Test
    void charts_shrinkNoFurtherThanLegible_andScrollInTheirOwnBoxOnANarrowPage() {
        assertTrue(html.contains("img{max-width:max(100%," + HtmlReport.MIN_CHART_WIDTH + "px)") && html.contains(".chart,.panels{overflow-x:auto}"),
                "a chart stops shrinking at a legible width");
        String[] parts = html.split("<img ");
        for (int i = 1; i < parts.length; i++) {
            String before = parts[i - 1];
            assertTrue(before.endsWith("<div class=\"chart\">") || before.endsWith("class=\"panels\">") || before.endsWith("\">"),
                    "chart " + i + " outside a scrolling box: ..." + before.substring(Math.max(0, before.length() - 80)));
        }
    }

    @Test
    void page_laysOutAtTheDeviceWidth_andHeadingsWrap() {
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
                "without it a phone lays the page out at 980 px");
        assertTrue(html.contains("h1,h2,h3{overflow-wrap:anywhere}"), "a long experiment id wraps instead of being clipped");
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
        for (var model : Charts.calibrated(e)) {
            assertEquals(1, count(html, "alt=\"reliability plot of " + model.family() + " on synthetic/stance/random\""),
                    "each plot's alt text names its model");
        }
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
            XYChart cost = CostChart.chart(e, CostChart.Cost.TRAINING);
            assertTrue(Charts.titleFits(cost, cost.getWidth() - Charts.legendWidth(cost, cost.getSeriesMap().keySet())),
                    "macro-F1 vs training time title of " + e.id() + ", centred over the plot beside its legend");
            assertTrue(Charts.titleFits(Charts.scores(e)), "scores title of " + e.id());
        }
    }

    @Test
    void costAxis_logWithLabelledTicks_overADecadeOrMore_linearFromZero_overLess() {
        assertEquals("3.2", CostChart.Axis.label(Math.log10(3.16)));
        assertEquals("0.25", CostChart.Axis.label(Math.log10(0.25)));
        assertEquals("560", CostChart.Axis.label(Math.log10(562)));
        assertEquals("12,000", CostChart.Axis.label(Math.log10(11_800)));
        assertEquals("1", CostChart.Axis.label(0));
        CostChart.Axis speed = CostChart.Axis.of(new double[] {547, 611, 928});
        assertFalse(speed.log(), "547..928 docs/s is less than a decade: " + speed);
        assertEquals(0.0, speed.min(), 0.0, "a linear cost axis starts at 0, so ratios read as they are");
        assertEquals(1200.0, speed.max(), 0.0, "a round end above the largest value");
        CostChart.Axis training = CostChart.Axis.of(new double[] {0.17, 0.23, 3169, 57_596});
        assertTrue(training.log(), training.toString());
        for (double ms : new double[] {0.17, 0.23, 3169, 57_596}) {
            double x = training.position(ms);
            assertTrue(x > training.min() && x < training.max(), ms + " ms at " + x + " outside " + training);
        }
    }

    @Test
    void costChart_plotsEveryModelInsideItsAxes_legendBesideThePlot_macroF1Up() {
        ExperimentResult e = withTimes(report.experiments().get(0), new double[] {0.23, 0.17, 3169, 14_204, 13_707, 26_122, 3210},
                new double[] {928, 928, 730, 547, 611, 646, 925});
        for (CostChart.Cost cost : CostChart.Cost.values()) {
            XYChart c = CostChart.chart(e, cost);
            assertEquals(e.models().size(), c.getSeriesMap().size(), cost + ": one series per model");
            for (var m : e.models()) {
                XYSeries s = c.getSeriesMap().get(m.family());
                double x = s.getXData()[0];
                assertTrue(x >= c.getStyler().getXAxisMin() && x <= c.getStyler().getXAxisMax(),
                        cost + ": " + m.family() + " at " + x + " outside " + c.getStyler().getXAxisMin() + ".." + c.getStyler().getXAxisMax());
                assertEquals(100 * m.metrics().macroF1(), s.getYData()[0], 1e-9, "macro-F1, the score the report ranks by");
            }
            assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideE, c.getStyler().getLegendPosition(),
                    "a legend inside the plot covers points");
        }
        assertTrue(CostChart.chart(e, CostChart.Cost.TRAINING).getStyler().getxAxisTickLabelsFormattingFunction() != null,
                "log ticks labelled with the time itself");
        assertFalse(CostChart.chart(e, CostChart.Cost.SPEED).getStyler().isXAxisLogarithmic());
    }

    @Test
    void costCaption_countsWhatIsPlotted_andNamesPeersOnlyWhenThereAreSome() {
        ExperimentResult e = report.experiments().get(0);
        String without = CostChart.caption(e);
        assertTrue(without.contains("the " + e.models().size() + " models of synthetic/stance/random"), without);
        assertFalse(without.contains("peer") || without.contains("iamond"), "no peers ran: " + without);
        List<ModelResult> models = new ArrayList<>(e.models());
        models.add(renamed(models.get(2), "peer:fastText"));
        String with = CostChart.caption(copy(e, models));
        assertTrue(with.contains("the " + e.models().size() + " models and 1 peer (a diamond) of"), with);
        assertTrue(html.contains("<figcaption>" + HtmlReport.inline(without) + "</figcaption>"), "the caption is under the charts");
    }

    @Test
    void modelStyle_oneMarkerAndColourPerModelName_inEveryChart_noTwoAlike() {
        java.util.Map<ModelStyle, String> seen = new java.util.HashMap<>();
        ModelStyle.known().forEach((name, style) -> {
            String other = seen.put(style, name);
            assertTrue(other == null, name + " and " + other + " look alike: " + style);
            assertEquals(ExperimentResult.Peers.isPeer(name), style.marker() == org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND,
                    "diamonds are for peers and only peers: " + name);
        });
        assertEquals(ModelStyle.of("peer:someone-new").marker(), org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND);
        for (ExperimentResult e : report.experiments()) {
            List<XYChart> charts = new ArrayList<>(List.of(CostChart.chart(e, CostChart.Cost.TRAINING),
                    CostChart.chart(e, CostChart.Cost.SPEED)));
            for (var m : e.models()) {
                ModelStyle style = ModelStyle.of(m.family());
                for (XYChart c : charts) {
                    XYSeries s = c.getSeriesMap().get(m.family());
                    assertEquals(style.marker(), s.getMarker(), m.family() + " in " + c.getTitle());
                    assertEquals(style.color(), s.getMarkerColor(), m.family() + " in " + c.getTitle());
                }
            }
            for (var m : Charts.calibrated(e)) {
                XYSeries bins = Charts.reliability(e, m).getSeriesMap().get("bins (n = predictions)");
                assertEquals(ModelStyle.of(m.family()).color(), bins.getMarkerColor(), "reliability plot of " + m.family());
            }
        }
    }

    /** {@code e} with each model's training time and docs/s replaced, in model order. */
    private static ExperimentResult withTimes(ExperimentResult e, double[] trainMillis, double[] docsPerSecond) {
        List<ModelResult> models = new ArrayList<>();
        for (int i = 0; i < e.models().size(); i++) {
            ModelResult m = e.models().get(i);
            models.add(new ModelResult(m.family(), m.spec(), m.hyperparameters(), m.validation(), m.selectedFeatures(), m.metrics(),
                    m.accuracyCi(), m.macroF1Ci(), m.vsBest(), m.notWorseThanBest(), m.calibration(), m.confused(), m.topFeatures(),
                    m.features(), m.trainDocuments(), new ModelResult.Timing(trainMillis[i], 1, docsPerSecond[i])));
        }
        return copy(e, models);
    }

    static ModelResult renamed(ModelResult m, String family) {
        return new ModelResult(family, m.spec(), m.hyperparameters(), m.validation(), m.selectedFeatures(), m.metrics(),
                m.accuracyCi(), m.macroF1Ci(), m.vsBest(), m.notWorseThanBest(), m.calibration(), m.confused(), m.topFeatures(),
                m.features(), m.trainDocuments(), m.timing());
    }

    static ExperimentResult copy(ExperimentResult e, List<ModelResult> models) {
        return new ExperimentResult(e.id(), e.corpus(), e.task(), e.split(), e.design(), e.selection(), e.trainDocs(), e.validDocs(),
                e.testDocs(), e.labels(), e.testCounts(), models, e.best(), e.learningCurve(), e.featureMillis(), e.predictions());
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

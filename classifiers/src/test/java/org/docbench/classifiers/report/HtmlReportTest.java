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
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
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
    void modelNames_inTextCells_neverBreakAtTheirHyphens_listsStillWrapBetweenNames() {
        assertEquals("<span class=\"nw\">peer:scikit-learn</span>", HtmlReport.keepNames("peer:scikit-learn"),
                "at 900 px it broke as scikit- / learn");
        assertEquals("≈ <span class=\"nw\">nb-svm</span>, <span class=\"nw\">liblinear-lr</span>",
                HtmlReport.keepNames("≈ nb-svm, liblinear-lr"));
        assertEquals("<a href=\"#x-nb-svm\">not-nb-svm-like</a>", HtmlReport.keepNames("<a href=\"#x-nb-svm\">not-nb-svm-like</a>"),
                "tags and longer words are left alone");
        assertTrue(html.contains("<td><span class=\"nw\">majority</span></td>"), "the model tables' name cells");
        assertTrue(html.contains(".nw{white-space:nowrap}"), "the class keeps its content on one line");
    }

    @Test
    void page_laysOutAtTheDeviceWidth_andHeadingsWrap() {
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
                "without it a phone lays the page out at 980 px");
        assertTrue(html.contains("h1,h2,h3{overflow-wrap:anywhere}"), "a long experiment id wraps instead of being clipped");
    }

    @Test
    void calibration_onePlotPerProbabilisticModel_withBinCounts() throws Exception {
        ExperimentResult e = report.experiments().get(0);
        long probabilistic = e.models().stream().filter(m -> m.calibration() != null).count();
        assertTrue(probabilistic >= 2, "probabilistic models: " + probabilistic);
        assertEquals(probabilistic, Charts.drawAll(Block.Kind.CALIBRATION, e).size());
        var m = e.models().stream().filter(x -> x.calibration() != null).findFirst().orElseThrow();
        XYChart c = Charts.reliability(e, m);
        List<String> labels = pointLabels(c).points().stream().map(PointLabels.Point::name).toList();
        assertEquals(m.calibration().bins().stream().map(b -> String.valueOf(b.count())).toList(), labels,
                "each bin's point carries its count");
        for (var model : Charts.calibrated(e)) {
            assertEquals(1, count(html, "alt=\"reliability plot of " + model.family() + " on synthetic/stance/random\""),
                    "each plot's alt text names its model");
        }
    }

    @Test
    void calibration_binCounts_eachDrawn_overNoMarker() throws Exception {
        for (ExperimentResult e : report.experiments()) {
            for (var m : Charts.calibrated(e)) {
                XYChart c = Charts.reliability(e, m);
                BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG); // paints, placing the counts
                PointLabels counts = pointLabels(c);
                var placed = counts.placed();
                assertEquals(counts.points().size(), placed.size(), m.family() + ": every bin's count is drawn: " + placed);
                placed.forEach((i, box) -> {
                    for (int j = 0; j < counts.markers().size(); j++) {
                        assertFalse(box.intersects(counts.markers().get(j)), m.family() + " on " + e.id() + ": count "
                                + counts.points().get(i).name() + " at " + box + " over the marker of bin " + j + " " + counts.markers().get(j));
                    }
                });
            }
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
    void costAxis_logTicks_atPowersOfTen_andTwoAndFiveTimesThemWhereTheyFit() {
        java.util.function.ToDoubleFunction<String> sevenPxAChar = t -> 7.0 * t.length();
        CostChart.Axis speed = CostChart.Axis.of(new double[] {300, 2_100, 2_600, 3_900});
        List<String> labels = LogTicks.ticks(speed.min(), speed.max(), 380, sevenPxAChar).stream().map(CostChart.Axis::label).toList();
        assertEquals(List.of("500", "1,000", "2,000"), labels, "not 630 and 1,600: " + speed);
        CostChart.Axis training = CostChart.Axis.of(new double[] {0.17, 0.23, 3169, 57_596});
        labels = LogTicks.ticks(training.min(), training.max(), 380, sevenPxAChar).stream().map(CostChart.Axis::label).toList();
        assertTrue(labels.containsAll(List.of("1", "10", "100", "1,000", "10,000")), "every power of ten: " + labels);
        assertTrue(labels.stream().allMatch(l -> l.replaceAll("[0.,]", "").matches("[125]")), "1, 2 or 5 times a power of ten: " + labels);
        labels = LogTicks.ticks(training.min(), training.max(), 1200, sevenPxAChar).stream().map(CostChart.Axis::label).toList();
        assertTrue(labels.containsAll(List.of("2", "5", "20", "50")), "2 and 5 where there is room: " + labels);
        XYChart c = CostChart.chart(withTimes(report.experiments().get(0), new double[] {0.23, 0.17, 3169, 14_204, 13_707, 26_122, 3210},
                new double[] {928, 928, 730, 547, 611, 646, 925}), CostChart.Cost.TRAINING);
        assertEquals(0, c.getStyler().getXAxisTickLabelsColor().getAlpha(), "XChart's evenly spaced log ticks are hidden for LogTicks'");
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
    void costChart_scoreAxisSpansTheScoresPlotted_inRoundSteps_neverPast0or100() {
        assertEquals(List.of(84.0, 98.0), boxed(CostChart.scoreRange(new double[] {86.1, 92.4, 93.9, 96.0})),
                "a cluster of 92-96 with one at 86 gets the plot's height, not a strip of 0-100");
        assertEquals(List.of(0.0, 100.0), boxed(CostChart.scoreRange(new double[] {4.5, 14.2, 96.0})), "baselines far below: all of it");
        assertEquals(List.of(90.0, 100.0), boxed(CostChart.scoreRange(new double[] {91.0, 99.5})), "never past 100");
        ExperimentResult e = withTimes(report.experiments().get(0), new double[] {0.23, 0.17, 3169, 14_204, 13_707, 26_122, 3210},
                new double[] {928, 928, 730, 547, 611, 646, 925});
        double[] ys = e.models().stream().mapToDouble(m -> 100 * m.metrics().macroF1()).toArray();
        XYChart c = CostChart.chart(e, CostChart.Cost.SPEED);
        assertEquals(CostChart.scoreRange(ys)[0], c.getStyler().getYAxisMin(), 0.0);
        assertEquals(CostChart.scoreRange(ys)[1], c.getStyler().getYAxisMax(), 0.0);
    }

    @Test
    void costChart_labelsEachPointWithItsModel_whereItFits_noLabelOverAnotherOrAMarker() throws Exception {
        // Six models within 60 docs/s and 4 points of one another, as at 2,100 docs/s and 92-96% in the AllSides report.
        ExperimentResult base = report.experiments().get(0);
        List<ModelResult> models = new ArrayList<>();
        double[] f1 = {0.045, 0.142, 0.962, 0.939, 0.931, 0.958, 0.952};
        for (int i = 0; i < base.models().size(); i++) {
            models.add(withMacroF1(base.models().get(i), f1[i]));
        }
        ExperimentResult e = withTimes(copy(base, models), new double[] {0.23, 0.17, 3169, 14_204, 13_707, 26_122, 3210},
                new double[] {2_600, 2_600, 2_100, 2_150, 2_080, 2_120, 300});
        XYChart c = CostChart.chart(e, CostChart.Cost.SPEED);
        BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG); // paints, placing the labels
        PointLabels labels = pointLabels(c);
        var placed = labels.placed();
        assertTrue(placed.size() >= e.models().size() - 1, "labelled: " + placed.keySet() + " of " + e.models().size());
        List<java.awt.geom.Rectangle2D> boxes = new ArrayList<>(placed.values());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), "labels overlap: " + placed);
            }
        }
        assertEquals(List.of("naive-bayes", "liblinear-svm"), CostChart.movedApart(e, CostChart.Cost.SPEED),
                "96.2 at 2,100 docs/s and 95.8 at 2,120 would hide one another; 93.9 at 2,150 would not");
        assertTrue(CostChart.caption(e).contains("drawn a few pixels apart sideways: naive-bayes, "), CostChart.caption(e));
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

    @Test
    void scoresChart_whiskersRunFromTheIntervalsLowToItsHigh_asTheTablePrintsThem() {
        // Skewed intervals, as a small test part gives (16.7 [6.7, 35.7]; 67.9 [27.4, 91.5]): 40% of the way from the score
        // down to 0 and 60% of the way up to 100, so a low score's whisker is long above, a high score's long below.
        List<ModelResult> models = new ArrayList<>();
        for (ModelResult m : report.experiments().get(0).models()) {
            models.add(withCis(m, skewed(m.metrics().accuracy()), skewed(m.metrics().macroF1())));
        }
        ExperimentResult e = copy(report.experiments().get(0), models);
        CategoryChart c = Charts.scores(e);
        for (var series : c.getSeriesMap().values()) {
            assertTrue(series.getExtraValues() == null, series.getName() + ": XChart's error bars are symmetric about the bar");
        }
        java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(c);
        List<String> series = List.copyOf(c.getSeriesMap().keySet());
        assertEquals(List.of("macro-F1", "accuracy"), series);
        for (int s = 0; s < series.size(); s++) {
            java.awt.Color fill = opaque(c.getSeriesMap().get(series.get(s)).getFillColor(), c.getStyler().getPlotBackgroundColor());
            boolean f1 = s == 0;
            // Every bar crosses the row halfway up the lowest, where the bars are found.
            double lowest = models.stream().mapToDouble(m -> f1 ? m.metrics().macroF1() : m.metrics().accuracy()).min().orElseThrow();
            assertTrue(lowest >= 0.05, "a bar too short to find: " + lowest);
            int row = (int) c.getScreenYFromChart(50 * lowest);
            for (int i = 0; i < models.size(); i++) {
                ModelResult m = models.get(i);
                org.docbench.classifiers.eval.Interval ci = f1 ? m.macroF1Ci() : m.accuracyCi();
                String what = m.family() + " " + series.get(s) + " " + Cells.pct(ci.estimate()) + " [" + Cells.pct(ci.low()) + ", "
                        + Cells.pct(ci.high()) + "]";
                int x = barCentre(img, fill, i, row, what);
                int[] drawn = darkRun(img, x, (int) c.getScreenYFromChart(100) - 10, (int) c.getScreenYFromChart(0) + 12);
                assertEquals(c.getScreenYFromChart(100 * ci.high()), drawn[0], 1.5, what + ": whisker's top at its high");
                assertEquals(c.getScreenYFromChart(100 * ci.low()), drawn[1], 1.5, what + ": whisker's bottom at its low");
            }
        }
    }

    /** 40% of the way from {@code score} down to 0, 60% of the way up to 1. */
    private static org.docbench.classifiers.eval.Interval skewed(double score) {
        return new org.docbench.classifiers.eval.Interval(score, 0.6 * score, score + 0.6 * (1 - score));
    }

    /** The centre column of the {@code index}-th run of pixels of {@code fill} along row {@code y}, left to right. */
    private static int barCentre(java.awt.image.BufferedImage img, java.awt.Color fill, int index, int y, String what) {
        int run = -1;
        int start = -1;
        for (int x = 0; x < img.getWidth(); x++) {
            boolean in = near(img.getRGB(x, y), fill);
            if (in && start < 0) {
                start = x;
                run++;
            } else if (!in && start >= 0) {
                // The whisker crosses the bar: a run of fill broken by a few dark pixels is one bar.
                int gap = x;
                while (gap < img.getWidth() && gap - x < 4 && !near(img.getRGB(gap, y), fill)) {
                    gap++;
                }
                if (gap < img.getWidth() && gap - x < 4) {
                    x = gap;
                    continue;
                }
                if (run == index) {
                    return (start + x - 1) / 2;
                }
                start = -1;
            }
        }
        throw new AssertionError(what + ": no bar " + index + " of colour " + fill + " on row " + y);
    }

    /** The first and last rows in {@code [from, to]} where column {@code x} (or a neighbour) is dark and the row is not a line across. */
    private static int[] darkRun(java.awt.image.BufferedImage img, int x, int from, int to) {
        int top = -1;
        int bottom = -1;
        for (int y = Math.max(0, from); y <= Math.min(img.getHeight() - 1, to); y++) {
            boolean dark = dark(img.getRGB(x - 1, y)) || dark(img.getRGB(x, y)) || dark(img.getRGB(x + 1, y));
            boolean across = dark(img.getRGB(x - 9, y)) && dark(img.getRGB(x + 9, y));
            if (dark && !across) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
        return new int[] {top, bottom};
    }

    private static boolean dark(int rgb) {
        return ((rgb >> 16) & 0xff) < 90 && ((rgb >> 8) & 0xff) < 90 && (rgb & 0xff) < 90;
    }

    /** How {@code c}, perhaps translucent, looks over {@code background}. */
    private static java.awt.Color opaque(java.awt.Color c, java.awt.Color background) {
        double a = c.getAlpha() / 255.0;
        return new java.awt.Color((int) Math.round(a * c.getRed() + (1 - a) * background.getRed()),
                (int) Math.round(a * c.getGreen() + (1 - a) * background.getGreen()), (int) Math.round(a * c.getBlue() + (1 - a) * background.getBlue()));
    }

    private static boolean near(int rgb, java.awt.Color c) {
        return Math.abs(((rgb >> 16) & 0xff) - c.getRed()) < 12 && Math.abs(((rgb >> 8) & 0xff) - c.getGreen()) < 12
                && Math.abs((rgb & 0xff) - c.getBlue()) < 12;
    }

    static ModelResult withCis(ModelResult m, org.docbench.classifiers.eval.Interval accuracy, org.docbench.classifiers.eval.Interval macroF1) {
        return new ModelResult(m.family(), m.spec(), m.hyperparameters(), m.validation(), m.selectedFeatures(), m.metrics(),
                accuracy, macroF1, m.vsBest(), m.notWorseThanBest(), m.calibration(), m.confused(), m.topFeatures(),
                m.features(), m.trainDocuments(), m.timing());
    }

    @Test
    void confusionHeatmap_pastThirtyLabels_givesWayToASentencePointingToTheTables_andTheReportStaysSmall() {
        ExperimentResult e = withLabels(report.experiments().get(0), 100);
        String big = HtmlReport.render(withExperiment(report, e));
        String sentence = "<p>" + HtmlReport.inline(Charts.noHeatmap(e)) + "</p>";
        assertFalse(big.contains("alt=\"confusion chart of"), "a heatmap of 100 labels is drawn");
        assertTrue(big.contains(sentence), "no sentence where the heatmap would be");
        assertTrue(sentence.contains("at most " + Charts.HEATMAP_MAX_LABELS + " labels") && sentence.contains("has 100"), sentence);
        assertTrue(big.indexOf(sentence) > big.indexOf("true \\ predicted"), "the sentence follows the confusion matrix it points to");
        // 100 labels drew a 9,250 x 6,200 px heatmap, 5 MB of a 5.2 MB report; the 100 x 100 table itself is about 300 KB.
        assertTrue(big.length() < 1_000_000, "report.html of 100 labels: " + big.length() + " characters");
        assertEquals(1, Charts.drawAll(Block.Kind.CONFUSION, withLabels(report.experiments().get(0), Charts.HEATMAP_MAX_LABELS)).size(),
                "a heatmap of " + Charts.HEATMAP_MAX_LABELS + " labels is drawn");
    }

    @Test
    void confusionHeatmap_noWiderThanThePageColumn_soThePageNeverShrinksItsLabels() {
        for (int k : new int[] {2, 3, 10, 11, 12, 20, Charts.HEATMAP_MAX_LABELS}) {
            var c = Charts.confusion(withLabels(report.experiments().get(0), k));
            assertTrue(c.getWidth() <= HtmlReport.COLUMN_WIDTH, k + " labels: a heatmap " + c.getWidth() + " px wide in a "
                    + HtmlReport.COLUMN_WIDTH + " px column, shrunk to " + 100 * HtmlReport.COLUMN_WIDTH / c.getWidth() + "%");
            assertTrue(c.getHeight() <= HtmlReport.COLUMN_WIDTH, k + " labels: " + c.getHeight() + " px high");
            assertTrue(Charts.heatmapCell(k) >= 30, k + " labels: cells " + Charts.heatmapCell(k) + " px wide");
            assertTrue(Charts.titleFits(c), k + " labels: title " + c.getTitle());
        }
    }

    /** A large label and a small one: 95 of the 100 large documents right, 2 of the 5 small ones (the other 3 taken for large). */
    private static ExperimentResult unbalanced() {
        int[] truth = new int[105];
        int[] predicted = new int[105];
        for (int i = 0; i < 105; i++) {
            truth[i] = i < 100 ? 0 : 1;
            predicted[i] = i < 95 ? 0 : i < 100 ? 1 : i < 102 ? 1 : 0;
        }
        return withConfusion(report.experiments().get(0), List.of("large", "small"), truth, predicted);
    }

    @Test
    void confusionHeatmap_coloursEachCellByItsShareOfTheRow_soASmallLabelsErrorsShow() {
        var c = Charts.confusion(unbalanced());
        var series = c.getHeatMapSeries();
        java.util.Map<String, Double> values = new java.util.TreeMap<>();
        for (Number[] cell : series.getHeatData()) {
            // x is the predicted label, y counts up from the bottom row, the last true label.
            values.put("true " + (1 - cell[1].intValue()) + " predicted " + cell[0], cell[2].doubleValue());
        }
        // By count the small label's 3 errors sat at 3/95 of the scale, as pale as the large label's 5; by share they are 60% of its row.
        assertEquals(java.util.Map.of("true 0 predicted 0", 95.0, "true 0 predicted 1", 5.0, "true 1 predicted 0", 60.0,
                "true 1 predicted 1", 40.0), values, "each cell's value is its percentage of its true label's documents");
        assertEquals(0.0, series.getMin(), 0.0, "one scale for every heatmap: 0% of a row is its white end");
        assertEquals(100.0, series.getMax(), 0.0, "and 100% its dark end, whatever the largest cell");
        // Under the heatmap, a legend of the same colours, from white at 0% of the row to dark blue at 100%.
        String figure = html.substring(html.indexOf("<figure class=\"chart\"><img alt=\"confusion chart of"));
        figure = figure.substring(0, figure.indexOf("</figure>"));
        assertTrue(figure.contains("<span class=\"scale\">colour: 0%<span class=\"bar\" style=\"background:linear-gradient(to right,"
                + "#ffffff,#6baed6,#08306b)\"></span>100% of the row"), "no colour scale under the heatmap: " + figure.replaceAll("base64,[^\"]*", "..."));
    }

    @Test
    void confusionHeatmap_printsCountsAndShares_inTextThatStandsOutOfItsCell_overTheColourOfItsShare() {
        var c = Charts.confusion(unbalanced());
        java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(c);
        HeatmapCells cells = heatmapCells(c);
        assertEquals(List.of(List.of("95", "95%"), List.of("5", "5%"), List.of("3", "60%"), List.of("2", "40%")), cells.texts(),
                "counts, and the shares under them in cells of a two-label heatmap");
        double[][] shares = {{0.95, 0.05}, {0.6, 0.4}};
        for (int t = 0; t < 2; t++) {
            for (int p = 0; p < 2; p++) {
                java.awt.geom.Rectangle2D r = cells.cell(t, p);
                // A corner of the cell, clear of its text: the colour XChart filled it with is the one the text was chosen against.
                java.awt.Color drawn = new java.awt.Color(img.getRGB((int) r.getX() + 4, (int) r.getY() + 4));
                java.awt.Color expected = HeatmapCells.fill(shares[t][p]);
                assertTrue(near(drawn.getRGB(), expected), "cell " + t + "," + p + " at " + r + ": drawn " + drawn + ", scale says " + expected);
            }
        }
        assertTrue(luminance(HeatmapCells.fill(0.6)) < luminance(HeatmapCells.fill(0.05)) - 0.3,
                "the small label's 3 errors of 5 darker than the large label's 5 of 100");
        assertEquals(java.awt.Color.BLACK, HeatmapCells.text(HeatmapCells.fill(0.05)));
        assertEquals(java.awt.Color.WHITE, HeatmapCells.text(HeatmapCells.fill(0.95)));
        assertEquals(List.of("0%", "<1%", "5%", ">99%", "100%"),
                java.util.stream.DoubleStream.of(0, 0.004, 0.05, 0.996, 1).mapToObj(HeatmapCells::percent).toList());
        String caption = Charts.heatmapCaption(report.experiments().get(0));
        assertTrue(html.contains(HtmlReport.heatmapScale() + HtmlReport.inline(caption) + "</figcaption>")
                && caption.contains("share of the row") && caption.contains("The colour is the share"),
                "the caption, after the scale, says what the numbers and the colour are: " + caption);
        assertTrue(Glossary.columns().stream().anyMatch(g -> g.startsWith("**confusion matrix**") && g.contains("row share")),
                "the definitions say which convention the heatmap uses");
    }

    @Test
    void confusionHeatmap_titleFitsBesideTheTrueLabels_overWhichXChartCentresIt() {
        ExperimentResult e = report.experiments().get(0);
        var c = Charts.confusion(e);
        assertTrue(c.getTitle().endsWith("colour = % of row"), c.getTitle());
        assertTrue(Charts.titleFits(c, c.getWidth() - Charts.trueLabelsWidth(c, e.labels())),
                "a " + c.getWidth() + " px heatmap of " + e.labels() + ": " + c.getTitle() + " at " + c.getStyler().getChartTitleFont().getSize());
    }

    @Test
    void confusionHeatmap_ofThirtyLabels_printsCountsOnly_whereASecondLineHasNoRoom() {
        var c = Charts.confusion(withLabels(report.experiments().get(0), Charts.HEATMAP_MAX_LABELS));
        BitmapEncoder.getBufferedImage(c);
        assertTrue(heatmapCells(c).texts().stream().allMatch(t -> t.size() == 1), "one line per cell of 30 labels");
    }

    private static HeatmapCells heatmapCells(org.knowm.xchart.HeatMapChart c) {
        try {
            var field = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredField("annotations");
            field.setAccessible(true);
            return ((List<?>) field.get(c)).stream().filter(a -> a instanceof HeatmapCells).map(a -> (HeatmapCells) a).findFirst()
                    .orElseThrow(() -> new AssertionError("no HeatmapCells on the heatmap"));
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static double luminance(java.awt.Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    /** {@code e} as if its test part had {@code k} labels, 5 documents each, every model taking one in five for the next label. */
    private static ExperimentResult withLabels(ExperimentResult e, int k) {
        List<String> labels = java.util.stream.IntStream.range(0, k).mapToObj(i -> String.format("label-%03d", i)).toList();
        int[] truth = new int[5 * k];
        int[] predicted = new int[5 * k];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i % k;
            predicted[i] = i % 5 == 0 ? (truth[i] + 1) % k : truth[i];
        }
        return withConfusion(e, labels, truth, predicted);
    }

    /** {@code e} as if its test part had these labels and every model predicted {@code predicted} for {@code truth}. */
    private static ExperimentResult withConfusion(ExperimentResult e, List<String> labels, int[] truth, int[] predicted) {
        int k = labels.size();
        var metrics = org.docbench.classifiers.eval.Metrics.of(labels, truth, predicted);
        List<ModelResult> models = e.models().stream().map(m -> new ModelResult(m.family(), m.spec(), m.hyperparameters(),
                m.validation(), m.selectedFeatures(), metrics, m.accuracyCi(), m.macroF1Ci(), m.vsBest(), m.notWorseThanBest(),
                m.calibration(), m.confused(), m.topFeatures(), m.features(), m.trainDocuments(), m.timing())).toList();
        return new ExperimentResult(e.id(), e.corpus(), e.task(), e.split(), e.design(), e.selection(), e.trainDocs(), e.validDocs(),
                truth.length, labels, java.util.stream.IntStream.range(0, k).mapToObj(l -> (int) java.util.Arrays.stream(truth)
                        .filter(x -> x == l).count()).toList(), models, e.best(), e.learningCurve(), e.featureMillis(),
                e.predictions());
    }

    /** {@code r} with {@code e} as its only experiment. */
    private static Report withExperiment(Report r, ExperimentResult e) {
        return new Report(r.schema(), r.provenance(), List.of(e), r.crossValidation(), r.published(), r.notes(), r.timing(),
                r.ablations());
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

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    private static ModelResult withMacroF1(ModelResult m, double macroF1) {
        var x = m.metrics();
        return new ModelResult(m.family(), m.spec(), m.hyperparameters(), m.validation(), m.selectedFeatures(),
                new org.docbench.classifiers.eval.Metrics(x.labels(), x.accuracy(), macroF1, x.weightedF1(), x.perClass(), x.confusion()),
                m.accuracyCi(), m.macroF1Ci(), m.vsBest(), m.notWorseThanBest(), m.calibration(),
                m.confused(), m.topFeatures(), m.features(), m.trainDocuments(), m.timing());
    }

    private static PointLabels pointLabels(XYChart c) throws Exception {
        var field = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredField("annotations");
        field.setAccessible(true);
        return ((List<?>) field.get(c)).stream().filter(PointLabels.class::isInstance).map(PointLabels.class::cast).findFirst()
                .orElseThrow();
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}

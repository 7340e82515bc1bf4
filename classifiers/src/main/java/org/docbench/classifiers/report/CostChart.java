package org.docbench.classifiers.report;

import java.util.List;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.ModelResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy against cost for one experiment, every model and peer: macro-F1 against training time
 * and against test documents per second, side by side in one PNG. Peers are drawn as diamonds.
 * Stateless; needs a headless AWT.
 */
final class CostChart {
    /**
     * The experiment the report charts: AllSides ideology on the random split, the largest one and
     * the one the ablation runs on. Spelled out here since the report does not import the study
     * that names its task; a report without it has no chart.
     */
    static final String EXPERIMENT = "allsides/ideology/random";
    private static final int W = 620;
    private static final int H = 440;

    private CostChart() {
    }

    /** The block that puts the chart of {@code experimentId} in {@code report.html}, when the report has it. */
    static List<Block> blocks(Report r, String experimentId) {
        return r.experiments().stream().filter(e -> e.id().equals(experimentId)).findFirst()
                .<List<Block>>map(e -> List.of(new Block.Heading(3, e.id() + ": macro-F1 against cost", "cost-" + e.id().replace('/', '-')),
                        new Block.Paragraph("Every docbench model and peer of " + e.id() + ": test macro-F1 against training time "
                                + "(left) and against test documents per second, raw text to label (right); both axes of cost are "
                                + "logarithmic. Diamonds are peers. In report.html only."),
                        new Block.CostChart(e)))
                .orElse(List.of());
    }

    /** Both charts as one data URI each, left then right. */
    static List<String> draw(ExperimentResult e) {
        return List.of(Charts.png(chart(e, true)), Charts.png(chart(e, false)));
    }

    static XYChart chart(ExperimentResult e, boolean training) {
        XYChart c = new XYChartBuilder().width(W).height(H)
                .title(e.id() + (training ? ": macro-F1 vs training time" : ": macro-F1 vs docs/s"))
                .xAxisTitle(training ? "training time, s (log)" : "test documents per second (log)").yAxisTitle("macro-F1 %").build();
        for (ModelResult m : e.models()) {
            double x = training ? m.timing().trainMillis() / 1000.0 : m.timing().docsPerSecond();
            XYSeries s = c.addSeries(m.family(), new double[] {Math.max(1e-3, x)}, new double[] {100 * m.metrics().macroF1()});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            if (ExperimentResult.Peers.isPeer(m.family())) {
                s.setMarker(SeriesMarkers.DIAMOND);
            }
        }
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        c.getStyler().setMarkerSize(11);
        return c;
    }
}

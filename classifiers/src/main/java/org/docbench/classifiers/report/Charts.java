package org.docbench.classifiers.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.docbench.classifiers.eval.Calibration;
import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.LearningCurve;
import org.docbench.classifiers.eval.ModelResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn by XChart and returned as base64 PNG data URIs. Stateless; needs a headless AWT. */
final class Charts {
    private static final int W = 860;
    private static final int H = 420;

    private Charts() {
    }

    static String draw(Block.Kind kind, ExperimentResult e) {
        return switch (kind) {
            case SCORES -> png(scores(e));
            case CONFUSION -> png(confusion(e));
            case ACCURACY_VS_TIME -> png(accuracyVsTime(e));
            case CALIBRATION -> png(calibration(e));
            case LEARNING_CURVE -> png(learningCurve(e));
        };
    }

    /** Macro-F1 and accuracy per model; error bars are the wider side of the 95% bootstrap interval. */
    static CategoryChart scores(ExperimentResult e) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(e.id() + ": test scores with 95% CI")
                .yAxisTitle("%").build();
        List<String> names = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        List<Double> f1e = new ArrayList<>();
        List<Double> acc = new ArrayList<>();
        List<Double> acce = new ArrayList<>();
        for (ModelResult m : e.models()) {
            names.add(m.family());
            f1.add(100 * m.metrics().macroF1());
            f1e.add(100 * Math.max(m.macroF1Ci().high() - m.metrics().macroF1(), m.metrics().macroF1() - m.macroF1Ci().low()));
            acc.add(100 * m.metrics().accuracy());
            acce.add(100 * Math.max(m.accuracyCi().high() - m.metrics().accuracy(), m.metrics().accuracy() - m.accuracyCi().low()));
        }
        c.addSeries("macro-F1", names, f1, f1e);
        c.addSeries("accuracy", names, acc, acce);
        c.getStyler().setXAxisLabelRotation(30);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return c;
    }

    static HeatMapChart confusion(ExperimentResult e) {
        ModelResult best = e.model(e.best());
        int[][] m = best.metrics().confusion();
        HeatMapChart c = new HeatMapChartBuilder().width(Math.max(500, 90 * m.length + 250)).height(Math.max(380, 60 * m.length + 200))
                .title("confusion of " + best.family() + " (rows: true, columns: predicted)").build();
        List<Number[]> heat = new ArrayList<>();
        int k = m.length;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                heat.add(new Number[] {p, k - 1 - t, m[t][p]});
            }
        }
        List<String> ys = new ArrayList<>(e.labels());
        java.util.Collections.reverse(ys);
        c.addSeries("documents", e.labels(), ys, heat);
        c.getStyler().setShowValue(true);
        c.getStyler().setXAxisLabelRotation(30);
        return c;
    }

    static XYChart accuracyVsTime(ExperimentResult e) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(e.id() + ": accuracy vs training time")
                .xAxisTitle("training time, ms (log)").yAxisTitle("accuracy %").build();
        for (ModelResult m : e.models()) {
            XYSeries s = c.addSeries(m.family(), new double[] {Math.max(0.1, m.timing().trainMillis())},
                    new double[] {100 * m.metrics().accuracy()});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(10);
        return c;
    }

    static XYChart calibration(ExperimentResult e) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(e.id() + ": reliability (probabilistic models)")
                .xAxisTitle("mean confidence in bin").yAxisTitle("accuracy in bin").build();
        XYSeries diag = c.addSeries("perfect", new double[] {0, 1}, new double[] {0, 1});
        diag.setMarker(SeriesMarkers.NONE);
        for (ModelResult m : e.models()) {
            if (m.calibration() == null) {
                continue;
            }
            List<Calibration.Bin> bins = m.calibration().bins();
            double[] x = bins.stream().mapToDouble(Calibration.Bin::meanConfidence).toArray();
            double[] y = bins.stream().mapToDouble(Calibration.Bin::accuracy).toArray();
            c.addSeries(m.family() + String.format(java.util.Locale.ROOT, " (ECE %.3f)", m.calibration().ece()), x, y);
        }
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return c;
    }

    static XYChart learningCurve(ExperimentResult e) {
        LearningCurve lc = e.learningCurve();
        XYChart c = new XYChartBuilder().width(W).height(H).title(e.id() + ": learning curve of " + lc.spec())
                .xAxisTitle("training documents").yAxisTitle("%").build();
        double[] x = lc.points().stream().mapToDouble(LearningCurve.Point::documents).toArray();
        c.addSeries("macro-F1", x, lc.points().stream().mapToDouble(p -> 100 * p.macroF1()).toArray());
        c.addSeries("accuracy", x, lc.points().stream().mapToDouble(p -> 100 * p.accuracy()).toArray());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return c;
    }

    static String cv(CrossValidation cv) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H)
                .title(cv.corpus() + "/" + cv.task() + ": cross-validated macro-F1 (± 1 sd over folds)").yAxisTitle("%").build();
        List<String> names = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> sd = new ArrayList<>();
        for (CrossValidation.Model m : cv.models()) {
            names.add(m.family());
            mean.add(100 * m.meanMacroF1());
            sd.add(100 * m.sdMacroF1());
        }
        c.addSeries("macro-F1", names, mean, sd);
        c.getStyler().setXAxisLabelRotation(30);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setLegendVisible(false);
        return png(c);
    }

    static String png(Chart<?, ?> chart) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + chart.getTitle(), e);
        }
    }
}

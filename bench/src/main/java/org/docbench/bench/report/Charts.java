package org.docbench.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Bar charts (PNG, XChart) of one run: one per benchmark class, one series per parameter group at one thread. */
final class Charts {
    private Charts() {
    }

    static void write(RunTables run, Path dir, String prefix) throws IOException {
        for (Map.Entry<String, List<RunTables.Row>> c : run.rowsByClass().entrySet()) {
            boolean bytes = c.getValue().stream().anyMatch(r -> !Double.isNaN(r.bytesPerSec()));
            // XChart's category charts need the same categories in every series: the methods all groups share.
            Map<String, Map<String, Double>> series = new LinkedHashMap<>();
            for (RunTables.Row r : c.getValue()) {
                if (r.threads() == 1 && !r.method().equals("baseline")) {
                    series.computeIfAbsent(r.params(), k -> new LinkedHashMap<>()).put(r.method(), bytes ? r.bytesPerSec() / 1e6 : r.score());
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            List<String> shared = new ArrayList<>(series.values().iterator().next().keySet());
            series.values().forEach(s -> shared.retainAll(s.keySet()));
            CategoryChart chart = new CategoryChartBuilder().width(1000).height(520).title(c.getKey())
                    .xAxisTitle("").yAxisTitle(bytes ? "MB/s" : c.getValue().get(0).unit()).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setXAxisLabelRotation(30);
            series.forEach((params, values) -> chart.addSeries(params.isEmpty() ? "default" : params, shared,
                    shared.stream().map(values::get).toList()));
            BitmapEncoder.saveBitmap(chart, dir.resolve(prefix + c.getKey() + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }
}

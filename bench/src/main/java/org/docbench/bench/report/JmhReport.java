package org.docbench.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a JMH JSON result file ({@code -rf json}) into a Markdown table of throughput and
 * allocation with each row's ratio to docbench's path, plus a bar chart (PNG, XChart).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.docbench.bench.report.JmhReport RESULT.json OUT_DIR}
 * writes {@code OUT_DIR/bench.md} and one {@code OUT_DIR/<benchmark>.png} per benchmark class.
 * Rows are grouped by benchmark class, parameters and thread count; the reference row of a
 * group is the first of {@code docbenchFast} (tokenization), {@code docbenchFastRawEndToEnd} and
 * {@code docbenchFastEndToEnd} (inference) that the group has.
 */
public final class JmhReport {

    /** One benchmark method's result within a group. */
    record Row(String method, double score, double error, String unit, double bytesPerSec, double tokensPerSec, double allocPerOp) {
    }

    private JmhReport() {
    }

    private static final List<String> REFERENCES = List.of("docbenchFast", "docbenchFastRawEndToEnd", "docbenchFastEndToEnd");

    /** The row the group's ratios are taken against, or null. */
    static Row reference(Map<String, Row> rows) {
        return REFERENCES.stream().filter(rows::containsKey).map(rows::get).findFirst().orElse(null);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JmhReport RESULT.json OUT_DIR");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        if (!Files.isRegularFile(in)) {
            System.err.println("JmhReport: " + in + ": no such file (run JMH with -rf json -rff " + in + ")");
            System.exit(2);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in.toFile());
        } catch (IOException e) {
            System.err.println("JmhReport: " + in + ": not a JMH JSON result file: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            System.err.println("JmhReport: " + in + ": no results (an empty or non-array JSON file)");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("bench.md"), render(root, out), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.resolve("bench.md"));
    }

    static String render(JsonNode root, Path chartDir) throws IOException {
        Map<String, Map<String, Row>> groups = new TreeMap<>();
        JsonNode first = root.get(0);
        for (JsonNode r : root) {
            String full = r.get("benchmark").asText();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            String method = full.substring(dot + 1);
            String group = cls + " " + params(r) + " threads=" + r.get("threads").asInt();
            JsonNode pm = r.get("primaryMetric");
            JsonNode sm = r.path("secondaryMetrics");
            groups.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(method, new Row(method,
                    pm.get("score").asDouble(), pm.path("scoreError").asDouble(Double.NaN), pm.get("scoreUnit").asText(),
                    secondary(sm, "bytes"), secondary(sm, "tokens"), secondary(sm, "gc.alloc.rate.norm")));
        }
        StringBuilder md = new StringBuilder();
        md.append("JDK ").append(first.path("jdkVersion").asText()).append(" (").append(first.path("vmName").asText())
                .append("), JMH ").append(first.path("jmhVersion").asText()).append(", forks ").append(first.path("forks").asInt())
                .append(", warmup ").append(first.path("warmupIterations").asInt()).append(" x ").append(first.path("warmupTime").asText())
                .append(", measurement ").append(first.path("measurementIterations").asInt()).append(" x ")
                .append(first.path("measurementTime").asText()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs where this table was made").append(".\n\n");
        Map<String, List<String>> chartGroups = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Row>> g : groups.entrySet()) {
            Map<String, Row> rows = g.getValue();
            Row ref = reference(rows);
            boolean tokenize = g.getKey().startsWith("TokenizeBenchmark");
            md.append("### ").append(g.getKey()).append("\n\n");
            if (tokenize) {
                md.append("| tokenizer | MB/s | Mtokens/s | B allocated/doc | docbench fast is |\n|---|---:|---:|---:|---:|\n");
            } else {
                md.append("| path | docs/s (± 99.9% CI) | B allocated/doc | docbench fast is |\n|---|---:|---:|---:|\n");
            }
            for (Row r : rows.values()) {
                if (r.method().equals("baseline")) {
                    continue;
                }
                String ratio = ref == null || r == ref ? (r == ref ? "reference" : "")
                        : String.format(Locale.ROOT, "%.2fx", tokenize ? ref.bytesPerSec() / r.bytesPerSec() : ref.score() / r.score());
                if (tokenize) {
                    md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %s | %s |%n", r.method(), r.bytesPerSec() / 1e6,
                            r.tokensPerSec() / 1e6, alloc(r.allocPerOp()), ratio));
                } else {
                    md.append(String.format(Locale.ROOT, "| %s | %.0f ± %.0f | %s | %s |%n", r.method(), r.score(), r.error(),
                            alloc(r.allocPerOp()), ratio));
                }
            }
            md.append('\n');
            chartGroups.computeIfAbsent(g.getKey().substring(0, g.getKey().indexOf(' ')), k -> new ArrayList<>()).add(g.getKey());
        }
        md.append(scaling(groups));
        // One chart per benchmark class: each parameter group is a series over the methods all
        // groups share (XChart's category charts need the same categories in every series).
        for (Map.Entry<String, List<String>> c : chartGroups.entrySet()) {
            Path png = chartDir.resolve(c.getKey() + ".png");
            chart(c.getKey(), c.getValue(), groups, png);
            md.append("![").append(c.getKey()).append("](").append(png.getFileName()).append(")\n\n");
        }
        return md.toString();
    }

    /**
     * Thread scaling: a method {@code xTwoThreads} (run with {@code @Threads(2)}) against
     * {@code x} at one thread with the same parameters, both from the same run.
     */
    static String scaling(Map<String, Map<String, Row>> groups) {
        StringBuilder md = new StringBuilder();
        for (Map.Entry<String, Map<String, Row>> g : groups.entrySet()) {
            if (!g.getKey().endsWith(" threads=2")) {
                continue;
            }
            Map<String, Row> one = groups.get(g.getKey().substring(0, g.getKey().length() - 1) + "1");
            for (Row two : g.getValue().values()) {
                String base = two.method().endsWith(TWO_THREADS)
                        ? two.method().substring(0, two.method().length() - TWO_THREADS.length()) : two.method();
                Row single = one == null ? null : one.get(base);
                if (single == null) {
                    continue;
                }
                if (md.length() == 0) {
                    md.append("### Thread scaling (same run)\n\n| group | path | 1 thread ops/s | 2 threads ops/s | 2 threads / 1 |\n|---|---|---:|---:|---:|\n");
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2fx |%n",
                        g.getKey().substring(0, g.getKey().length() - " threads=2".length()), base, single.score(), two.score(),
                        two.score() / single.score()));
            }
        }
        return md.length() == 0 ? "" : md.append('\n').toString();
    }

    private static final String TWO_THREADS = "TwoThreads";

    private static void chart(String title, List<String> groupNames, Map<String, Map<String, Row>> groups, Path png) throws IOException {
        boolean tokenize = title.startsWith("TokenizeBenchmark");
        List<String> shared = new ArrayList<>(groups.get(groupNames.get(0)).keySet());
        shared.remove("baseline");
        List<String> charted = new ArrayList<>();
        for (String g : groupNames) {
            // A group with no method in common (the two-thread methods) has its own table instead.
            if (groups.get(g).keySet().stream().anyMatch(shared::contains)) {
                shared.retainAll(groups.get(g).keySet());
                charted.add(g);
            }
        }
        groupNames = charted;
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520).title(title)
                .xAxisTitle("").yAxisTitle(tokenize ? "MB/s" : "operations/s (documents/s for inference)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisLabelRotation(30);
        for (String g : groupNames) {
            List<Double> values = new ArrayList<>();
            for (String method : shared) {
                Row r = groups.get(g).get(method);
                values.add(tokenize ? r.bytesPerSec() / 1e6 : r.score());
            }
            chart.addSeries(g.substring(g.indexOf(' ') + 1), shared, values);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String params(JsonNode r) {
        JsonNode p = r.get("params");
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<String, String>() {{
                p.fields().forEachRemaining(e -> put(e.getKey(), e.getValue().asText()));
            }}.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(shortPath(v)));
        return sb.toString();
    }

    private static String shortPath(String v) {
        return v.contains("/") ? v.substring(v.lastIndexOf('/') + 1) : v;
    }

    private static double secondary(JsonNode sm, String name) {
        JsonNode n = sm.get(name);
        return n == null ? Double.NaN : n.get("score").asDouble();
    }

    private static String alloc(double bytes) {
        return Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes);
    }
}

package org.docbench.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JMH run's results as rows grouped by benchmark class, and within a class by parameters and
 * thread count: the rows whose ratios may be compared. The reference row of a group is docbench's
 * path, the first of {@link #REFERENCES} the group has; a ratio is how many times faster the
 * reference is than the row (for MB/s when both rows counted bytes, as tokenizers do, since
 * documents differ in size; else for the score, inverted for time-per-operation modes).
 * Immutable.
 */
record RunTables(Map<String, Map<String, List<Row>>> classes) {

    static final List<String> REFERENCES = List.of("docbenchFast", "docbenchFastRawEndToEnd", "docbenchFastEndToEnd", "fastExtract");
    private static final String TWO_THREADS = "TwoThreads";

    /** One benchmark method's result. */
    record Row(String method, String params, int threads, String mode, double score, double error, String unit,
               double bytesPerSec, double allocPerOp) {
        boolean lowerIsBetter() {
            return !mode.equals("thrpt");
        }
    }

    static RunTables of(JsonNode run) {
        Map<String, Map<String, List<Row>>> classes = new TreeMap<>();
        for (JsonNode r : run) {
            String full = r.get("benchmark").asText();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            JsonNode pm = r.get("primaryMetric");
            JsonNode sm = r.path("secondaryMetrics");
            Row row = new Row(full.substring(dot + 1), params(r), r.path("threads").asInt(1), r.path("mode").asText(),
                    pm.get("score").asDouble(), pm.path("scoreError").asDouble(Double.NaN), pm.get("scoreUnit").asText(),
                    secondary(sm, "bytes"), secondary(sm, "gc.alloc.rate.norm"));
            classes.computeIfAbsent(cls, k -> new TreeMap<>())
                    .computeIfAbsent(row.params() + " threads=" + row.threads(), k -> new ArrayList<>()).add(row);
        }
        return new RunTables(classes);
    }

    /** The JMH options that reproduce the run, as far as its JSON records them. */
    static String settings(JsonNode run) {
        JsonNode first = run.get(0);
        TreeSet<String> classes = new TreeSet<>();
        Map<String, TreeSet<String>> params = new TreeMap<>();
        boolean gc = false;
        for (JsonNode r : run) {
            String full = r.get("benchmark").asText();
            String cls = full.substring(0, full.lastIndexOf('.'));
            classes.add(cls.substring(cls.lastIndexOf('.') + 1));
            r.path("params").fields().forEachRemaining(e -> params.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue().asText()));
            gc |= r.path("secondaryMetrics").has("gc.alloc.rate.norm");
        }
        StringBuilder sb = new StringBuilder("java -jar bench/target/benchmarks.jar '").append(String.join("|", classes)).append("'");
        sb.append(" -f ").append(first.path("forks").asInt()).append(" -wi ").append(first.path("warmupIterations").asInt())
                .append(" -w ").append(first.path("warmupTime").asText().replace(" ", "")).append(" -i ")
                .append(first.path("measurementIterations").asInt()).append(" -r ")
                .append(first.path("measurementTime").asText().replace(" ", ""));
        params.forEach((k, v) -> sb.append(" -p ").append(k).append('=').append(String.join(",", v)));
        if (gc) {
            sb.append(" -prof gc");
        }
        return sb.append(" -rf json").toString();
    }

    /** The reference row of a group, or null when docbench has no row in it. */
    static Row reference(List<Row> group) {
        for (String name : REFERENCES) {
            for (Row r : group) {
                if (r.method().equals(name)) {
                    return r;
                }
            }
        }
        return null;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        classes.forEach((cls, groups) -> {
            boolean bytes = groups.values().stream().flatMap(List::stream).anyMatch(r -> !Double.isNaN(r.bytesPerSec()));
            boolean alloc = groups.values().stream().flatMap(List::stream).anyMatch(r -> !Double.isNaN(r.allocPerOp()));
            md.append("#### ").append(cls).append("\n\n| benchmark | params | threads | score ± error | unit |")
                    .append(bytes ? " MB/s |" : "").append(alloc ? " B/op |" : "").append(" docbench is Nx this |\n|---|---|---:|---:|---|")
                    .append(bytes ? "---:|" : "").append(alloc ? "---:|" : "").append("---:|\n");
            groups.values().forEach(group -> {
                Row ref = reference(group);
                for (Row r : group) {
                    md.append("| ").append(r.method()).append(" | ").append(r.params()).append(" | ").append(r.threads())
                            .append(" | ").append(number(r.score()))
                            .append(Double.isNaN(r.error()) ? "" : " ± " + number(r.error())).append(" | ").append(r.unit()).append(" |");
                    if (bytes) {
                        md.append(' ').append(number(r.bytesPerSec() / 1e6)).append(" |");
                    }
                    if (alloc) {
                        md.append(' ').append(number(r.allocPerOp())).append(" |");
                    }
                    md.append(' ').append(ratio(ref, r)).append(" |\n");
                }
            });
            md.append('\n');
        });
        return md.append(scaling()).toString();
    }

    static String ratio(Row ref, Row r) {
        if (ref == null || r.method().equals("baseline")) {
            return "";
        }
        if (ref == r) {
            return "reference";
        }
        double x = !Double.isNaN(ref.bytesPerSec()) && !Double.isNaN(r.bytesPerSec())
                ? ref.bytesPerSec() / r.bytesPerSec()
                : r.lowerIsBetter() ? r.score() / ref.score() : ref.score() / r.score();
        return String.format(Locale.ROOT, "%.2fx", x);
    }

    /**
     * Thread scaling: a method {@code xTwoThreads} (run with {@code @Threads(2)}) against
     * {@code x} at one thread with the same parameters, both from this run.
     */
    String scaling() {
        StringBuilder md = new StringBuilder();
        classes.forEach((cls, groups) -> groups.forEach((key, group) -> {
            if (!key.endsWith(" threads=2")) {
                return;
            }
            List<Row> one = groups.getOrDefault(key.substring(0, key.length() - 1) + "1", List.of());
            for (Row two : group) {
                String base = two.method().endsWith(TWO_THREADS)
                        ? two.method().substring(0, two.method().length() - TWO_THREADS.length()) : two.method();
                one.stream().filter(r -> r.method().equals(base)).findFirst().ifPresent(single -> {
                    if (md.length() == 0) {
                        md.append("#### Thread scaling\n\n| benchmark | params | 1 thread | 2 threads | 2 threads / 1 |\n|---|---|---:|---:|---:|\n");
                    }
                    md.append(String.format(Locale.ROOT, "| %s.%s | %s | %s | %s | %.2fx |%n", cls, base, single.params(),
                            number(single.score()), number(two.score()), two.score() / single.score()));
                });
            }
        }));
        return md.length() == 0 ? "" : md.append('\n').toString();
    }

    /** Grouped thousands above 100, two decimals above 1, three significant digits below. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 1 || a == 0 ? "%.2f" : "%.3g", v);
    }

    private static String params(JsonNode r) {
        Map<String, String> sorted = new TreeMap<>();
        r.path("params").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=')
                .append(v.contains("/") ? v.substring(v.lastIndexOf('/') + 1) : v));
        return sb.toString();
    }

    private static double secondary(JsonNode sm, String name) {
        JsonNode n = sm.get(name);
        return n == null ? Double.NaN : n.get("score").asDouble();
    }

    /** Rows per class, in table order, for the charts. */
    Map<String, List<Row>> rowsByClass() {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        classes.forEach((cls, groups) -> groups.values().forEach(g -> out.computeIfAbsent(cls, k -> new ArrayList<>()).addAll(g)));
        return out;
    }
}

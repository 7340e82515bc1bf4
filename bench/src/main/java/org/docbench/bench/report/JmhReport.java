package org.docbench.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns JMH JSON result files ({@code -rf json}) into the Markdown tables of
 * {@code bench/RESULTS.md}: per run, a header (the machine, the exact JMH command, JDK and JMH
 * settings) and per benchmark class a table of method, parameters, threads, score ± error, unit,
 * MB/s and bytes allocated per operation where the run counted them, and how many times faster
 * docbench's path is than that row, from the same run ({@link RunTables}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.docbench.bench.report.JmhReport \
 *      [--machine TEXT] [--command TEXT]... [--into FILE | --out FILE] [--charts DIR] RESULT.json...
 * </pre>
 *
 * {@code --command} is given once per result file, in the same order (JMH does not record its
 * command line); without it the header gives the settings the JSON holds. {@code --machine}
 * defaults to this machine (CPU model, logical CPUs, memory, OS). {@code --into FILE} replaces
 * the text between {@value #BEGIN} and {@value #END} in FILE and keeps the rest; {@code --out}
 * writes a whole file; neither prints to stdout. {@code --charts DIR} also draws one PNG per
 * benchmark class of each run.
 */
public final class JmhReport {
    static final String BEGIN = "<!-- JmhReport: begin -->";
    static final String END = "<!-- JmhReport: end -->";

    /** The parsed command line. */
    record Options(Optional<String> machine, List<String> commands, Optional<Path> into, Optional<Path> out,
                   Optional<Path> charts, List<Path> results) {
    }

    private JmhReport() {
    }

    public static void main(String[] args) {
        try {
            Options o = parse(args);
            List<JsonNode> runs = new ArrayList<>();
            for (Path p : o.results()) {
                runs.add(read(p));
            }
            String md = render(o.machine().orElseGet(JmhReport::thisMachine), o.results(), o.commands(), runs);
            if (o.charts().isPresent()) {
                Files.createDirectories(o.charts().get());
                for (int i = 0; i < runs.size(); i++) {
                    Charts.write(RunTables.of(runs.get(i)), o.charts().get(), "run" + (i + 1) + "-");
                }
            }
            if (o.into().isPresent()) {
                Path f = o.into().get();
                Files.writeString(f, replaceBetweenMarkers(Files.readString(f, StandardCharsets.UTF_8), md, f), StandardCharsets.UTF_8);
                System.err.println("JmhReport: wrote " + f);
            } else if (o.out().isPresent()) {
                Files.writeString(o.out().get(), md, StandardCharsets.UTF_8);
                System.err.println("JmhReport: wrote " + o.out().get());
            } else {
                System.out.print(md);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("JmhReport: " + e.getMessage());
            System.err.println("usage: JmhReport [--machine TEXT] [--command TEXT]... [--into FILE | --out FILE] [--charts DIR] RESULT.json...");
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("JmhReport: " + e.getMessage());
            System.exit(3);
        }
    }

    static Options parse(String[] args) {
        Optional<String> machine = Optional.empty();
        List<String> commands = new ArrayList<>();
        Optional<Path> into = Optional.empty();
        Optional<Path> out = Optional.empty();
        Optional<Path> charts = Optional.empty();
        List<Path> results = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--machine" -> machine = Optional.of(v);
                    case "--command" -> commands.add(v);
                    case "--into" -> into = Optional.of(Path.of(v));
                    case "--out" -> out = Optional.of(Path.of(v));
                    case "--charts" -> charts = Optional.of(Path.of(v));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } else {
                results.add(Path.of(a));
            }
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no result file given (run JMH with -rf json -rff FILE)");
        }
        if (!commands.isEmpty() && commands.size() != results.size()) {
            throw new IllegalArgumentException("give --command once per result file: " + commands.size()
                    + " commands for " + results.size() + " files");
        }
        if (into.isPresent() && out.isPresent()) {
            throw new IllegalArgumentException("give --into or --out, not both");
        }
        return new Options(machine, List.copyOf(commands), into, out, charts, List.copyOf(results));
    }

    /** The JSON array of one JMH run; a clear error for a missing, malformed or empty file. */
    static JsonNode read(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(p + ": no such file (run JMH with -rf json -rff " + p + ")");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": not a JMH JSON result file: " + e.getMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty() || !root.get(0).has("primaryMetric")) {
            throw new IllegalArgumentException(p + ": no JMH results (expected a non-empty array of benchmark results)");
        }
        return root;
    }

    /** The Markdown for {@code runs}, read from {@code files}; {@code commands} is empty or one per run. */
    static String render(String machine, List<Path> files, List<String> commands, List<JsonNode> runs) {
        StringBuilder md = new StringBuilder();
        md.append("Generated by `JmhReport` from JMH's JSON output; do not edit by hand, rerun it (bench/README.md).\n\n");
        md.append("Machine: ").append(machine).append("\n\n");
        for (int i = 0; i < runs.size(); i++) {
            JsonNode first = runs.get(i).get(0);
            md.append("### Run ").append(i + 1).append(": `").append(files.get(i).getFileName()).append("`\n\n");
            md.append(commands.isEmpty()
                    ? "Settings (from the JSON; JMH does not record its command line): `" + RunTables.settings(runs.get(i)) + "`"
                    : "Command: `" + commands.get(i) + "`").append("\n\n");
            md.append("JDK ").append(first.path("jdkVersion").asText()).append(" (").append(first.path("vmName").asText())
                    .append(' ').append(first.path("vmVersion").asText()).append("), JMH ").append(first.path("jmhVersion").asText())
                    .append(". Ratios compare rows of the same run, parameters and thread count.\n\n");
            md.append(RunTables.of(runs.get(i)).markdown());
        }
        return md.toString();
    }

    /**
     * {@code text} with what lies between the lines {@link #BEGIN} and {@link #END} replaced by
     * {@code generated}. Only markers alone on their line count, so prose that quotes them (as
     * bench/README.md does) is never taken for the section.
     */
    static String replaceBetweenMarkers(String text, String generated, Path file) {
        int b = lineIndexOf(text, BEGIN, 0);
        int e = b < 0 ? -1 : lineIndexOf(text, END, b);
        if (b < 0 || e < 0) {
            throw new IllegalArgumentException(file + ": has no " + BEGIN + " ... " + END + " section to fill");
        }
        return text.substring(0, b + BEGIN.length()) + "\n" + generated + text.substring(e);
    }

    private static int lineIndexOf(String text, String line, int from) {
        for (int i = text.indexOf(line, from); i >= 0; i = text.indexOf(line, i + 1)) {
            int end = i + line.length();
            if ((i == 0 || text.charAt(i - 1) == '\n') && (end == text.length() || text.charAt(end) == '\n')) {
                return i;
            }
        }
        return -1;
    }

    /** CPU model, logical CPUs, memory and OS of the machine this runs on. */
    static String thisMachine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // not Linux: the CPU stays unnamed
        }
        long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d logical CPUs, %.0f GiB, %s %s", cpu, Runtime.getRuntime().availableProcessors(),
                mem / (1024.0 * 1024 * 1024), System.getProperty("os.name"), System.getProperty("os.version"));
    }
}

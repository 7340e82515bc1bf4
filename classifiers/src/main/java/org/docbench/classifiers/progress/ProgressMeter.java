package org.docbench.classifiers.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Where the progress of long work goes: a redrawn bar on a terminal, periodic plain lines in a
 * log, or nowhere. Progress never goes to stdout, which belongs to results ({@code classify}
 * output, report paths).
 *
 * <table>
 * <caption>What {@link #forStderr()} picks</caption>
 * <tr><th>stderr is</th><th>shows</th></tr>
 * <tr><td>a terminal</td><td>a bar (me.tongfei progressbar), erased when its work ends; lines
 *     printed through {@link #guard} wait until no bar is on screen</td></tr>
 * <tr><td>a pipe or file (CI logs, {@code mvn verify})</td><td>a line every 10 s while work that
 *     takes longer runs, then one line with its total time; nothing for shorter work</td></tr>
 * <tr><td>anything, with {@code DOCBENCH_PROGRESS=bar|lines|off}</td><td>that</td></tr>
 * </table>
 *
 * <p>Meters are immutable and thread-safe; the {@link Progress} they start is stepped by one
 * thread at a time.
 */
public interface ProgressMeter {

    /** Interval between two progress lines of {@link #forStderr()} off a terminal. */
    Duration LINE_INTERVAL = Duration.ofSeconds(10);

    /**
     * Starts showing progress of {@code task}: {@code total} units of work named {@code unit}
     * ({@code docs}, {@code models}); a total of 0 or less means unknown. An empty {@code unit}
     * means work that is not counted (writing one file): progress says only how long it has run.
     */
    Progress start(String task, long total, String unit);

    /**
     * The items of {@code items} in a list, one step of {@code task} each; closes the stream.
     * {@code total} is the expected count, 0 or less when unknown.
     */
    default <T> List<T> toList(Stream<T> items, String task, long total, String unit) {
        List<T> out = new ArrayList<>();
        try (Stream<T> s = items; Progress p = start(task, total, unit)) {
            s.forEachOrdered(item -> {
                out.add(item);
                p.step();
            });
        }
        return out;
    }

    /** Shows nothing. */
    static ProgressMeter off() {
        return (task, total, unit) -> Progress.none();
    }

    /**
     * Plain lines to {@code out}, one per {@code every} while work that lasts longer runs (also
     * while one long step makes no progress), then one with the total time; nothing for shorter work.
     */
    static ProgressMeter lines(Consumer<String> out, Duration every) {
        checkPositive(every);
        return (task, total, unit) -> new LineProgress(out, every.toNanos(), System::nanoTime, LineProgress.TICKER,
                task, total, unit);
    }

    /**
     * As {@link #lines(Consumer, Duration)}, reading time from {@code nanoClock} (tests pass a fake
     * one) and writing only when a step finds {@code every} has passed (no ticking thread).
     */
    static ProgressMeter lines(Consumer<String> out, Duration every, LongSupplier nanoClock) {
        checkPositive(every);
        return (task, total, unit) -> new LineProgress(out, every.toNanos(), nanoClock, null, task, total, unit);
    }

    private static void checkPositive(Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive, got " + every);
        }
    }

    /**
     * Bars redrawn on the process's stderr (the real one, even if {@code System.err} was replaced);
     * each meter from here keeps its own list of bars on screen (see {@link #guard}).
     */
    static ProgressMeter bar() {
        return new BarMeter();
    }

    /**
     * {@code sink}, made safe to print to while this meter shows progress: a meter that redraws
     * bars holds the lines while any of its bars is on screen and prints them, in order, when the
     * last one ends, so no line is torn by a redraw. Meters that only print lines return {@code sink}.
     */
    default Consumer<String> guard(Consumer<String> sink) {
        return sink;
    }

    /**
     * The meter for stderr: {@code DOCBENCH_PROGRESS} ({@code bar}, {@code lines} or {@code off})
     * when set, else a bar when stderr is a terminal, else lines every {@link #LINE_INTERVAL}.
     *
     * @throws IllegalArgumentException when {@code DOCBENCH_PROGRESS} has another value
     */
    static ProgressMeter forStderr() {
        return forStderr(System.getenv("DOCBENCH_PROGRESS"), stderrIsTerminal(), System.err::println);
    }

    /** The choice {@link #forStderr()} makes, given the setting, whether stderr is a terminal, and where lines go. */
    static ProgressMeter forStderr(String setting, boolean terminal, Consumer<String> lines) {
        String s = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "" -> terminal ? bar() : lines(lines, LINE_INTERVAL);
            case "bar" -> bar();
            case "lines" -> lines(lines, LINE_INTERVAL);
            case "off" -> off();
            default -> throw new IllegalArgumentException("DOCBENCH_PROGRESS must be bar, lines or off, got '" + setting + "'");
        };
    }

    /**
     * True when this process's stderr is a terminal: on Linux, file descriptor 2 links to a tty
     * device; elsewhere, the JVM has a console. {@code TERM=dumb} counts as no terminal.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // fall through to the console check
            }
        }
        return System.console() != null;
    }
}

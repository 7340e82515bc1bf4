package org.docbench.classifiers.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Bars on stderr drawn by me.tongfei progressbar (a refresh thread redraws each bar four times a
 * second; nested bars stack), plus the lines {@link #guard} holds back while any bar is on
 * screen. Thread-safe.
 */
final class BarMeter implements ProgressMeter {
    private static final String QUIET_JLINE = "org.jline.terminal.disableDeprecatedProviderWarning";
    private final ProgressMeter drawer;
    private final List<Runnable> held = new ArrayList<>();
    private int open;

    /** Bars drawn by {@code drawer} (tests pass one that records instead of drawing). */
    BarMeter(ProgressMeter drawer) {
        this.drawer = drawer;
    }

    /** Bars drawn by me.tongfei progressbar on stderr. */
    BarMeter() {
        this(BarMeter::tongfei);
    }

    private static Progress tongfei(String task, long total, String unit) {
        // Tribuo's OLCUT puts JLine's deprecated Jansi provider on the classpath; JLine would log a
        // warning about it into the middle of the first bar.
        if (System.getProperty(QUIET_JLINE) == null) {
            System.setProperty(QUIET_JLINE, "true");
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                .setUnit(" " + unit, 1).setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(250)
                .continuousUpdate().clearDisplayOnFinish().build();
        return new Progress() {
            @Override
            public void stepBy(long n) {
                bar.stepBy(n);
            }

            @Override
            public void note(String message) {
                bar.setExtraMessage(message == null ? "" : message);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    @Override
    public Progress start(String task, long total, String unit) {
        Progress bar = drawer.start(task, total, unit);
        synchronized (this) {
            open++;
        }
        return new Progress() {
            private boolean closed;

            @Override
            public void stepBy(long n) {
                bar.stepBy(n);
            }

            @Override
            public void note(String message) {
                bar.note(message);
            }

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                bar.close();
                ended();
            }
        };
    }

    private void ended() {
        List<Runnable> flush = List.of();
        synchronized (this) {
            open--;
            if (open == 0 && !held.isEmpty()) {
                flush = new ArrayList<>(held);
                held.clear();
            }
        }
        flush.forEach(Runnable::run);
    }

    @Override
    public Consumer<String> guard(Consumer<String> sink) {
        return line -> {
            synchronized (this) {
                if (open > 0) {
                    held.add(() -> sink.accept(line));
                    return;
                }
            }
            sink.accept(line);
        };
    }
}

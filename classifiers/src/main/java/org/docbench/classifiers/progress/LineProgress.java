package org.docbench.classifiers.progress;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines for logs: nothing until {@code every} has passed, then at most one line
 * per {@code every} ({@code task: 12000/27978 docs (42.9%), 35 s, about 47 s left}), and when at
 * least one was written, a closing line with the total time. With a ticker, a line also comes
 * when a long step (training one model) makes no progress for {@code every}, so a log never goes
 * quiet. Thread-safe: the worker steps, the ticker's thread may print.
 */
final class LineProgress implements Progress {
    /** One daemon thread for every ticking line progress of the process. */
    static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "docbench-progress");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<String> out;
    private final long every;
    private final LongSupplier clock;
    private final String task;
    private final long total;
    private final String unit;
    private final long start;
    private final ScheduledFuture<?> tick;
    private long next;
    private long done;
    private boolean wrote;
    private boolean closed;
    private String note = "";

    /** {@code ticker} null: lines come from steps only (tests, with a fake clock). */
    LineProgress(Consumer<String> out, long everyNanos, LongSupplier clock, ScheduledExecutorService ticker, String task,
                 long total, String unit) {
        this.out = out;
        this.every = everyNanos;
        this.clock = clock;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.start = clock.getAsLong();
        this.next = start + everyNanos;
        this.tick = ticker == null ? null
                : ticker.scheduleAtFixedRate(this::tick, everyNanos, everyNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void stepBy(long n) {
        done += n;
        if (total <= 0 || done < total) { // the last step leaves the word to close()
            maybeWrite();
        }
    }

    private synchronized void tick() {
        maybeWrite();
    }

    private void maybeWrite() {
        long now = clock.getAsLong();
        if (!closed && now - next >= 0) {
            out.accept(line(now));
            wrote = true;
            while (next - now <= 0) { // stay on the ticker's grid: a tick a hair early must not skip a line
                next += every;
            }
        }
    }

    @Override
    public synchronized void note(String message) {
        note = message == null || message.isBlank() ? "" : " (" + message + ")";
    }

    private String line(long now) {
        double elapsed = (now - start) / 1e9;
        if (unit.isEmpty()) {
            return String.format(Locale.ROOT, "%s: %.0f s so far%s", task, elapsed, note);
        }
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s: %d %s, %.0f s%s", task, done, unit, elapsed, note);
        }
        String left = done == 0 ? "" : String.format(Locale.ROOT, ", about %.0f s left", elapsed * (total - done) / done);
        return String.format(Locale.ROOT, "%s: %d/%d %s (%.1f%%), %.0f s%s%s", task, done, total, unit,
                100.0 * done / total, elapsed, left, note);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (tick != null) {
            tick.cancel(false);
        }
        if (wrote) {
            double elapsed = (clock.getAsLong() - start) / 1e9;
            out.accept(unit.isEmpty() ? String.format(Locale.ROOT, "%s: done in %.1f s", task, elapsed)
                    : String.format(Locale.ROOT, "%s: %d %s in %.1f s", task, done, unit, elapsed));
        }
    }
}

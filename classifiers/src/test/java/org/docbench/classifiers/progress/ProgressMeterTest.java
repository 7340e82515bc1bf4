package org.docbench.classifiers.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Line progress on a fake clock, the meter choice, and bars holding log lines back. */
class ProgressMeterTest {
    private static final long S = 1_000_000_000L;

    /** A clock the test moves by hand. */
    private static final class Clock {
        long now;

        long get() {
            return now;
        }
    }

    @Test
    void lines_workShorterThanTheInterval_printsNothing() {
        List<String> out = new ArrayList<>();
        Clock clock = new Clock();
        try (Progress p = ProgressMeter.lines(out::add, Duration.ofSeconds(10), clock::get).start("featurize", 100, "docs")) {
            for (int i = 0; i < 100; i++) {
                clock.now += S / 20; // 5 s in all
                p.step();
            }
        }
        assertEquals(List.of(), out, "lines for 5 s of work");
    }

    @Test
    void lines_longWork_printsAtMostOneLinePerInterval_thenTheTotal() {
        List<String> out = new ArrayList<>();
        Clock clock = new Clock();
        try (Progress p = ProgressMeter.lines(out::add, Duration.ofSeconds(10), clock::get).start("featurize train", 40, "docs")) {
            p.note("allsides");
            for (int i = 0; i < 40; i++) {
                clock.now += S; // one document per second
                p.step();
            }
        }
        assertEquals(List.of(
                "featurize train: 10/40 docs (25.0%), 10 s, about 30 s left (allsides)",
                "featurize train: 20/40 docs (50.0%), 20 s, about 20 s left (allsides)",
                "featurize train: 30/40 docs (75.0%), 30 s, about 10 s left (allsides)",
                "featurize train: 40 docs in 40.0 s"), out, "the last step leaves the word to the closing line");
    }

    /** Work that is not counted (writing one file) says how long it has run, not "0/1 models (0.0%)". */
    @Test
    void lines_uncountedWork_sayOnlyHowLongItRan() {
        List<String> out = new ArrayList<>();
        Clock clock = new Clock();
        try (Progress p = ProgressMeter.lines(out::add, Duration.ofSeconds(10), clock::get).start("writing the model to m.model", 0, "")) {
            clock.now += 12 * S;
            p.step();
            clock.now += 3 * S;
        }
        assertEquals(List.of("writing the model to m.model: 12 s so far", "writing the model to m.model: done in 15.0 s"), out);
    }

    @Test
    void lines_withTheTicker_writeWhileOneLongStepMakesNoProgress() throws Exception {
        List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
        try (Progress p = ProgressMeter.lines(line -> {
            out.add(line);
            two.countDown();
        }, Duration.ofMillis(20)).start("train liblinear-svm", 1, "models")) {
            assertTrue(two.await(30, java.util.concurrent.TimeUnit.SECONDS), "no line while the step ran: " + out);
            p.step();
        }
        assertTrue(out.get(0).startsWith("train liblinear-svm: 0/1 models (0.0%), "), out.get(0));
        assertTrue(out.get(out.size() - 1).startsWith("train liblinear-svm: 1 models in "), out.toString());
    }

    @Test
    void lines_unknownTotal_countsWithoutPercent() {
        List<String> out = new ArrayList<>();
        Clock clock = new Clock();
        Progress p = ProgressMeter.lines(out::add, Duration.ofSeconds(10), clock::get).start("read", 0, "docs");
        clock.now = 12 * S;
        p.stepBy(500);
        p.close();
        p.close();
        assertEquals(List.of("read: 500 docs, 12 s", "read: 500 docs in 12.0 s"), out, "closing twice prints once");
    }

    @Test
    void lines_nonPositiveInterval_isRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgressMeter.lines(s -> { }, Duration.ZERO));
        assertEquals("every must be positive, got PT0S", e.getMessage());
    }

    @Test
    void forStderr_barOnATerminal_linesElsewhere_settingWins() {
        assertInstanceOf(BarMeter.class, ProgressMeter.forStderr(null, true, s -> { }));
        assertTrue(!(ProgressMeter.forStderr(null, false, s -> { }) instanceof BarMeter), "no terminal: no bar");
        assertTrue(!(ProgressMeter.forStderr("lines", true, s -> { }) instanceof BarMeter), "lines on a terminal");
        assertInstanceOf(BarMeter.class, ProgressMeter.forStderr(" BAR ", false, s -> { }));
        List<String> out = new ArrayList<>();
        ProgressMeter off = ProgressMeter.forStderr("off", false, out::add);
        try (Progress p = off.start("x", 1, "docs")) {
            p.step();
        }
        assertEquals(List.of(), out, "off prints nothing");
    }

    @Test
    void forStderr_unknownSetting_saysWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgressMeter.forStderr("fancy", true, s -> { }));
        assertEquals("DOCBENCH_PROGRESS must be bar, lines or off, got 'fancy'", e.getMessage());
    }

    @Test
    void bar_guard_holdsLinesWhileABarIsOnScreen_andPrintsThemInOrderAfterTheLast() {
        List<String> screen = new ArrayList<>();
        ProgressMeter drawer = (task, total, unit) -> new Progress() {
            @Override
            public void stepBy(long n) {
                screen.add("step " + task);
            }

            @Override
            public void close() {
                screen.add("close " + task);
            }
        };
        BarMeter meter = new BarMeter(drawer);
        var log = meter.guard(screen::add);
        log.accept("before");
        try (Progress outer = meter.start("models", 2, "models")) {
            try (Progress inner = meter.start("featurize", 1, "docs")) {
                inner.step();
                log.accept("line 1");
            }
            outer.step();
            log.accept("line 2");
        }
        log.accept("after");
        assertEquals(List.of("before", "step featurize", "close featurize", "step models", "close models",
                "line 1", "line 2", "after"), screen);
    }

    @Test
    void toList_collectsEveryItemInOrder_oneStepEach() {
        long[] steps = new long[1];
        ProgressMeter counting = (task, total, unit) -> n -> steps[0] += n;
        assertEquals(List.of("a", "b", "c"), counting.toList(Stream.of("a", "b", "c"), "read", 0, "docs"));
        assertEquals(3, steps[0], "steps");
    }
}

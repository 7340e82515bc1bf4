package org.docbench.classifiers.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A progress that is safe from one thread at a time only, as the interface allows. */
    static final class Counting implements Progress {
        long steps;

        @Override
        public void stepBy(long n) {
            long s = steps;
            Thread.onSpinWait(); // widens the window a lost update needs
            steps = s + n;
        }
    }

    @Test
    void stepFromAnyThread_countsEveryStep_whenManyThreadsStepAtOnce() {
        Counting p = new Counting();
        IntStream.range(0, 200_000).parallel().forEach(i -> p.stepFromAnyThread());
        assertEquals(200_000, p.steps);
    }
}

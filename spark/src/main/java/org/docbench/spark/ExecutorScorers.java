package org.docbench.spark;

import java.io.ByteArrayInputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.docbench.classifiers.inference.Scorer;

/**
 * The model of each broadcast, loaded once per executor JVM by the scorer {@code docbench
 * classify} uses ({@link Scorer}): from the compiled tables of {@code compiled-2.bin} when the file
 * carries them, through Tribuo's model for families the fast path cannot compile. Every task
 * of the JVM then shares it, each thread scoring through its own session.
 *
 * <p>Thread-safe.
 */
final class ExecutorScorers {
    /**
     * One loaded model per executor JVM, keyed by the application and the broadcast that carried its
     * bytes: broadcast ids start at 0 in every SparkContext, and one JVM may see several in turn
     * (local mode, a driver that runs the job twice), so the id alone would hand a job the model
     * of an earlier one.
     */
    private static final ConcurrentHashMap<String, Loaded> LOADED = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorScorers() {
    }

    /** A scorer with one session per thread: executor threads live across tasks, so sessions are made once each. */
    record Loaded(Scorer scorer, ThreadLocal<Scorer.Session> sessions) {
        /** Which way the model scores, worded as {@code docbench classify} words it. */
        String path() {
            return scorer.path() == Scorer.Path.FAST ? "fast path" : "Tribuo predict (this family has no fast path)";
        }
    }

    /**
     * The model of broadcast {@code broadcastId} of application {@code applicationId} in this JVM,
     * loaded the first time any task asks for it; later tasks share it. Models of earlier
     * broadcasts are dropped.
     *
     * @param name the model file as the user gave it, for errors
     */
    static Loaded get(String applicationId, long broadcastId, Supplier<byte[]> bytes, String name) {
        String key = applicationId + "/" + broadcastId;
        Loaded m = LOADED.get(key);
        if (m != null) {
            return m;
        }
        synchronized (LOADED) {
            m = LOADED.get(key);
            if (m == null) {
                Scorer s = Scorer.load(new ByteArrayInputStream(bytes.get()), name);
                m = new Loaded(s, ThreadLocal.withInitial(s::newSession));
                LOADS.incrementAndGet();
                LOADED.keySet().removeIf(k -> !k.equals(key));
                LOADED.put(key, m);
            }
            return m;
        }
    }

    /** How many models {@link #get} has loaded in this JVM; tests check it is one per job. */
    static int loads() {
        return LOADS.get();
    }
}

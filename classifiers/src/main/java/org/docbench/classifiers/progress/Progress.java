package org.docbench.classifiers.progress;

/**
 * Progress of one piece of long work (featurizing documents, training models), shown by the
 * {@link ProgressMeter} that started it. Close it when the work ends, also on failure: a bar
 * stops redrawing, a line meter says how long the work took.
 *
 * <p>Implementations are safe to step from one thread at a time; closing twice is harmless.
 */
public interface Progress extends AutoCloseable {

    /** Records {@code n} more units of work done. */
    void stepBy(long n);

    /** Records one more unit of work done. */
    default void step() {
        stepBy(1);
    }

    /** {@link #step()} for work spread over threads: one step at a time, whichever thread takes it. */
    default void stepFromAnyThread() {
        synchronized (this) {
            step();
        }
    }

    /** Says what is being done now ({@code training liblinear-svm}); shown beside the count. */
    default void note(String message) {
    }

    /** Ends the work; never throws. */
    @Override
    default void close() {
    }

    /** Progress that shows nothing. */
    static Progress none() {
        return n -> { };
    }
}

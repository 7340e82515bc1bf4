package org.docbench.core.text;

/** Where steps report their changes; {@link #NONE} when nobody asked for an explanation. */
interface Trace {

    Trace NONE = (step, removed, replacement) -> { };

    void record(Step step, String removed, String replacement);

    default void removed(Step step, String removed) {
        record(step, removed, "");
    }

    /** Whether records are kept (steps may skip building their text otherwise). */
    default boolean on() {
        return this != NONE;
    }
}

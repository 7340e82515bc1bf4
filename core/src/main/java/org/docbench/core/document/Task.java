package org.docbench.core.document;

/** The two classification tasks docbench knows by name; corpora may carry others. */
public final class Task {
    /** The document's main subject. */
    public static final String TOPIC = "topic";
    /** The document's stance (for AllSides: its outlet's left/center/right rating). */
    public static final String STANCE = "stance";

    private Task() {
    }
}

package org.docbench.bench;

/**
 * The index of the next document, round and round over {@code size} documents, so that every
 * operation of a benchmark reads a different document in a fixed order. Not thread-safe: each
 * thread's state holds its own.
 */
public final class DocumentCycle {
    private final int size;
    private int next;

    public DocumentCycle(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        this.size = size;
    }

    /** The current index; the next call returns the one after it (0 after the last). */
    public int next() {
        int i = next;
        next = i + 1 == size ? 0 : i + 1;
        return i;
    }
}

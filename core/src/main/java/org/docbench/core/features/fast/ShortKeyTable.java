package org.docbench.core.features.fast;

import org.docbench.core.token.FastTokenizer;

/**
 * An immutable open-addressing map from a short term's key (at most
 * {@value FastTokenizer#KEY_CHARS} chars, one byte each, in two {@code long}s: see
 * {@link FastTokenizer#termKey} and {@link FastTokenizer#termKeyHigh}) to a {@code long} value:
 * the word lookup of {@link FastFeatures} for the short plain words that make most of any English
 * text. A probe compares two {@code long}s, where {@link CharKeyTable} reads an entry and then
 * the chars.
 *
 * <p>A slot is the key's two halves and the value side by side, so a hit reads one cache line
 * (or two, where a slot straddles). A key's low half is never 0 (terms are not empty and their
 * chars not 0), which marks an empty slot.
 */
final class ShortKeyTable {
    private static final int STRIDE = 3;  // low, high, value
    private final long[] slots;
    private final int shift;
    private final int mask;
    private final long absent;

    /**
     * {@code (keys[i], highKeys[i]) -> values[i]}, and {@code absent} for any other key; keys must
     * be distinct and their low halves not 0.
     */
    ShortKeyTable(long[] keys, long[] highKeys, long[] values, long absent) {
        this.absent = absent;
        // Load factor at most 0.5 keeps probe chains short.
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        slots = new long[STRIDE * capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == 0) {
                throw new IllegalArgumentException("a key's low half 0 is reserved for empty slots");
            }
            int s = slot(keys[i], highKeys[i]);
            while (slots[STRIDE * s] != 0) {
                if (slots[STRIDE * s] == keys[i] && slots[STRIDE * s + 1] == highKeys[i]) {
                    throw new IllegalArgumentException("key " + Long.toHexString(highKeys[i]) + ":" + Long.toHexString(keys[i])
                            + " given twice");
                }
                s = (s + 1) & mask;
            }
            slots[STRIDE * s] = keys[i];
            slots[STRIDE * s + 1] = highKeys[i];
            slots[STRIDE * s + 2] = values[i];
        }
    }

    private ShortKeyTable(long[] slots, long absent) throws java.io.IOException {
        int capacity = slots.length / STRIDE;
        TableIO.check(slots.length % STRIDE == 0 && capacity >= 4 && Integer.bitCount(capacity) == 1,
                "short-word table of " + slots.length + " longs");
        this.slots = slots;
        this.absent = absent;
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
        this.mask = capacity - 1;
    }

    /** Writes the table as built, for {@link #read}. */
    void write(java.io.DataOutput out) throws java.io.IOException {
        TableIO.longs(out, slots);
        out.writeLong(absent);
    }

    static ShortKeyTable read(java.io.DataInput in) throws java.io.IOException {
        return new ShortKeyTable(TableIO.longs(in), in.readLong());
    }

    /**
     * Fibonacci hashing: the key's bytes are small and regular, a multiply spreads them to the
     * high bits; the high half (0 for most words) is mixed in by a second odd multiplier first.
     */
    private int slot(long key, long highKey) {
        return (int) (((key ^ highKey * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** The value of the key {@code (key, highKey)}, or the absent value the table was built with. */
    long get(long key, long highKey) {
        final long[] t = slots;
        int s = slot(key, highKey);
        while (true) {
            int at = STRIDE * s;
            long k = t[at];
            if (k == key && t[at + 1] == highKey) {
                return t[at + 2];
            }
            if (k == 0) {
                return absent;
            }
            s = (s + 1) & mask;
        }
    }
}

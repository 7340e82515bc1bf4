package org.docbench.core.features;

import org.docbench.core.token.FastTokenizer;

/**
 * An immutable open-addressing map from a short term's {@link FastTokenizer#termKey() key} (at
 * most eight chars, one byte each, in one {@code long}) to a {@code long} value: the word lookup
 * of {@link FastFeatures} for the short plain words that make most of any English text. A probe
 * compares one {@code long}, where {@link CharKeyTable} reads an entry and then the chars.
 *
 * <p>A slot is the key and its value side by side, so a hit reads one cache line. Keys are never
 * 0 (terms are not empty and their chars not 0), which marks an empty slot.
 */
final class ShortKeyTable {
    private final long[] slots;     // key, value, key, value, ...
    private final int shift;
    private final long absent;

    /** {@code keys[i] -> values[i]}, and {@code absent} for any other key; keys must be distinct and not 0. */
    ShortKeyTable(long[] keys, long[] values, long absent) {
        this.absent = absent;
        // Load factor at most 0.5 keeps probe chains short.
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        slots = new long[2 * capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == 0) {
                throw new IllegalArgumentException("key 0 is reserved for empty slots");
            }
            int s = slot(keys[i]);
            while (slots[2 * s] != 0) {
                if (slots[2 * s] == keys[i]) {
                    throw new IllegalArgumentException("key " + Long.toHexString(keys[i]) + " given twice");
                }
                s = (s + 1) & mask;
            }
            slots[2 * s] = keys[i];
            slots[2 * s + 1] = values[i];
        }
    }

    /** Fibonacci hashing: the key's bytes are small and regular, a multiply spreads them to the high bits. */
    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** The value of {@code key}, or the absent value the table was built with. */
    long get(long key) {
        final long[] t = slots;
        final int mask = (t.length >>> 1) - 1;
        int s = slot(key);
        while (true) {
            long k = t[2 * s];
            if (k == key) {
                return t[2 * s + 1];
            }
            if (k == 0) {
                return absent;
            }
            s = (s + 1) & mask;
        }
    }
}

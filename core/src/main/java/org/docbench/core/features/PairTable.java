package org.docbench.core.features;

import java.util.Arrays;

/**
 * An immutable open-addressing map from a pair of word ids to a feature index: the bigram
 * lookup of {@link FastFeatures}, one probe of one array instead of assembling and hashing the
 * bigram's name.
 *
 * <p>A slot is one {@code long}: 21 bits for each word id and 22 for the value, so a probe
 * reads one cache line and the table stays half the size of a key array beside a value array.
 * That bounds the vocabulary at 2^21 - 1 words and 2^22 features, far above what
 * docbench fits (the whole AllSides corpus has about 10^6 word n-grams seen twice); larger
 * tables are refused when built.
 */
final class PairTable {
    private static final int ID_BITS = 21;
    private static final int VALUE_BITS = 22;
    static final int MAX_ID = (1 << ID_BITS) - 2;      // all ones is kept out so no slot equals EMPTY
    static final int MAX_VALUE = (1 << VALUE_BITS) - 1;
    private static final long EMPTY = -1L;
    private static final long VALUE_MASK = MAX_VALUE;

    private final long[] slots;
    private final int mask;
    /**
     * One bit per 2^k hash values, 16 bits per pair: a bigram that is not in the vocabulary
     * is most often turned away by a clear bit, from a table small enough to stay in cache,
     * without touching {@link #slots} (about 6% of absent pairs still get through to the probe).
     */
    private final long[] filter;
    private final int filterShift;

    /** {@code first[i], second[i] -> value[i]}; the pairs must be distinct. */
    PairTable(int[] first, int[] second, int[] value) {
        int capacity = Integer.highestOneBit(Math.max(4, first.length * 2 - 1)) << 1;
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
        int filterBits = Integer.highestOneBit(Math.max(64, first.length * 16 - 1)) << 1;
        filter = new long[filterBits >>> 6];
        filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
        for (int i = 0; i < first.length; i++) {
            if (first[i] < 0 || first[i] > MAX_ID || second[i] < 0 || second[i] > MAX_ID || value[i] < 0 || value[i] > MAX_VALUE) {
                throw new IllegalArgumentException("pair (" + first[i] + ", " + second[i] + ") -> " + value[i]
                        + " does not fit: word ids must be in [0, " + MAX_ID + "], values in [0, " + MAX_VALUE + "]");
            }
            long key = key(first[i], second[i]);
            long h = spread(key);
            long bit = h >>> filterShift;
            filter[(int) (bit >>> 6)] |= 1L << bit;
            int s = (int) h & mask;
            while (slots[s] != EMPTY) {
                if ((slots[s] & ~VALUE_MASK) == key) {
                    throw new IllegalArgumentException("pair (" + first[i] + ", " + second[i] + ") given twice");
                }
                s = (s + 1) & mask;
            }
            slots[s] = key | value[i];
        }
    }

    /** The pair in the high 42 bits of a slot. */
    private static long key(int first, int second) {
        return ((long) first << (ID_BITS + VALUE_BITS)) | ((long) second << VALUE_BITS);
    }

    /** Murmur3's 64-bit finalizer: word ids are small dense ints, so spread them. */
    private static long spread(long key) {
        long h = key * 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** The value of the pair, or -1. Ids out of range are simply absent. */
    int get(int first, int second) {
        long key = key(first, second);
        long h = spread(key);
        long bit = h >>> filterShift; // high bits for the filter, low bits for the slot
        if ((filter[(int) (bit >>> 6)] & (1L << bit)) == 0) {
            return -1;
        }
        int s = (int) h & mask;
        while (true) {
            long slot = slots[s];
            if ((slot & ~VALUE_MASK) == key) {
                return slot == EMPTY ? -1 : (int) (slot & VALUE_MASK);
            }
            if (slot == EMPTY) {
                return -1;
            }
            s = (s + 1) & mask;
        }
    }
}

package org.docbench.core.features;

import java.util.Arrays;

/**
 * An immutable open-addressing map from a pair of word ids to a feature index: the bigram
 * lookup of {@link FastFeatures}, one probe of one array for a miss (most bigrams of a document
 * are not in the vocabulary) instead of assembling and hashing the bigram's name.
 */
final class PairTable {
    private static final long EMPTY = -1L; // keys are (first << 32 | second) with both >= 0

    /** Slot {@code s} is {@code table[2s]} (key) and {@code table[2s + 1]} (value): one cache line for both. */
    private final long[] table;
    private final int mask;
    /**
     * One bit per 2^k hash values, 16 bits per pair: most pairs looked up are not there, and a
     * clear bit says so from a table small enough to stay in cache, without touching
     * {@link #table} (about 6% of absent pairs still get through to the probe).
     */
    private final long[] filter;
    private final int filterShift;

    /** {@code first[i], second[i] -> value[i]}; the pairs must be distinct. */
    PairTable(int[] first, int[] second, int[] value) {
        int capacity = Integer.highestOneBit(Math.max(4, first.length * 2 - 1)) << 1;
        table = new long[2 * capacity];
        Arrays.fill(table, EMPTY);
        mask = capacity - 1;
        int filterBits = Integer.highestOneBit(Math.max(64, first.length * 16 - 1)) << 1;
        filter = new long[filterBits >>> 6];
        filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
        for (int i = 0; i < first.length; i++) {
            long key = key(first[i], second[i]);
            long bit = spread(key) >>> filterShift;
            filter[(int) (bit >>> 6)] |= 1L << bit;
            int s = slot(key);
            while (table[2 * s] != EMPTY) {
                if (table[2 * s] == key) {
                    throw new IllegalArgumentException("pair (" + first[i] + ", " + second[i] + ") given twice");
                }
                s = (s + 1) & mask;
            }
            table[2 * s] = key;
            table[2 * s + 1] = value[i];
        }
    }

    private static long key(int first, int second) {
        return ((long) first << 32) | (second & 0xFFFFFFFFL);
    }

    /** Murmur3's 64-bit finalizer: word ids are small dense ints, so spread them. */
    private static long spread(long key) {
        long h = key * 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    private int slot(long key) {
        return (int) spread(key) & mask;
    }

    /** The value of the pair, or -1. */
    int get(int first, int second) {
        long key = key(first, second);
        long h = spread(key);
        long bit = h >>> filterShift; // high bits for the filter, low bits for the slot
        if ((filter[(int) (bit >>> 6)] & (1L << bit)) == 0) {
            return -1;
        }
        int s = (int) h & mask;
        while (true) {
            long k = table[2 * s];
            if (k == key) {
                return (int) table[2 * s + 1];
            }
            if (k == EMPTY) {
                return -1;
            }
            s = (s + 1) & mask;
        }
    }
}

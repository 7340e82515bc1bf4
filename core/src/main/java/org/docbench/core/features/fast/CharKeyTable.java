package org.docbench.core.features.fast;

import org.docbench.core.features.FeatureHash;

/**
 * An immutable open-addressing map from char sequences to non-negative ints, looked up straight
 * from a char buffer so the hot path never builds a String. Thread-safe once built.
 *
 * <p>Layout for few cache misses: a slot is one {@code long} holding the key's full 32-bit hash
 * and its entry number, so a probe that misses touches one cache line; only a hash match reads
 * the entry's (start, length, value) triple and chars. Entries and chars are laid out in the order
 * the keys are given, so a caller that gives its most looked-up keys first keeps them in a few
 * cache lines.
 */
final class CharKeyTable {
    private final long[] slots;     // (hash << 32) | (entry + 1); 0 is empty
    private final int[] entries;    // entry -> start, length, value
    private final char[] chars;     // every key, back to back
    private final int mask;

    CharKeyTable(String[] keys, int[] vals) {
        // Load factor at most 0.5 keeps probe chains short.
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
        entries = new int[keys.length * 3];
        int total = 0;
        for (String k : keys) {
            total += k.length();
        }
        chars = new char[total];
        int at = 0;
        for (int e = 0; e < keys.length; e++) {
            String k = keys[e];
            k.getChars(0, k.length(), chars, at);
            entries[3 * e] = at;
            entries[3 * e + 1] = k.length();
            entries[3 * e + 2] = vals[e];
            int h = hash(chars, at, k.length());
            at += k.length();
            int s = mix(h) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = ((long) h << 32) | (e + 1L);
        }
    }

    private CharKeyTable(long[] slots, int[] entries, char[] chars) throws java.io.IOException {
        TableIO.check(slots.length >= 4 && Integer.bitCount(slots.length) == 1, "name table of " + slots.length + " slots");
        TableIO.check(entries.length % 3 == 0 && entries.length / 3 < slots.length, "name table of " + entries.length / 3
                + " entries in " + slots.length + " slots");
        this.slots = slots;
        this.entries = entries;
        this.chars = chars;
        this.mask = slots.length - 1;
    }

    /** Writes the table as built, for {@link #read}: loading it skips hashing every key again. */
    void write(java.io.DataOutput out) throws java.io.IOException {
        TableIO.longs(out, slots);
        TableIO.ints(out, entries);
        TableIO.chars(out, chars);
    }

    static CharKeyTable read(java.io.DataInput in) throws java.io.IOException {
        return new CharKeyTable(TableIO.longs(in), TableIO.ints(in), TableIO.chars(in));
    }

    /** FNV-1a over chars; the same function as {@link FeatureHash}. */
    static int hash(char[] buf, int off, int len) {
        int h = FeatureHash.start();
        for (int i = off; i < off + len; i++) {
            h = FeatureHash.update(h, buf[i]);
        }
        return h;
    }

    private static int mix(int h) {
        // FNV's low bits are weak for short keys; spread them before masking.
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    /** The value of the key {@code buf[off, off+len)} whose hash is {@code h}, or -1. */
    int get(char[] buf, int off, int len, int h) {
        int s = mix(h) & mask;
        while (true) {
            long slot = slots[s];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == h) {
                int e = 3 * ((int) slot - 1);
                if (entries[e + 1] == len && equal(buf, off, entries[e], len)) {
                    return entries[e + 2];
                }
            }
            s = (s + 1) & mask;
        }
    }

    /** Whether entry {@code e} (the e-th key given) is {@code buf[off, off+len)}. */
    boolean matches(int e, char[] buf, int off, int len) {
        return entries[3 * e + 1] == len && equal(buf, off, entries[3 * e], len);
    }

    private boolean equal(char[] buf, int off, int start, int len) {
        for (int i = 0; i < len; i++) {
            if (buf[off + i] != chars[start + i]) {
                return false;
            }
        }
        return true;
    }
}

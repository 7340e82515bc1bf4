package org.docbench.core.features;

/**
 * An immutable open-addressing map from char sequences to non-negative ints, looked up straight
 * from a char buffer so the hot path never builds a String. Thread-safe once built.
 *
 * <p>Layout for few cache misses: a slot is two adjacent {@code long}s, the key's full 32-bit
 * hash with its length, then where its chars start with its value, so a probe reads one cache
 * line and only a hash match reads the key's chars. Keys are stored back to back in the order
 * given, so callers put the keys they look up most first.
 */
final class CharKeyTable {
    /** Slot s: {@code slots[2s] = hash << 32 | (length + 1)} (0 is empty), {@code slots[2s + 1] = start << 32 | value}. */
    private final long[] slots;
    private final char[] chars;     // every key, back to back
    private final int mask;

    CharKeyTable(String[] keys, int[] vals) {
        // Load factor at most 0.5 keeps probe chains short.
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        slots = new long[2 * capacity];
        mask = capacity - 1;
        int total = 0;
        for (String k : keys) {
            total += k.length();
        }
        chars = new char[total];
        int at = 0;
        for (int e = 0; e < keys.length; e++) {
            String k = keys[e];
            k.getChars(0, k.length(), chars, at);
            int h = hash(chars, at, k.length());
            int s = mix(h) & mask;
            while (slots[2 * s] != 0) {
                s = (s + 1) & mask;
            }
            slots[2 * s] = ((long) h << 32) | (k.length() + 1L);
            slots[2 * s + 1] = ((long) at << 32) | (vals[e] & 0xFFFFFFFFL);
            at += k.length();
        }
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
            long slot = slots[2 * s];
            if (slot == 0) {
                return -1;
            }
            if (slot == (((long) h << 32) | (len + 1L))) {
                long entry = slots[2 * s + 1];
                if (equal(buf, off, (int) (entry >>> 32), len)) {
                    return (int) entry;
                }
            }
            s = (s + 1) & mask;
        }
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

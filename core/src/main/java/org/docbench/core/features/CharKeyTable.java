package org.docbench.core.features;

import java.util.Arrays;

/**
 * An immutable open-addressing map from char sequences to non-negative ints, looked up straight
 * from a char buffer so the hot path never builds a String. Keys are stored back to back in one
 * char array. Thread-safe once built.
 */
final class CharKeyTable {
    private final int[] slots;      // index into entries, or -1
    private final int[] keyStart;   // entry -> start in chars
    private final int[] keyLength;  // entry -> length
    private final int[] values;     // entry -> value
    private final int[] hashes;     // entry -> full hash
    private final char[] chars;
    private final int mask;

    CharKeyTable(String[] keys, int[] vals) {
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        mask = capacity - 1;
        keyStart = new int[keys.length];
        keyLength = new int[keys.length];
        values = vals.clone();
        hashes = new int[keys.length];
        int total = 0;
        for (String k : keys) {
            total += k.length();
        }
        chars = new char[total];
        int at = 0;
        for (int e = 0; e < keys.length; e++) {
            String k = keys[e];
            k.getChars(0, k.length(), chars, at);
            keyStart[e] = at;
            keyLength[e] = k.length();
            at += k.length();
            int h = hash(chars, keyStart[e], keyLength[e]);
            hashes[e] = h;
            int s = mix(h) & mask;
            while (slots[s] >= 0) {
                s = (s + 1) & mask;
            }
            slots[s] = e;
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
            int e = slots[s];
            if (e < 0) {
                return -1;
            }
            if (hashes[e] == h && keyLength[e] == len && equal(buf, off, keyStart[e], len)) {
                return values[e];
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

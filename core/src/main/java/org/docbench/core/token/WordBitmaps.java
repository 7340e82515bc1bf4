package org.docbench.core.token;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The batch scanner behind {@link FastTokenizer#tokenizeAll}: a text classified eight chars at a
 * time, with no branch, into a byte copy and two bitmaps, so the tokenizer finds a common word's
 * start and end as the next set and clear bits instead of guessing at every char.
 *
 * <p>Bit i of a bitmap is bit {@code i % 64} of word {@code i / 64}, from the lowest. The buffers
 * grow to the longest text seen. Not thread-safe: one per tokenizer.
 */
final class WordBitmaps {

    /** Eight bytes of a {@code byte[]} as one little-endian {@code long}: lane k is the byte at index + k. */
    private static final VarHandle LANES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_7_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** OR-ed into lanes, lowers an ASCII letter and leaves a digit as it is. */
    static final long LOWER_BITS = 0x2020202020202020L;
    /** Multiplying the lanes' low bits by this gathers them, lane k to bit 56 + k (no two products share a bit). */
    private static final long GATHER = 0x0102040810204080L;

    /** The text as bytes: ASCII as it is, any other char 0x80; zeros after the end. */
    byte[] ascii = new byte[256];
    /** Bit i: char i is an ASCII letter or digit. */
    long[] wordBits = new long[8];
    /**
     * Bit i: char i starts a run of ASCII letters and digits, or is not ASCII. The separator skip
     * of {@link FastTokenizer#advance} stops at the first of these after a token.
     */
    long[] eventBits = new long[8];

    /** The eight bytes of {@code a} from {@code i}, lane k the byte at i + k. */
    static long lanes(byte[] a, int i) {
        return (long) LANES.get(a, i);
    }

    /**
     * Grows the buffers for a text of {@code n} chars; called before {@link #classify}. A method
     * of its own so that {@link #classify}'s compiled code has no allocation path: when a longer
     * text arrives while the JIT profiles a method, the path stays in its compiled code, and in
     * {@link #classify} it slows the char-to-byte copy loop.
     */
    void ensureCapacity(int n) {
        final int blocks = (n + 63) >>> 6;
        if (ascii.length < 64 * blocks + 8) {
            ascii = new byte[Math.max(64 * blocks + 8, ascii.length * 2)];
        }
        if (wordBits.length < blocks + 1) {
            wordBits = new long[Math.max(blocks + 1, wordBits.length * 2)];
            eventBits = new long[wordBits.length];
        }
    }

    /**
     * Fills {@link #ascii}, {@link #wordBits} and {@link #eventBits} for the text {@code b[0, n)}
     * from the block of 64 chars that holds {@code from}, after {@link #ensureCapacity ensureCapacity(n)}.
     * Bits past the end are 0, and the bitmaps have a zero word more, which {@link #bitsFrom} reads.
     */
    void classify(char[] b, int n, int from) {
        final int blocks = (n + 63) >>> 6;
        final byte[] a = ascii;
        final int first = from & ~63;
        for (int i = first; i < n; i++) {
            char c = b[i];
            a[i] = (byte) (c < 128 ? c : 0x80);
        }
        for (int i = n; i < 64 * blocks + 8; i++) {
            a[i] = 0;
        }
        final long[] words = wordBits;
        final long[] events = eventBits;
        long carry = 0; // the last char of the block before is a word char (block first is read as starting fresh)
        for (int block = first >>> 6; block < blocks; block++) {
            long w = 0;
            long other = 0;
            for (int k = 0; k < 8; k++) {
                long x = (long) LANES.get(a, 64 * block + 8 * k);
                w |= (((wordLanes(x) >>> 7) * GATHER) >>> 56) << (8 * k);
                other |= ((((x & HIGH_BITS) >>> 7) * GATHER) >>> 56) << (8 * k);
            }
            words[block] = w;
            events[block] = w & ~(w << 1 | carry) | other;
            carry = w >>> 63;
        }
        words[blocks] = 0;
        events[blocks] = 0;
    }

    /**
     * The events of the block that holds {@code i}, from {@code i} on; with {@code i} itself when
     * it is an ASCII letter or digit (the start of what is left of a run, should a token of the
     * general scanner ever end inside one).
     */
    long eventsFrom(int i) {
        int k = i >>> 6;
        long here = wordBits[k] & 1L << i; // shifts take the count mod 64
        return (eventBits[k] | here) & -1L << i;
    }

    /** The 64 bits of {@code bits} from bit {@code i} on, bit i lowest. */
    static long bitsFrom(long[] bits, int i) {
        int k = i >>> 6;
        int shift = i & 63;
        // Two shifts for the next word's part: a single shift by 64 - shift would be a shift by 0.
        return bits[k] >>> shift | (bits[k + 1] << 1) << (63 - shift);
    }

    /**
     * The high bit of each lane of {@code x} whose byte is an ASCII letter or digit. Each lane is
     * tested with additions that set its high bit past a bound (lanes are kept below 0x80 first,
     * so no carry crosses into the next): a letter is {@code 0x61 <= (c | 0x20) <= 0x7A}, a digit
     * {@code 0x30 <= c <= 0x39}.
     */
    private static long wordLanes(long x) {
        long c = x & LOW_7_BITS;
        long lower = c | LOWER_BITS;
        long letter = (lower + 0x1F1F1F1F1F1F1F1FL) & ~(lower + 0x0505050505050505L);
        long digit = (c + 0x5050505050505050L) & ~(c + 0x4646464646464646L);
        return (letter | digit) & ~x & HIGH_BITS;
    }

    /**
     * {@link TokenRules#urlStartBit} of the first two lanes of {@code lowered}: 1 when they are
     * {@code ht}, {@code ww} or {@code ft}, else 0.
     */
    static int urlStartBit(long lowered) {
        return TokenRules.urlStartBit((char) (lowered & 0xFF), (char) (lowered >>> 8 & 0xFF));
    }
}

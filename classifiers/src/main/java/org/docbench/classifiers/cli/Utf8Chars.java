package org.docbench.classifiers.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding into a caller's {@code char[]}, for {@code classify --lines}: the same
 * chars as the JDK's decoder with {@code CodingErrorAction.REPORT}, and the same refusals (overlong
 * forms, encoded surrogates, code points past U+10FFFF, stray or missing continuation bytes).
 *
 * <p>The JDK's UTF-8 decoder copies the ASCII head of its input in bulk but goes a byte at a time
 * after the first non-ASCII char, and news text has a curly quote or a dash in its first lines.
 * This one finds each run of ASCII bytes eight at a time and has the JDK's Latin-1 decoder widen
 * it (a compiled intrinsic: ASCII is Latin-1), so every run goes in bulk. Not thread-safe: one
 * per thread, or per block of lines.
 */
final class Utf8Chars {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Below this a run is copied by a plain loop: a decoder call costs about as much. */
    private static final int BULK = 32;

    private final byte[] src;
    private final ByteBuffer in;
    private final CharsetDecoder latin1 = StandardCharsets.ISO_8859_1.newDecoder();
    private char[] dst = new char[0];
    private CharBuffer out = CharBuffer.wrap(dst);

    Utf8Chars(byte[] src) {
        this.src = src;
        this.in = ByteBuffer.wrap(src);
    }

    /**
     * Decodes {@code src[from, to)} into {@code dst} from index 0; returns the number of chars, or
     * -1 when the bytes are not valid UTF-8. {@code dst} must hold {@code to - from} chars (UTF-8
     * never gives more chars than bytes).
     */
    int decode(int from, int to, char[] dst) {
        if (dst != this.dst) {
            this.dst = dst;
            this.out = CharBuffer.wrap(dst);
        }
        final byte[] src = this.src;
        int s = from;
        int d = 0;
        while (s < to) {
            int e = asciiEnd(src, s, to);
            int run = e - s;
            if (run >= BULK) {
                in.limit(e).position(s);
                out.limit(dst.length).position(d);
                latin1.reset();
                latin1.decode(in, out, true); // every byte is a Latin-1 char: never an error
            } else {
                for (int k = 0; k < run; k++) {
                    dst[d + k] = (char) src[s + k];
                }
            }
            s = e;
            d += run;
            if (s == to) {
                break;
            }
            int lead = src[s] & 0xFF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                if (s + 1 >= to || !continuation(src[s + 1])) {
                    return -1;
                }
                dst[d++] = (char) (((lead & 0x1F) << 6) | (src[s + 1] & 0x3F));
                s += 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                if (s + 2 >= to) {
                    return -1;
                }
                int b2 = src[s + 1] & 0xFF;
                // E0 needs A0-BF (no overlong form), ED 80-9F (no surrogate), the rest 80-BF.
                int low = lead == 0xE0 ? 0xA0 : 0x80;
                int high = lead == 0xED ? 0x9F : 0xBF;
                if (b2 < low || b2 > high || !continuation(src[s + 2])) {
                    return -1;
                }
                dst[d++] = (char) (((lead & 0x0F) << 12) | ((b2 & 0x3F) << 6) | (src[s + 2] & 0x3F));
                s += 3;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                if (s + 3 >= to) {
                    return -1;
                }
                int b2 = src[s + 1] & 0xFF;
                // F0 needs 90-BF (no overlong form), F4 80-8F (nothing past U+10FFFF).
                int low = lead == 0xF0 ? 0x90 : 0x80;
                int high = lead == 0xF4 ? 0x8F : 0xBF;
                if (b2 < low || b2 > high || !continuation(src[s + 2]) || !continuation(src[s + 3])) {
                    return -1;
                }
                int cp = ((lead & 0x07) << 18) | ((b2 & 0x3F) << 12) | ((src[s + 2] & 0x3F) << 6) | (src[s + 3] & 0x3F);
                dst[d++] = Character.highSurrogate(cp);
                dst[d++] = Character.lowSurrogate(cp);
                s += 4;
            } else {
                return -1; // a continuation byte without a lead, C0, C1 (overlong) or F5-FF
            }
        }
        return d;
    }

    /** The end of the run of ASCII bytes from {@code s}: the first byte with its high bit set, or {@code to}. */
    private static int asciiEnd(byte[] src, int s, int to) {
        while (s + 8 <= to && ((long) LONGS.get(src, s) & HIGH_BITS) == 0) {
            s += 8;
        }
        while (s < to && src[s] >= 0) {
            s++;
        }
        return s;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}

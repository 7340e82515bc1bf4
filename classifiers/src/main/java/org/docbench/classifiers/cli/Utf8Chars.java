package org.docbench.classifiers.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 decoding into a caller's {@code char[]}, for {@code classify --lines}: the same
 * chars as the JDK's decoder with {@code CodingErrorAction.REPORT}, and the same refusals (overlong
 * forms, encoded surrogates, code points past U+10FFFF, stray or missing continuation bytes).
 *
 * <p>The JDK's decoder copies the ASCII head of its input in bulk but goes a byte at a time after
 * the first non-ASCII char, and news text has a curly quote or a dash in its first lines; this one
 * goes back to copying sixteen bytes at a time after every such char. Stateless.
 */
final class Utf8Chars {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Chars() {
    }

    /**
     * Decodes {@code src[from, to)} into {@code dst} from index 0; returns the number of chars, or
     * -1 when the bytes are not valid UTF-8. {@code dst} must hold {@code to - from} chars (UTF-8
     * never gives more chars than bytes).
     */
    static int decode(byte[] src, int from, int to, char[] dst) {
        int s = from;
        int d = 0;
        while (s < to) {
            // A counted copy of sixteen ASCII bytes, which the JIT unrolls, and one test per sixteen.
            while (s + 16 <= to && (((long) LONGS.get(src, s) | (long) LONGS.get(src, s + 8)) & HIGH_BITS) == 0) {
                for (int k = 0; k < 16; k++) {
                    dst[d + k] = (char) src[s + k];
                }
                s += 16;
                d += 16;
            }
            if (s == to) {
                break;
            }
            int b1 = src[s];
            if (b1 >= 0) {
                dst[d++] = (char) b1;
                s++;
                continue;
            }
            int lead = b1 & 0xFF;
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

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}

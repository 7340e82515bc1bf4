package org.docbench.classifiers.cli;

import java.util.Locale;

/**
 * How {@code classify} and {@code normalize} spell values in tab-separated output: a field with
 * the chars that would break a line escaped, and a score with four decimals.
 */
final class TsvCells {
    private TsvCells() {
    }

    /**
     * Appends {@code v} with four decimals, as {@code %.4f} would, without a formatter per document.
     * {@code %.4f} rounds half up the shortest decimal that names {@code v}; {@code Math.round} of
     * {@code v * 10,000} rounds the binary value, and the two can part only where the product lies
     * within a few of its ulps of a half. Those values, the ones whose product's ulp is too coarse
     * to tell, and the negative ones that round to zero ({@code %.4f} keeps their sign) go to the formatter.
     */
    static void fixed4(StringBuilder sb, double v) {
        double x = Math.abs(v) * 10_000;
        long r = Math.round(x);
        if (!(x < 1e9) || Math.abs(x - Math.floor(x) - 0.5) < 1e-6 || r == 0 && Math.copySign(1.0, v) < 0) {
            sb.append(String.format(Locale.ROOT, "%.4f", v));
            return;
        }
        if (v < 0) {
            sb.append('-');
        }
        sb.append(r / 10_000).append('.');
        long frac = r % 10_000;
        for (long d = 1000; d > 0; d /= 10) {
            sb.append((char) ('0' + frac / d % 10));
        }
    }

    /**
     * {@code s} as one field of a tab-separated line: a tab, newline, carriage return or backslash
     * in an id (a file name may hold any) or a label (a corpus may) is written {@code \t},
     * {@code \n}, {@code \r}, {@code \\}, any other control char (a NUL, a C1 control)
     * {@code \xNN}, a line or paragraph separator {@code \u2028}, {@code \u2029}, and a surrogate
     * that is not half of a pair as a backslash, {@code u} and four hex digits (UTF-8 has no bytes for it: the
     * output would print {@code ?}).
     */
    static String field(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (needsEscape(s, i)) {
                return escaped(s);
            }
        }
        return s;
    }

    /**
     * Whether the char at {@code i} is a backslash, a control char (C0, DEL, C1), a line or paragraph separator
     * (which some readers break lines at) or a lone surrogate.
     */
    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        return c == '\\' || Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
                || Character.isSurrogate(c) && !paired(s, i);
    }

    /** Whether the surrogate at {@code i} makes a pair with the char before or after it. */
    static boolean paired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (needsEscape(s, i)) {
                        b.append(c < 0x100 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}

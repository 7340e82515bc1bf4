package org.docbench.core.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random text for flooding tokenizers, in the spirit of Lucene's {@code checkRandomData}:
 * pieces of news-like ASCII with every joiner the spec knows, code points from every Unicode plane
 * (assigned or not), lone surrogates, combining marks, CJK, emoji sequences and odd spaces.
 *
 * <p>The seed comes from system property {@code docbench.seed} when set, else from the clock; it
 * is printed so that a failure can be replayed.
 */
public final class RandomText {

    private static final String[] SNIPPETS = {
        "287(g)", "501(c)(3)", "287(g)-trained", "I-95", "48-hour", "H-2B", "2008-2012", "1,255", "409,849",
        "1,2", "3.5", "U.S.", "e.g.", "a.m.", "don't", "don\u2019t", "ICE's", "O'Brien", "rock'n'roll",
        "street-level", "co\u2010op", "non\u2011stop", "https://www.ice.gov/287g.", "http://x.org/a_(b)",
        "www.example.com/path?q=1&r=2", "ftp://files.example.net/", "HTTP://UPPER.CASE/", "press@example.org",
        "a.b-c_d%e+f@sub.example.co.uk", "x@y", "x@y.", "@handle", "#tag", "$5", "5%", "AT&T", "--", "...",
        "\u2026", "(", ")", "'", "\u2019", "-", ",", ".", "@", "_", "+", "%", "://", "www.", "http://",
        "\u00E9", "e\u0301", "\u0301", "\u0915\u094D\u200D\u0937", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
        "\u79FB\u6C11\u5C40", "\u30E9\u30FC\u30E1\u30F3", "\u304B\u3099", "\uD55C\uAD6D\uC5B4", "\u0E20\u0E32\u0E29\u0E32",
        "\uD83D\uDC4D\uD83C\uDFFD", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u2764\uFE0F",
        "\u0130stanbul", "\u03A3\u039F\u03A3", "\uFB01", "\u00BD", "\u00B2", "\u0660\u0661,\u0662\u0663\u0664",
        "\uD835\uDFCE\uD835\uDFCF", "\uD801\uDC00", "\u00A0", "\u2009", "\u3000", "\u200B", "\uFEFF", "\n", "\t", " ",
        "\u201C", "\u201D", ".\u201D", ",\u201D", "\u2014", "\u00AD", ".'", ",5", ".@", "..@x.org", ",\u0661",
    };

    private RandomText() {
    }

    /** The flood's seed: {@code -Ddocbench.seed=...} or the clock. */
    public static long seed() {
        String s = System.getProperty("docbench.seed", "");
        long seed = s.isBlank() ? System.nanoTime() : Long.parseLong(s.strip());
        System.err.println("[RandomText] seed " + seed + " (replay with -Ddocbench.seed=" + seed + ")");
        return seed;
    }

    /** {@code count} random texts of up to {@code maxPieces} pieces each; the first is empty. */
    public static List<String> texts(long seed, int count, int maxPieces) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        out.add("");
        while (out.size() < count) {
            out.add(text(r, r.nextInt(maxPieces + 1)));
        }
        return out;
    }

    /** One random text of about {@code chars} chars. */
    public static String large(long seed, int chars) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(chars + 64);
        while (sb.length() < chars) {
            sb.append(text(r, 64));
        }
        sb.setLength(chars); // may cut a surrogate pair: a lone surrogate at the end is part of the test
        return sb.toString();
    }

    static String text(Random r, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            piece(r, sb);
        }
        return sb.toString();
    }

    private static void piece(Random r, StringBuilder sb) {
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> sb.append(SNIPPETS[r.nextInt(SNIPPETS.length)]);
            case 3, 4 -> { // an ASCII word, maybe capitalized, with a following separator or joiner
                // Mostly short; one in ten up to 80 chars (past the 16 of a key and the 64 of a bitmap word).
                int n = r.nextInt(10) == 0 ? 1 + r.nextInt(80) : 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    sb.append((char) ((k == 0 && r.nextBoolean() ? 'A' : 'a') + r.nextInt(26)));
                }
                sb.append(" .,'-()@:/_%+\"".charAt(r.nextInt(14)));
            }
            case 5 -> { // digits with number joiners
                int n = 1 + r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
                sb.append(",.-( ".charAt(r.nextInt(5)));
            }
            case 6 -> sb.appendCodePoint(r.nextInt(0x80));
            case 7 -> sb.appendCodePoint(r.nextInt(0xD800)); // BMP below the surrogates
            case 8 -> sb.appendCodePoint(0x10000 + r.nextInt(Character.MAX_CODE_POINT - 0xFFFF)); // planes 1-16
            case 9 -> sb.append((char) (0xD800 + r.nextInt(0x800))); // a lone (or accidentally paired) surrogate
            case 10 -> sb.appendCodePoint(0x0300 + r.nextInt(0x70)); // combining marks
            default -> sb.appendCodePoint(0xE000 + r.nextInt(0x10000 - 0xE000)); // BMP above the surrogates
        }
    }

    /** The text with everything outside printable ASCII escaped as {@code \\uXXXX}, to paste into a test. */
    public static String escape(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }
}

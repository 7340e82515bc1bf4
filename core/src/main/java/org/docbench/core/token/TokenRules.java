package org.docbench.core.token;

import static org.docbench.core.token.CharClasses.BMP;
import static org.docbench.core.token.CharClasses.CLASS_MASK;
import static org.docbench.core.token.CharClasses.DIGIT;
import static org.docbench.core.token.CharClasses.IDEO;
import static org.docbench.core.token.CharClasses.LETTER;
import static org.docbench.core.token.CharClasses.LOWER_ASCII;
import static org.docbench.core.token.CharClasses.MARK;
import static org.docbench.core.token.CharClasses.PAIR;
import static org.docbench.core.token.CharClasses.RUN;
import static org.docbench.core.token.CharClasses.RUN_CHAR;
import static org.docbench.core.token.CharClasses.RUN_SURROGATE;
import static org.docbench.core.token.CharClasses.SEP;
import static org.docbench.core.token.CharClasses.URL_STOP;
import static org.docbench.core.token.CharClasses.classify;
import static org.docbench.core.token.CharClasses.isAsciiAlnum;
import static org.docbench.core.token.CharClasses.isLocalPartChar;

/**
 * Where a token ends, by the token spec of {@link org.docbench.core.token this package}: the
 * joiner rules inside words (apostrophes, initials, decimals, thousands, hyphens next to digits,
 * {@code (s)} suffixes), URLs and e-mail addresses. The general scanner of {@link FastTokenizer};
 * its fast path asks only {@link #endsPlainly} and {@link #urlStartBit}.
 *
 * <p>Why one class of over 400 lines: the word scan leaves the state the URL and e-mail rules
 * decide on (where the run started, whether every char may belong to an e-mail local part, whether
 * one is outside ASCII), so the three rules share fields instead of passing that state per token.
 *
 * <p>Reads the text its tokenizer hands it at each reset. Not thread-safe: one per tokenizer.
 */
final class TokenRules {

    private char[] buf = new char[0];
    private int length;
    /** Where the run being scanned started (a run: letters, digits and marks between joiners). */
    private int runStart;
    // The two flags of the word scan are ints, 1 or 0, set by arithmetic: a rare char (a Unicode
    // hyphen, a curly apostrophe, a letter outside ASCII) would otherwise be a branch that the
    // JIT compiles as never taken until a text takes it, and then compiles the scanner again.
    /** 1 while every char of the current token is one an e-mail local part may hold. */
    private int localOnly;
    /** Non-zero above bit 6 once the current token holds a char outside ASCII: chars OR-ed together. */
    private int nonAscii;
    /** The last {@link #tokenEnd}'s token is a word of ASCII chars, whose term is a plain lower-casing. */
    private boolean asciiTerm;

    /** The text the next calls read: {@code buf[0, length)}. */
    void reset(char[] buf, int length) {
        this.buf = buf;
        this.length = length;
    }

    /**
     * End of the token that starts at {@code i}, a char of class {@code cls} (a letter, digit or
     * ideograph): a URL, an ideograph with its marks, or a word with its joiners and, when it
     * turns out to be one's local part, an e-mail address.
     */
    int tokenEnd(int i, int cls) {
        final char[] b = buf;
        final int n = length;
        if (i + 4 <= n && mayStartUrl(b[i], b[i + 1])) {
            int e = urlEnd(i);
            if (e >= 0) {
                asciiTerm = false;
                return e;
            }
        }
        if (cls == IDEO) {
            asciiTerm = false;
            return skipMarks(i + Character.charCount(Character.codePointAt(b, i, n)));
        }
        int e = wordEnd(i);
        if (localOnly != 0 && mayBeEmail(e)) {
            int m = emailEnd(i);
            if (m > 0) {
                e = m;
            }
        }
        asciiTerm = nonAscii < 128;
        return e;
    }

    /** Whether the token of the last {@link #tokenEnd} is all ASCII and no URL: its term is the text lower-cased. */
    boolean asciiTerm() {
        return asciiTerm;
    }

    /**
     * Whether an ASCII word that stops at {@code j} (the end, or a char that is not an ASCII
     * letter or digit) ends there for sure, as the general scanner would end it; without a branch
     * (what follows a word is a guess for a predictor). It does at the end of the text; at a
     * separator that no joiner or e-mail address goes on through (a space, most punctuation,
     * quotation marks); and at {@code .} or {@code ,} when the char after it is such a separator
     * too and no {@code .}, {@code _}, {@code %}, {@code +}, {@code -} or {@code @} either.
     */
    static boolean endsPlainly(char[] b, int j, int n) {
        return endsPlainlyBit(b, j, n) != 0;
    }

    /** {@link #endsPlainly} as 1 or 0, for a caller that folds it into other tests. */
    static int endsPlainlyBit(char[] b, int j, int n) {
        int atEnd = ((j ^ n) - 1) >>> 31;              // 1 when j == n
        int nextAtEnd = (((j + 1) ^ n) - 1) >>> 31;
        int kind = END_KIND[b[Math.min(j, n - 1)]];
        int neutral = NEUTRAL[b[Math.min(j + 1, n - 1)]];
        return atEnd | kind & 1 | (kind >>> 1) & (neutral | nextAtEnd);
    }

    /**
     * For {@link #endsPlainly}, by char: 1 where a word ends whatever follows, 2 where it ends if
     * a {@link #NEUTRAL} char follows ({@code .} and {@code ,}), 0 where a joiner or an e-mail
     * address may go on ({@code ' ’ - ‐ ‑ ( @ _ % +}), and at letters, digits, marks and
     * surrogates (which may pair into a letter).
     */
    private static final byte[] END_KIND = new byte[1 << 16];
    /** For {@link #endsPlainly}: separators that are neither e-mail local-part chars nor {@code @}. */
    private static final byte[] NEUTRAL = new byte[1 << 16];

    static {
        // Per block of 64 chars, as CharClasses fills its tables: the method is compiled early.
        for (int from = 0; from < (1 << 16); from += 64) {
            fillEndTables(from, from + 64);
        }
        END_KIND['.'] = 2;
        END_KIND[','] = 2;
    }

    private static void fillEndTables(int from, int to) {
        for (int c = from; c < to; c++) {
            boolean separator = BMP[c] == SEP && !Character.isSurrogate((char) c);
            END_KIND[c] = (byte) (separator && "'.,-(@_%+\u2019\u2010\u2011".indexOf(c) < 0 ? 1 : 0);
            NEUTRAL[c] = (byte) (separator && "._%+-@".indexOf(c) < 0 ? 1 : 0);
        }
    }

    /**
     * Cheap test on the first two chars: only {@code ht}, {@code ww} and {@code ft} can start a URL.
     * By arithmetic, so the rare pair that is one costs the JIT no recompilation.
     */
    static boolean mayStartUrl(char c0, char c1) {
        return urlStartBit(c0, c1) != 0;
    }

    /** {@link #mayStartUrl} as 1 or 0, for a caller that folds it into other tests. */
    static int urlStartBit(char c0, char c1) {
        long pair = (long) (c0 | 0x20) << 16 | (c1 | 0x20);
        return equalBit(pair, 'h' << 16 | 't') | equalBit(pair, 'w' << 16 | 'w') | equalBit(pair, 'f' << 16 | 't');
    }

    /** 1 when {@code x == k}, else 0; both in [0, 2^32). */
    private static int equalBit(long x, long k) {
        return (int) (((x ^ k) - 1) >>> 63);
    }

    /**
     * Whether an e-mail address can start at the current token, which so far holds only chars an
     * e-mail local part may hold: then the local part runs on from {@code e} to an {@code @}, or
     * there is no e-mail address here.
     */
    private boolean mayBeEmail(int e) {
        final char[] b = buf;
        final int n = length;
        int j = e;
        // The end of the text is folded into each test, not a branch of its own.
        while ((LOCAL_PART[b[Math.min(j, n - 1)]] & ((j - n) >>> 31)) != 0) {
            j++;
        }
        return (sameBit(b[Math.min(j, n - 1)], '@') & ((j - n) >>> 31)) != 0;
    }

    /** 1 for the chars an e-mail local part may hold ({@link CharClasses#isLocalPartChar}), else 0. */
    private static final byte[] LOCAL_PART = new byte[1 << 16];

    static {
        for (int c = 0; c < 128; c++) {
            LOCAL_PART[c] = (byte) (isLocalPartChar((char) c) ? 1 : 0);
        }
    }

    /** End of the word starting at {@code i} (a letter or digit), following the joiner rules. */
    private int wordEnd(int i) {
        final char[] b = buf;
        final int n = length;
        localOnly = 1;
        nonAscii = 0;
        i = scanRun(i);
        while (true) {
            // Past the end of the text c reads as a space, so the end takes the branch a space does.
            int past = (n - 1 - i) >>> 31;
            char raw = b[Math.min(i, n - 1)];
            char c = (char) (raw ^ ((raw ^ ' ') & -past));
            if (c == ' ' || c == '\n') {
                break; // the common case, decided before the joiner tests
            }
            if (c == '\'' || c == '\u2019') {
                if (classOf(i + 1) != LETTER) {
                    break;
                }
                localOnly = 0;
                nonAscii |= c;
            } else if (c == '.') {
                int next = classOf(i + 1);
                boolean decimal = next == DIGIT && classBefore(i) == DIGIT;
                boolean initial = next == LETTER && runIsOneLetter(i);
                if (!decimal && !initial) {
                    break;
                }
            } else if (c == ',') {
                if (classBefore(i) != DIGIT || !thousandsGroupAt(i + 1)) {
                    break;
                }
                localOnly = 0;
            } else if (c == '-' || c == '\u2010' || c == '\u2011') {
                int next = classOf(i + 1);
                if ((next != LETTER && next != DIGIT) || !(hasDigit(runStart, i) || hasDigit(i + 1, runEnd(i + 1)))) {
                    break;
                }
                localOnly &= sameBit(c, '-');
                nonAscii |= c;
            } else if (c == '(') {
                if (classBefore(i) == DIGIT) {
                    int after = parenSuffixesEnd(i);
                    localOnly &= sameBit(after, i);
                    i = after;
                }
                break;
            } else {
                break;
            }
            i = scanRun(i + 1);
        }
        return i;
    }

    /** Scans a run of letters, digits and marks from {@code i} (a letter or digit); returns its end. */
    private int scanRun(int i) {
        runStart = i;
        final char[] b = buf;
        final int n = length;
        int seen = 0; // the run's chars OR-ed: above 127 when one is outside ASCII
        while (true) {
            char c = b[Math.min(i, n - 1)];
            int r = RUN[c] | pastEnd(i, n);
            if (r != RUN_CHAR) {
                if (r != RUN_SURROGATE) {
                    break; // a char that ends the run, or the end of the text
                }
                int k = classAt(i); // a surrogate: a pair that is a letter, digit or mark goes on
                int cls = k & CLASS_MASK;
                if (cls != LETTER && cls != DIGIT && cls != MARK) {
                    break;
                }
                seen |= c;
                i += 2;
                continue;
            }
            seen |= c;
            i++;
        }
        nonAscii |= seen;
        localOnly &= ((seen >>> 7) - 1) >>> 31; // stays 1 only for an all-ASCII run
        return i;
    }

    /** End of the run starting at {@code i}, without touching the cursor's state. */
    private int runEnd(int i) {
        final char[] b = buf;
        final int n = length;
        while (true) {
            int r = RUN[b[Math.min(i, n - 1)]] | pastEnd(i, n);
            if (r != RUN_CHAR) {
                if (r != RUN_SURROGATE) {
                    break;
                }
                int cls = classAt(i) & CLASS_MASK; // a surrogate: a pair that is a letter, digit or mark goes on
                if (cls != LETTER && cls != DIGIT && cls != MARK) {
                    break;
                }
                i += 2;
                continue;
            }
            i++;
        }
        return i;
    }

    /**
     * 4 when {@code i} is past the end of the text ({@code i >= n}), else 0: OR-ed into a
     * {@link CharClasses#RUN} value read at {@code min(i, n - 1)}, it ends a run at the end of the
     * text with the same branch as at a separator.
     */
    private static int pastEnd(int i, int n) {
        return ((n - 1 - i) >>> 31) << 2;
    }

    /** Chars taken by the code point whose {@link #classAt} is {@code k}: 2 for a pair, else 1. */
    private static int units(int k) {
        return 1 + ((k & PAIR) >>> 4);
    }

    /** 1 when {@code a == b}, else 0, without a branch; both non-negative. */
    private static int sameBit(int a, int b) {
        return ((a ^ b) - 1) >>> 31;
    }

    private boolean hasDigit(int from, int to) {
        for (int i = from; i < to; ) {
            int k = classAt(i);
            if ((k & CLASS_MASK) == DIGIT) {
                return true;
            }
            i += units(k);
        }
        return false;
    }

    /** Class of the code point that ends just before {@code i}. */
    private int classBefore(int i) {
        char c = buf[i - 1];
        if (Character.isLowSurrogate(c) && i >= 2 && Character.isHighSurrogate(buf[i - 2])) {
            return classify(Character.toCodePoint(buf[i - 2], c));
        }
        return BMP[c];
    }

    /** Whether the current run, ending at {@code i}, is a single letter (one code point). */
    private boolean runIsOneLetter(int i) {
        int k = classAt(runStart);
        return (sameBit(k & CLASS_MASK, LETTER) & sameBit(i - runStart, units(k))) != 0;
    }

    /** Whether exactly three digits start at {@code i} (a fourth one would make it no thousands group). */
    private boolean thousandsGroupAt(int i) {
        for (int d = 0; d < 3; d++) {
            if (i >= length) {
                return false;
            }
            int k = classAt(i);
            if ((k & CLASS_MASK) != DIGIT) {
                return false;
            }
            i += units(k);
        }
        return classOf(i) != DIGIT;
    }

    /** End of one or more {@code (x)} suffixes (x = 1 to 3 ASCII letters or digits) at {@code i}, or {@code i}. */
    private int parenSuffixesEnd(int i) {
        final char[] b = buf;
        final int n = length;
        while (i < n && b[i] == '(') {
            int j = i + 1;
            while (j < n && j - i <= 3 && isAsciiAlnum(b[j])) {
                j++;
            }
            if (j == i + 1 || j >= n || b[j] != ')') {
                break;
            }
            i = j + 1;
        }
        return i;
    }

    private int skipMarks(int i) {
        while (i < length) {
            int k = classAt(i);
            if ((k & CLASS_MASK) != MARK) {
                break;
            }
            i += units(k);
        }
        return i;
    }

    /** What a URL starts with, in any ASCII case; something must follow. */
    static final String[] URL_PREFIXES = {"https://", "http://", "ftp://", "www."};

    /** End of the URL starting at {@code i}, or -1. */
    private int urlEnd(int i) {
        final char[] b = buf;
        final int n = length;
        int body = -1;
        for (String prefix : URL_PREFIXES) {
            if (startsWithIgnoreCase(i, prefix)) {
                body = i + prefix.length();
                break;
            }
        }
        if (body < 0) {
            return -1;
        }
        int j = body;
        while (j < n && !URL_STOP[b[j]]) {
            j++;
        }
        while (j > body && isUrlTrailer(b[j - 1])) {
            j--;
        }
        return j > body ? j : -1;
    }

    private static boolean isUrlTrailer(char c) {
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\''
                || c == '"' || c == ')' || c == ']' || c == '}';
    }

    private boolean startsWithIgnoreCase(int i, String prefix) {
        if (i + prefix.length() > length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char c = buf[i + k];
            if (c < 128) {
                c = LOWER_ASCII[c];
            }
            if (c != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** End of the e-mail address starting at {@code i}, or -1. */
    private int emailEnd(int i) {
        final char[] b = buf;
        final int n = length;
        if (!isAsciiAlnum(b[i])) {
            return -1;
        }
        int j = i + 1;
        while (j < n && isLocalPartChar(b[j])) {
            j++;
        }
        if (j >= n || b[j] != '@') {
            return -1;
        }
        int e = labelEnd(j + 1);
        if (e < 0) {
            return -1;
        }
        int result = -1;
        while (e < n && b[e] == '.') {
            int next = labelEnd(e + 1);
            if (next < 0) {
                break;
            }
            result = next;
            e = next;
        }
        return result;
    }

    /** End of the longest domain label (ASCII letters and digits, inner hyphens) at {@code i}, or -1. */
    private int labelEnd(int i) {
        final char[] b = buf;
        final int n = length;
        if (i >= n || !isAsciiAlnum(b[i])) {
            return -1;
        }
        int last = i + 1;
        for (int j = i + 1; j < n; j++) {
            char c = b[j];
            if (isAsciiAlnum(c)) {
                last = j + 1;
            } else if (c != '-') {
                break;
            }
        }
        return last;
    }

    /** Class of the code point at {@code i}, with {@link CharClasses#PAIR} set when it is a surrogate pair. */
    int classAt(int i) {
        char c = buf[i];
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(buf[i + 1])) {
            return classify(Character.toCodePoint(c, buf[i + 1])) | PAIR;
        }
        return BMP[c];
    }

    /** Class of the code point at {@code i}, SEP past the end. */
    private int classOf(int i) {
        return i < length ? classAt(i) & CLASS_MASK : SEP;
    }
}

package org.docbench.core.token;

import org.tribuo.util.tokens.Token;
import org.tribuo.util.tokens.Tokenizer;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * docbench's fast tokenizer: a cursor over the text that follows the token spec of
 * {@link org.docbench.core.token this package} and allocates nothing per token.
 *
 * <p>{@link #reset} copies the text into a reused {@code char[]} (grown only when a longer text
 * arrives); {@link #advance} classifies characters through lookup tables (ASCII first, then a
 * table over the Basic Multilingual Plane, {@link Character} methods only for supplementary code
 * points) and writes the current token's term, lower-cased, into a reused buffer that
 * {@link #termBuffer()} exposes. {@link #getText()} allocates a String; the hot path reads
 * {@link #termBuffer()} and {@link #termLength()} instead.
 *
 * <p>Not thread-safe: use one instance per thread ({@link #clone()} or
 * {@link Tokenizer#createThreadLocal}). The buffers keep the size of the longest text seen.
 */
public final class FastTokenizer implements Tokenizer {

    // Character classes. Only LETTER, DIGIT and IDEO start a token; MARK continues one.
    static final byte SEP = 0;
    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    static final byte MARK = 3;
    static final byte IDEO = 4;

    /** Class of every BMP char; surrogates are SEP here and handled as pairs in {@link #classAt}. */
    private static final byte[] BMP = new byte[1 << 16];
    /** Chars that end a URL: whitespace, controls and {@code "<>`{}|\^}. */
    private static final boolean[] URL_STOP = new boolean[1 << 16];
    /** Lower-cased ASCII. */
    private static final char[] LOWER_ASCII = new char[128];

    static {
        for (int c = 0; c < (1 << 16); c++) {
            BMP[c] = Character.isSurrogate((char) c) ? SEP : classify(c);
            URL_STOP[c] = !Character.isSurrogate((char) c)
                    && (Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.CONTROL || "\"<>`{}|\\^".indexOf(c) >= 0);
        }
        for (int c = 0; c < 128; c++) {
            LOWER_ASCII[c] = (char) Character.toLowerCase(c);
        }
    }

    /** The class of one code point, from {@link Character}; used to fill the tables and for supplementary code points. */
    static byte classify(int cp) {
        if (Character.isLetter(cp)) {
            if (cp == 0x30FC || Character.isIdeographic(cp)) {
                return IDEO;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA ? IDEO : LETTER;
        }
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || cp == 0x200C || cp == 0x200D) {
            return MARK;
        }
        return SEP;
    }

    private static final int PAIR = 0x10; // flag in classAt's result: the code point takes two chars
    private static final int CLASS_MASK = 0x0F;

    private char[] buf = new char[256];
    private int length;
    private CharSequence text = "";
    private int pos;
    private int start = -1;
    private int end = -1;
    private char[] term = new char[64];
    private int termLength;

    // Results of scanRun, kept in fields so that scanning returns one int and allocates nothing.
    private boolean runHasDigit;
    private boolean runEndsWithDigit;
    private boolean runIsOneLetter;
    /** True while every char of the current token is one an e-mail local part may hold. */
    private boolean localOnly;

    /** A new tokenizer; {@link Tokenizers#fast()} says the same. */
    public FastTokenizer() {
    }

    @Override
    public void reset(CharSequence cs) {
        text = cs;
        int n = cs.length();
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
        }
        if (cs instanceof String s) {
            s.getChars(0, n, buf, 0);
        } else {
            for (int i = 0; i < n; i++) {
                buf[i] = cs.charAt(i);
            }
        }
        if (term.length < n) {
            // A term is never longer than its text (see the spec), so this bound lets the scan
            // write terms without a capacity check per char.
            term = new char[Math.max(n, term.length * 2)];
        }
        length = n;
        pos = 0;
        start = -1;
        end = -1;
        termLength = 0;
    }

    @Override
    public boolean advance() {
        final char[] b = buf;
        final int n = length;
        int i = pos;
        int cls;
        while (true) {
            if (i >= n) {
                pos = n;
                start = -1;
                end = -1;
                termLength = 0;
                return false;
            }
            char c = b[i];
            if (c < 128) {
                cls = BMP[c];
                if (cls != SEP) {
                    break;
                }
                i++;
            } else {
                int k = classAt(i);
                cls = k & CLASS_MASK;
                if (cls == LETTER || cls == DIGIT || cls == IDEO) {
                    break;
                }
                i += (k & PAIR) != 0 ? 2 : 1;
            }
        }
        start = i;
        int e = -1;
        if (i + 1 < n && mayStartUrl(b[i], b[i + 1])) {
            e = urlEnd(i);
        }
        if (e >= 0) {
            fillTerm(i, e);
        } else if (cls == IDEO) {
            e = skipMarks(i + Character.charCount(codePointAt(i)));
            fillTerm(i, e);
        } else {
            termLength = 0;
            e = wordEnd(i); // writes the term as it scans
            if (localOnly && e < n) {
                char s = b[e];
                // An address continues past the word only through '@' or a local-part char
                // followed by more address; a sentence-ending period is the common case, so
                // look one char further before the full e-mail scan.
                if (s == '@' || ((s == '.' || s == '_' || s == '-' || s == '+' || s == '%')
                        && e + 1 < n && (isLocalPartChar(b[e + 1]) || b[e + 1] == '@'))) {
                    int m = emailEnd(i);
                    if (m > 0) {
                        e = m;
                        fillTerm(i, e);
                    }
                }
            }
        }
        end = e;
        pos = e;
        return true;
    }

    /** Whether a token starting with {@code c0 c1} could be a URL ({@code http}, {@code https}, {@code ftp}, {@code www}). */
    private static boolean mayStartUrl(char c0, char c1) {
        c0 |= 0x20; // ASCII lower case; any other char stays no match below
        c1 |= 0x20;
        return ((c0 == 'h' || c0 == 'f') && c1 == 't') || (c0 == 'w' && c1 == 'w');
    }

    /** End of the word starting at {@code i} (a letter or digit), following the joiner rules. */
    private int wordEnd(int i) {
        final char[] b = buf;
        final int n = length;
        localOnly = true;
        i = scanRun(i);
        while (i < n) {
            char c = b[i];
            if (c == '\'' || c == '\u2019') {
                if (classOf(i + 1) != LETTER) {
                    break;
                }
                localOnly = false;
                term[termLength++] = '\'';
                i = scanRun(i + 1);
            } else if (c == '.') {
                int next = classOf(i + 1);
                if (!(runEndsWithDigit && next == DIGIT) && !(runIsOneLetter && next == LETTER)) {
                    break;
                }
                term[termLength++] = '.';
                i = scanRun(i + 1);
            } else if (c == ',') {
                if (!runEndsWithDigit || !thousandsGroupAt(i + 1)) {
                    break;
                }
                localOnly = false;
                term[termLength++] = ',';
                i = scanRun(i + 1);
            } else if (c == '-' || c == '\u2010' || c == '\u2011') {
                int next = classOf(i + 1);
                if ((next != LETTER && next != DIGIT) || !(runHasDigit || runHasDigitAt(i + 1))) {
                    break;
                }
                if (c != '-') {
                    localOnly = false;
                }
                term[termLength++] = '-';
                i = scanRun(i + 1);
            } else if (c == '(') {
                if (runEndsWithDigit) {
                    int after = parenSuffixesEnd(i);
                    if (after > i) {
                        localOnly = false;
                        for (int j = i; j < after; j++) {
                            term[termLength++] = LOWER_ASCII[buf[j]];
                        }
                        i = after;
                    }
                }
                break;
            } else {
                break;
            }
        }
        return i;
    }

    /** Scans a run of letters, digits and marks from {@code i}, appending its term chars; sets the run* fields. */
    private int scanRun(int i) {
        final char[] b = buf;
        final char[] t = term;
        final int n = length;
        final int runStart = i;
        int k = termLength;
        // ASCII fast loop: one table load, one store per char; class bits OR-ed so that
        // "has a digit" costs nothing per char (LETTER = 1, DIGIT = 2, MARK = 3 never ASCII).
        int seen = 0;
        while (i < n) {
            char c = b[i];
            if (c >= 128) {
                break;
            }
            int cls = BMP[c];
            if (cls == SEP) {
                termLength = k;
                runHasDigit = (seen & DIGIT) != 0;
                runEndsWithDigit = i > runStart && BMP[b[i - 1]] == DIGIT;
                runIsOneLetter = i - runStart == 1 && BMP[b[runStart]] == LETTER;
                return i;
            }
            seen |= cls;
            t[k++] = LOWER_ASCII[c];
            i++;
        }
        if (i >= n) {
            termLength = k;
            runHasDigit = (seen & DIGIT) != 0;
            runEndsWithDigit = i > runStart && BMP[b[i - 1]] == DIGIT;
            runIsOneLetter = i - runStart == 1 && BMP[b[runStart]] == LETTER;
            return i;
        }
        // A non-ASCII char: finish the run code point by code point.
        int count = i - runStart; // every char so far was ASCII, one code point each
        boolean digit = (seen & DIGIT) != 0;
        boolean lastDigit = i > runStart && BMP[b[i - 1]] == DIGIT;
        boolean firstLetter = i > runStart && BMP[b[runStart]] == LETTER;
        while (i < n) {
            char c = b[i];
            int cls;
            int len = 1;
            if (c < 128) {
                cls = BMP[c];
                if (cls == SEP) {
                    break;
                }
                t[k++] = LOWER_ASCII[c];
            } else {
                int kind = classAt(i);
                cls = kind & CLASS_MASK;
                if (cls != LETTER && cls != DIGIT && cls != MARK) {
                    break;
                }
                if ((kind & PAIR) != 0) {
                    len = 2;
                    k += Character.toChars(Character.toLowerCase(Character.toCodePoint(c, b[i + 1])), t, k);
                } else {
                    k += Character.toChars(Character.toLowerCase((int) c), t, k);
                }
                localOnly = false;
            }
            if (count == 0) {
                firstLetter = cls == LETTER;
            }
            count++;
            lastDigit = cls == DIGIT;
            digit |= lastDigit;
            i += len;
        }
        termLength = k;
        runHasDigit = digit;
        runEndsWithDigit = lastDigit;
        runIsOneLetter = count == 1 && firstLetter;
        return i;
    }

    /** Whether the run starting at {@code i} holds a digit (looks ahead without consuming). */
    private boolean runHasDigitAt(int i) {
        final int n = length;
        while (i < n) {
            int k = classAt(i);
            int cls = k & CLASS_MASK;
            if (cls == DIGIT) {
                return true;
            }
            if (cls != LETTER && cls != MARK) {
                return false;
            }
            i += (k & PAIR) != 0 ? 2 : 1;
        }
        return false;
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
            i += (k & PAIR) != 0 ? 2 : 1;
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
            i += (k & PAIR) != 0 ? 2 : 1;
        }
        return i;
    }

    /** End of the URL starting at {@code i}, or -1. */
    private int urlEnd(int i) {
        final char[] b = buf;
        final int n = length;
        int body;
        if (startsWithIgnoreCase(i, "https://")) {
            body = i + 8;
        } else if (startsWithIgnoreCase(i, "http://")) {
            body = i + 7;
        } else if (startsWithIgnoreCase(i, "ftp://")) {
            body = i + 6;
        } else if (startsWithIgnoreCase(i, "www.")) {
            body = i + 4;
        } else {
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

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLocalPartChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** Class of the code point at {@code i}, with {@link #PAIR} set when it is a surrogate pair. */
    private int classAt(int i) {
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

    private int codePointAt(int i) {
        return Character.codePointAt(buf, i, length);
    }

    private void fillTerm(int from, int to) {
        final char[] b = buf;
        if (term.length < (to - from)) {
            term = new char[Math.max(to - from, term.length * 2)];
        }
        final char[] t = term;
        int k = 0;
        for (int i = from; i < to; i++) {
            char c = b[i];
            if (c < 128) {
                t[k++] = LOWER_ASCII[c];
            } else if (c == '\u2019') {
                t[k++] = '\'';
            } else if (c == '\u2010' || c == '\u2011') {
                t[k++] = '-';
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(b[i + 1])) {
                int lower = Character.toLowerCase(Character.toCodePoint(c, b[i + 1]));
                k += Character.toChars(lower, t, k);
                i++;
            } else {
                int lower = Character.toLowerCase((int) c);
                k += Character.toChars(lower, t, k);
            }
        }
        termLength = k;
    }

    /**
     * The current token's term (lower-cased, see the token spec) in a buffer reused across tokens:
     * valid from index 0 up to {@link #termLength()}, until the next {@link #advance()} or
     * {@link #reset}.
     */
    public char[] termBuffer() {
        return term;
    }

    /** Length of the current term in {@link #termBuffer()}. */
    public int termLength() {
        return termLength;
    }

    /** The current term as a new String; allocates, for tests and convenience paths. */
    public String term() {
        return new String(term, 0, termLength);
    }

    /** The current token's text, {@code text.substring(getStart(), getEnd())}; allocates. */
    @Override
    public String getText() {
        return text.subSequence(start, end).toString();
    }

    @Override
    public int getStart() {
        return start;
    }

    @Override
    public int getEnd() {
        return end;
    }

    @Override
    public Token.TokenType getType() {
        return Token.TokenType.WORD;
    }

    /** A new tokenizer with fresh buffers; the state of this one is not copied. */
    @Override
    public FastTokenizer clone() {
        return new FastTokenizer();
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "Tokenizer");
    }

    @Override
    public String toString() {
        return "FastTokenizer";
    }
}

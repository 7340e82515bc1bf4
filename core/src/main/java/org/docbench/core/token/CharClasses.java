package org.docbench.core.token;

/**
 * The tokenizer's view of a char: its class (separator, letter, digit, mark, ideograph) by table
 * over the Basic Multilingual Plane, with {@link Character} consulted only to fill the tables and
 * for supplementary code points. Immutable, shared by every {@link FastTokenizer}.
 */
final class CharClasses {

    // Only LETTER, DIGIT and IDEO start a token; MARK continues one.
    static final byte SEP = 0;
    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    static final byte MARK = 3;
    static final byte IDEO = 4;

    /** Flag in {@link TokenRules#classAt}'s result: the code point takes two chars. */
    static final int PAIR = 0x10;
    static final int CLASS_MASK = 0x0F;

    /** Class of every BMP char; surrogates are SEP here and handled as pairs by the rules. */
    static final byte[] BMP = new byte[1 << 16];
    /**
     * For the word scan, by char: {@link #RUN_CHAR} for a letter, digit or mark, which a run goes
     * on through; {@link #RUN_STOP} for any other char but a surrogate; {@link #RUN_SURROGATE} for
     * a surrogate, whose pair decides.
     */
    static final byte[] RUN = new byte[1 << 16];
    static final byte RUN_STOP = 0;
    static final byte RUN_CHAR = 1;
    static final byte RUN_SURROGATE = 2;
    /** Chars that end a URL: whitespace, controls and {@code "<>`{}|\^}. */
    static final boolean[] URL_STOP = new boolean[1 << 16];
    /** Lower-cased ASCII. */
    static final char[] LOWER_ASCII = new char[128];
    /**
     * For the fast path, one load per char: an ASCII letter or digit as it enters the term, 0 for
     * every other char below 128 (none of which continues a word without the general scanner).
     * Entry {@code c} lower-cases, entry {@code 128 + c} keeps the case ({@link #CASE_KEPT}). One
     * static table, so the JIT knows its length and drops the bounds check on every char, and the
     * mode costs no work per char.
     */
    static final char[] ASCII_WORD_BY_CASE = new char[256];
    /** The offset into {@link #ASCII_WORD_BY_CASE} of the entries that keep the case. */
    static final int CASE_KEPT = 128;
    /**
     * Every char as it enters a lower-cased term: {@code ’} as {@code '}, the Unicode hyphens
     * {@code ‐ ‑} as {@code -}, any other char lower-cased (a BMP char lower-cases to one BMP
     * char). A surrogate maps to itself, except the high surrogates of cased letters, which map
     * to {@link #LOOK_AGAIN}: the tokenizer then lower-cases the term's pairs as code points.
     */
    static final char[] TERM_LOWER = new char[1 << 16];
    /** {@link #TERM_LOWER} for terms that keep their case: only the apostrophe and hyphens mapped. */
    static final char[] TERM_CASED = new char[1 << 16];

    /** Chars per call of {@link #fill}: a few hundred calls get it compiled early in class initialization. */
    private static final int FILL_BLOCK = 64;

    static {
        for (int from = 0; from < (1 << 16); from += FILL_BLOCK) {
            fill(from, from + FILL_BLOCK);
        }
        for (int c = 0; c < 128; c++) {
            LOWER_ASCII[c] = (char) Character.toLowerCase(c);
            ASCII_WORD_BY_CASE[c] = BMP[c] == SEP ? 0 : LOWER_ASCII[c];
            ASCII_WORD_BY_CASE[CASE_KEPT + c] = BMP[c] == SEP ? 0 : (char) c;
        }
        for (char c : new char[] {'\u2010', '\u2011'}) {
            TERM_LOWER[c] = '-';
            TERM_CASED[c] = '-';
        }
        TERM_LOWER['\u2019'] = '\'';
        TERM_CASED['\u2019'] = '\'';
        for (int from = 0; from < (1 << 16); from += FILL_BLOCK) {
            markCasedPairs(from, from + FILL_BLOCK);
        }
    }

    /**
     * What {@link #TERM_LOWER} gives a high surrogate that may start a letter with a lower case
     * (Deseret, Osage, Adlam and a few more scripts, all in plane 1), and U+FFFF: "look again",
     * the term goes through the exact loop. Every other surrogate maps to itself, which is what
     * lower-casing its pair gives, so a term with an emoji takes no branch of its own.
     */
    static final char LOOK_AGAIN = '\uFFFF';

    /**
     * Marks in {@link #TERM_LOWER} the high surrogates of the plane-1 code points
     * {@code 0x10000 + [from, to)} whose lower case differs (no code point above plane 1 has
     * one: {@code CharClassesTest} checks it on this JDK's Unicode data).
     */
    private static void markCasedPairs(int from, int to) {
        for (int c = from; c < to; c++) {
            int cp = 0x10000 + c;
            if (Character.toLowerCase(cp) != cp) {
                TERM_LOWER[Character.highSurrogate(cp)] = LOOK_AGAIN;
            }
        }
    }

    private CharClasses() {
    }

    /**
     * Fills the tables for the chars {@code [from, to)}. A method of its own, called per block: a
     * loop over all 65,536 chars in the static initializer would run almost all of it in the
     * interpreter (a loop is compiled on the stack only after some 60,000 iterations), where this
     * method is compiled after its first hundred calls.
     */
    private static void fill(int from, int to) {
        for (int c = from; c < to; c++) {
            BMP[c] = Character.isSurrogate((char) c) ? SEP : classify(c);
            int lower = Character.isSurrogate((char) c) ? c : Character.toLowerCase(c);
            if (!Character.isBmpCodePoint(lower) || lower == LOOK_AGAIN && c != LOOK_AGAIN) {
                throw new AssertionError("U+" + Integer.toHexString(c) + " lower-cases outside the BMP or to U+FFFF");
            }
            TERM_LOWER[c] = (char) lower;
            TERM_CASED[c] = (char) c;
            RUN[c] = Character.isSurrogate((char) c) ? RUN_SURROGATE
                    : BMP[c] == LETTER || BMP[c] == DIGIT || BMP[c] == MARK ? RUN_CHAR : RUN_STOP;
            URL_STOP[c] = !Character.isSurrogate((char) c)
                    && (Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.CONTROL || "\"<>`{}|\\^".indexOf(c) >= 0);
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

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isLocalPartChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}

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
    /** Chars that end a URL: whitespace, controls and {@code "<>`{}|\^}. */
    static final boolean[] URL_STOP = new boolean[1 << 16];
    /** Lower-cased ASCII. */
    static final char[] LOWER_ASCII = new char[128];
    /**
     * For the fast path, one load per char: an ASCII letter or digit lower-cased, 0 for every
     * other char below 128 (none of which continues a word without the general scanner).
     * Indexed by the low 7 bits; the caller has checked that the char is ASCII.
     */
    static final char[] ASCII_WORD = new char[128];
    /** ASCII as it is: the term table of a tokenizer that keeps case. */
    static final char[] SAME_ASCII = new char[128];

    static {
        for (int c = 0; c < (1 << 16); c++) {
            BMP[c] = Character.isSurrogate((char) c) ? SEP : classify(c);
            URL_STOP[c] = !Character.isSurrogate((char) c)
                    && (Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.CONTROL || "\"<>`{}|\\^".indexOf(c) >= 0);
        }
        for (int c = 0; c < 128; c++) {
            LOWER_ASCII[c] = (char) Character.toLowerCase(c);
            ASCII_WORD[c] = BMP[c] == SEP ? 0 : LOWER_ASCII[c];
            SAME_ASCII[c] = (char) c;
        }
    }

    private CharClasses() {
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

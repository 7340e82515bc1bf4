package org.docbench.core.token;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tribuo.util.tokens.Token;
import org.tribuo.util.tokens.Tokenizer;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * The token spec of {@link org.docbench.core.token this package}, written to be read rather than
 * to be fast: the text becomes an array of code points, classes come from regular-expression
 * Unicode properties, URLs and e-mail addresses from regular expressions, and each rule of the
 * spec is one plain branch. {@link #reset} tokenizes the whole text into a list of Strings.
 *
 * <p>Tests hold {@link FastTokenizer} to this class token for token. Not thread-safe: use one
 * instance per thread.
 */
public final class ReferenceTokenizer implements Tokenizer {

    private enum Kind { LETTER, DIGIT, MARK, IDEOGRAPH, OTHER }

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern IDEOGRAPH = Pattern.compile(
            "[\\p{IsIdeographic}\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\x{30FC}]");
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Pattern MARK = Pattern.compile("[\\p{M}\\x{200C}\\x{200D}]");

    private static final Pattern URL = Pattern.compile(
            "(?:[hH][tT][tT][pP][sS]?://|[fF][tT][pP]://|[wW][wW][wW]\\.)"
            + "[^\\p{javaWhitespace}\\p{javaSpaceChar}\\p{Cc}\"<>`{}|\\\\^]*");
    private static final String URL_TRAILERS = ".,;:!?'\")]}";
    private static final Pattern URL_PREFIX = Pattern.compile(
            "(?:[hH][tT][tT][pP][sS]?://|[fF][tT][pP]://|[wW][wW][wW]\\.)");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._%+\\-]*@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+");
    private static final Pattern PAREN_SUFFIXES = Pattern.compile("(?:\\([A-Za-z0-9]{1,3}\\))+");

    /** One token: offsets into the text, its text and its term. */
    public record RefToken(int start, int end, String text, String term) {
    }

    private List<RefToken> tokens = List.of();
    private int index = -1;

    /** A new tokenizer; {@link Tokenizers#reference()} says the same. */
    public ReferenceTokenizer() {
    }

    /** Every token of {@code text}, by the spec. */
    public static List<RefToken> tokens(String text) {
        int[] cps = text.codePoints().toArray();
        int[] offset = new int[cps.length + 1]; // char offset of each code point, then the length
        for (int i = 0, o = 0; i <= cps.length; i++) {
            offset[i] = o;
            if (i < cps.length) {
                o += Character.charCount(cps[i]);
            }
        }
        List<RefToken> out = new ArrayList<>();
        int p = 0;
        while (p < cps.length) {
            Kind k = kind(cps[p]);
            if (k != Kind.LETTER && k != Kind.DIGIT && k != Kind.IDEOGRAPH) {
                p++;
                continue;
            }
            int endChar = url(text, offset[p]);
            if (endChar < 0) {
                endChar = email(text, offset[p]);
            }
            int q;
            if (endChar >= 0) {
                q = indexOf(offset, endChar);
            } else if (k == Kind.IDEOGRAPH) {
                q = p + 1;
                while (q < cps.length && kind(cps[q]) == Kind.MARK) {
                    q++;
                }
            } else {
                q = word(text, cps, offset, p);
            }
            String t = text.substring(offset[p], offset[q]);
            out.add(new RefToken(offset[p], offset[q], t, term(t)));
            p = q;
        }
        return out;
    }

    /** End (in code points) of the word starting at {@code p}. */
    private static int word(String text, int[] cps, int[] offset, int p) {
        int runStart = p;
        int q = run(cps, p);
        while (q < cps.length) {
            int c = cps[q];
            int last = cps[q - 1];
            boolean joins;
            if (c == '\'' || c == 0x2019) {
                joins = kindAt(cps, q + 1) == Kind.LETTER;
            } else if (c == '.') {
                boolean decimal = kind(last) == Kind.DIGIT && kindAt(cps, q + 1) == Kind.DIGIT;
                boolean initial = q - runStart == 1 && kind(last) == Kind.LETTER && kindAt(cps, q + 1) == Kind.LETTER;
                joins = decimal || initial;
            } else if (c == ',') {
                joins = kind(last) == Kind.DIGIT && kindAt(cps, q + 1) == Kind.DIGIT && kindAt(cps, q + 2) == Kind.DIGIT
                        && kindAt(cps, q + 3) == Kind.DIGIT && kindAt(cps, q + 4) != Kind.DIGIT;
            } else if (c == '-' || c == 0x2010 || c == 0x2011) {
                Kind next = kindAt(cps, q + 1);
                joins = (next == Kind.LETTER || next == Kind.DIGIT)
                        && (hasDigit(cps, runStart, q) || hasDigit(cps, q + 1, run(cps, q + 1)));
            } else if (c == '(' && kind(last) == Kind.DIGIT) {
                Matcher m = PAREN_SUFFIXES.matcher(text).region(offset[q], text.length());
                if (m.lookingAt()) {
                    q = indexOf(offset, m.end());
                }
                return q;
            } else {
                joins = false;
            }
            if (!joins) {
                break;
            }
            runStart = q + 1;
            q = run(cps, q + 1);
        }
        return q;
    }

    /** End of the run of letters, digits and marks starting at {@code p}. */
    private static int run(int[] cps, int p) {
        int q = p;
        while (q < cps.length) {
            Kind k = kind(cps[q]);
            if (k != Kind.LETTER && k != Kind.DIGIT && k != Kind.MARK) {
                break;
            }
            q++;
        }
        return q;
    }

    private static boolean hasDigit(int[] cps, int from, int to) {
        for (int i = from; i < to; i++) {
            if (kind(cps[i]) == Kind.DIGIT) {
                return true;
            }
        }
        return false;
    }

    /** End (in chars) of a URL at {@code from}, or -1. */
    private static int url(String text, int from) {
        Matcher m = URL.matcher(text).region(from, text.length());
        if (!m.lookingAt()) {
            return -1;
        }
        Matcher prefix = URL_PREFIX.matcher(text).region(from, text.length());
        prefix.lookingAt();
        int bodyStart = prefix.end();
        int end = m.end();
        while (end > bodyStart && URL_TRAILERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > bodyStart ? end : -1;
    }

    /** End (in chars) of an e-mail address at {@code from}, or -1. */
    private static int email(String text, int from) {
        Matcher m = EMAIL.matcher(text).region(from, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    /** The term of a token's text: see the token spec. */
    public static String term(String tokenText) {
        return term(tokenText, true);
    }

    /** The term of a token's text, lower-cased or keeping its case. */
    public static String term(String tokenText, boolean lowercase) {
        StringBuilder sb = new StringBuilder(tokenText.length());
        tokenText.codePoints().forEach(cp -> {
            if (cp == 0x2019) {
                sb.append('\'');
            } else if (cp == 0x2010 || cp == 0x2011) {
                sb.append('-');
            } else {
                sb.appendCodePoint(lowercase ? Character.toLowerCase(cp) : cp);
            }
        });
        return sb.toString();
    }

    private static int indexOf(int[] offset, int charOffset) {
        int i = java.util.Arrays.binarySearch(offset, charOffset);
        if (i < 0) {
            throw new IllegalStateException("offset " + charOffset + " splits a surrogate pair");
        }
        return i;
    }

    private static Kind kindAt(int[] cps, int i) {
        return i < cps.length ? kind(cps[i]) : Kind.OTHER;
    }

    private static final Kind[] KIND_VALUES = Kind.values();

    /** Cache of kinds by code point; 0 = not computed yet. Races only write equal values. */
    private static final byte[] KINDS = new byte[Character.MAX_CODE_POINT + 1];

    private static Kind kind(int cp) {
        byte cached = KINDS[cp];
        if (cached != 0) {
            return KIND_VALUES[cached - 1];
        }
        String s = new String(Character.toChars(cp));
        Kind k;
        if (LETTER.matcher(s).matches()) {
            k = IDEOGRAPH.matcher(s).matches() ? Kind.IDEOGRAPH : Kind.LETTER;
        } else if (DIGIT.matcher(s).matches()) {
            k = Kind.DIGIT;
        } else if (MARK.matcher(s).matches()) {
            k = Kind.MARK;
        } else {
            k = Kind.OTHER;
        }
        KINDS[cp] = (byte) (k.ordinal() + 1);
        return k;
    }

    @Override
    public void reset(CharSequence cs) {
        tokens = tokens(cs.toString());
        index = -1;
    }

    @Override
    public boolean advance() {
        if (index + 1 >= tokens.size()) {
            index = tokens.size();
            return false;
        }
        index++;
        return true;
    }

    private RefToken current() {
        if (index < 0 || index >= tokens.size()) {
            throw new IllegalStateException("no current token: call advance() first and check that it returned true");
        }
        return tokens.get(index);
    }

    @Override
    public String getText() {
        return current().text();
    }

    /** The current token's term (lower-cased, see the token spec). */
    public String term() {
        return current().term();
    }

    @Override
    public int getStart() {
        return current().start();
    }

    @Override
    public int getEnd() {
        return current().end();
    }

    @Override
    public Token.TokenType getType() {
        return Token.TokenType.WORD;
    }

    @Override
    public ReferenceTokenizer clone() {
        return new ReferenceTokenizer();
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "Tokenizer");
    }

    @Override
    public String toString() {
        return "ReferenceTokenizer";
    }
}

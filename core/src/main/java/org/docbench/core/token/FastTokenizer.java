package org.docbench.core.token;

import org.tribuo.util.tokens.Token;
import org.tribuo.util.tokens.Tokenizer;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * docbench's fast tokenizer: a cursor over the text that allocates nothing per token. Tokens
 * are maximal runs of letters and digits; {@link #termBuffer()} holds the current token
 * lower-cased with {@code Locale.ROOT} rules, reused across tokens.
 *
 * <p>Not thread-safe: use one instance per thread ({@link #clone()} or {@link Tokenizer#createThreadLocal}).
 */
public final class FastTokenizer implements Tokenizer {

    private CharSequence text = "";
    private int pos;
    private int start = -1;
    private int end = -1;
    private char[] term = new char[64];
    private int termLength;

    @Override
    public void reset(CharSequence cs) {
        text = cs;
        pos = 0;
        start = -1;
        end = -1;
        termLength = 0;
    }

    @Override
    public boolean advance() {
        final CharSequence t = text;
        final int n = t.length();
        int i = pos;
        while (i < n) {
            int cp = Character.codePointAt(t, i);
            if (Character.isLetterOrDigit(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i >= n) {
            pos = n;
            return false;
        }
        start = i;
        termLength = 0;
        while (i < n) {
            int cp = Character.codePointAt(t, i);
            if (!Character.isLetterOrDigit(cp)) {
                break;
            }
            appendLower(cp);
            i += Character.charCount(cp);
        }
        end = i;
        pos = i;
        return true;
    }

    private void appendLower(int cp) {
        int lower = Character.toLowerCase(cp);
        if (termLength + 2 > term.length) {
            term = java.util.Arrays.copyOf(term, term.length * 2);
        }
        termLength += Character.toChars(lower, term, termLength);
    }

    /** The current token, lower-cased, in a buffer reused across tokens: valid up to {@link #termLength()}. */
    public char[] termBuffer() {
        return term;
    }

    public int termLength() {
        return termLength;
    }

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

    @Override
    public FastTokenizer clone() {
        return new FastTokenizer();
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "Tokenizer");
    }
}

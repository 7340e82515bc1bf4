package org.docbench.core.token;

import org.tribuo.util.tokens.Tokenizer;

/**
 * Named factories for docbench's tokenizers. Each call returns a new instance: tokenizers are
 * cursors and not thread-safe, so give each thread its own (or use
 * {@link Tokenizer#createThreadLocal}).
 */
public final class Tokenizers {

    private Tokenizers() {
    }

    /** The allocation-free tokenizer for training and inference (see the token spec). */
    public static FastTokenizer fast() {
        return new FastTokenizer();
    }

    /** {@link #fast()} with terms that keep their case ({@code Border} and {@code border} differ). */
    public static FastTokenizer fastKeepingCase() {
        return new FastTokenizer(false);
    }

    /** The fast tokenizer, lower-casing terms or not. */
    public static FastTokenizer fast(boolean lowercase) {
        return new FastTokenizer(lowercase);
    }

    /**
     * Whether {@code term} can be the term of a URL or an e-mail address: it starts with a URL
     * prefix ({@code http://}, {@code https://}, {@code ftp://}, {@code www.}) in any case, or
     * holds {@code @}. Those are the only tokens whose terms may hold {@code _}: every other token
     * is letters, digits, marks and the word joiners of the token spec. True for some terms no
     * token has, never false for a term some token has.
     */
    public static boolean mayBeUrlOrEmail(String term) {
        if (term.indexOf('@') >= 0) {
            return true;
        }
        for (String prefix : TokenRules.URL_PREFIXES) {
            if (term.length() > prefix.length() && term.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** The slow, plainly written tokenizer of the same spec, for tests and for checking. */
    public static ReferenceTokenizer reference() {
        return new ReferenceTokenizer();
    }
}

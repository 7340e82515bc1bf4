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

    /** The slow, plainly written tokenizer of the same spec, for tests and for checking. */
    public static ReferenceTokenizer reference() {
        return new ReferenceTokenizer();
    }
}

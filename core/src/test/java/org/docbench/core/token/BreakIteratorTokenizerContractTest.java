package org.docbench.core.token;

import java.util.Locale;

import org.tribuo.util.tokens.Tokenizer;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;

/**
 * Tribuo's own {@link BreakIteratorTokenizer} under the same contract: a sanity check of the
 * contract test itself (a tokenizer the field relies on should pass it).
 */
class BreakIteratorTokenizerContractTest extends TokenizerContractTest {

    @Override
    protected Tokenizer newTokenizer() {
        return new BreakIteratorTokenizer(Locale.ROOT);
    }

    @Override
    protected int floodSize() {
        return 1000;
    }
}

package org.docbench.core.token;

import org.tribuo.util.tokens.Tokenizer;

/** {@link ReferenceTokenizer} keeps the tokenizer contract. */
class ReferenceTokenizerContractTest extends TokenizerContractTest {

    @Override
    protected Tokenizer newTokenizer() {
        return Tokenizers.reference();
    }
}

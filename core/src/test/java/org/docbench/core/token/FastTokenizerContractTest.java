package org.docbench.core.token;

import org.tribuo.util.tokens.Tokenizer;

/** {@link FastTokenizer} keeps the tokenizer contract. */
class FastTokenizerContractTest extends TokenizerContractTest {

    @Override
    protected Tokenizer newTokenizer() {
        return Tokenizers.fast();
    }
}

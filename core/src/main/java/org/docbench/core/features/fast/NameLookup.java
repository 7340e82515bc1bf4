package org.docbench.core.features.fast;

import org.docbench.core.features.FeatureNames;
import org.docbench.core.features.FeatureSpec;
import org.docbench.core.token.FastTokenizer;

/**
 * The lookup for any spec (longer word n-grams, char n-grams, hashing): each n-gram's name is
 * assembled in the scratch's reused char buffer and looked up whole in the
 * {@link CompiledVocabulary}. Immutable and thread-safe; per-document state lives in the
 * {@link Scratch}.
 */
final class NameLookup {

    private final CompiledVocabulary vocabulary;
    private final int maxNgram;
    private final int minCharNgram;
    private final int maxCharNgram;

    NameLookup(CompiledVocabulary vocabulary, FeatureSpec spec) {
        this.vocabulary = vocabulary;
        this.maxNgram = spec.maxNgram();
        this.minCharNgram = spec.minCharNgram();
        this.maxCharNgram = spec.maxCharNgram();
    }

    /**
     * Counts the features of any spec by name: each word n-gram ending at a token is assembled
     * from the terms' offsets and looked up whole, and char n-grams likewise. Specs of word
     * unigrams and bigrams take the faster {@link WordIdLookup} instead.
     */
    int scan(CharSequence normalizedText, Scratch s) {
        FastTokenizer tok = s.tokenizer;
        tok.reset(normalizedText);
        final int maxN = maxNgram;
        final boolean chars = maxCharNgram > 0;
        while (tok.advance()) {
            char[] term = tok.termBuffer();
            int termLength = tok.termLength();
            s.pushTerm(tok.getStart(), tok.getEnd());
            // Word n-grams ending at this token: the extractor emits n-grams starting at each
            // token, which is the same multiset.
            int have = s.termCount;
            for (int n = 1; n <= maxN && n <= have; n++) {
                int len = s.assembleWordGram(n, tok);
                count(s, s.key, len);
            }
            if (chars) {
                charGrams(s, term, termLength);
            }
        }
        return s.touchedCount;
    }

    private void charGrams(Scratch s, char[] term, int termLength) {
        int padded = termLength + 2;
        char[] key = s.ensureKey(FeatureNames.PREFIX_LENGTH + Math.min(padded, maxCharNgram));
        for (int n = minCharNgram; n <= maxCharNgram; n++) {
            for (int start = 0; start + n <= padded; start++) {
                int at = FeatureNames.putCharPrefix(key);
                for (int j = 0; j < n; j++) {
                    int p = start + j;
                    key[at + j] = (p == 0 || p == padded - 1) ? FeatureNames.PAD : term[p - 1];
                }
                count(s, key, at + n);
            }
        }
    }

    private void count(Scratch s, char[] key, int len) {
        int index = vocabulary.lookup(key, len);
        if (index >= 0) {
            s.add(index);
        }
    }
}

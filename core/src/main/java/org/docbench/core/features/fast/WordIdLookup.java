package org.docbench.core.features.fast;

import static org.docbench.core.features.fast.WordTables.NO_WORD;

import org.docbench.core.token.FastTokenizer;
import org.docbench.core.token.TokenSpans;

/**
 * The lookup of the common specs, word unigrams and bigrams with no char n-grams: each term is
 * looked up once by word id ({@link WordTables}), a short plain word by the two-{@code long} key
 * the tokenizer cut ({@link ShortKeyTable}), any other by its chars ({@link CharKeyTable}), and a
 * bigram by its pair of ids ({@link PairTable}). Immutable and thread-safe; per-document state
 * lives in the {@link Scratch}.
 */
final class WordIdLookup {

    private final WordTables words;
    private final int[] unigram;
    private final PairTable bigrams;
    private final ShortKeyTable shortWords;
    /** "No feature": the slot one past the last. */
    private final int none;
    /** Bigrams too, not unigrams only. */
    private final boolean pairs;

    WordIdLookup(CompiledVocabulary vocabulary, WordTables words, int maxNgram) {
        this.words = words;
        this.unigram = words.unigram();
        this.bigrams = words.bigrams();
        this.shortWords = words.shortWords();
        this.none = vocabulary.featureCount();
        this.pairs = maxNgram == 2;
    }

    /**
     * Writes the slot of every known feature occurrence,
     * in text order, into {@code s.occurrences}; returns how many.
     *
     * <p>In phases, each a short loop over the tokens: tokenize the whole text
     * ({@link FastTokenizer#tokenizeAll}, which gives a short plain word's key), then look up the
     * words (by key, or by chars for the few without one), then the bigrams. The tables of a
     * large vocabulary are megabytes, so most lookups miss the cache; in a loop of a few
     * instructions per token the processor has the loads of many tokens in flight at once, where
     * a loop that also tokenizes has room for one or two.
     */
    int occurrences(CharSequence normalizedText, Scratch s) {
        final FastTokenizer tok = s.tokenizer;
        tok.reset(normalizedText);
        final TokenSpans spans = s.spans;
        final int n = tok.tokenizeAll(spans);
        s.ensureTokens(n);
        final long[] keys = spans.keys();
        final long[] highKeys = spans.highKeys();
        final int[] starts = spans.starts();
        final int[] ends = spans.ends();
        final int[] ids = s.ids;
        final int[] unis = s.unigrams;
        final int none = this.none;

        // A term is never longer than its text, so the key buffer is sized here once per text and
        // the loop tests no size.
        final char[] term = s.ensureKey(normalizedText.length());
        final ShortKeyTable shortWords = this.shortWords;
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            if (key != 0) {
                long v = shortWords.get(key, highKeys[i]); // absent: NO_WORD and none
                ids[i] = (int) (v >> 32);
                unis[i] = (int) v;
            } else {
                int id = words.wordId(term, tok.termOf(starts[i], ends[i], term, 0));
                ids[i] = id;
                unis[i] = id >= 0 && unigram[id] >= 0 ? unigram[id] : none;
            }
        }

        // "No feature" is the slot one past the last; an occurrence is kept by advancing past it
        // when it is a real feature, with no branch on what the lookups found (a coin toss for
        // bigrams, which no predictor guesses).
        final int[] occ = s.occurrences;
        final PairTable bigrams = this.bigrams;
        final boolean pairs = this.pairs;
        int at = 0;
        int previous = NO_WORD;
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            int u = unis[i]; // none for an unknown term
            occ[at] = u;
            at += (u - none) >>> 31;
            if (pairs) {
                int b = bigrams.get(previous, id); // none if either id is NO_WORD
                occ[at] = b;
                at += (b - none) >>> 31;
            }
            previous = id;
        }
        return at;
    }
}

package org.docbench.core.token;

/**
 * Every token of one text, as {@link FastTokenizer#tokenizeAll} leaves them: parallel arrays of
 * offsets and keys, valid up to {@link #count()}. Reused from text to text; the arrays grow to the
 * longest text seen and are replaced when they do, so read them after each call. Not thread-safe.
 */
public final class TokenSpans {
    int[] starts = new int[0];
    int[] ends = new int[0];
    long[] keys = new long[0];
    long[] highKeys = new long[0];
    int count;

    /** Room for {@code tokens} tokens. */
    void ensure(int tokens) {
        if (starts.length < tokens) {
            int n = Math.max(tokens, 2 * starts.length);
            starts = new int[n];
            ends = new int[n];
            keys = new long[n];
            highKeys = new long[n];
        }
    }

    /** Number of tokens of the last {@link FastTokenizer#tokenizeAll}. */
    public int count() {
        return count;
    }

    /** Where each token starts in the text. */
    public int[] starts() {
        return starts;
    }

    /** Where each token ends in the text (exclusive). */
    public int[] ends() {
        return ends;
    }

    /** Each token's {@link FastTokenizer#termKey key}, 0 for a token that has none. */
    public long[] keys() {
        return keys;
    }

    /** The high half of each token's key ({@link FastTokenizer#termKeyHigh}), 0 where it has none. */
    public long[] highKeys() {
        return highKeys;
    }
}

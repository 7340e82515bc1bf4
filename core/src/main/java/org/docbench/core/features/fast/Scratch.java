package org.docbench.core.features.fast;

import java.util.Arrays;

import org.docbench.core.features.FeatureNames;
import org.docbench.core.features.FeatureSpec;
import org.docbench.core.features.Weights;
import org.docbench.core.token.FastTokenizer;
import org.docbench.core.token.TokenSpans;

/**
 * Per-thread buffers for {@link FastFeatures#extract} and {@link FastFeatures#score}: the
 * tokenizer, the counts by slot, the tokens of the current text and the feature occurrences
 * found, and the two dot products of scoring. Grows to the largest document seen and allocates
 * nothing after that. Not thread-safe: one per thread, from {@link FastFeatures#newScratch}.
 */
public final class Scratch {
    final FastTokenizer tokenizer;
    private final int[] counts;
    private int[] touched = new int[256];
    int touchedCount;
    private int[] indices = new int[256];
    private double[] values = new double[256];
    // Where the last maxNgram tokens are in the text: a word n-gram looked up by name gets
    // its terms back from the tokenizer, so the common path keeps two ints per token.
    private final int[] ringStart;
    private final int[] ringEnd;
    private int ringHead;
    int termCount;
    char[] key = new char[128];

    Scratch(int features, int maxN, boolean lowercase) {
        tokenizer = new FastTokenizer(lowercase);
        counts = new int[features];
        ringStart = new int[maxN];
        ringEnd = new int[maxN];
    }

    void clear() {
        for (int i = 0; i < touchedCount; i++) {
            counts[touched[i]] = 0;
        }
        touchedCount = 0;
        termCount = 0;
        ringHead = 0;
    }

    void pushTerm(int start, int end) {
        ringHead = ringHead + 1 == ringStart.length ? 0 : ringHead + 1;
        ringStart[ringHead] = start;
        ringEnd[ringHead] = end;
        termCount++;
    }

    /** Writes {@code w=t(-n+1)_..._t0} into {@link #key}; returns its length. */
    int assembleWordGram(int n, FastTokenizer tok) {
        int most = FeatureNames.PREFIX_LENGTH + n - 1;
        for (int k = n - 1; k >= 0; k--) {
            most += ringEnd[slot(k)] - ringStart[slot(k)]; // a term is never longer than its text
        }
        char[] kb = ensureKey(most);
        int at = FeatureNames.putWordPrefix(kb);
        for (int k = n - 1; k >= 0; k--) {
            if (k != n - 1) {
                kb[at++] = FeatureNames.JOINER;
            }
            int s = slot(k);
            at += tok.termOf(ringStart[s], ringEnd[s], kb, at);
        }
        return at;
    }

    /** The ring slot of the term {@code back} positions before the newest (0 = newest). */
    private int slot(int back) {
        int s = ringHead - back;
        return s < 0 ? s + ringStart.length : s;
    }

    char[] ensureKey(int len) {
        if (key.length < len) {
            key = new char[Math.max(len, key.length * 2)];
        }
        return key;
    }

    private double sumOfSquares;

    void add(int index) {
        if (counts[index]++ == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = index;
        }
    }

    // Per token of the current text, for WordIdLookup.occurrences: offsets and keys, then
    // word id and unigram slot; and the feature occurrences found.
    final TokenSpans spans = new TokenSpans();
    int[] ids = new int[0];
    int[] unigrams = new int[0];
    int[] occurrences = new int[0];

    /** Grows the per-token buffers to {@code tokens} tokens (occurrences: two per token). */
    void ensureTokens(int tokens) {
        if (ids.length < tokens) {
            int n = Math.max(tokens, 2 * ids.length);
            ids = new int[n];
            unigrams = new int[n];
            occurrences = new int[2 * n];
        }
    }

    /** Counts the first {@code n} {@link #occurrences} by slot; returns the number of distinct features. */
    int tally(int n) {
        for (int i = 0; i < n; i++) {
            add(occurrences[i]);
        }
        return touchedCount;
    }

    /**
     * {@link FastFeatures#score} over the first {@code n} {@link #occurrences}: the dot product
     * is linear in the counts, so each occurrence adds its row (weights times the scale), and
     * the sum of squares of a feature's value grows by {@code (2c + 1) scale^2} when its count
     * goes from c to c + 1.
     * The rows are independent loads, so their cache misses overlap. Leaves the counts at 0;
     * returns the number of distinct features.
     */
    int dotOccurrences(int n, float[] rows, int labels, double[] sums, boolean binary) {
        final int[] occ = occurrences;
        final int[] c = counts;
        int distinct = 0;
        double squares = 0;
        if (labels == 3 && !binary) {
            // The usual stance task, unrolled so the three sums stay in registers.
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                int f = occ[i];
                int k = c[f];
                c[f] = k + 1;
                distinct += (k - 1) >>> 31;
                int row = f * 4;
                squares += (2 * k + 1) * (double) rows[row];
                s0 += rows[row + 1];
                s1 += rows[row + 2];
                s2 += rows[row + 3];
            }
            sums[0] = s0;
            sums[1] = s1;
            sums[2] = s2;
        } else {
            final int stride = labels + 1;
            Arrays.fill(sums, 0, labels, 0.0);
            for (int i = 0; i < n; i++) {
                int f = occ[i];
                int k = c[f];
                c[f] = k + 1;
                distinct += (k - 1) >>> 31;
                int row = f * stride;
                // Binary weighting counts a feature once, at its first occurrence.
                double x = binary ? (k == 0 ? 1 : 0) : 1;
                squares += (binary ? x : 2 * k + 1) * rows[row];
                for (int l = 0; l < labels; l++) {
                    sums[l] += x * rows[row + 1 + l];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            c[occ[i]] = 0;
        }
        sumOfSquares = squares;
        return distinct;
    }

    /**
     * {@link FastFeatures#score} after the general scan (specs off the hot path: longer n-grams,
     * char n-grams, hashing, sublinear counts): each distinct feature's row, once, times its
     * value ({@code 1 + ln c} when sublinear, {@link Weights#tf}).
     */
    int dot(float[] rows, int labels, double[] sums, boolean binary, boolean sublinear) {
        final int[] t = touched;
        final int[] c = counts;
        final int n = touchedCount;
        final int stride = labels + 1;
        double squares = 0;
        Arrays.fill(sums, 0, labels, 0.0);
        for (int i = 0; i < n; i++) {
            int f = t[i];
            int row = f * stride;
            double x = binary ? 1 : Weights.tf(sublinear, c[f]);
            squares += x * x * rows[row];
            for (int l = 0; l < labels; l++) {
                sums[l] += x * rows[row + 1 + l];
            }
        }
        sumOfSquares = squares;
        return n;
    }

    /** After {@link FastFeatures#score}: the sum of the squared TF-IDF values, for the L2 norm. */
    public double sumOfSquares() {
        return sumOfSquares;
    }

    int finish(FeatureSpec spec, double[] idf, int[] slotFeature) {
        FeatureSpec.Weighting weighting = spec.weighting();
        if (indices.length < touchedCount) {
            indices = new int[touched.length];
            values = new double[touched.length];
        }
        double norm = 0;
        for (int i = 0; i < touchedCount; i++) {
            int f = touched[i];
            indices[i] = slotFeature[f];
            double v = Weights.value(spec, counts[f], idf[f]);
            values[i] = v;
            norm += v * v;
        }
        Weights.normalize(weighting, values, touchedCount, norm);
        return touchedCount;
    }

    /** Feature indices (the extractor's) of the last {@link FastFeatures#extract}, valid up to its return value. */
    public int[] indices() {
        return indices;
    }

    /** Weights of the last extraction, parallel to {@link #indices()}. */
    public double[] values() {
        return values;
    }
}

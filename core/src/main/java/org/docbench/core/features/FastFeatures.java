package org.docbench.core.features;

import java.util.Arrays;

import org.docbench.core.token.FastTokenizer;

/**
 * The allocation-free twin of {@link FeatureExtractor}: the same features, extracted straight
 * from token buffers into primitive arrays. N-gram keys are assembled in a reused char buffer
 * and looked up in a {@link CharKeyTable} (or hashed into buckets when the spec hashes), counts
 * accumulate in an int array indexed by feature, and weights follow the extractor's rules.
 *
 * <p>The tables are immutable and shared; all per-document state lives in a {@link Scratch},
 * which is not thread-safe: use one per thread. Equivalence with {@link FeatureExtractor#features}
 * is checked by tests on whole corpora.
 */
public final class FastFeatures {

    private final FeatureSpec spec;
    private final CharKeyTable table;       // name -> vocabulary index (vocabulary mode)
    private final int[] bucketToIndex;      // bucket -> vocabulary index or -1 (hashing mode)
    private final double[] idf;
    private final int featureCount;

    FastFeatures(FeatureSpec spec, String[] names, int[] indices, double[] idf) {
        this.spec = spec;
        this.idf = idf;
        this.featureCount = idf.length;
        if (spec.hashBits() > 0) {
            bucketToIndex = new int[1 << spec.hashBits()];
            Arrays.fill(bucketToIndex, -1);
            for (int i = 0; i < names.length; i++) {
                bucketToIndex[Integer.parseInt(names[i].substring(2))] = indices[i];
            }
            table = null;
        } else {
            table = new CharKeyTable(names, indices);
            bucketToIndex = null;
        }
    }

    /** Number of features, the length of the vectors {@link #extract} produces indices into. */
    public int featureCount() {
        return featureCount;
    }

    /** A fresh per-thread workspace. */
    public Scratch newScratch() {
        return new Scratch(featureCount, spec.maxNgram());
    }

    /**
     * Extracts the weighted features of already-normalized text into {@code s.indices()} and
     * {@code s.values()}, in first-seen order; returns how many. Allocates nothing once the
     * scratch buffers have grown to the largest document seen.
     */
    public int extract(CharSequence normalizedText, Scratch s) {
        s.clear();
        FastTokenizer tok = s.tokenizer;
        tok.reset(normalizedText);
        final int maxN = spec.maxNgram();
        while (tok.advance()) {
            s.pushTerm(tok.termBuffer(), tok.termLength());
            // Word n-grams ending at this token: the extractor emits n-grams starting at each
            // token, which is the same multiset.
            int have = s.termCount;
            for (int n = 1; n <= maxN && n <= have; n++) {
                int len = s.assembleWordGram(n);
                count(s, s.key, len);
            }
            if (spec.maxCharNgram() > 0) {
                charGrams(s, tok.termBuffer(), tok.termLength());
            }
        }
        return s.finish(spec.weighting(), idf);
    }

    private void charGrams(Scratch s, char[] term, int termLength) {
        int padded = termLength + 2;
        char[] key = s.ensureKey(2 + Math.min(padded, spec.maxCharNgram()));
        for (int n = spec.minCharNgram(); n <= spec.maxCharNgram(); n++) {
            for (int start = 0; start + n <= padded; start++) {
                key[0] = 'c';
                key[1] = '=';
                for (int j = 0; j < n; j++) {
                    int p = start + j;
                    key[2 + j] = (p == 0 || p == padded - 1) ? '_' : term[p - 1];
                }
                count(s, key, 2 + n);
            }
        }
    }

    private void count(Scratch s, char[] key, int len) {
        int index;
        if (bucketToIndex != null) {
            index = bucketToIndex[CharKeyTable.hash(key, 0, len) & ((1 << spec.hashBits()) - 1)];
        } else {
            index = table.get(key, 0, len, CharKeyTable.hash(key, 0, len));
        }
        if (index >= 0) {
            s.add(index);
        }
    }

    /** Per-thread buffers for {@link FastFeatures#extract}. Not thread-safe. */
    public static final class Scratch {
        final FastTokenizer tokenizer = new FastTokenizer();
        private final int[] counts;
        private int[] touched = new int[256];
        private int touchedCount;
        private double[] values = new double[256];
        // The last maxNgram terms, lower-cased, in a ring of reused buffers.
        private final char[][] ring;
        private final int[] ringLength;
        private int ringHead;
        int termCount;
        char[] key = new char[128];

        Scratch(int features, int maxN) {
            counts = new int[features];
            ring = new char[maxN][32];
            ringLength = new int[maxN];
        }

        void clear() {
            for (int i = 0; i < touchedCount; i++) {
                counts[touched[i]] = 0;
            }
            touchedCount = 0;
            termCount = 0;
            ringHead = 0;
        }

        void pushTerm(char[] term, int len) {
            ringHead = (ringHead + 1) % ring.length;
            if (ring[ringHead].length < len) {
                ring[ringHead] = new char[Math.max(len, ring[ringHead].length * 2)];
            }
            System.arraycopy(term, 0, ring[ringHead], 0, len);
            ringLength[ringHead] = len;
            termCount++;
        }

        /** Writes {@code w=t(-n+1)_..._t0} into {@link #key}; returns its length. */
        int assembleWordGram(int n) {
            int len = 2;
            for (int k = n - 1; k >= 0; k--) {
                len += ringLength[slot(k)] + (k == n - 1 ? 0 : 1);
            }
            char[] kb = ensureKey(len);
            kb[0] = 'w';
            kb[1] = '=';
            int at = 2;
            for (int k = n - 1; k >= 0; k--) {
                if (k != n - 1) {
                    kb[at++] = '_';
                }
                int s = slot(k);
                System.arraycopy(ring[s], 0, kb, at, ringLength[s]);
                at += ringLength[s];
            }
            return len;
        }

        /** The ring slot of the term {@code back} positions before the newest (0 = newest). */
        private int slot(int back) {
            return (ringHead - back + ring.length) % ring.length;
        }

        char[] ensureKey(int len) {
            if (key.length < len) {
                key = new char[Math.max(len, key.length * 2)];
            }
            return key;
        }

        void add(int index) {
            if (counts[index]++ == 0) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touched.length * 2);
                    values = Arrays.copyOf(values, touched.length);
                }
                touched[touchedCount++] = index;
            }
        }

        int finish(FeatureSpec.Weighting weighting, double[] idf) {
            double norm = 0;
            for (int i = 0; i < touchedCount; i++) {
                int f = touched[i];
                double v = switch (weighting) {
                    case BINARY -> 1.0;
                    case COUNT -> counts[f];
                    case TFIDF -> counts[f] * idf[f];
                };
                values[i] = v;
                norm += v * v;
            }
            if (weighting == FeatureSpec.Weighting.TFIDF && norm > 0) {
                double inv = 1.0 / Math.sqrt(norm);
                for (int i = 0; i < touchedCount; i++) {
                    values[i] *= inv;
                }
            }
            return touchedCount;
        }

        /** Feature indices of the last extraction, valid up to its return value. */
        public int[] indices() {
            return touched;
        }

        /** Weights of the last extraction, parallel to {@link #indices()}. */
        public double[] values() {
            return values;
        }
    }
}

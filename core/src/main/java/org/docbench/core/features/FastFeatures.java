package org.docbench.core.features;

import java.util.Arrays;

import org.docbench.core.token.FastTokenizer;
import org.docbench.core.token.TokenSpans;

/**
 * The allocation-free twin of {@link FeatureExtractor}: the same features, extracted straight
 * from token buffers into primitive arrays, and {@link #score scored} against linear weights.
 *
 * <p>Two ways in. Word unigrams and bigrams (the default spec) go by word id: a short plain word
 * by the two-{@code long} key the tokenizer cut ({@link ShortKeyTable}), any other term by its
 * chars ({@link CharKeyTable}), a bigram by its pair of ids ({@link PairTable}), in phases that
 * let the cache misses of many tokens overlap (see {@link #occurrences}). Other specs (longer
 * n-grams, char n-grams, hashing) assemble each n-gram's name in a reused char buffer and look
 * it up by name (or hash it into buckets). Counts accumulate in an int array indexed by feature,
 * and weights follow the extractor's rules.
 *
 * <p>The tables are immutable and shared; all per-document state lives in a {@link Scratch},
 * which is not thread-safe: use one per thread. Equivalence with {@link FeatureExtractor#features}
 * is checked by tests on whole corpora.
 */
public final class FastFeatures {

    private final FeatureSpec spec;
    private final CharKeyTable table;       // name -> vocabulary index (vocabulary mode)
    private final int[] bucketToIndex;      // bucket -> vocabulary index or -1 (hashing mode)
    /**
     * Internally features are numbered by slot: slot 0 is the most frequent feature (lowest idf),
     * so the counts and weights of the features that make most of any text share cache lines.
     * {@code slotFeature[slot]} is the extractor's index of the feature in that slot.
     */
    private final int[] slotFeature;
    private final double[] idf;             // by slot
    private final int featureCount;
    // Word-id tables (vocabulary mode): a term is looked up once, in a table of words only, and
    // its unigram and the bigram ending at it come from ids, not from assembled names.
    private final CharKeyTable words;       // term -> word id
    /**
     * The most frequent words again, in a direct-mapped table small enough for the L1 cache:
     * {@code hash << 32 | word id}, 0 where empty. For the terms looked up by chars, those the
     * tokenizer gives no key (joined words such as {@code u.s.} and {@code don't}, long words):
     * the frequent ones end here with one compare of chars that, being the first words in
     * {@link #words}, are in cache too.
     */
    private final long[] frequent;
    private final int[] unigram;            // word id -> feature index of w=<term>, or -1
    private final PairTable bigrams;        // (word id, word id) -> slot of w=<a>_<b>, or featureCount
    /**
     * Plain words (ASCII letters and digits) of at most {@link FastTokenizer#KEY_CHARS} chars by
     * their tokenizer key, to {@code word id << 32 | unigram slot} ({@link #featureCount} when the
     * word has no unigram): a plain short term's id and unigram from one probe.
     */
    private final ShortKeyTable shortWords;
    private final boolean wordsOnly;        // see wordsOnlySpec

    FastFeatures(FeatureSpec spec, String[] names, int[] featureIndices, double[] featureIdf) {
        this.spec = spec;
        this.featureCount = featureIdf.length;
        slotFeature = java.util.stream.IntStream.range(0, featureCount).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(f -> featureIdf[f]).thenComparing(f -> f))
                .mapToInt(Integer::intValue).toArray();
        int[] slotOf = new int[featureCount];
        idf = new double[featureCount];
        for (int slot = 0; slot < featureCount; slot++) {
            slotOf[slotFeature[slot]] = slot;
            idf[slot] = featureIdf[slotFeature[slot]];
        }
        int[] indices = new int[featureIndices.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = slotOf[featureIndices[i]];
        }
        if (spec.hashBits() > 0) {
            bucketToIndex = new int[1 << spec.hashBits()];
            Arrays.fill(bucketToIndex, -1);
            for (int i = 0; i < names.length; i++) {
                bucketToIndex[Integer.parseInt(names[i].substring(2))] = indices[i];
            }
            table = null;
            words = null;
            frequent = null;
            unigram = null;
            bigrams = null;
            shortWords = null;
        } else {
            table = new CharKeyTable(names, indices);
            bucketToIndex = null;
            WordIds ids = WordIds.build(names, indices, featureCount);
            words = ids == null ? null : ids.table();
            frequent = ids == null ? null : ids.frequent();
            unigram = ids == null ? null : ids.unigram();
            bigrams = ids == null ? null : ids.bigrams();
            shortWords = ids == null ? null : ids.shortWords();
        }
        wordsOnly = wordsOnlySpec();
    }

    /**
     * Splits the vocabulary's word n-gram names into words, unigrams and bigrams. Terms never
     * hold {@code _} except inside URLs and e-mail addresses, so a name {@code w=a_b} with
     * exactly one {@code _} and a term on each side is the bigram (a, b); a name with no
     * {@code _} is a unigram. Names with more {@code _} are ambiguous ({@code w=a_b_c} is the
     * bigram of {@code a_b} and {@code c} as well as of {@code a} and {@code b_c}): they stay
     * in the name table only, and any n-gram with a term that holds {@code _} is looked up by
     * name, so both ways give the extractor's features exactly.
     */
    private record WordIds(CharKeyTable table, long[] frequent, int[] unigram, PairTable bigrams, ShortKeyTable shortWords) {
        /** Slots of the frequent-word table (16 KB); the first half as many words fill it. */
        static final int FREQUENT_SLOTS = 2048;

        /**
         * Word ids go to words in slot order of their unigrams, which is falling document
         * frequency, so the entries and chars of the few hundred words that make most of any text
         * sit together and stay in cache. {@code none}, the feature count, stands for "no feature"
         * in the tables. Null when the vocabulary is too large for {@link PairTable}.
         */
        static WordIds build(String[] names, int[] slots, int none) {
            java.util.Map<String, Integer> unigramOf = new java.util.HashMap<>();
            java.util.List<String[]> bi = new java.util.ArrayList<>();
            java.util.List<Integer> biIndex = new java.util.ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                if (!name.startsWith("w=")) {
                    continue;
                }
                int first = name.indexOf('_', 2);
                if (first < 0) {
                    unigramOf.put(name.substring(2), slots[i]);
                } else if (first > 2 && first < name.length() - 1 && name.indexOf('_', first + 1) < 0) {
                    bi.add(new String[] {name.substring(2, first), name.substring(first + 1)});
                    biIndex.add(slots[i]);
                }
            }
            java.util.List<String> halvesOnly = new java.util.ArrayList<>();
            for (String[] pair : bi) {
                for (String w : pair) {
                    if (!unigramOf.containsKey(w)) {
                        halvesOnly.add(w);
                    }
                }
            }
            java.util.List<String> byFrequency = new java.util.ArrayList<>(unigramOf.keySet());
            byFrequency.sort(java.util.Comparator.comparingInt(unigramOf::get));
            halvesOnly.stream().distinct().sorted().forEach(byFrequency::add);

            if (byFrequency.size() > PairTable.MAX_ID + 1 || none > PairTable.MAX_VALUE) {
                return null; // too big for packed pairs: every n-gram is looked up by name
            }
            String[] keys = byFrequency.toArray(String[]::new);
            int[] ids = new int[keys.length];
            int[] unigram = new int[keys.length];
            java.util.Map<String, Integer> idOf = new java.util.HashMap<>(keys.length * 2);
            for (int id = 0; id < keys.length; id++) {
                ids[id] = id;
                idOf.put(keys[id], id);
                unigram[id] = unigramOf.getOrDefault(keys[id], -1);
            }
            int[] a = new int[bi.size()];
            int[] b = new int[bi.size()];
            int[] f = new int[bi.size()];
            for (int i = 0; i < bi.size(); i++) {
                a[i] = idOf.get(bi.get(i)[0]);
                b[i] = idOf.get(bi.get(i)[1]);
                f[i] = biIndex.get(i);
            }
            long[] frequent = new long[FREQUENT_SLOTS];
            for (int id = 0; id < Math.min(keys.length, FREQUENT_SLOTS / 2); id++) {
                int h = CharKeyTable.hash(keys[id].toCharArray(), 0, keys[id].length());
                int slot = h & (FREQUENT_SLOTS - 1);
                if (frequent[slot] == 0) {
                    frequent[slot] = ((long) h << 32) | (id + 1L); // id + 1 keeps 0 for empty
                }
            }
            // Only plain words: the tokenizer keys no other term.
            java.util.regex.Pattern plain = java.util.regex.Pattern.compile("[a-z0-9]{1," + FastTokenizer.KEY_CHARS + "}");
            int[] shortIds = java.util.stream.IntStream.range(0, keys.length)
                    .filter(id -> plain.matcher(keys[id]).matches()).toArray();
            long[] low = new long[shortIds.length];
            long[] high = new long[shortIds.length];
            long[] values = new long[shortIds.length];
            for (int i = 0; i < shortIds.length; i++) {
                int id = shortIds[i];
                low[i] = FastTokenizer.termKey(keys[id]);
                high[i] = FastTokenizer.termKeyHigh(keys[id]);
                values[i] = (long) id << 32 | (unigram[id] >= 0 ? unigram[id] : none);
            }
            ShortKeyTable shortWords = new ShortKeyTable(low, high, values, (long) NO_WORD << 32 | none);
            return new WordIds(new CharKeyTable(keys, ids), frequent, unigram, new PairTable(a, b, f, none), shortWords);
        }
    }

    /** Number of features, the length of the vectors {@link #extract} produces indices into. */
    public int featureCount() {
        return featureCount;
    }

    /** The extractor's index of the feature in {@code slot}, the numbering {@link #score} uses. */
    public int slotFeature(int slot) {
        return slotFeature[slot];
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
        collect(normalizedText, s);
        return s.finish(spec, idf, slotFeature);
    }

    /** Counts the known features of already-normalized text by slot, unweighted; returns how many. */
    private int collect(CharSequence normalizedText, Scratch s) {
        s.clear();
        if (wordsOnly) {
            return s.tally(occurrences(normalizedText, s));
        }
        return scan(normalizedText, s);
    }

    /**
     * Scores already-normalized text against linear weights, for the compiled classifiers:
     * {@code rows} holds one row of {@code labels + 1} floats per slot (see {@link #slotFeature}),
     * filled by {@link #row}. On return {@code sums[l]} is the sum over the document's features
     * of value times weight, in doubles, before TF-IDF's L2 normalization, which is a division of
     * every sum by {@code sqrt(s.sumOfSquares())}; returns the number of distinct features.
     */
    public int score(CharSequence normalizedText, Scratch s, float[] rows, int labels, double[] sums) {
        if (rows.length != featureCount * (labels + 1) || sums.length < labels) {
            throw new IllegalArgumentException("rows must hold " + featureCount + " x " + (labels + 1) + " floats and sums "
                    + labels + ", got " + rows.length + " and " + sums.length);
        }
        boolean binary = spec.weighting() == FeatureSpec.Weighting.BINARY;
        boolean sublinear = spec.sublinearTf() && !binary;
        if (wordsOnly && !sublinear) {
            s.clear();
            return s.dotOccurrences(occurrences(normalizedText, s), rows, labels, sums, binary);
        }
        // A sublinear value is not linear in the count: count every feature first, then one row each.
        collect(normalizedText, s);
        return s.dot(rows, labels, sums, binary, sublinear);
    }

    /**
     * The common specs, word unigrams and bigrams looked up by word id with no char n-grams,
     * take {@link #occurrences}; any other spec the general {@link #scan}.
     */
    private boolean wordsOnlySpec() {
        return words != null && spec.maxNgram() <= 2 && spec.maxCharNgram() == 0;
    }

    /**
     * {@link #scan} for {@link #wordsOnlySpec}: writes the slot of every known feature occurrence,
     * in text order, into {@code s.occurrences}; returns how many.
     *
     * <p>In phases, each a short loop over the tokens: tokenize the whole text
     * ({@link FastTokenizer#tokenizeAll}, which gives a short plain word's key), then look up the
     * words (by key, or by chars for the few without one), then the bigrams. The tables of a
     * large vocabulary are megabytes, so most lookups miss the cache; in a loop of a few
     * instructions per token the processor has the loads of many tokens in flight at once, where
     * a loop that also tokenizes has room for one or two. N-grams with a term holding {@code _}
     * go by name, as in {@link #scan}.
     */
    private int occurrences(CharSequence normalizedText, Scratch s) {
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
        final int none = featureCount;

        final ShortKeyTable shortWords = this.shortWords;
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            if (key != 0) {
                long v = shortWords.get(key, highKeys[i]); // absent: NO_WORD and none
                ids[i] = (int) (v >> 32);
                unis[i] = (int) v;
            } else {
                char[] term = s.ensureKey(ends[i] - starts[i]);
                int id = wordId(term, tok.termOf(starts[i], ends[i], term, 0));
                ids[i] = id;
                unis[i] = id >= 0 && unigram[id] >= 0 ? unigram[id] : none;
            }
        }

        // "No feature" is the slot one past the last; an occurrence is kept by advancing past it
        // when it is a real feature, with no branch on what the lookups found (a coin toss for
        // bigrams, which no predictor guesses).
        final int[] occ = s.occurrences;
        final PairTable bigrams = this.bigrams;
        final boolean pairs = spec.maxNgram() == 2;
        int at = 0;
        int previous = NO_WORD;
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            if (id != BY_NAME && previous != BY_NAME) {
                int u = unis[i]; // none for an unknown term
                occ[at] = u;
                at += (u - none) >>> 31;
                if (pairs) {
                    int b = bigrams.get(previous, id); // none if either id is NO_WORD
                    occ[at] = b;
                    at += (b - none) >>> 31;
                }
            } else {
                at = byName(s, tok, i, pairs && i > 0, at);
            }
            previous = id;
        }
        return at;
    }

    /**
     * Writes the features of token {@code i} into {@code s.occurrences} from {@code at} when it or
     * the one before holds {@code _}: its unigram by id or by name, and the bigram with the token
     * before by name (the bigram {@code w=a_b} of a term {@code a_b} is ambiguous in ids); returns
     * the new end.
     */
    private int byName(Scratch s, FastTokenizer tok, int i, boolean bigram, int at) {
        int id = s.ids[i];
        int start = s.spans.starts()[i];
        int end = s.spans.ends()[i];
        if (id >= 0) {
            if (s.unigrams[i] != featureCount) {
                s.occurrences[at++] = s.unigrams[i];
            }
        } else if (id == BY_NAME) {
            char[] key = s.ensureKey(2 + end - start);
            key[0] = 'w';
            key[1] = '=';
            int f = lookup(key, 2 + tok.termOf(start, end, key, 2));
            if (f >= 0) {
                s.occurrences[at++] = f;
            }
        }
        if (bigram) {
            int previousStart = s.spans.starts()[i - 1];
            int previousEnd = s.spans.ends()[i - 1];
            char[] key = s.ensureKey(3 + (previousEnd - previousStart) + (end - start));
            key[0] = 'w';
            key[1] = '=';
            int len = 2 + tok.termOf(previousStart, previousEnd, key, 2);
            key[len++] = '_';
            len += tok.termOf(start, end, key, len);
            int f = lookup(key, len);
            if (f >= 0) {
                s.occurrences[at++] = f;
            }
        }
        return at;
    }

    /**
     * Counts the features of any spec by name: each word n-gram ending at a token is assembled
     * from the terms' offsets and looked up whole, and char n-grams likewise. Specs of word
     * unigrams and bigrams take the faster {@link #occurrences} instead.
     */
    private int scan(CharSequence normalizedText, Scratch s) {
        FastTokenizer tok = s.tokenizer;
        tok.reset(normalizedText);
        final int maxN = spec.maxNgram();
        final boolean chars = spec.maxCharNgram() > 0;
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

    /** How counts become weights; see {@link #row}. */
    public FeatureSpec.Weighting weighting() {
        return spec.weighting();
    }

    /**
     * Writes the row of {@code slot} for {@link #score} from the feature's weight for each label:
     * the square of the feature's scale (its inverse document frequency under TF-IDF, else 1),
     * then each weight times the scale, so a value is its count (or 1, or 0) times the row. The
     * products are taken in doubles and rounded to float once: half the bytes of double rows,
     * which the scoring loop mostly misses the cache on. Scores stay within 3.5e-7 of the model's
     * on the embedded and AllSides immigration documents (naive Bayes; 1.4e-8 logistic regression).
     */
    public void row(int slot, double[] weights, float[] rows) {
        int stride = weights.length + 1;
        double scale = spec.weighting() == FeatureSpec.Weighting.TFIDF ? idf[slot] : 1.0;
        rows[slot * stride] = (float) (scale * scale);
        for (int l = 0; l < weights.length; l++) {
            rows[slot * stride + 1 + l] = (float) (scale * weights[l]);
        }
    }

    /** {@link #wordId}: a term holding {@code _}, whose n-grams are looked up by name. */
    private static final int BY_NAME = -2;
    private static final int NO_WORD = -1;

    /** The word id of a term, {@value #NO_WORD} when no unigram or bigram holds it, or {@value #BY_NAME}. */
    private int wordId(char[] term, int len) {
        int h = FeatureHash.start();
        for (int i = 0; i < len; i++) {
            char c = term[i];
            if (c == '_') {
                return BY_NAME;
            }
            h = FeatureHash.update(h, c);
        }
        long f = frequent[h & (WordIds.FREQUENT_SLOTS - 1)];
        if (f != 0 && (int) (f >>> 32) == h) { // an empty slot must not match a term whose hash is 0
            int id = (int) f - 1;
            if (words.matches(id, term, 0, len)) {
                return id;
            }
        }
        return words.get(term, 0, len, h);
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
        int index = lookup(key, len);
        if (index >= 0) {
            s.add(index);
        }
    }

    /** The slot of the feature named {@code key[0, len)}, or -1. */
    private int lookup(char[] key, int len) {
        if (bucketToIndex != null) {
            return bucketToIndex[CharKeyTable.hash(key, 0, len) & ((1 << spec.hashBits()) - 1)];
        }
        return table.get(key, 0, len, CharKeyTable.hash(key, 0, len));
    }

    /** Per-thread buffers for {@link FastFeatures#extract}. Not thread-safe. */
    public static final class Scratch {
        final FastTokenizer tokenizer = new FastTokenizer();
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

        Scratch(int features, int maxN) {
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
            int most = 2 + n - 1;
            for (int k = n - 1; k >= 0; k--) {
                most += ringEnd[slot(k)] - ringStart[slot(k)]; // a term is never longer than its text
            }
            char[] kb = ensureKey(most);
            kb[0] = 'w';
            kb[1] = '=';
            int at = 2;
            for (int k = n - 1; k >= 0; k--) {
                if (k != n - 1) {
                    kb[at++] = '_';
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

        // Per token of the current text, for FastFeatures.occurrences: offsets and keys, then
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
         * value ({@code 1 + ln c} when sublinear, computed as {@link FeatureSpec#tf} does).
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
                double x = binary ? 1 : sublinear ? 1.0 + Math.log(c[f]) : c[f];
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
                double v = switch (weighting) {
                    case BINARY -> 1.0;
                    case COUNT -> spec.tf(counts[f]);
                    case TFIDF -> spec.tf(counts[f]) * idf[f];
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

        /** Feature indices (the extractor's) of the last {@link FastFeatures#extract}, valid up to its return value. */
        public int[] indices() {
            return indices;
        }

        /** Weights of the last extraction, parallel to {@link #indices()}. */
        public double[] values() {
            return values;
        }
    }
}

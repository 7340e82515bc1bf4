package org.docbench.core.features.fast;

import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.docbench.core.features.Weights;

/**
 * The allocation-free twin of {@link FeatureExtractor}: the same features, extracted straight
 * from token buffers into primitive arrays, and {@link #score scored} against linear weights.
 *
 * <p>This class is the entry point; the parts each have a class in this package. The fitted
 * vocabulary is compiled once into a {@link CompiledVocabulary} (names to slots). Two ways in:
 * word unigrams and bigrams (the default spec) go by word id ({@link WordIdLookup} over
 * {@link WordTables}): a short plain word by the two-{@code long} key the tokenizer cut
 * ({@link ShortKeyTable}), any other term by its chars ({@link CharKeyTable}), a bigram by its
 * pair of ids ({@link PairTable}), in phases that let the cache misses of many tokens overlap.
 * Other specs (longer n-grams, char n-grams, hashing) go by name ({@link NameLookup}): each
 * n-gram's name is assembled in a reused char buffer and looked up whole (or hashed into
 * buckets). Counts accumulate in the {@link Scratch}, indexed by slot, and weights follow the
 * extractor's rules.
 *
 * <p>The tables are immutable and shared; all per-document state lives in a {@link Scratch},
 * which is not thread-safe: use one per thread. Equivalence with {@link FeatureExtractor#features}
 * is checked by tests on whole corpora.
 */
public final class FastFeatures {

    private final FeatureSpec spec;
    private final CompiledVocabulary vocabulary;
    /** The word-id tables, kept to be written; null when hashing or when the vocabulary is too large for them. */
    private final WordTables words;
    /** The lookup of word unigram and bigram specs; null for any other spec, which goes {@link #byName}. */
    private final WordIdLookup byWordId;
    private final NameLookup byName;

    private FastFeatures(FeatureSpec spec, CompiledVocabulary vocabulary, WordTables words) {
        this.spec = spec;
        this.vocabulary = vocabulary;
        this.words = words;
        boolean wordsOnly = words != null && spec.maxNgram() <= 2 && spec.maxCharNgram() == 0;
        this.byWordId = wordsOnly ? new WordIdLookup(vocabulary, words, spec.maxNgram()) : null;
        this.byName = new NameLookup(vocabulary, spec);
    }

    /**
     * The allocation-free twin of {@code extractor}, for the inference hot path: same features,
     * indexed by {@link FeatureExtractor#featureIndex(String)}. Requires the extractor's tokenizer
     * to be {@link org.docbench.core.token.FastTokenizer} and its input to be normalized by the
     * caller.
     */
    public static FastFeatures of(FeatureExtractor extractor) {
        FeatureExtractor.Fitted fitted = extractor.fitted();
        String[] names = fitted.names().toArray(String[]::new);
        int[] indices = java.util.stream.IntStream.range(0, names.length).toArray();
        return compile(extractor.spec(), names, indices, fitted.idf());
    }

    /**
     * Compiles a fitted vocabulary: {@code names[i]} is the feature of extractor index
     * {@code featureIndices[i]}, whose idf is {@code featureIdf[featureIndices[i]]}.
     */
    static FastFeatures compile(FeatureSpec spec, String[] names, int[] featureIndices, double[] featureIdf) {
        CompiledVocabulary vocabulary = new CompiledVocabulary(spec.hashBits(), names, featureIndices, featureIdf);
        WordTables words = spec.hashBits() > 0 ? null
                : WordTables.build(names, vocabulary.slotsOf(featureIndices), vocabulary.featureCount());
        return new FastFeatures(spec, vocabulary, words);
    }

    /**
     * Writes the compiled tables, which {@link #read} turns back into an equal {@code FastFeatures}
     * without the names: loading a model then does no compilation, which in a cold JVM runs
     * mostly in the interpreter and would be most of {@code classify}'s start-up. The spec is the
     * caller's to keep.
     */
    public void write(java.io.DataOutput out) throws java.io.IOException {
        vocabulary.write(out);
        out.writeBoolean(words != null);
        if (words != null) {
            words.write(out);
        }
    }

    /** Reads what {@link #write} wrote, for the spec the tables were compiled under. */
    public static FastFeatures read(java.io.DataInput in, FeatureSpec spec) throws java.io.IOException {
        CompiledVocabulary vocabulary = CompiledVocabulary.read(in);
        if ((spec.hashBits() > 0) != vocabulary.hashing()) {
            throw new java.io.IOException("compiled tables do not match the spec (hashBits " + spec.hashBits() + ")");
        }
        WordTables words = in.readBoolean() ? WordTables.read(in) : null;
        return new FastFeatures(spec, vocabulary, words);
    }

    /** Number of features, the length of the vectors {@link #extract} produces indices into. */
    public int featureCount() {
        return vocabulary.featureCount();
    }

    /** The extractor's index of the feature in {@code slot}, the numbering {@link #score} uses. */
    public int slotFeature(int slot) {
        return vocabulary.slotFeature(slot);
    }

    /** A fresh per-thread workspace. */
    public Scratch newScratch() {
        return new Scratch(vocabulary.featureCount(), spec.maxNgram(), spec.lowercase());
    }

    /**
     * Extracts the weighted features of already-normalized text into {@code s.indices()} and
     * {@code s.values()}, in first-seen order; returns how many. Allocates nothing once the
     * scratch buffers have grown to the largest document seen.
     */
    public int extract(CharSequence normalizedText, Scratch s) {
        collect(normalizedText, s);
        return s.finish(spec, vocabulary.idfs(), vocabulary.slotFeatures());
    }

    /** Counts the known features of already-normalized text by slot, unweighted; returns how many. */
    private int collect(CharSequence normalizedText, Scratch s) {
        s.clear();
        if (byWordId != null) {
            return s.tally(byWordId.occurrences(normalizedText, s));
        }
        return byName.scan(normalizedText, s);
    }

    /**
     * Scores already-normalized text against linear weights, for the compiled classifiers:
     * {@code rows} holds one row of {@code labels + 1} floats per slot (see {@link #slotFeature}),
     * filled by {@link #row}. On return {@code sums[l]} is the sum over the document's features
     * of value times weight, in doubles, before TF-IDF's L2 normalization, which is a division of
     * every sum by {@code sqrt(s.sumOfSquares())}; returns the number of distinct features.
     */
    public int score(CharSequence normalizedText, Scratch s, float[] rows, int labels, double[] sums) {
        int featureCount = vocabulary.featureCount();
        if (rows.length != featureCount * (labels + 1) || sums.length < labels) {
            throw new IllegalArgumentException("rows must hold " + featureCount + " x " + (labels + 1) + " floats and sums "
                    + labels + ", got " + rows.length + " and " + sums.length);
        }
        boolean binary = spec.weighting() == FeatureSpec.Weighting.BINARY;
        boolean sublinear = spec.sublinearTf() && !binary;
        if (byWordId != null && !sublinear) {
            s.clear();
            return s.dotOccurrences(byWordId.occurrences(normalizedText, s), rows, labels, sums, binary);
        }
        // A sublinear value is not linear in the count: count every feature first, then one row each.
        collect(normalizedText, s);
        return s.dot(rows, labels, sums, binary, sublinear);
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
     * which the scoring loop mostly misses the cache on. The rounding moves a score by far less
     * than the 1e-5 that FastLinearClassifierTest allows against Tribuo's own prediction.
     */
    public void row(int slot, double[] weights, float[] rows) {
        int stride = weights.length + 1;
        double scale = Weights.scale(spec.weighting(), vocabulary.idf(slot));
        rows[slot * stride] = (float) (scale * scale);
        for (int l = 0; l < weights.length; l++) {
            rows[slot * stride + 1 + l] = (float) (scale * weights[l]);
        }
    }
}

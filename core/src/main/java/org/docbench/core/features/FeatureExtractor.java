package org.docbench.core.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.docbench.core.text.Normalizer;
import org.docbench.core.token.FastTokenizer;
import org.docbench.core.token.Tokenizers;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;
import org.tribuo.util.tokens.Tokenizer;

/**
 * Text to Tribuo examples, the one code path for training and inference: normalize, tokenize,
 * build word and character n-grams, keep the vocabulary fitted on training documents, weight.
 *
 * <p>Immutable once fitted and thread-safe: each call takes a tokenizer from a thread-local.
 * Documents with no known feature give an example with no features (Tribuo predicts from the
 * bias alone); callers that must not see those can check {@link #features(String)}.
 */
public final class FeatureExtractor {

    private final FeatureSpec spec;
    private final Normalizer normalizer;
    private final ThreadLocal<Tokenizer> tokenizer;
    /** Feature name (hashed name when hashing) -> index into {@link #idf}. */
    private final Map<String, Integer> vocabulary;
    /**
     * Index -> name, the very String objects the vocabulary holds: every example shares them, so a
     * corpus of long documents keeps one copy of each name, not one per document.
     */
    private final String[] names;
    private final double[] idf;
    private final int trainingDocuments;

    private FeatureExtractor(FeatureSpec spec, Normalizer normalizer, Supplier<Tokenizer> tokenizer,
                             Map<String, Integer> vocabulary, double[] idf, int trainingDocuments) {
        this.spec = spec;
        this.normalizer = normalizer;
        this.tokenizer = ThreadLocal.withInitial(tokenizer);
        this.vocabulary = vocabulary;
        this.names = new String[vocabulary.size()];
        vocabulary.forEach((name, i) -> names[i] = name);
        this.idf = idf;
        this.trainingDocuments = trainingDocuments;
    }

    /**
     * Fits the vocabulary and document frequencies on {@code trainingTexts} (raw text), with the
     * standard normalizer when the spec asks for it, else {@link Normalizer#none()}.
     */
    public static FeatureExtractor fit(FeatureSpec spec, List<String> trainingTexts) {
        return fit(spec, spec.normalizer(), () -> Tokenizers.fast(spec.lowercase()), trainingTexts, () -> { });
    }

    /** As {@link #fit(FeatureSpec, List)}, calling {@code onDocument} once per document counted, from any thread. */
    public static FeatureExtractor fit(FeatureSpec spec, List<String> trainingTexts, Runnable onDocument) {
        return fit(spec, spec.normalizer(), () -> Tokenizers.fast(spec.lowercase()), trainingTexts, onDocument);
    }

    /** Fits with a given normalizer and tokenizer (one new tokenizer per thread). */
    public static FeatureExtractor fit(FeatureSpec spec, Normalizer normalizer, Supplier<Tokenizer> tokenizer,
                                       List<String> trainingTexts) {
        return fit(spec, normalizer, tokenizer, trainingTexts, () -> { });
    }

    /**
     * Counts document frequencies on every core, each thread into its own table, summed at the end:
     * a feature's count is a sum over documents, so the vocabulary and idf are the same whatever
     * order the threads take the documents in. (One shared concurrent table made the cores contend
     * on each of the millions of n-gram names of a large corpus.)
     */
    private static FeatureExtractor fit(FeatureSpec spec, Normalizer normalizer, Supplier<Tokenizer> tokenizer,
                                        List<String> trainingTexts, Runnable onDocument) {
        Objects.requireNonNull(spec, "spec");
        ThreadLocal<Tokenizer> tok = ThreadLocal.withInitial(tokenizer);
        Queue<DocumentFrequencies> tables = new ConcurrentLinkedQueue<>();
        ThreadLocal<DocumentFrequencies> local = ThreadLocal.withInitial(() -> {
            DocumentFrequencies t = new DocumentFrequencies();
            tables.add(t);
            return t;
        });
        IntStream.range(0, trainingTexts.size()).parallel().forEach(i -> {
            local.get().addDocument(counts(spec, normalizer, tok.get(), trainingTexts.get(i)).keySet());
            onDocument.run();
        });
        Map<String, int[]> df = DocumentFrequencies.sum(tables);
        int docs = trainingTexts.size();
        List<String> kept = new ArrayList<>();
        df.forEach((name, n) -> {
            if (n[0] >= spec.minDf()) {
                kept.add(name);
            }
        });
        kept.sort(null); // a fixed order makes fitting reproducible whatever the map's order
        Map<String, Integer> vocab = new HashMap<>(kept.size() * 2);
        double[] idf = new double[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            vocab.put(kept.get(i), i);
            idf[i] = Weights.idf(docs, df.get(kept.get(i))[0]);
        }
        return new FeatureExtractor(spec, normalizer, tokenizer, vocab, idf, docs);
    }

    /**
     * One thread's document frequencies while fitting. {@link #sum} empties every table it reads,
     * so a pool thread that outlives the fit keeps no counts reachable.
     */
    private static final class DocumentFrequencies {
        private Map<String, int[]> counts = new HashMap<>();

        void addDocument(Iterable<String> names) {
            for (String name : names) {
                counts.computeIfAbsent(name, k -> new int[1])[0]++;
            }
        }

        /** The sum of {@code tables}, added into the largest; each table is emptied. */
        static Map<String, int[]> sum(Collection<DocumentFrequencies> tables) {
            Map<String, int[]> total = new HashMap<>();
            for (DocumentFrequencies t : tables) {
                if (t.counts.size() > total.size()) {
                    Map<String, int[]> smaller = total;
                    total = t.counts;
                    addInto(total, smaller);
                } else {
                    addInto(total, t.counts);
                }
                t.counts = null;
            }
            return total;
        }

        private static void addInto(Map<String, int[]> total, Map<String, int[]> part) {
            part.forEach((name, n) -> total.merge(name, n, (a, b) -> {
                a[0] += b[0];
                return a;
            }));
        }
    }

    /** The index of a feature name in [0, featureCount), or -1 when it is not in the vocabulary. */
    public int featureIndex(String name) {
        Integer i = vocabulary.get(name);
        return i == null ? -1 : i;
    }

    /** The feature name at {@code index} in [0, featureCount). */
    public String featureName(int index) {
        return names[index];
    }

    /** The normalizer this extractor applies before tokenizing. */
    public Normalizer normalizer() {
        return normalizer;
    }

    public FeatureSpec spec() {
        return spec;
    }

    /** Number of distinct features kept after fitting. */
    public int featureCount() {
        return vocabulary.size();
    }

    public int trainingDocuments() {
        return trainingDocuments;
    }

    /** The weighted features of {@code rawText}, sorted by name; unknown features dropped. */
    public Map<String, Double> features(String rawText) {
        Indexed x = indexed(rawText);
        Map<String, Double> out = new java.util.TreeMap<>();
        for (int i = 0; i < x.indices().length; i++) {
            out.put(names[x.indices()[i]], x.values()[i]);
        }
        return out;
    }

    /**
     * A Tribuo example of {@code rawText} with {@code output}: a {@code Label} for single-label
     * tasks, a {@code MultiLabel} where a document has several topics, or the factory's unknown
     * output at inference.
     */
    public <T extends Output<T>> Example<T> example(String rawText, T output) {
        Indexed x = indexed(rawText);
        String[] featureNames = new String[x.indices().length];
        for (int i = 0; i < featureNames.length; i++) {
            featureNames[i] = names[x.indices()[i]];
        }
        return new ArrayExample<>(output, featureNames, x.values());
    }

    /**
     * The weighted features of {@code rawText} by vocabulary index, indices increasing, unknown
     * features dropped: in name order too, since the vocabulary is numbered in name order. What
     * {@link #example} and {@link #features} hold.
     *
     * @param indices vocabulary indices, increasing
     * @param values  each index's weighted value
     */
    public record Indexed(int[] indices, double[] values) {
    }

    /** See {@link Indexed}. */
    public Indexed indexed(String rawText) {
        Map<String, Integer> counts = counts(spec, normalizer, tokenizer.get(), rawText);
        int[] indices = new int[counts.size()];
        double[] values = new double[counts.size()];
        int n = fill(counts, indices, values);
        // Sorts (index, position) pairs packed in longs: indices and positions are non-negative ints.
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = (long) indices[i] << 32 | i;
        }
        Arrays.sort(order);
        int[] sortedIndices = new int[n];
        double[] sortedValues = new double[n];
        for (int i = 0; i < n; i++) {
            sortedIndices[i] = (int) (order[i] >>> 32);
            sortedValues[i] = values[(int) order[i]];
        }
        return new Indexed(sortedIndices, sortedValues);
    }

    /** Weighs the known features of {@code counts} into {@code indices} and {@code values}; returns how many. */
    private int fill(Map<String, Integer> counts, int[] indices, double[] values) {
        int n = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer index = vocabulary.get(e.getKey());
            if (index == null) {
                continue;
            }
            double v = Weights.value(spec, e.getValue(), idf[index]);
            indices[n] = index;
            values[n] = v;
            norm += v * v;
            n++;
        }
        Weights.normalize(spec.weighting(), values, n, norm);
        return n;
    }

    /**
     * The fitted state (vocabulary in index order, idf, training document count), so a trained
     * model can be saved and its features rebuilt exactly by {@link #restore}.
     *
     * @param names             feature names in vocabulary index order
     * @param idf               idf of each name, same order
     * @param trainingDocuments documents the vocabulary was fitted on
     */
    public record Fitted(List<String> names, double[] idf, int trainingDocuments) {
        public Fitted {
            names = List.copyOf(names);
            idf = idf.clone();
            if (names.size() != idf.length) {
                throw new IllegalArgumentException("names and idf must have the same length, got "
                        + names.size() + " and " + idf.length);
            }
        }
    }

    /** The fitted vocabulary and idf; see {@link Fitted}. */
    public Fitted fitted() {
        return new Fitted(List.of(names), idf, trainingDocuments);
    }

    /** An extractor equal to the one {@code fitted} came from, with the spec's normalizer and the standard tokenizer. */
    public static FeatureExtractor restore(FeatureSpec spec, Fitted fitted) {
        Objects.requireNonNull(spec, "spec");
        Map<String, Integer> vocab = new HashMap<>(fitted.names().size() * 2);
        for (int i = 0; i < fitted.names().size(); i++) {
            vocab.put(fitted.names().get(i), i);
        }
        return new FeatureExtractor(spec, spec.normalizer(), () -> Tokenizers.fast(spec.lowercase()), vocab, fitted.idf(),
                fitted.trainingDocuments());
    }

    /** Counts every n-gram of the text by name, before the vocabulary filter. */
    static Map<String, Integer> counts(FeatureSpec spec, Normalizer normalizer, Tokenizer tok, String rawText) {
        String text = normalizer.normalize(rawText).text();
        List<String> terms = new ArrayList<>();
        tok.reset(text);
        while (tok.advance()) {
            if (tok instanceof FastTokenizer fast) {
                terms.add(new String(fast.termBuffer(), 0, fast.termLength()));
            } else {
                terms.add(spec.lowercase() ? tok.getText().toLowerCase(Locale.ROOT) : tok.getText());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            FeatureNames.startWordGram(sb);
            for (int n = 1; n <= spec.maxNgram() && i + n <= terms.size(); n++) {
                FeatureNames.appendTerm(sb, n, terms.get(i + n - 1));
                add(spec, counts, sb);
            }
        }
        if (spec.maxCharNgram() > 0) {
            for (String term : terms) {
                String padded = FeatureNames.padded(term);
                for (int n = spec.minCharNgram(); n <= spec.maxCharNgram(); n++) {
                    for (int s = 0; s + n <= padded.length(); s++) {
                        add(spec, counts, FeatureNames.charGram(sb, padded, s, s + n));
                    }
                }
            }
        }
        return counts;
    }

    private static void add(FeatureSpec spec, Map<String, Integer> counts, CharSequence name) {
        String key = spec.hashBits() > 0 ? FeatureNames.hashed(name, spec.hashBits()) : name.toString();
        counts.merge(key, 1, Integer::sum);
    }
}

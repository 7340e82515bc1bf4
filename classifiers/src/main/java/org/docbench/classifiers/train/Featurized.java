package org.docbench.classifiers.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.docbench.classifiers.progress.Progress;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Documents turned into Tribuo examples by an extractor fitted on the training part only, with
 * the time that took. Caches chi-square restricted copies per k. Not thread-safe.
 */
final class Featurized {
    static final LabelFactory LABELS = new LabelFactory();

    final FeatureExtractor extractor;
    final List<LabeledDocument> trainDocs;
    final List<LabeledDocument> testDocs;
    final List<Example<Label>> train;
    final List<Example<Label>> test;
    /** Nanoseconds to featurize the test documents (normalize, tokenize, weight). */
    final long testFeaturizeNanos;
    /**
     * Nanoseconds of the work done once before any model trains: fitting the extractor on the
     * training part (vocabulary, document frequencies), featurizing the training part, and, once
     * {@link #trainDataset} has run, building and indexing the Tribuo dataset. 0 for derived copies.
     */
    private long preparationNanos;
    private final String task;
    private final Map<Integer, Featurized> restricted = new HashMap<>();
    private final Map<Integer, Featurized> sampled = new HashMap<>();
    private final Set<String> kept;
    private final ProgressMeter meter;
    private final String name;
    /**
     * The data whose training part (and dataset) this one shares, scored against other documents;
     * null when this one owns its training part. Samples and selections of a shared training part
     * are made once, on the base, so the models trained on them train once too.
     */
    private final Featurized base;
    private MutableDataset<Label> dataset;

    private Featurized(FeatureExtractor extractor, List<LabeledDocument> trainDocs, List<LabeledDocument> testDocs,
                       List<Example<Label>> train, List<Example<Label>> test, long testFeaturizeNanos, String task,
                       Set<String> kept, ProgressMeter meter, String name, Featurized base) {
        this.extractor = extractor;
        this.trainDocs = trainDocs;
        this.testDocs = testDocs;
        this.train = train;
        this.test = test;
        this.testFeaturizeNanos = testFeaturizeNanos;
        this.task = task;
        this.kept = kept;
        this.meter = meter;
        this.name = name;
        this.base = base;
    }

    /** Fits the features on {@code trainDocs} and featurizes both parts. */
    static Featurized of(FeatureSpec spec, String task, List<LabeledDocument> trainDocs, List<LabeledDocument> testDocs) {
        return of(spec, task, trainDocs, testDocs, ProgressMeter.off(), "");
    }

    /** As {@link #of(FeatureSpec, String, List, List)}, showing each pass over the documents on {@code meter} as {@code name}. */
    static Featurized of(FeatureSpec spec, String task, List<LabeledDocument> trainDocs, List<LabeledDocument> testDocs,
                         ProgressMeter meter, String name) {
        long f0 = System.nanoTime();
        FeatureExtractor fx;
        try (Progress p = meter.start("fit features " + name, trainDocs.size(), "docs")) {
            fx = FeatureExtractor.fit(spec, trainDocs.stream().map(LabeledDocument::text).toList(), p::stepFromAnyThread);
        }
        List<Example<Label>> train = examples(fx, task, trainDocs, meter, "featurize " + name + " train", true);
        if (train.stream().anyMatch(e -> e.size() == 0)) {
            // A training document none of whose terms the vocabulary kept (each in fewer than min-df
            // documents) teaches nothing, and Tribuo refuses an example without features.
            List<LabeledDocument> docs = new ArrayList<>();
            List<Example<Label>> kept = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (train.get(i).size() > 0) {
                    docs.add(trainDocs.get(i));
                    kept.add(train.get(i));
                }
            }
            trainDocs = docs;
            train = kept;
        }
        long t0 = System.nanoTime();
        List<Example<Label>> test = examples(fx, task, testDocs, meter, "featurize " + name + " test");
        long t1 = System.nanoTime();
        Featurized f = new Featurized(fx, trainDocs, testDocs, train, test, t1 - t0, task, null, meter, name, null);
        f.preparationNanos = t0 - f0;
        return f;
    }

    /** See {@link #preparationNanos}. */
    long preparationNanos() {
        return preparationNanos;
    }

    static List<Example<Label>> examples(FeatureExtractor fx, String task, List<LabeledDocument> docs) {
        return examples(fx, task, docs, ProgressMeter.off(), "");
    }

    static List<Example<Label>> examples(FeatureExtractor fx, String task, List<LabeledDocument> docs, ProgressMeter meter,
                                         String name) {
        return examples(fx, task, docs, meter, name, false);
    }

    /**
     * As above; {@code parallel} featurizes on every core. The test part is featurized on one
     * thread: its time is part of each model's documents per second, which must not depend on
     * the cores (the peers predict on one).
     */
    static List<Example<Label>> examples(FeatureExtractor fx, String task, List<LabeledDocument> docs, ProgressMeter meter,
                                         String name, boolean parallel) {
        // Documents are featurized in parallel (the extractor is thread-safe); each example lands at
        // its document's index, so the result is the same whatever the threads do. The extractor's
        // examples share its vocabulary's name strings, and the labels are shared here, so 30,000
        // long documents hold one copy of each.
        Map<String, Label> labels = new java.util.concurrent.ConcurrentHashMap<>();
        @SuppressWarnings("unchecked")
        Example<Label>[] out = new Example[docs.size()];
        try (Progress p = meter.start(name, docs.size(), "docs")) {
            java.util.stream.IntStream indices = java.util.stream.IntStream.range(0, docs.size());
            (parallel ? indices.parallel() : indices).forEach(i -> {
                LabeledDocument d = docs.get(i);
                out[i] = fx.example(d.text(), labels.computeIfAbsent(d.label(task), Label::new));
                p.stepFromAnyThread();
            });
        }
        return java.util.Arrays.asList(out);
    }

    /** The same training data (and dataset) scored against {@code other} documents, featurized with the same extractor. */
    Featurized against(List<LabeledDocument> other) {
        if (kept != null) {
            throw new IllegalStateException("against() works on unrestricted data only");
        }
        long t0 = System.nanoTime();
        List<Example<Label>> ex = examples(extractor, task, other, meter, "featurize " + name + " valid", true);
        return scoring(other, ex, System.nanoTime() - t0);
    }

    /**
     * This data's training part scored against {@code docs}, whose {@code examples} are restricted
     * here to this data's features when it has a selection.
     */
    private Featurized scoring(List<LabeledDocument> docs, List<Example<Label>> examples, long featurizeNanos) {
        List<Example<Label>> ex = kept == null ? examples : examples.stream().map(e -> FeatureSelection.restrict(e, kept)).toList();
        return new Featurized(extractor, trainDocs, docs, train, ex, featurizeNanos, task, kept, meter, name, this);
    }

    /** Number of features the models see. */
    int featureCount() {
        return kept == null ? extractor.featureCount() : kept.size();
    }

    /** This data with only the top {@code k} chi-square features of the training part; itself when k is 0. */
    Featurized select(int k) {
        if (k <= 0 || k >= extractor.featureCount()) {
            return this;
        }
        if (base != null) {
            return restricted.computeIfAbsent(k, key -> base.select(key).scoring(testDocs, test, testFeaturizeNanos));
        }
        return restricted.computeIfAbsent(k, key -> {
            Set<String> keep = FeatureSelection.chiSquareTop(train, key);
            List<Example<Label>> tr = train.stream().map(e -> FeatureSelection.restrict(e, keep)).toList();
            List<Example<Label>> te = test.stream().map(e -> FeatureSelection.restrict(e, keep)).toList();
            return new Featurized(extractor, trainDocs, testDocs, tr, te, testFeaturizeNanos, task, keep, meter, name, null);
        });
    }

    /** This data with a seeded stratified sample of at most {@code n} training documents; itself when n is 0 or enough. */
    Featurized sample(int n, long seed) {
        if (n <= 0 || n >= train.size()) {
            return this;
        }
        if (base != null) {
            return sampled.computeIfAbsent(n, key -> base.sample(key, seed).scoring(testDocs, test, testFeaturizeNanos));
        }
        return sampled.computeIfAbsent(n, key -> {
            java.util.List<Integer> idx = new java.util.ArrayList<>();
            for (int i = 0; i < trainDocs.size(); i++) {
                idx.add(i);
            }
            Map<String, Part> parts = org.docbench.core.corpus.Splits.stratified(idx, String::valueOf,
                    i -> trainDocs.get(i).label(task), 1.0 - (double) key / train.size(), seed);
            List<LabeledDocument> docs = new ArrayList<>();
            List<Example<Label>> ex = new ArrayList<>();
            for (int i = 0; i < trainDocs.size(); i++) {
                if (parts.get(String.valueOf(i)) == Part.TRAIN) {
                    docs.add(trainDocs.get(i));
                    ex.add(train.get(i));
                }
            }
            return new Featurized(extractor, docs, testDocs, ex, test, testFeaturizeNanos, task, kept, meter, name, null);
        });
    }

    /**
     * The training part as a Tribuo dataset, built once: building one is costly (Tribuo tracks every
     * feature's values) and trainers only read it.
     */
    MutableDataset<Label> trainDataset(String name) {
        if (base != null) {
            return base.trainDataset(name);
        }
        if (dataset == null) {
            long t0 = System.nanoTime();
            dataset = dataset(name, train);
            preparationNanos += System.nanoTime() - t0;
        }
        return dataset;
    }

    /** A dataset of {@code examples} with its feature and label indexes already built (see {@link IndexedDataset}). */
    static MutableDataset<Label> dataset(String name, List<Example<Label>> examples) {
        return new IndexedDataset<>(new ListDataSource<>(examples, LABELS, new SimpleDataSourceProvenance(name, LABELS))).index();
    }
}

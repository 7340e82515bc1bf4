package org.docbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.docbench.classifiers.fast.FastLinearClassifier;
import org.docbench.classifiers.report.AllSidesChoice;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.docbench.core.text.Normalizer;
import org.docbench.core.token.FastTokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.data.text.impl.BasicPipeline;
import org.tribuo.data.text.impl.TextFeatureExtractorImpl;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;

/**
 * Inference throughput, raw text to label, for one trained model family three ways:
 * (a) Tribuo's stock text pipeline ({@code TextFeatureExtractorImpl} over
 * {@code BasicPipeline(BreakIteratorTokenizer, 2)}) feeding {@code model.predict};
 * (b) docbench's feature extractor feeding Tribuo's {@code predict};
 * (c) docbench's fast path, the same trained model compiled into arrays with features taken
 * straight from token buffers. The fast path runs two ways: {@code docbenchFastEndToEnd} with
 * docbench's standard normalizer (boilerplate, bylines and so on stripped first, by a
 * String-based normalizer that allocates), and {@code docbenchFastRawEndToEnd} with a model
 * trained on un-normalized text like the stock pipeline's, where raw text goes straight to the
 * tokenizer and nothing is allocated. Scores are per document (batched methods divide by the batch).
 * Models are trained once in setup with seed 1234 on the first 80% of the documents and shared
 * by all threads; the {@code ...TwoThreads} methods run the stock and raw fast paths on two threads
 * in the same run, so the report can give the scaling ratio (or run everything with {@code -t 2}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceBenchmark {
    static final int BATCH = 64;

    @State(Scope.Benchmark)
    public static class Models {
        /** {@code embedded}, or the path of an unpacked Article-Bias-Prediction folder. */
        @Param("embedded")
        public String corpus;

        /** Task to classify: stance (AllSides: left/center/right) or topic. */
        @Param("stance")
        public String task;

        /**
         * logreg (softmax, probabilities), svm (hinge loss, margins), nb (multinomial naive Bayes), or
         * best: the accuracy report's AllSides configuration ({@code AllSidesChoice.chosen()}: headline
         * as first paragraph, its feature spec, its LibLinear model), for every path including the stock one.
         */
        @Param({"logreg", "svm", "nb"})
        public String model;

        /** At most this many documents. */
        @Param("2000")
        public int limit;

        /** Only documents of this topic ({@code all} for every one); {@code immigration} on AllSides gives 1,547. */
        @Param("all")
        public String topic;

        String[] texts;
        String[] normalized;
        List<Example<Label>> stockExamples;
        List<Example<Label>> docbenchExamples;
        TextFeatureExtractorImpl<Label> stockExtractor;
        Model<Label> stockModel;
        FeatureExtractor extractor;
        Model<Label> docbenchModel;
        FastLinearClassifier fast;
        /** Trained on text the normalizer did not touch ({@link Normalizer#none()}). */
        FastLinearClassifier fastRaw;
        /** Prebuilt stock examples in batches of {@value InferenceBenchmark#BATCH}, cycling over the corpus. */
        List<List<Example<Label>>> batches;

        @Setup
        public void setup() {
            List<LabeledDocument> docs = BenchCorpus.load(corpus, limit, "all", topic).stream()
                    .filter(d -> d.label(task) != null).toList();
            AllSidesChoice best = model.equals("best") ? AllSidesChoice.chosen() : null;
            FeatureSpec spec = best == null ? FeatureSpec.defaults() : best.features();
            if (best != null) {
                docs = best.documents(docs); // the headline as first paragraph, where the corpus has one
            }
            List<LabeledDocument> train = docs.subList(0, docs.size() * 4 / 5);
            texts = docs.stream().map(LabeledDocument::text).toArray(String[]::new);
            LabelFactory factory = new LabelFactory();

            stockExtractor = new TextFeatureExtractorImpl<>(new BasicPipeline(new BreakIteratorTokenizer(Locale.US), 2));
            List<Example<Label>> stockTrain = new ArrayList<>();
            for (LabeledDocument d : train) {
                stockTrain.add(stockExtractor.extract(new Label(d.label(task)), d.text()));
            }
            stockModel = trainer().train(new MutableDataset<>(new ListDataSource<>(stockTrain, factory,
                    new SimpleDataSourceProvenance("stock", factory))));

            extractor = FeatureExtractor.fit(spec, train.stream().map(LabeledDocument::text).toList());
            List<Example<Label>> docTrain = train.stream().map(d -> extractor.example(d.text(), new Label(d.label(task)))).toList();
            docbenchModel = trainer().train(new MutableDataset<>(new ListDataSource<>(docTrain, factory,
                    new SimpleDataSourceProvenance("docbench", factory))));
            fast = FastLinearClassifier.compile(extractor, docbenchModel);
            FeatureExtractor rawExtractor = FeatureExtractor.fit(spec, Normalizer.none(), FastTokenizer::new,
                    train.stream().map(LabeledDocument::text).toList());
            List<Example<Label>> rawTrain = train.stream().map(d -> rawExtractor.example(d.text(), new Label(d.label(task)))).toList();
            fastRaw = FastLinearClassifier.compile(rawExtractor, trainer().train(new MutableDataset<>(
                    new ListDataSource<>(rawTrain, factory, new SimpleDataSourceProvenance("docbench-raw", factory)))));

            stockExamples = new ArrayList<>();
            docbenchExamples = new ArrayList<>();
            normalized = new String[texts.length];
            for (int i = 0; i < texts.length; i++) {
                stockExamples.add(stockExtractor.extract(LabelFactory.UNKNOWN_LABEL, texts[i]));
                docbenchExamples.add(extractor.example(texts[i], LabelFactory.UNKNOWN_LABEL));
                normalized[i] = extractor.normalizer().normalize(texts[i]).text();
            }
            batches = new ArrayList<>();
            int batchCount = Math.max(1, texts.length / BATCH);
            for (int b = 0; b < batchCount; b++) {
                List<Example<Label>> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(stockExamples.get((b * BATCH + i) % texts.length));
                }
                batches.add(batch);
            }
        }

        private Trainer<Label> trainer() {
            return switch (model) {
                case "logreg" -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 5, 1000, 1, 1234L);
                case "svm" -> new LinearSGDTrainer(new Hinge(), new AdaGrad(0.5, 0.1), 5, 1000, 1, 1234L);
                case "nb" -> new MultinomialNaiveBayesTrainer(1.0);
                case "best" -> AllSidesChoice.chosen().model().create(1234L);
                default -> throw new IllegalArgumentException("model must be logreg, svm, nb or best, got " + model);
            };
        }
    }

    /** Per-thread cursor and fast-path session. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        FastLinearClassifier.Session session;
        FastLinearClassifier.Session rawSession;

        @Setup
        public void setup(Models m) {
            session = m.fast.newSession();
            rawSession = m.fastRaw.newSession();
        }

        int next(int n) {
            int i = next;
            next = i + 1 == n ? 0 : i + 1;
            return i;
        }
    }

    /** The cost of choosing the next document. */
    @Benchmark
    public int baseline(Models m, Cursor c) {
        return m.texts[c.next(m.texts.length)].length();
    }

    @Benchmark
    public Label tribuoStockEndToEnd(Models m, Cursor c) {
        String text = m.texts[c.next(m.texts.length)];
        return m.stockModel.predict(m.stockExtractor.extract(LabelFactory.UNKNOWN_LABEL, text)).getOutput();
    }

    @Benchmark
    public Label docbenchTribuoEndToEnd(Models m, Cursor c) {
        String text = m.texts[c.next(m.texts.length)];
        return m.docbenchModel.predict(m.extractor.example(text, LabelFactory.UNKNOWN_LABEL)).getOutput();
    }

    @Benchmark
    public int docbenchFastEndToEnd(Models m, Cursor c) {
        return c.session.classify(m.texts[c.next(m.texts.length)]);
    }

    /** The fast path on a model trained without normalization: raw text to label, allocation-free. */
    @Benchmark
    public int docbenchFastRawEndToEnd(Models m, Cursor c) {
        return c.rawSession.classify(m.texts[c.next(m.texts.length)]);
    }

    /**
     * The stock pipeline on two threads sharing one model ({@code @Threads(2)}); the score is
     * both threads' documents per second. {@code JmhReport} pairs it with the one-thread run.
     */
    @Benchmark
    @Threads(2)
    public Label tribuoStockEndToEndTwoThreads(Models m, Cursor c) {
        return tribuoStockEndToEnd(m, c);
    }

    /** The raw fast path on two threads sharing one compiled model, one session each. */
    @Benchmark
    @Threads(2)
    public int docbenchFastRawEndToEndTwoThreads(Models m, Cursor c) {
        return docbenchFastRawEndToEnd(m, c);
    }

    /** The fast path from normalized text: tokenize, features, dot product. */
    @Benchmark
    public int docbenchFastFromNormalized(Models m, Cursor c) {
        return c.session.classifyNormalized(m.normalized[c.next(m.texts.length)]);
    }

    /** Tribuo's predict alone, on examples its stock pipeline built in setup. */
    @Benchmark
    public Label tribuoStockPredictPrebuilt(Models m, Cursor c) {
        return m.stockModel.predict(m.stockExamples.get(c.next(m.texts.length))).getOutput();
    }

    /** Tribuo's batch predict over {@value #BATCH} prebuilt examples; the score is per document. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void tribuoStockPredictBatch(Models m, Cursor c, Blackhole bh) {
        List<Prediction<Label>> p = m.stockModel.predict(m.batches.get(c.next(m.batches.size())));
        bh.consume(p);
    }

    /** The raw fast path over {@value #BATCH} raw documents in a row; the score is per document. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void docbenchFastRawBatch(Models m, Cursor c, Blackhole bh) {
        int n = m.texts.length;
        for (int i = 0; i < BATCH; i++) {
            bh.consume(c.rawSession.classify(m.texts[c.next(n)]));
        }
    }
}

package org.docbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.docbench.classifiers.inference.FastLinearClassifier;
import org.docbench.classifiers.study.AllSidesChoice;
import org.docbench.classifiers.train.TrainerSpec;
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
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.text.impl.BasicPipeline;
import org.tribuo.data.text.impl.TextFeatureExtractorImpl;
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
 * Models are trained once in setup, by the {@code Trainers} spec {@link BenchFixtures#trainer}
 * names, with {@link BenchFixtures#SEED} on the first 80% of the documents, and shared by all threads; the {@code ...TwoThreads} methods run the stock and raw fast paths on two threads
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
            List<LabeledDocument> docs = BenchFixtures.labelled(corpus, limit, topic, task);
            AllSidesChoice best = model.equals("best") ? AllSidesChoice.chosen() : null;
            FeatureSpec spec = best == null ? FeatureSpec.defaults() : best.features();
            if (best != null) {
                docs = best.documents(docs); // the headline as first paragraph, where the corpus has one
            }
            TrainerSpec trainer = BenchFixtures.trainer(model);
            List<LabeledDocument> train = BenchFixtures.trainingPart(docs);
            List<String> trainTexts = train.stream().map(LabeledDocument::text).toList();
            texts = BenchFixtures.texts(docs);

            stockExtractor = new TextFeatureExtractorImpl<>(new BasicPipeline(new BreakIteratorTokenizer(Locale.US), 2));
            stockModel = BenchFixtures.train(trainer, examples(train, d -> stockExtractor.extract(label(d), d.text())), "stock");

            extractor = FeatureExtractor.fit(spec, trainTexts);
            docbenchModel = BenchFixtures.train(trainer, examples(train, d -> extractor.example(d.text(), label(d))), "docbench");
            fast = FastLinearClassifier.compile(extractor, docbenchModel);
            FeatureExtractor rawExtractor = FeatureExtractor.fit(spec, Normalizer.none(), FastTokenizer::new, trainTexts);
            fastRaw = FastLinearClassifier.compile(rawExtractor, BenchFixtures.train(trainer,
                    examples(train, d -> rawExtractor.example(d.text(), label(d))), "docbench-raw"));

            stockExamples = new ArrayList<>();
            for (String text : texts) {
                stockExamples.add(stockExtractor.extract(LabelFactory.UNKNOWN_LABEL, text));
            }
            normalized = BenchFixtures.normalized(texts, extractor.normalizer());
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

        private Label label(LabeledDocument d) {
            return new Label(d.label(task));
        }

        private static List<Example<Label>> examples(List<LabeledDocument> docs, Function<LabeledDocument, Example<Label>> extract) {
            return docs.stream().map(extract).toList();
        }
    }

    /** Per-thread cursors and fast-path sessions. */
    @State(Scope.Thread)
    public static class Cursor {
        DocumentCycle docs;
        DocumentCycle batches;
        FastLinearClassifier.Session session;
        FastLinearClassifier.Session rawSession;

        @Setup
        public void setup(Models m) {
            docs = new DocumentCycle(m.texts.length);
            batches = new DocumentCycle(m.batches.size());
            session = m.fast.newSession();
            rawSession = m.fastRaw.newSession();
        }
    }

    /** The cost of choosing the next document. */
    @Benchmark
    public int baseline(Models m, Cursor c) {
        return m.texts[c.docs.next()].length();
    }

    @Benchmark
    public Label tribuoStockEndToEnd(Models m, Cursor c) {
        String text = m.texts[c.docs.next()];
        return m.stockModel.predict(m.stockExtractor.extract(LabelFactory.UNKNOWN_LABEL, text)).getOutput();
    }

    @Benchmark
    public Label docbenchTribuoEndToEnd(Models m, Cursor c) {
        String text = m.texts[c.docs.next()];
        return m.docbenchModel.predict(m.extractor.example(text, LabelFactory.UNKNOWN_LABEL)).getOutput();
    }

    @Benchmark
    public int docbenchFastEndToEnd(Models m, Cursor c) {
        return c.session.classify(m.texts[c.docs.next()]);
    }

    /** The fast path on a model trained without normalization: raw text to label, allocation-free. */
    @Benchmark
    public int docbenchFastRawEndToEnd(Models m, Cursor c) {
        return c.rawSession.classify(m.texts[c.docs.next()]);
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
        return c.session.classifyNormalized(m.normalized[c.docs.next()]);
    }

    /** Tribuo's predict alone, on examples its stock pipeline built in setup. */
    @Benchmark
    public Label tribuoStockPredictPrebuilt(Models m, Cursor c) {
        return m.stockModel.predict(m.stockExamples.get(c.docs.next())).getOutput();
    }

    /** Tribuo's batch predict over {@value #BATCH} prebuilt examples; the score is per document. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void tribuoStockPredictBatch(Models m, Cursor c, Blackhole bh) {
        List<Prediction<Label>> p = m.stockModel.predict(m.batches.get(c.batches.next()));
        bh.consume(p);
    }

    /** The raw fast path over {@value #BATCH} raw documents in a row; the score is per document. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void docbenchFastRawBatch(Models m, Cursor c, Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(c.rawSession.classify(m.texts[c.docs.next()]));
        }
    }
}

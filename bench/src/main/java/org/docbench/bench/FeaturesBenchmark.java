package org.docbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.docbench.core.features.fast.FastFeatures;
import org.docbench.core.features.fast.Scratch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * Feature extraction from normalized text, per document: the Tribuo-facing extractor (names as
 * Strings, an {@code ArrayExample}) beside its allocation-free twin (indices and weights in
 * reused arrays). Same features, checked by tests; this shows what the twin saves.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FeaturesBenchmark {

    @Param("embedded")
    public String corpus;

    /** Word n-grams up to this length, TF-IDF, min df 2. */
    @Param({"1", "2"})
    public int maxNgram;

    @Param("2000")
    public int limit;

    private String[] normalized;
    private DocumentCycle cycle;
    private FeatureExtractor extractor;
    private FastFeatures fast;
    private Scratch scratch;

    @Setup
    public void setup() {
        String[] texts = BenchFixtures.texts(corpus, limit, "all");
        extractor = FeatureExtractor.fit(FeatureSpec.defaults().withMaxNgram(maxNgram), List.of(texts));
        fast = FastFeatures.of(extractor);
        scratch = fast.newScratch();
        normalized = BenchFixtures.normalized(texts, extractor.normalizer());
        cycle = new DocumentCycle(normalized.length);
    }

    @Benchmark
    public int baseline() {
        return normalized[cycle.next()].length();
    }

    /** Includes the extractor's own normalization pass, as Tribuo training and inference run it. */
    @Benchmark
    public Example<Label> extractorExample() {
        return extractor.example(normalized[cycle.next()], LabelFactory.UNKNOWN_LABEL);
    }

    @Benchmark
    public int fastExtract() {
        return fast.extract(normalized[cycle.next()], scratch);
    }
}

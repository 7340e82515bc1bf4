package org.docbench.bench;

import java.util.concurrent.TimeUnit;

import org.docbench.core.text.NormalizedDocument;
import org.docbench.core.text.Normalizer;
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

/**
 * Normalization of scraped text (boilerplate, entities, Unicode, whitespace) per document: the
 * step in front of tokenization on the end-to-end path, measured alone so its share shows.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class NormalizeBenchmark {

    @Param("embedded")
    public String corpus;

    @Param("all")
    public String bucket;

    @Param("2000")
    public int limit;

    private String[] texts;
    private DocumentCycle cycle;
    private Normalizer normalizer;

    @Setup
    public void setup() {
        texts = BenchFixtures.texts(corpus, limit, bucket);
        cycle = new DocumentCycle(texts.length);
        normalizer = Normalizer.standard();
    }

    @Benchmark
    public int baseline() {
        return texts[cycle.next()].length();
    }

    @Benchmark
    public NormalizedDocument normalize() {
        return normalizer.normalize(texts[cycle.next()]);
    }
}

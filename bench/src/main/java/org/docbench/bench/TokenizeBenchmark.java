package org.docbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.token.FastTokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;

/**
 * Tokenization throughput over the embedded corpus: docbench's fast tokenizer beside Tribuo's
 * BreakIteratorTokenizer. One operation tokenizes every document once and returns the token count.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TokenizeBenchmark {

    private List<String> texts;
    private FastTokenizer fast;
    private BreakIteratorTokenizer breakIterator;

    @Setup
    public void setup() {
        texts = LayoutCorpusReader.embedded().readAll().stream().map(LabeledDocument::text).toList();
        fast = new FastTokenizer();
        breakIterator = new BreakIteratorTokenizer(java.util.Locale.ROOT);
    }

    @Benchmark
    public int baseline() {
        int n = 0;
        for (String t : texts) {
            n += t.length();
        }
        return n;
    }

    @Benchmark
    public int fastTokenizer() {
        int n = 0;
        for (String t : texts) {
            fast.reset(t);
            while (fast.advance()) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public int tribuoBreakIterator() {
        int n = 0;
        for (String t : texts) {
            breakIterator.reset(t);
            while (breakIterator.advance()) {
                n++;
            }
        }
        return n;
    }
}

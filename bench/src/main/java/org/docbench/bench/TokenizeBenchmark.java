package org.docbench.bench;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.docbench.core.token.FastTokenizer;
import org.docbench.core.token.TokenSpans;
import org.docbench.core.token.Tokenizers;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.util.tokens.Tokenizer;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;
import org.tribuo.util.tokens.impl.SplitPatternTokenizer;
import org.tribuo.util.tokens.universal.UniversalTokenizer;

import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Tokenization throughput: docbench's fast tokenizer beside the tokenizers people would
 * otherwise use, in one run. One operation tokenizes the next document of the chosen corpus
 * and size bucket, consuming each token the way that library's users do (Lucene's term
 * attribute, Tribuo's {@code getText()}, OpenNLP's spans, docbench's term buffer). The
 * {@code bytes} and {@code tokens} counters turn operations into MB/s and tokens/s; run with
 * {@code -prof gc} for bytes allocated per operation (per document).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TokenizeBenchmark {

    /** {@code embedded}, or the path of an unpacked Article-Bias-Prediction folder. */
    @Param("embedded")
    public String corpus;

    /** Document size bucket: all, small, medium, large (see {@link BenchCorpus}). */
    @Param("all")
    public String bucket;

    /** At most this many documents (the first of the corpus). */
    @Param("2000")
    public int limit;

    private String[] texts;
    private int[] bytes;
    private DocumentCycle cycle;

    private FastTokenizer fast;
    private final TokenSpans spans = new TokenSpans();
    private HandwrittenLoop loop;
    private StandardTokenizer lucene;
    private CharTermAttribute luceneTerm;
    private ReusableReader luceneReader;
    private Tokenizer splitPattern;
    private Tokenizer breakIterator;
    private Tokenizer universal;
    private Tokenizer reference;

    /** Throughput counters, reported as rates: bytes/s and tokens/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long bytes;
        public long tokens;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
            tokens = 0;
        }
    }

    @Setup
    public void setup() {
        texts = BenchFixtures.texts(corpus, limit, bucket);
        bytes = BenchFixtures.utf8Lengths(texts);
        cycle = new DocumentCycle(texts.length);
        fast = new FastTokenizer();
        loop = new HandwrittenLoop();
        lucene = new StandardTokenizer();
        luceneTerm = lucene.addAttribute(CharTermAttribute.class);
        luceneReader = new ReusableReader();
        splitPattern = new SplitPatternTokenizer();
        breakIterator = new BreakIteratorTokenizer(Locale.US);
        universal = new UniversalTokenizer();
        reference = Tokenizers.reference();
    }

    private int nextDoc(Counters c) {
        int i = cycle.next();
        c.bytes += bytes[i];
        return i;
    }

    /** The cost of picking the next document and counting its bytes, which every method pays. */
    @Benchmark
    public int baseline(Counters c) {
        return texts[nextDoc(c)].length();
    }

    @Benchmark
    public int docbenchFast(Counters c) {
        FastTokenizer t = fast;
        t.reset(texts[nextDoc(c)]);
        int n = 0;
        int chars = 0;
        while (t.advance()) {
            n++;
            chars += t.termLength();
        }
        c.tokens += n;
        return chars;
    }

    /**
     * The same tokens in one call, as the inference fast path takes them
     * ({@link FastTokenizer#tokenizeAll}): offsets and, for plain words of up to 16 chars, a key
     * that stands for the term; other terms are read on demand, so none is built here.
     */
    @Benchmark
    public long docbenchFastAll(Counters c) {
        FastTokenizer t = fast;
        t.reset(texts[nextDoc(c)]);
        int n = t.tokenizeAll(spans);
        long[] keys = spans.keys();
        int[] ends = spans.ends();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += keys[i] ^ ends[i];
        }
        c.tokens += n;
        return sum;
    }

    /** The slow, obviously-correct implementation of the same token spec, for scale. */
    @Benchmark
    public int docbenchReference(Counters c) {
        return tribuo(reference, c);
    }

    @Benchmark
    public int handwrittenLoop(Counters c) {
        int n = loop.tokenize(texts[nextDoc(c)]);
        c.tokens += n;
        return loop.chars;
    }

    @Benchmark
    public int luceneStandard(Counters c) throws IOException {
        luceneReader.set(texts[nextDoc(c)]);
        lucene.setReader(luceneReader);
        lucene.reset();
        int n = 0;
        int chars = 0;
        while (lucene.incrementToken()) {
            n++;
            chars += luceneTerm.length();
        }
        lucene.end();
        lucene.close();
        c.tokens += n;
        return chars;
    }

    @Benchmark
    public int tribuoSplitPattern(Counters c) {
        return tribuo(splitPattern, c);
    }

    @Benchmark
    public int tribuoBreakIterator(Counters c) {
        return tribuo(breakIterator, c);
    }

    @Benchmark
    public int tribuoUniversal(Counters c) {
        return tribuo(universal, c);
    }

    @Benchmark
    public int opennlpSimple(Counters c) {
        String text = texts[nextDoc(c)];
        Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(text);
        int chars = 0;
        for (Span s : spans) {
            chars += s.length();
        }
        c.tokens += spans.length;
        return chars;
    }

    private int tribuo(Tokenizer t, Counters c) {
        t.reset(texts[nextDoc(c)]);
        int n = 0;
        int chars = 0;
        while (t.advance()) {
            n++;
            chars += t.getText().length();
        }
        c.tokens += n;
        return chars;
    }
}

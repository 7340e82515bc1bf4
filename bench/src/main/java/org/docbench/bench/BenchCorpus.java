package org.docbench.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;

/**
 * The text benchmarks run over: {@code embedded} (the corpus shipped in the datasets jar) or a
 * path to an unpacked Article-Bias-Prediction folder, given as the JMH parameter {@code corpus},
 * e.g. {@code -p corpus=embedded,/data/article-bias-prediction}. Size buckets let a run show how
 * cost grows with document length.
 */
public final class BenchCorpus {
    private BenchCorpus() {
    }

    /** Loads up to {@code limit} documents of {@code corpus} (AllSides in file-name order) within {@code bucket}. */
    public static List<LabeledDocument> load(String corpus, int limit, String bucket) {
        Stream<LabeledDocument> docs = corpus.equals("embedded")
                ? LayoutCorpusReader.embedded().documents()
                : AllSidesReader.fromFolder(Path.of(corpus), OnError.SKIP_AND_REPORT).documents();
        List<LabeledDocument> kept;
        try (docs) {
            kept = docs.filter(d -> inBucket(d.text(), bucket)).limit(limit).toList();
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no documents of " + corpus + " in bucket " + bucket);
        }
        return kept;
    }

    /**
     * Buckets by UTF-8 size: {@code all}, {@code small} (under 2 KB), {@code medium} (2-6 KB),
     * {@code large} (6 KB and over).
     */
    static boolean inBucket(String text, String bucket) {
        int bytes = utf8Length(text);
        return switch (bucket) {
            case "all" -> true;
            case "small" -> bytes < 2048;
            case "medium" -> bytes >= 2048 && bytes < 6144;
            case "large" -> bytes >= 6144;
            default -> throw new IllegalArgumentException("bucket must be all, small, medium or large, got " + bucket);
        };
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

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
 * The text benchmarks run over, given as the JMH parameter {@code corpus}: {@code embedded} (the
 * corpus shipped in the datasets jar), {@code allsides} (the unpacked Article-Bias-Prediction
 * folder named by {@code -Ddocbench.allsides=DIR}, else {@code target/allsides/article-bias-prediction}
 * under the working directory), or the path of such a folder, e.g.
 * {@code -p corpus=embedded,allsides}. Size buckets let a run show how cost grows with document
 * length; a topic keeps one AllSides topic (the inference baseline used {@code immigration}).
 */
public final class BenchCorpus {
    private BenchCorpus() {
    }

    /** Loads up to {@code limit} documents of {@code corpus} (AllSides in file-name order) within {@code bucket}. */
    public static List<LabeledDocument> load(String corpus, int limit, String bucket) {
        return load(corpus, limit, bucket, "all");
    }

    /** As {@link #load(String, int, String)}, keeping documents whose topic label is {@code topic} (or all). */
    public static List<LabeledDocument> load(String corpus, int limit, String bucket, String topic) {
        Stream<LabeledDocument> docs = corpus.equals("embedded")
                ? LayoutCorpusReader.embedded().documents()
                : AllSidesReader.fromFolder(allSidesFolder(corpus), OnError.SKIP_AND_REPORT).documents();
        List<LabeledDocument> kept;
        try (docs) {
            kept = docs.filter(d -> inBucket(d.text(), bucket))
                    .filter(d -> topic.equals("all") || topic.equals(d.label("topic")))
                    .limit(limit).toList();
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no documents of " + corpus + " in bucket " + bucket
                    + (topic.equals("all") ? "" : " with topic " + topic));
        }
        return kept;
    }

    private static Path allSidesFolder(String corpus) {
        if (!corpus.equals("allsides")) {
            return Path.of(corpus);
        }
        String explicit = System.getProperty("docbench.allsides", "");
        return AllSidesReader.locate(explicit.equals("off") ? "" : explicit, Path.of("."))
                .orElseThrow(() -> new IllegalArgumentException("corpus=allsides: no AllSides folder found; run with "
                        + "-Ddocbench.allsides=DIR (the unpacked article-bias-prediction folder) or unpack it to "
                        + "target/allsides/ under the working directory"));
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

package org.docbench.core.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.docbench.core.document.LabeledDocument;

/**
 * What a read produced: where from, a SHA-256 over every document (id, labels, text) in reading
 * order, the document count, and counts per label for each task. Two reads of the same corpus
 * give the same hash; any changed byte of text or label changes it.
 *
 * @param name      corpus name
 * @param location  folder, archive or classpath location
 * @param sha256    hex SHA-256 over the documents as read
 * @param documents number of documents read
 * @param skipped   number of documents skipped for problems
 * @param counts    task -> label -> count, sorted
 */
public record CorpusManifest(String name, String location, String sha256, int documents, int skipped,
                             SortedMap<String, SortedMap<String, Integer>> counts) {

    public CorpusManifest {
        SortedMap<String, SortedMap<String, Integer>> copy = new TreeMap<>();
        counts.forEach((task, byLabel) -> copy.put(task, new TreeMap<>(byLabel)));
        counts = copy;
    }

    /** Reads the whole corpus once, streaming, and describes it. */
    public static CorpusManifest of(CorpusReader reader) {
        Builder b = new Builder();
        try (Stream<LabeledDocument> docs = reader.documents()) {
            docs.forEach(b::add);
        }
        return b.build(reader.name(), reader.location(), reader.problems().skipped());
    }

    /** Describes documents already in memory (a corpus read once for several uses). */
    public static CorpusManifest of(String name, String location, java.util.List<LabeledDocument> docs, int skipped) {
        Builder b = new Builder();
        docs.forEach(b::add);
        return b.build(name, location, skipped);
    }

    /**
     * Describes {@code docs}, read from {@code reader} (and perhaps relabeled since): its name,
     * location and count of skipped documents with the documents' own hash and counts.
     */
    public static CorpusManifest of(CorpusReader reader, java.util.List<LabeledDocument> docs) {
        return of(reader.name(), reader.location(), docs, reader.problems().skipped());
    }

    /** Accumulates a manifest one document at a time. Not thread-safe. */
    public static final class Builder {
        private final MessageDigest digest;
        private final SortedMap<String, SortedMap<String, Integer>> counts = new TreeMap<>();
        private int documents;

        public Builder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        public void add(LabeledDocument doc) {
            documents++;
            update(doc.id());
            for (Map.Entry<String, String> e : new TreeMap<>(doc.labels()).entrySet()) {
                update(e.getKey());
                update(e.getValue());
                counts.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).merge(e.getValue(), 1, Integer::sum);
            }
            update(doc.text());
        }

        private void update(String s) {
            digest.update(s.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }

        public CorpusManifest build(String name, String location, int skipped) {
            return new CorpusManifest(name, location, HexFormat.of().formatHex(digest.digest()), documents, skipped, counts);
        }
    }
}

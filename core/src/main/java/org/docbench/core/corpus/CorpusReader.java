package org.docbench.core.corpus;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.docbench.core.document.LabeledDocument;

/**
 * Reads one corpus as a stream of labeled documents, one document in memory at a time.
 *
 * <p>Each call to {@link #documents()} reads the corpus afresh; close the stream when done.
 * Problems are reported under the reader's {@link OnError} policy and can be read back from
 * {@link #problems()} after the stream is consumed.
 */
public interface CorpusReader {

    /** A short name for reports, e.g. {@code immigration-enforcement}. */
    String name();

    /** Where the corpus was read from (a folder, archive or classpath location). */
    String location();

    /** Streams the documents in a fixed order; the stream must be closed. */
    Stream<LabeledDocument> documents();

    /** The problems of the last completed read. */
    Problems problems();

    /** Reads every document into a list; convenient for small corpora. */
    default List<LabeledDocument> readAll() {
        try (Stream<LabeledDocument> docs = documents()) {
            return docs.collect(Collectors.toList());
        }
    }
}

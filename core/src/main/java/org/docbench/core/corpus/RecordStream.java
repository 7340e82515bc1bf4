package org.docbench.core.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.docbench.core.document.LabeledDocument;

/**
 * A lazy stream over a record source that may skip records, closing the source with the
 * stream. Shared by the line- and row-oriented readers so each keeps only its parsing.
 */
final class RecordStream {

    /** Reads records one at a time. */
    interface Source {
        /** Advances one record; false at the end of input. */
        boolean advance() throws IOException;

        /** The document of the record just read, or null when it was skipped (and reported). */
        LabeledDocument document();
    }

    private RecordStream() {
    }

    static Stream<LabeledDocument> of(Source source, Closeable resource, String where) {
        Iterator<LabeledDocument> it = new Iterator<>() {
            private LabeledDocument next;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null) {
                        if (!source.advance()) {
                            return false;
                        }
                        next = source.document();
                    }
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(where, e);
                }
            }

            @Override
            public LabeledDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                LabeledDocument d = next;
                next = null;
                return d;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        resource.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(where, e);
                    }
                });
    }
}

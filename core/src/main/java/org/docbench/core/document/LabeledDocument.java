package org.docbench.core.document;

import java.util.Map;
import java.util.Objects;

/**
 * One document of a corpus with its raw text, its labels for every task the corpus has, the
 * splits it belongs to, and free-form metadata (outlet, date, kind, ...).
 *
 * <p>Immutable; the maps are copied. Label and split names come from the corpus, not from code:
 * the embedded corpus has tasks {@code topic} and {@code stance} and split schemes
 * {@code random} and {@code outlet}; AllSides has {@code topic}, {@code stance} (its
 * left/center/right ideology) and the published {@code random} and {@code media} splits.
 *
 * @param id       unique id within the corpus, never blank
 * @param text     the raw text as read (not normalized), never null
 * @param labels   task name to label, e.g. {@code topic -> sanctuary}
 * @param splits   split scheme to part, e.g. {@code random -> train}
 * @param metadata other fields the corpus carries
 */
public record LabeledDocument(String id, String text, Map<String, String> labels,
                              Map<String, String> splits, Map<String, String> metadata) {

    public LabeledDocument {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(text, "text of document " + id);
        labels = Map.copyOf(labels);
        splits = Map.copyOf(splits);
        metadata = Map.copyOf(metadata);
    }

    /** The label for {@code task}, or null when this document has none for it. */
    public String label(String task) {
        return labels.get(task);
    }

    /** The part ({@code train}, {@code valid}, {@code test}) of {@code scheme}, or null. */
    public String split(String scheme) {
        return splits.get(scheme);
    }

    /** The part of {@code scheme}, or null when the document has none (or one that is not a {@link Part}). */
    public Part part(String scheme) {
        return Part.of(splits.get(scheme));
    }
}

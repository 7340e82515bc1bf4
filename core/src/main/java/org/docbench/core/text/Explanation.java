package org.docbench.core.text;

import java.util.List;

/**
 * What {@link Normalizer#explain} saw: the documents the raw text normalized to (the first is
 * the document; further ones were glued onto it) and every change, in the order the steps made
 * them.
 *
 * @param documents at least one document
 * @param removals  the changes, step by step
 */
public record Explanation(List<NormalizedDocument> documents, List<Removal> removals) {

    public Explanation {
        documents = List.copyOf(documents);
        removals = List.copyOf(removals);
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("documents must hold at least one document, got none");
        }
    }

    /** The document (the first item). */
    public NormalizedDocument document() {
        return documents.get(0);
    }

    /** The changes one step made. */
    public List<Removal> by(Step step) {
        return removals.stream().filter(r -> r.step() == step).toList();
    }
}

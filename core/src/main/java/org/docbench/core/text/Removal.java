package org.docbench.core.text;

import java.util.Objects;

/**
 * One change a normalization step made, for {@code --explain}: the text it took out and what it
 * put in its place (empty when it only removed, e.g. a boilerplate line; the field name when it
 * moved the text into a field, e.g. {@code "byline"}).
 *
 * @param step        the step that made the change
 * @param removed     the text taken out, as it was at that point of normalization
 * @param replacement what replaced it, or empty
 */
public record Removal(Step step, String removed, String replacement) {

    public Removal {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(replacement, "replacement");
    }

    @Override
    public String toString() {
        return step + ": \"" + removed + "\"" + (replacement.isEmpty() ? "" : " -> \"" + replacement + "\"");
    }
}

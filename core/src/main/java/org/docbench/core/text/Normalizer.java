package org.docbench.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns scraped text into {@link NormalizedDocument}s: title, byline, date and body.
 *
 * <p>The work is done by named {@link Step}s, run in their declared order: seven character
 * steps (BOM, HTML entities, line ends, quotes and dashes, NFKC, spaces, hyphenation) that never
 * remove a word, then line steps that split glued items, take the header apart, drop
 * boilerplate and end paragraphs. Package {@link org.docbench.core.text} says which decisions
 * they embody. Whatever the steps, lines always lose trailing whitespace, runs of blank lines
 * become one and the body is trimmed. Each step's javadoc says what it matches.
 *
 * <p>Immutable and thread-safe; configure like Guava's {@code Splitter}, each call returning a
 * new instance, fine as a {@code static final}:
 * <pre>
 * Normalizer.standard()                               every step
 * Normalizer.standard().without(Step.TITLE)           headline stays in the body
 * Normalizer.none().with(Step.HTML_ENTITIES)          one step alone
 * </pre>
 *
 * <table>
 *   <caption>Examples (standard)</caption>
 *   <tr><td>{@code "\uFEFFICE&#8217;s plan"}</td><td>body {@code ICE's plan}</td></tr>
 *   <tr><td>{@code "By Ann Lee | First Posted: Dec 28, 2012 11:41 PM EST\n\nText..."}</td>
 *       <td>byline {@code By Ann Lee}, date {@code First Posted: Dec 28, 2012 11:41 PM EST}</td></tr>
 *   <tr><td>{@code "...enforce-\nment..."}</td><td>{@code ...enforcement...}</td></tr>
 *   <tr><td>{@code "Text.\n\n© 2015 Site. All rights reserved."}</td><td>body {@code Text.}</td></tr>
 * </table>
 *
 * <p>Edge cases: empty or blank input gives one document with every field empty; a text of
 * boilerplate only gives an empty body; {@code null} is rejected.
 */
public final class Normalizer {

    private static final Normalizer STANDARD = new Normalizer(EnumSet.allOf(Step.class));
    private static final Normalizer NONE = new Normalizer(EnumSet.noneOf(Step.class));

    private final Set<Step> steps;

    private Normalizer(EnumSet<Step> steps) {
        this.steps = Collections.unmodifiableSet(steps);
    }

    /** The default normalizer, with every step on. */
    public static Normalizer standard() {
        return STANDARD;
    }

    /** A normalizer with no step on: it only trims lines and blank runs. */
    public static Normalizer none() {
        return NONE;
    }

    /** This normalizer with {@code more} steps switched on too. */
    public Normalizer with(Step... more) {
        EnumSet<Step> s = copy();
        s.addAll(Arrays.asList(more));
        return new Normalizer(s);
    }

    /** This normalizer with {@code fewer} steps switched off. */
    public Normalizer without(Step... fewer) {
        EnumSet<Step> s = copy();
        Arrays.asList(fewer).forEach(s::remove);
        return new Normalizer(s);
    }

    /** This normalizer with its character-level steps only (what the word-loss check compares against). */
    public Normalizer characterStepsOnly() {
        EnumSet<Step> s = copy();
        s.removeIf(step -> !step.isCharacterLevel());
        return new Normalizer(s);
    }

    private EnumSet<Step> copy() {
        return steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
    }

    /** The steps switched on, in running order. */
    public Set<Step> steps() {
        return steps;
    }

    /** The document {@code raw} holds: its first item when several are glued together. */
    public NormalizedDocument normalize(String raw) {
        return run(raw, Trace.NONE).get(0);
    }

    /** Every item of {@code raw}: the document first, then any items glued onto it (see {@link Step#SPLIT_GLUED}). */
    public List<NormalizedDocument> normalizeAll(String raw) {
        return run(raw, Trace.NONE);
    }

    /** The documents of {@code raw} and every change each step made, for the CLI's {@code --explain}. */
    public Explanation explain(String raw) {
        List<Removal> removals = new ArrayList<>();
        List<NormalizedDocument> docs = run(raw, (step, removed, replacement) -> removals.add(new Removal(step, removed, replacement)));
        removals.sort(Comparator.comparing(Removal::step)); // stable: within a step, text order
        return new Explanation(docs, removals);
    }

    private List<NormalizedDocument> run(String raw, Trace trace) {
        Objects.requireNonNull(raw, "raw text");
        String text = raw;
        for (Step step : steps) {
            if (step.isCharacterLevel()) {
                text = CharacterSteps.apply(step, text, trace);
            }
        }
        return List.copyOf(Layout.documents(text, steps, trace));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalizer other && steps.equals(other.steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    @Override
    public String toString() {
        return "Normalizer" + steps;
    }
}

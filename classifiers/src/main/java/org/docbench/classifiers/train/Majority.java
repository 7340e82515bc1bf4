package org.docbench.classifiers.train;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one definition of docbench's majority label: the most frequent label, ties to the first in
 * name order. It is what a model answers for a document with no feature it knows, what the
 * majority baseline answers ({@link Trainers#majority()}) and what a saved model's provenance
 * records, so all three agree on a tie. Stateless.
 *
 * <pre>
 * [b, a, b, a]      -> a
 * {b=2, a=2, c=1}   -> a
 * {b=2, a=2, c=3}   -> c
 * </pre>
 */
public final class Majority {
    private Majority() {
    }

    /** The most frequent of {@code labels}, ties to the first in name order: {@code [b, a, b, a]} gives {@code a}. */
    public static String of(List<String> labels) {
        Map<String, Long> counts = new TreeMap<>();
        labels.forEach(l -> counts.merge(l, 1L, Long::sum));
        return of(counts);
    }

    /**
     * As {@link #of(List)}, from each label's count: {@code {b=2, a=2, c=1}} gives {@code a}.
     *
     * @throws IllegalArgumentException when {@code counts} is empty
     */
    public static String of(Map<String, ? extends Number> counts) {
        return new TreeMap<String, Number>(counts).entrySet().stream()
                .max(Comparator.comparingLong((Map.Entry<String, Number> e) -> e.getValue().longValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow(() -> new IllegalArgumentException("no label to take the majority of")).getKey();
    }
}

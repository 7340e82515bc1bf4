package org.docbench.classifiers.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.docbench.classifiers.train.ModelRun;

/**
 * A (true label, predicted label) pair the model confuses, with how often and some example
 * document ids (the first few in id order).
 *
 * @param truth     true label
 * @param predicted predicted label
 * @param count     test documents with this confusion
 * @param examples  up to {@link #EXAMPLES} document ids, sorted
 */
public record ConfusedPair(String truth, String predicted, int count, List<String> examples) {
    public static final int EXAMPLES = 3;
    /** Pairs the report lists per model: the most frequent confusions. */
    public static final int LISTED = 5;

    public ConfusedPair {
        examples = List.copyOf(examples);
    }

    /** The {@code limit} most frequent confusions of {@code run}, by count then label names. */
    public static List<ConfusedPair> of(ModelRun run, int limit) {
        int k = run.labels().size();
        List<ConfusedPair> pairs = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                if (t == p) {
                    continue;
                }
                TreeSet<String> ids = new TreeSet<>();
                for (int i = 0; i < run.truth().length; i++) {
                    if (run.truth()[i] == t && run.predicted()[i] == p) {
                        ids.add(run.docIds().get(i));
                    }
                }
                if (!ids.isEmpty()) {
                    pairs.add(new ConfusedPair(run.labels().get(t), run.labels().get(p), ids.size(),
                            ids.stream().limit(EXAMPLES).toList()));
                }
            }
        }
        pairs.sort(Comparator.comparing((ConfusedPair c) -> -c.count()).thenComparing(ConfusedPair::truth)
                .thenComparing(ConfusedPair::predicted));
        return List.copyOf(pairs.subList(0, Math.min(limit, pairs.size())));
    }
}

package org.docbench.classifiers.eval;

import java.util.List;

/**
 * Every model's answer for every test document of one experiment, in test order: what the
 * report's {@code predictions/*.jsonl} files hold. Immutable by convention (arrays are not
 * copied; nothing writes to them after the experiment).
 *
 * @param labels label names; label indices and score columns refer to this order
 * @param ids    test document ids
 * @param gold   true label index of each test document
 * @param models one per model row of the experiment, in row order
 */
public record TestPredictions(List<String> labels, List<String> ids, int[] gold, List<Answers> models) {

    public TestPredictions {
        labels = List.copyOf(labels);
        ids = List.copyOf(ids);
        models = List.copyOf(models);
        for (Answers a : models) {
            if (a.predicted().length != ids.size()) {
                throw new IllegalArgumentException(a.family() + " answered " + a.predicted().length + " of "
                        + ids.size() + " test documents");
            }
        }
    }

    /**
     * One model's answers.
     *
     * @param family     the model row's family name
     * @param scoreKind  {@code probability} when the model outputs probabilities, {@code score} otherwise
     *                   (a margin or vote, comparable only within one document)
     * @param predicted  predicted label index per document
     * @param confidence score of the predicted label per document
     * @param scores     every label's score per document, in label order (NaN where the model gave
     *                   none); a row is null where the model knew no feature of the document and the
     *                   training majority answered; null when the model reports only {@code confidence}
     */
    public record Answers(String family, String scoreKind, int[] predicted, double[] confidence, double[][] scores) {
    }
}

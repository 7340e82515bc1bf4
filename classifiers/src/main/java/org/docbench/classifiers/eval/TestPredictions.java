package org.docbench.classifiers.eval;

import java.util.List;

import org.docbench.classifiers.train.ScoreKind;

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
     * @param family    the model row's family name
     * @param scoreKind what {@code scores} are (probabilities, margins, votes...)
     * @param predicted predicted label index per document
     * @param scores    every label's score per document, in label order (NaN where the model gave that label
     *                  none); a row is null where the model knew no feature of the document and the training
     *                  majority answered; rows all NaN when the model scores nothing ({@link ScoreKind#NONE})
     */
    public record Answers(String family, ScoreKind scoreKind, int[] predicted, double[][] scores) {
    }
}

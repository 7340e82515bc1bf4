package org.docbench.classifiers.train;

import java.util.List;
import java.util.Map;

/**
 * One model family trained on an experiment's training part with its chosen configuration,
 * and its predictions on the test part. Arrays are indexed like the test documents.
 *
 * @param family        the family
 * @param chosen        the configuration inner validation chose
 * @param validation    validation score (the search criterion) of each grid configuration, in grid order (empty when the grid has one)
 * @param labels        label order of {@code truth} and {@code predicted}
 * @param docIds        test document ids
 * @param truth         true label index of each test document
 * @param predicted     predicted label index
 * @param confidence    score of the predicted label (a probability when {@code probabilistic})
 * @param probabilistic whether the model outputs probabilities (its calibration is scored)
 * @param scoreKind     what {@code scores} are
 * @param scores        every label's score per test document, in {@code labels} order (NaN where the model gave
 *                      that label none); a row is null where the training majority answered for want of a known
 *                      feature; all NaN when the model scores nothing ({@link ScoreKind#NONE})
 * @param features      number of features the model saw
 * @param trainDocuments training documents the chosen configuration was trained on
 * @param trainNanos    time to train the chosen configuration on the featurized training part
 * @param predictNanos  time to featurize and predict the test part
 * @param topFeatures   for linear models: label -> its highest-weighted features (name, weight)
 */
public record ModelRun(ModelFamily family, TrainerSpec chosen, Map<String, Double> validation, List<String> labels,
                       List<String> docIds, int[] truth, int[] predicted, double[] confidence, boolean probabilistic,
                       ScoreKind scoreKind, double[][] scores,
                       int features, int trainDocuments, long trainNanos, long predictNanos, Map<String, List<Map.Entry<String, Double>>> topFeatures) {

    public boolean[] correct() {
        boolean[] c = new boolean[truth.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = truth[i] == predicted[i];
        }
        return c;
    }
}

package org.docbench.classifiers.eval;

import java.util.List;
import java.util.Map;

/**
 * Everything the report says about one model on one experiment.
 *
 * @param family            model family name
 * @param spec              chosen configuration name
 * @param hyperparameters   chosen hyperparameters
 * @param validation        validation macro-F1 per grid configuration
 * @param selectedFeatures  chi-square features kept (0 = all)
 * @param metrics           test scores
 * @param accuracyCi        95% bootstrap interval of accuracy
 * @param macroF1Ci         95% bootstrap interval of macro-F1
 * @param vsBest            McNemar's test against the best model (null for the best itself)
 * @param notWorseThanBest  true when McNemar's p >= 0.05 against the best (or it is the best)
 * @param calibration       null when the model does not output probabilities
 * @param confused          most confused pairs
 * @param topFeatures       label -> top features, linear models only
 * @param features          number of features the model saw
 * @param trainDocuments    training documents the model was trained on
 * @param timing            times, the only fields that differ between runs
 */
public record ModelResult(String family, String spec, Map<String, String> hyperparameters, Map<String, Double> validation,
                          int selectedFeatures, Metrics metrics, Interval accuracyCi, Interval macroF1Ci,
                          Significance.McNemar vsBest, boolean notWorseThanBest, Calibration calibration,
                          List<ConfusedPair> confused, Map<String, List<Map.Entry<String, Double>>> topFeatures,
                          int features, int trainDocuments, Timing timing) {

    /** A copy with every wall time set to 0. */
    public ModelResult withoutTimes() {
        return new ModelResult(family, spec, hyperparameters, validation, selectedFeatures, metrics, accuracyCi, macroF1Ci, vsBest,
                notWorseThanBest, calibration, confused, topFeatures, features, trainDocuments, new Timing(0, 0, 0));
    }

    /**
     * Wall times of one model.
     *
     * @param trainMillis   training the chosen configuration on the already featurized, already indexed training
     *                      part (Tribuo's {@code train} call only; feature fitting is the experiment's
     *                      {@code featureMillis})
     * @param predictMillis featurizing the test part from raw text (normalize, tokenize, look up, weight) plus
     *                      Tribuo's {@code predict} over all of it in one call, one thread
     * @param docsPerSecond test documents / predictMillis: raw text to label, through Tribuo's predict
     */
    public record Timing(double trainMillis, double predictMillis, double docsPerSecond) {
    }
}

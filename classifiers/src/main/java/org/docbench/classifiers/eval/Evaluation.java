package org.docbench.classifiers.eval;

/**
 * The result of one trainer on one experiment.
 *
 * @param experiment   {@link Experiment#id()}
 * @param model        trainer spec name
 * @param accuracy     fraction correct on the test set
 * @param macroF1      unweighted mean of per-class F1
 * @param features     number of features the extractor kept
 * @param trainMillis  wall time to fit features and train
 * @param predictMillis wall time to featurize and predict the test set
 * @param testDocuments number of test documents
 */
public record Evaluation(String experiment, String model, double accuracy, double macroF1, int features,
                         long trainMillis, long predictMillis, int testDocuments) {

    /** Test documents per second, end to end from raw text. */
    public double docsPerSecond() {
        return predictMillis == 0 ? Double.NaN : testDocuments * 1000.0 / predictMillis;
    }
}

package org.docbench.classifiers.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ScoreKind;

/**
 * A classifier outside docbench that people would use instead (scikit-learn, fastText), run as
 * its own process on exactly an experiment's parts: trained on the train part (choosing its own
 * settings on the valid part when it has one), predicting the test part. Its predictions are
 * scored by docbench's metric code beside docbench's models. A peer never chooses anything for
 * docbench.
 */
public interface Peer {

    /** Row name in the report, e.g. {@code peer:scikit-learn}; always starts with {@link #PREFIX}. */
    String name();

    /** Its settings, in words, for the report's notes. */
    String settings();

    /** Empty when the peer can run here; else why not, in one line (e.g. the binary is missing). */
    Optional<String> missing();

    /**
     * Trains on {@code exp}'s train part and predicts its test part, with files under {@code work}
     * (created, and left for inspection until the next run).
     *
     * @param text the text a document is classified by, the same text docbench's models see
     * @param minDf the minimum document frequency docbench uses on this experiment
     */
    Predictions run(Experiment exp, java.util.function.Function<org.docbench.core.document.LabeledDocument, String> text,
                    int minDf, Path work) throws java.io.IOException, InterruptedException;

    /** Row names of peers start with this, so every table marks them. */
    String PREFIX = "peer:";

    /**
     * What a peer gives back.
     *
     * @param labels         predicted label name of each test document, in test order
     * @param scoreKind      what {@code scores} are: probabilities (calibration is scored), margins...
     * @param scores         every label's score of each test document, in test order, by label name
     * @param trainSeconds   wall seconds of its training command
     * @param predictSeconds wall seconds of predicting the test part, raw text to label
     * @param features       features its model holds, 0 when unknown
     * @param chosen         its own settings after any choice on valid, for the report
     * @param validation     its valid score of each candidate setting (empty without a valid part)
     */
    record Predictions(List<String> labels, ScoreKind scoreKind, List<Map<String, Double>> scores, double trainSeconds, double predictSeconds, int features,
                       Map<String, String> chosen, Map<String, Double> validation) {
    }

    /** The peers the report runs. */
    static List<Peer> all() {
        return List.of(new SklearnPeer(), new FastTextPeer());
    }
}

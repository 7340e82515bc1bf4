package org.docbench.classifiers.report;

import java.util.List;

/**
 * One experiment's ablation: the chosen configuration, then each feature decision switched on its
 * own, every row trained on the train part and scored on the valid part (where the choice was made)
 * and on the test part (shown, never used to choose). Immutable.
 *
 * @param experiment experiment id, e.g. {@code allsides/stance/random}
 * @param model      the trainer spec every row trains
 * @param chosen     the chosen configuration, in words
 * @param rows       the chosen configuration first, then one row per switched decision
 */
public record Ablation(String experiment, String model, String chosen, List<Row> rows) {

    /** The system property that, set to true, adds the media split's ablation to the random split's. */
    public static final String MEDIA_PROPERTY = "docbench.allsides.mediaAblation";

    /** The decision of a row that trains the chosen configuration itself (the first row, and the sampled reference). */
    public static final String CHOSEN = "chosen";

    public Ablation {
        rows = List.copyOf(rows);
    }

    /**
     * @param decision     what is switched ({@link #CHOSEN} for the chosen configuration's rows)
     * @param setting      the configuration of this row, in words
     * @param validMacroF1 macro-F1 on the valid part
     * @param testMacroF1  macro-F1 on the test part
     * @param testAccuracy accuracy on the test part
     * @param features     features the model saw
     * @param trainMillis  training time (varies between runs)
     * @param trainDocs    training documents the row trained on: the whole train part, or a seeded
     *                     sample of it for a decision too costly to train on all of it, compared with
     *                     the chosen configuration trained on the same sample
     */
    public record Row(String decision, String setting, double validMacroF1, double testMacroF1, double testAccuracy,
                      int features, double trainMillis, int trainDocs) {
    }
}

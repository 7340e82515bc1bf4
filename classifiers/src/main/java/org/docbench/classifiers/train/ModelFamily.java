package org.docbench.classifiers.train;

import java.util.List;
import java.util.Objects;

/**
 * A model family with the small grid of configurations inner validation chooses from.
 * Immutable.
 *
 * @param name           family name, e.g. {@code liblinear-svm}
 * @param description    one line for the report
 * @param grid           candidate configurations, in preference order (ties go to the first)
 * @param linear         true when the model has one weight per feature and label, so its top
 *                       features mean something
 * @param selectFeatures when positive, train on the top-k chi-square features only (trees and
 *                       kernels are too slow on the full n-gram space); 0 for all features
 * @param maxTrainDocuments when positive, train on a seeded stratified sample of at most this many
 *                       training documents (slow models on large corpora); 0 for all
 */
public record ModelFamily(String name, String description, List<TrainerSpec> grid, boolean linear, int selectFeatures,
                          int maxTrainDocuments) {

    public ModelFamily {
        Objects.requireNonNull(name, "name");
        grid = List.copyOf(grid);
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("grid of " + name + " must not be empty");
        }
        if (selectFeatures < 0) {
            throw new IllegalArgumentException("selectFeatures must be >= 0, got " + selectFeatures);
        }
        if (maxTrainDocuments < 0) {
            throw new IllegalArgumentException("maxTrainDocuments must be >= 0, got " + maxTrainDocuments);
        }
    }

    public ModelFamily(String name, String description, List<TrainerSpec> grid, boolean linear, int selectFeatures) {
        this(name, description, grid, linear, selectFeatures, 0);
    }

    /** True when this family is a baseline (nothing to learn from the text). */
    public boolean baseline() {
        return is(Family.MAJORITY) || is(Family.STRATIFIED);
    }

    /** Whether this is {@code family} (whatever its grid, feature selection or sample). */
    public boolean is(Family family) {
        return family.is(name);
    }

    /** The same family trained on the top {@code k} chi-square features. */
    public ModelFamily withSelectFeatures(int k) {
        return new ModelFamily(name, description, grid, linear, k, maxTrainDocuments);
    }

    /** The same family trained on at most {@code n} training documents. */
    public ModelFamily withMaxTrainDocuments(int n) {
        return new ModelFamily(name, description, grid, linear, selectFeatures, n);
    }

    /** The same family with one configuration only (the grid's choice, e.g. for CV repeats). */
    public ModelFamily fixed(TrainerSpec spec) {
        return new ModelFamily(name, description, List.of(spec), linear, selectFeatures, maxTrainDocuments);
    }
}

package org.docbench.classifiers.train;

import java.util.Locale;

/**
 * docbench's model families, by the names the command line ({@code --model}, {@code --models}),
 * the report and its JSON use: {@link #toString()} and {@link #spelling()} give that name. Peers'
 * rows ({@code peer:...}) are no family of docbench's.
 */
public enum Family {
    MAJORITY, STRATIFIED, NAIVE_BAYES, LOGREG_SGD, SVM_SGD, LIBLINEAR_LR, LIBLINEAR_SVM, NB_SVM, LIBSVM_LINEAR, XGBOOST, CART,
    RANDOM_FOREST;

    private final String spelling = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name users and reports see, e.g. {@code liblinear-lr}. */
    public String spelling() {
        return spelling;
    }

    /** Whether {@code name} (a model family's or a report row's) is this family's. */
    public boolean is(String name) {
        return spelling.equals(name);
    }

    @Override
    public String toString() {
        return spelling;
    }
}

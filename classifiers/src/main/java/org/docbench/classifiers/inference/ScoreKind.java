package org.docbench.classifiers.inference;

import java.util.Locale;

/** What a model's scores are: probabilities (logistic regression, naive Bayes) or margins (SVMs). */
public enum ScoreKind {
    PROBABILITY, MARGIN;

    /** As the command line and its JSON write it: {@code probability} or {@code margin}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.docbench.classifiers.train;

import java.util.Locale;

/**
 * What a model's scores are: probabilities (logistic regression, naive Bayes, boosted and random
 * forests), margins (linear SVMs), or scores that are neither (a tree's or LibSVM's 0/1, the
 * baselines' one vote), comparable only within a document.
 */
public enum ScoreKind {
    PROBABILITY, MARGIN, SCORE;

    /** As the command line and its JSON write it: {@code probability}, {@code margin} or {@code score}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plural the command line's first line uses: "scores are ...". */
    public String plural() {
        return switch (this) {
            case PROBABILITY -> "probabilities";
            case MARGIN -> "margins";
            case SCORE -> "scores (0/1 or votes, comparable within a document only)";
        };
    }
}

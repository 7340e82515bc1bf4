package org.docbench.classifiers.train;

import java.util.Locale;

/**
 * What a model's per-label scores are, so a reader knows which comparisons they allow:
 *
 * <pre>
 * probability  P(label | text), sums to 1 over the labels     naive Bayes, logistic regression, XGBoost, fastText
 * margin       w·x + b of the label's linear scorer, any sign  linear SVMs (LibLinear, NB-SVM, SGD, scikit-learn's LinearSVC)
 * votes        one-vs-one contests the label won, 0 to k - 1   LibSVM
 * vote-share   share of the trees voting for the label         random forest
 * leaf-share   share of the leaf's training documents          CART
 * score        0/1 or one vote, comparable within a document   what the command line gives a baseline or an unknown model
 * none         no score at all (null in the predictions file)  the majority and stratified baselines in the report
 * </pre>
 *
 * Only probabilities are comparable across documents.
 */
public enum ScoreKind {
    PROBABILITY, MARGIN, VOTES, VOTE_SHARE, LEAF_SHARE, SCORE, NONE;

    /** As the command line and the report's JSON write it: {@code probability}, {@code margin}, {@code vote-share}... */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The plural the command line's first line uses: "scores are ...". */
    public String plural() {
        return switch (this) {
            case PROBABILITY -> "probabilities";
            case MARGIN -> "margins";
            case VOTES -> "one-vs-one votes (contests won, comparable within a document only)";
            case VOTE_SHARE -> "shares of the trees voting for each label";
            case LEAF_SHARE -> "shares of the leaf's training documents";
            case SCORE -> "scores (0/1 or votes, comparable within a document only)";
            case NONE -> "absent (the model scores nothing)";
        };
    }

    /**
     * The kind of scores a docbench family's model gives in the report; {@code probabilities} is
     * what Tribuo says of the trained model, for a family this does not know.
     */
    public static ScoreKind of(String family, boolean probabilities) {
        if (Family.MAJORITY.is(family) || Family.STRATIFIED.is(family)) {
            return NONE; // Tribuo's dummy models score nothing
        }
        if (Family.SVM_SGD.is(family) || Family.LIBLINEAR_SVM.is(family) || Family.NB_SVM.is(family)) {
            return MARGIN;
        }
        if (Family.LIBSVM_LINEAR.is(family)) {
            return VOTES; // LibSVM without its probability model counts pairwise wins
        }
        if (Family.RANDOM_FOREST.is(family)) {
            return VOTE_SHARE; // Tribuo's VotingCombiner: each tree votes for its top label
        }
        if (Family.CART.is(family)) {
            return LEAF_SHARE;
        }
        return probabilities ? PROBABILITY : SCORE;
    }
}

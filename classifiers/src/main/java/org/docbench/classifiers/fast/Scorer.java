package org.docbench.classifiers.fast;

import org.docbench.classifiers.train.SavedModel;

/**
 * Scores raw text with a saved model: through the compiled {@link FastLinearClassifier} when the
 * model's family compiles, else through Tribuo's {@code predict} (the fallback, named by
 * {@link #path()}). Immutable and shared; each thread scores through its own {@link Session}.
 */
public final class Scorer {
    /** Which way a scorer runs. */
    public enum Path { FAST, TRIBUO }

    private final SavedModel model;
    private final FastLinearClassifier fast;
    private final String[] labels;

    private Scorer(SavedModel model, FastLinearClassifier fast, String[] labels) {
        this.model = model;
        this.fast = fast;
        this.labels = labels;
    }

    /** Compiles {@code model} for the fast path when its family allows, else keeps Tribuo's. */
    public static Scorer of(SavedModel model) {
        FastLinearClassifier fast;
        try {
            fast = FastLinearClassifier.compile(model.features(), model.model());
        } catch (IllegalArgumentException unsupported) {
            fast = null;
        }
        String[] labels;
        if (fast != null) {
            labels = new String[fast.labelCount()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = fast.labelName(i);
            }
        } else {
            labels = model.model().getOutputIDInfo().getDomain().stream().map(l -> l.getLabel()).sorted().toArray(String[]::new);
        }
        return new Scorer(model, fast, labels);
    }

    public Path path() {
        return fast != null ? Path.FAST : Path.TRIBUO;
    }

    /** The label names, in the order of {@link Session#scores()}. */
    public String[] labels() {
        return labels.clone();
    }

    public String scoreKind() {
        return model.scoreKind();
    }

    /** Per-thread scoring state. Not thread-safe. */
    public Session newSession() {
        return new Session();
    }

    public final class Session {
        private final FastLinearClassifier.Session session = fast != null ? fast.newSession() : null;
        private final double[] tribuoScores = new double[labels.length];

        private Session() {
        }

        /**
         * Scores {@code rawText}; returns the best label's index, or -1 when the text holds no
         * feature the model knows (empty text included), which has no honest answer.
         */
        public int score(String rawText) {
            if (session != null) {
                int best = session.classify(rawText);
                return session.activeFeatures() == 0 ? -1 : best;
            }
            SavedModel.Classification c = model.classify(rawText);
            if (c.scores().isEmpty()) {
                return -1;
            }
            int best = 0;
            for (int i = 0; i < labels.length; i++) {
                tribuoScores[i] = c.scores().getOrDefault(labels[i], Double.NaN);
                if (tribuoScores[i] > tribuoScores[best]) {
                    best = i;
                }
            }
            return best;
        }

        /** Every label's score from the last {@link #score}; the array is reused by the next call. */
        public double[] scores() {
            return session != null ? session.scores() : tribuoScores;
        }
    }
}

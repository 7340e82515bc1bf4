package org.docbench.classifiers.inference;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.docbench.classifiers.train.ScoreKind;

/**
 * Scores raw text with a saved model: through the compiled {@link FastLinearClassifier} when the
 * model's family compiles, else through Tribuo's {@code predict} (the fallback, named by
 * {@link #path()}). Loading a file that carries compiled weights reads neither Tribuo's model
 * nor the JSON vocabulary. Immutable and shared; each thread scores through its own {@link Session}.
 */
public final class Scorer {
    /** Which way a scorer runs. */
    public enum Path { FAST, TRIBUO }

    private final Map<String, Object> provenance;
    private final FastLinearClassifier fast;
    private final SavedModel model;
    private final String[] labels;

    private Scorer(Map<String, Object> provenance, FastLinearClassifier fast, SavedModel model, String[] labels) {
        this.provenance = provenance;
        this.fast = fast;
        this.model = model;
        this.labels = labels;
    }

    /** Loads a model file written by {@code docbench train}. */
    public static Scorer load(java.nio.file.Path file) throws IOException {
        return load(ModelFile.read(file, true), file.toString());
    }

    /**
     * Loads a model from a stream (a classpath resource, say); {@code name} names it in errors.
     *
     * @throws java.io.UncheckedIOException when {@code in} fails to read (see {@link ModelFile#entries})
     */
    public static Scorer load(InputStream in, String name) {
        return load(ModelFile.entries(in, name, true), name);
    }

    private static Scorer load(Map<String, byte[]> entries, String name) {
        FastLinearClassifier fast = ModelFile.fast(entries, name);
        if (fast != null) {
            return new Scorer(ModelFile.provenance(entries, name), fast, null, labelsOf(fast));
        }
        Map<String, byte[]> all = entries.containsKey("model.tribuo") ? entries : null;
        if (all == null) {
            throw new IllegalArgumentException("model file " + name + " is not a docbench model: no model.tribuo inside");
        }
        return of(SavedModel.fromEntries(all, name));
    }

    /** Compiles {@code model} for the fast path when its family allows, else keeps Tribuo's. */
    public static Scorer of(SavedModel model) {
        FastLinearClassifier fast;
        try {
            fast = FastLinearClassifier.compile(model.features(), model.model());
        } catch (IllegalArgumentException unsupported) {
            fast = null;
        }
        String[] labels = fast != null ? labelsOf(fast)
                : model.model().getOutputIDInfo().getDomain().stream().map(l -> l.getLabel()).sorted().toArray(String[]::new);
        return new Scorer(model.provenance(), fast, fast != null ? null : model, labels);
    }

    private static String[] labelsOf(FastLinearClassifier fast) {
        String[] labels = new String[fast.labelCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = fast.labelName(i);
        }
        return labels;
    }

    public Path path() {
        return fast != null ? Path.FAST : Path.TRIBUO;
    }

    /** The label names, in the order of {@link Session#scores()}. */
    public String[] labels() {
        return labels.clone();
    }

    /** What the scores are: probabilities (softmax or one-vs-rest sigmoids), else margins. */
    public ScoreKind scoreKind() {
        if (fast == null) {
            return model.scoreKind();
        }
        return fast.probabilities() ? ScoreKind.PROBABILITY : ScoreKind.MARGIN;
    }

    /**
     * Whether the answers are seeded random draws (the stratified baseline): each depends on how
     * many were drawn before it, so they repeat only when drawn in the same order.
     */
    public boolean drawsInOrder() {
        return org.docbench.classifiers.train.Family.STRATIFIED.is(String.valueOf(provenance.get("family")));
    }

    /** What {@code docbench train} recorded: task, spec, seed, corpus and the rest. */
    public Map<String, Object> provenance() {
        return provenance;
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
        public int score(CharSequence rawText) {
            if (session != null) {
                int best = session.classify(rawText);
                return session.activeFeatures() == 0 ? -1 : best;
            }
            SavedModel.Classification c = model.classify(rawText.toString());
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

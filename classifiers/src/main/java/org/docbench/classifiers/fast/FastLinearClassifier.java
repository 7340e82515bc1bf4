package org.docbench.classifiers.fast;

import org.docbench.core.features.FastFeatures;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.text.Normalizer;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A trained Tribuo linear model compiled into primitive arrays, fed by {@link FastFeatures}:
 * raw text to label with no allocation per token or per feature. Scores equal Tribuo's
 * {@code model.predict} on the same extractor's examples (softmax probabilities for logistic
 * regression, raw margins for a hinge-loss SVM); tests check it on whole corpora.
 *
 * <p>The compiled weights are immutable and shared; per-call state lives in a {@link Session},
 * one per thread.
 */
public final class FastLinearClassifier {

    private final Normalizer normalizer;
    private final FastFeatures features;
    private final int labels;
    /** weights[feature * labels + label], indexed by the extractor's feature index. */
    private final double[] weights;
    private final double[] bias;
    private final boolean softmax;
    private final Label[] outputs;
    private final String[] names;

    private FastLinearClassifier(Normalizer normalizer, FastFeatures features, int labels, double[] weights, double[] bias,
                                 boolean softmax, Label[] outputs) {
        this.normalizer = normalizer;
        this.features = features;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
        this.softmax = softmax;
        this.outputs = outputs;
        this.names = new String[labels];
        for (int i = 0; i < labels; i++) {
            names[i] = outputs[i].getLabel();
        }
    }

    /**
     * Compiles {@code model}, trained on examples from {@code extractor}. Supports Tribuo's
     * {@link LinearSGDModel} (logistic regression, linear SVM by SGD).
     *
     * @throws IllegalArgumentException for any other model type, naming it
     */
    public static FastLinearClassifier compile(FeatureExtractor extractor, Model<Label> model) {
        if (!(model instanceof LinearSGDModel linear)) {
            throw new IllegalArgumentException("cannot compile a " + model.getClass().getSimpleName()
                    + "; supported: LinearSGDModel (logistic regression, linear SVM)");
        }
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        int labels = info.size();
        DenseMatrix w = linear.getWeightsCopy(); // [labels x (features + 1)], bias last
        int modelFeatures = fmap.size();
        FastFeatures fast = extractor.fast();
        double[] weights = new double[fast.featureCount() * labels];
        for (int v = 0; v < fast.featureCount(); v++) {
            // Names in the extractor's vocabulary that Tribuo never saw keep zero weight, as Tribuo ignores them.
            int id = fmap.getID(nameOf(extractor, v));
            if (id >= 0) {
                for (int l = 0; l < labels; l++) {
                    weights[v * labels + l] = w.get(l, id);
                }
            }
        }
        double[] bias = new double[labels];
        Label[] outputs = new Label[labels];
        for (int l = 0; l < labels; l++) {
            bias[l] = w.get(l, modelFeatures);
            outputs[l] = info.getOutput(l);
        }
        return new FastLinearClassifier(extractor.normalizer(), fast, labels, weights, bias,
                model.generatesProbabilities(), outputs);
    }

    private static String nameOf(FeatureExtractor extractor, int index) {
        return extractor.featureName(index);
    }

    public int labelCount() {
        return labels;
    }

    /** The label name of output index {@code i}, in Tribuo's output order. */
    public String labelName(int i) {
        return names[i];
    }

    /** A new per-thread session. */
    public Session newSession() {
        return new Session();
    }

    /** Per-thread buffers. Not thread-safe. */
    public final class Session {
        private final FastFeatures.Scratch scratch = features.newScratch();
        private final double[] scores = new double[labels];
        private int active;

        /** Classifies raw text (normalized with the extractor's normalizer); returns the output index. */
        public int classify(String rawText) {
            return classifyNormalized(normalizer.normalize(rawText).text());
        }

        /** Classifies text already normalized; returns the output index of the best label. */
        public int classifyNormalized(CharSequence text) {
            int n = features.extract(text, scratch);
            active = n;
            int[] idx = scratch.indices();
            double[] val = scratch.values();
            double[] s = scores;
            System.arraycopy(bias, 0, s, 0, labels);
            for (int i = 0; i < n; i++) {
                int base = idx[i] * labels;
                double x = val[i];
                for (int l = 0; l < labels; l++) {
                    s[l] += weights[base + l] * x;
                }
            }
            if (softmax) {
                double max = Double.NEGATIVE_INFINITY;
                for (int l = 0; l < labels; l++) {
                    max = Math.max(max, s[l]);
                }
                double sum = 0;
                for (int l = 0; l < labels; l++) {
                    s[l] = Math.exp(s[l] - max);
                    sum += s[l];
                }
                for (int l = 0; l < labels; l++) {
                    s[l] /= sum;
                }
            }
            int best = 0;
            for (int l = 1; l < labels; l++) {
                if (s[l] > s[best]) {
                    best = l;
                }
            }
            return best;
        }

        /** Scores of the last call, by output index; the array is reused. */
        public double[] scores() {
            return scores;
        }

        /** Number of known features in the last document; 0 means the label is the bias alone. */
        public int activeFeatures() {
            return active;
        }
    }
}

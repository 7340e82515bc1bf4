package org.docbench.classifiers.inference;

import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.docbench.core.features.Weights;
import org.docbench.core.features.fast.FastFeatures;
import org.docbench.core.features.fast.Scratch;
import org.docbench.core.text.Normalizer;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.mnb.MultinomialNaiveBayesModel;
import org.tribuo.classification.mnb.protos.MultinomialNaiveBayesProto;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * A trained Tribuo linear model compiled into primitive arrays, fed by {@link FastFeatures}:
 * raw text to label with no allocation per token or per feature. Scores equal Tribuo's
 * {@code model.predict} on the same extractor's examples (softmax probabilities for logistic
 * regression by SGD and naive Bayes, LibLinear's normalized one-vs-rest sigmoids for its logistic
 * regression, raw margins for SVMs); tests check it on whole corpora.
 *
 * <p>The compiled weights are immutable and shared; per-call state lives in a {@link Session},
 * one per thread.
 */
public final class FastLinearClassifier {

    private final Normalizer normalizer;
    private final FastFeatures features;
    private final int labels;
    /**
     * One row of {@code labels + 1} floats per feature, in {@link FastFeatures}' slot order, as
     * {@link FastFeatures#row} lays it out: the square of the feature's scale (its idf under
     * TF-IDF, else 1), then its weight for each label times the scale. Sums are in doubles.
     */
    private final float[] rows;
    private final FeatureSpec.Weighting weighting;
    /** The normalizer leaves every token as it is (no step on), so raw text is tokenized directly. */
    private final boolean rawTokens;
    private final double[] bias;
    private final Link link;
    private final Label[] outputs;
    private final String[] names;

    /** How the linear scores become the model's scores. */
    private enum Link {
        /** Raw margins (SVMs). */
        IDENTITY,
        /** Softmax (Tribuo's SGD logistic regression, naive Bayes). */
        SOFTMAX,
        /**
         * A sigmoid per class, divided by their sum: LibLinear's one-vs-rest probabilities
         * ({@code Linear.predictProbability}); with two classes it is {@code p, 1 - p}.
         */
        OVR_SIGMOID
    }

    private FastLinearClassifier(Normalizer normalizer, FastFeatures features, int labels, float[] rows, double[] bias,
                                 Link link, Label[] outputs) {
        this.normalizer = normalizer;
        this.features = features;
        this.labels = labels;
        this.weighting = features.weighting();
        this.rows = rows;
        this.rawTokens = normalizer.steps().isEmpty();
        this.bias = bias;
        this.link = link;
        this.outputs = outputs;
        this.names = new String[labels];
        for (int i = 0; i < labels; i++) {
            names[i] = outputs[i].getLabel();
        }
    }

    /**
     * Compiles {@code model}, trained on examples from {@code extractor}. Supports Tribuo's
     * {@link LinearSGDModel} (logistic regression, linear SVM by SGD),
     * {@link LibLinearClassificationModel} (LibLinear's linear SVMs and logistic regression) and
     * {@link MultinomialNaiveBayesModel}.
     *
     * @throws IllegalArgumentException for any other model type, naming it
     */
    public static FastLinearClassifier compile(FeatureExtractor extractor, Model<Label> model) {
        if (model instanceof LinearSGDModel linear) {
            return compileLinear(extractor, linear);
        }
        if (model instanceof MultinomialNaiveBayesModel nb) {
            return compileNaiveBayes(extractor, nb);
        }
        if (model instanceof LibLinearClassificationModel liblinear) {
            return compileLibLinear(extractor, liblinear);
        }
        throw new IllegalArgumentException("cannot compile a " + model.getClass().getSimpleName()
                + "; supported: LinearSGDModel (logistic regression, linear SVM), LibLinearClassificationModel, "
                + "MultinomialNaiveBayesModel");
    }

    /**
     * LibLinear keeps one weight vector per class (one in all when there are two classes, the
     * second class scoring its negation), laid out feature by feature: the weight of Tribuo
     * feature id {@code f} for class {@code l} is {@code w[f * nr_w + l]}. Tribuo appends a bias
     * feature of value 1 after the last feature id, so the bias is the row after the features.
     * Output {@code l} is LibLinear's label order, which Tribuo's predictions follow.
     */
    private static FastLinearClassifier compileLibLinear(FeatureExtractor extractor, LibLinearClassificationModel model) {
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        int classes = inner.getNrClass();
        if (classes != info.size()) {
            throw new IllegalArgumentException("cannot compile a LibLinear model that saw " + classes + " of its "
                    + info.size() + " labels in training");
        }
        int[] ids = inner.getLabels();
        int nrW = classes == 2 && inner.getSolverType() != de.bwaldvogel.liblinear.SolverType.MCSVM_CS ? 1 : classes;
        double[] w = inner.getFeatureWeights();
        // Liblinear reads a node of index i (1-based) only when i <= this; the bias node is fmap.size() + 1.
        int readable = inner.getBias() >= 0 ? inner.getNrFeature() + 1 : inner.getNrFeature();
        ModelWeight weight = (l, id) -> {
            if (id + 1 > readable) {
                return 0.0;
            }
            return nrW == 1 ? (l == 0 ? w[id] : -w[id]) : w[id * nrW + l];
        };
        FastFeatures fast = FastFeatures.of(extractor);
        float[] rows = rows(extractor, fast, fmap, classes, weight);
        double[] bias = new double[classes];
        Label[] outputs = new Label[classes];
        for (int l = 0; l < classes; l++) {
            bias[l] = weight.get(l, fmap.size());
            outputs[l] = info.getOutput(ids[l]);
        }
        return new FastLinearClassifier(extractor.normalizer(), fast, classes, rows, bias,
                inner.isProbabilityModel() ? Link.OVR_SIGMOID : Link.IDENTITY, outputs);
    }

    private static FastLinearClassifier compileLinear(FeatureExtractor extractor, LinearSGDModel model) {
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        int labels = info.size();
        DenseMatrix w = model.getWeightsCopy(); // [labels x (features + 1)], bias last
        int modelFeatures = fmap.size();
        FastFeatures fast = FastFeatures.of(extractor);
        float[] rows = rows(extractor, fast, fmap, labels, w::get);
        double[] bias = new double[labels];
        for (int l = 0; l < labels; l++) {
            bias[l] = w.get(l, modelFeatures);
        }
        return new FastLinearClassifier(extractor.normalizer(), fast, labels, rows, bias,
                model.generatesProbabilities() ? Link.SOFTMAX : Link.IDENTITY, outputs(info));
    }

    /**
     * Naive Bayes is linear in the features: a class's score is the sum of feature value times
     * the class's log-probability of the feature, where a feature the class never saw gets
     * Tribuo's smoothed {@code log(alpha / (|row|_1 + V alpha))}; the scores then go through
     * Tribuo's exp-normalizer, which is a softmax. The weights come from the model's own
     * serialized form, so no private field is read.
     */
    private static FastLinearClassifier compileNaiveBayes(FeatureExtractor extractor, MultinomialNaiveBayesModel model) {
        MultinomialNaiveBayesProto proto;
        try {
            proto = model.serialize().getSerializedData().unpack(MultinomialNaiveBayesProto.class);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo wrote a naive Bayes model it cannot read back", e);
        }
        DenseSparseMatrix probs = (DenseSparseMatrix) Tensor.deserialize(proto.getLabelWordProbs());
        double alpha = proto.getAlpha();
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        int labels = info.size();
        int vocab = probs.getDimension2Size();
        double[][] byLabel = new double[labels][vocab];
        for (int l = 0; l < labels; l++) {
            SparseVector row = probs.getRow(l);
            double unobserved = alpha > 0 ? Math.log(alpha / (row.oneNorm() + vocab * alpha)) : 0.0;
            java.util.Arrays.fill(byLabel[l], unobserved);
            for (VectorTuple t : row) {
                byLabel[l][t.index] = t.value;
            }
        }
        FastFeatures fast = FastFeatures.of(extractor);
        float[] rows = rows(extractor, fast, fmap, labels, (l, id) -> byLabel[l][id]);
        return new FastLinearClassifier(extractor.normalizer(), fast, labels, rows, new double[labels], Link.SOFTMAX,
                outputs(info));
    }

    private static Label[] outputs(ImmutableOutputInfo<Label> info) {
        Label[] out = new Label[info.size()];
        for (int l = 0; l < out.length; l++) {
            out[l] = info.getOutput(l);
        }
        return out;
    }

    /** A model weight by (label, Tribuo feature id). */
    private interface ModelWeight {
        double get(int label, int featureId);
    }

    /**
     * The model's weights in the layout of {@link #rows}: one row per {@link FastFeatures} slot.
     * Names in the extractor's vocabulary that Tribuo never saw keep zero weight, as Tribuo
     * ignores them.
     */
    private static float[] rows(FeatureExtractor extractor, FastFeatures fast, ImmutableFeatureMap fmap,
                                int labels, ModelWeight weight) {
        float[] rows = new float[fast.featureCount() * (labels + 1)];
        double[] weights = new double[labels];
        for (int slot = 0; slot < fast.featureCount(); slot++) {
            int id = fmap.getID(extractor.featureName(fast.slotFeature(slot)));
            for (int l = 0; l < labels; l++) {
                weights[l] = id >= 0 ? weight.get(l, id) : 0.0;
            }
            fast.row(slot, weights, rows);
        }
        return rows;
    }

    public int labelCount() {
        return labels;
    }

    /** True when the scores are probabilities (softmax or one-vs-rest sigmoids), false for raw margins. */
    public boolean probabilities() {
        return link != Link.IDENTITY;
    }

    /**
     * Writes the compiled features and weights (labels, bias, rows), which {@link #read} turns
     * back into this classifier given the spec: loading them skips Tribuo's model, the
     * vocabulary's names and the compilation, most of a cold start.
     */
    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        features.write(out);
        out.writeInt(labels);
        for (int l = 0; l < labels; l++) {
            out.writeUTF(names[l]);
            out.writeDouble(bias[l]);
        }
        out.writeUTF(link.name());
        out.writeInt(rows.length);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(rows.length * Float.BYTES);
        buf.asFloatBuffer().put(rows);
        out.write(buf.array());
    }

    /** Reads what {@link #write} wrote, for {@code spec}, the feature spec it was compiled under. */
    public static FastLinearClassifier read(java.io.DataInputStream in, FeatureSpec spec) throws java.io.IOException {
        FastFeatures fast = FastFeatures.read(in, spec);
        int labels = in.readInt();
        if (labels < 1) {
            throw new java.io.IOException("compiled weights for " + labels + " labels");
        }
        Label[] outputs = new Label[labels];
        double[] bias = new double[labels];
        for (int l = 0; l < labels; l++) {
            outputs[l] = new Label(in.readUTF());
            bias[l] = in.readDouble();
        }
        Link link = Link.valueOf(in.readUTF());
        int n = in.readInt();
        if (n != fast.featureCount() * (labels + 1)) {
            throw new java.io.IOException("compiled weights hold " + n + " floats; this vocabulary needs "
                    + fast.featureCount() * (labels + 1));
        }
        byte[] bytes = in.readNBytes(n * Float.BYTES);
        if (bytes.length != n * Float.BYTES) {
            throw new java.io.EOFException("compiled weights end early");
        }
        float[] rows = new float[n];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(rows);
        return new FastLinearClassifier(spec.normalizer(), fast, labels, rows, bias, link, outputs);
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
        private final Scratch scratch = features.newScratch();
        private final double[] scores = new double[labels];
        private int active;

        /**
         * Classifies raw text (normalized with the extractor's normalizer); returns the output
         * index. With {@link Normalizer#none()}, whose trimming of lines never changes a token,
         * the raw text goes straight to the tokenizer and nothing is allocated.
         */
        public int classify(CharSequence rawText) {
            return classifyNormalized(rawTokens ? rawText : normalizer.normalize(rawText.toString()).text());
        }

        /** Classifies text already normalized; returns the output index of the best label. */
        public int classifyNormalized(CharSequence text) {
            int n = features.score(text, scratch, rows, labels, scores);
            active = n;
            double[] s = scores;
            // Weights are linear in the feature values, so TF-IDF's L2 norm divides each sum once.
            double scale = Weights.normalizer(weighting, scratch.sumOfSquares());
            for (int l = 0; l < labels; l++) {
                s[l] = s[l] * scale + bias[l];
            }
            if (link == Link.OVR_SIGMOID) {
                if (labels == 2) {
                    s[0] = 1.0 / (1.0 + Math.exp(-s[0]));
                    s[1] = 1.0 - s[0];
                } else {
                    double sum = 0;
                    for (int l = 0; l < labels; l++) {
                        s[l] = 1.0 / (1.0 + Math.exp(-s[l]));
                        sum += s[l];
                    }
                    for (int l = 0; l < labels; l++) {
                        s[l] /= sum;
                    }
                }
            } else if (link == Link.SOFTMAX) {
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

package org.docbench.classifiers.train;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.tribuo.classification.liblinear.LinearClassificationType;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;

/**
 * NB-SVM (Wang and Manning, "Baselines and Bigrams", ACL 2012): for each class, a LibLinear
 * L2-loss SVM of that class against the rest on features scaled by their naive Bayes log-count
 * ratio, {@code r = ln((p / |p|_1) / (q / |q|_1))}, where {@code p} and {@code q} count the
 * training documents holding each feature in the class and outside it, plus {@code alpha}.
 * Words that mark one class get larger values before the SVM weighs them.
 *
 * <p>The scaling is folded into the weights ({@code w_c[f] r_c[f]}), so the result is an
 * ordinary one-vs-rest {@code LibLinearClassificationModel} on the unscaled features: Tribuo's
 * {@code predict}, the saved model file and the compiled fast path serve it unchanged. The bias
 * feature is not scaled. Deterministic: the sums run in a fixed order and each class's solver is
 * seeded from the trainer's seed and the class's index.
 */
public final class NbSvmTrainer extends LibLinearOnEveryCore {

    private final double alpha;

    /**
     * @param cost                 the SVM's C
     * @param maxIterations        LibLinear's iteration cap
     * @param terminationCriterion LibLinear's eps
     * @param alpha                smoothing added to each feature's document count, > 0
     * @param seed                 LibLinear's seed
     */
    public NbSvmTrainer(double cost, int maxIterations, double terminationCriterion, double alpha, long seed) {
        super(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL, cost, maxIterations, terminationCriterion, seed);
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    protected List<Model> trainModels(Parameter params, int dimension, FeatureNode[][] features, double[][] outputs) {
        double[] y = outputs[0];
        int[] classes = Arrays.stream(y).mapToInt(v -> (int) v).distinct().sorted().toArray();
        int n = dimension - 1; // feature ids 1..n; id n + 1 is Tribuo's bias feature
        int[] docsWith = new int[classes.length * (n + 1)];
        for (int i = 0; i < features.length; i++) {
            int k = Arrays.binarySearch(classes, (int) y[i]);
            for (FeatureNode node : features[i]) {
                if (node.index <= n && node.value != 0) {
                    docsWith[k * (n + 1) + node.index]++;
                }
            }
        }
        // Two classes need one vector (LibLinear's binary layout); more need one per class.
        int vectors = classes.length == 2 ? 1 : classes.length;
        double[][] weights = new double[vectors][];
        // The classes' problems are independent: they train in parallel, each with its own seeded
        // solver, so the result does not depend on which thread ran which.
        IntStream.range(0, vectors).parallel().forEach(v -> {
            Parameter p = params.clone();
            p.setRandom(new Random(seed + v));
            weights[v] = trainOne(p, dimension, features, y, classes[v], logCountRatio(docsWith, classes.length, v, n));
        });
        return List.of(combined(classes, n, weights));
    }

    /** {@code r[f]} for f in 1..n: class {@code k}'s naive Bayes log-count ratio against the others. */
    private double[] logCountRatio(int[] docsWith, int classCount, int k, int n) {
        double[] r = new double[n + 1];
        double pSum = 0;
        double qSum = 0;
        for (int f = 1; f <= n; f++) {
            int all = 0;
            for (int j = 0; j < classCount; j++) {
                all += docsWith[j * (n + 1) + f];
            }
            int in = docsWith[k * (n + 1) + f];
            r[f] = Math.log((alpha + in) / (alpha + all - in)); // ln(p / q); the sums' ratio comes next
            pSum += alpha + in;
            qSum += alpha + all - in;
        }
        double shift = Math.log(qSum / pSum);
        for (int f = 1; f <= n; f++) {
            r[f] += shift;
        }
        return r;
    }

    /**
     * Trains {@code positive} against the rest on features scaled by {@code r}; returns the
     * weights on the unscaled features, {@code w[f] r[f]} for f in 1..n and the bias at n + 1.
     */
    private static double[] trainOne(Parameter params, int dimension, FeatureNode[][] features, double[] y, int positive,
                                     double[] r) {
        int n = dimension - 1;
        Problem problem = new Problem();
        problem.l = features.length;
        problem.n = dimension;
        problem.bias = 1;
        problem.x = new Feature[features.length][];
        problem.y = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            FeatureNode[] row = features[i];
            Feature[] scaled = new Feature[row.length];
            for (int j = 0; j < row.length; j++) {
                int f = row[j].index;
                scaled[j] = new FeatureNode(f, f <= n ? row[j].value * r[f] : row[j].value);
            }
            problem.x[i] = scaled;
            problem.y[i] = (int) y[i] == positive ? 1 : 0;
        }
        Model binary = Linear.train(problem, params);
        double[] w = new double[n + 2];
        if (binary.getNrClass() < 2) {
            // Every training document is in the class or none is: a constant score, from the bias.
            w[n + 1] = binary.getLabels()[0] == 1 ? 1 : -1;
            return w;
        }
        int label = indexOf(binary.getLabels(), 1);
        for (int f = 1; f <= n; f++) {
            w[f] = binary.getDecfunCoef(f, label) * r[f];
        }
        w[n + 1] = binary.getDecfunBias(label); // the bias feature is 1
        return w;
    }

    /** One LibLinear model holding every class's vector, in LibLinear's saved layout (read back by {@link Model#load}). */
    private static Model combined(int[] classes, int n, double[][] weights) {
        StringBuilder sb = new StringBuilder(32 * (n + 1) * weights.length + 256);
        sb.append("solver_type L2R_L2LOSS_SVC_DUAL\nnr_class ").append(classes.length).append("\nlabel");
        for (int c : classes) {
            sb.append(' ').append(c);
        }
        sb.append("\nnr_feature ").append(n).append("\nbias 1\nw\n");
        for (int f = 1; f <= n + 1; f++) {
            for (double[] w : weights) {
                sb.append(Double.toString(w[f])).append(' ');
            }
            sb.append('\n');
        }
        try {
            return Model.load(new StringReader(sb.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not assemble the NB-SVM model", e);
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "NbSvmTrainer(C=" + cost + ",alpha=" + alpha + ",maxIterations=" + maxIterations + ",eps=" + terminationCriterion
                + ",seed=" + seed + ")";
    }
}

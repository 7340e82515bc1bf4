package org.docbench.classifiers.eval;

import java.util.ArrayList;
import java.util.List;

import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.ModelRun;

/**
 * Scores of one set of predictions against the truth, over a fixed, ordered label list.
 * Immutable; arrays are copied on the way in and out.
 *
 * <table>
 * <caption>Example: labels [a, b], truth [a, a, b, b], predicted [a, b, b, b]</caption>
 * <tr><th>score</th><th>value</th></tr>
 * <tr><td>accuracy</td><td>3/4 = 0.75</td></tr>
 * <tr><td>a: P, R, F1</td><td>1, 0.5, 0.667</td></tr>
 * <tr><td>b: P, R, F1</td><td>0.667, 1, 0.8</td></tr>
 * <tr><td>macro-F1</td><td>(0.667 + 0.8) / 2 = 0.733</td></tr>
 * </table>
 *
 * <p>Labels with no true document (support 0) are left out of macro-F1: their recall is
 * undefined, and counting them as F1 = 0 would punish every model for the test part's
 * composition. This is scikit-learn's {@code f1_score(average="macro", labels=L)} with L the
 * labels that occur in the truth. Predictions of such a label are still errors: they lower the
 * recall of the true label and the precision of the predicted one. {@link #withoutSupport()}
 * names them, so a report can say so.
 *
 * @param labels     label names, the index order of the confusion matrix
 * @param accuracy   fraction predicted correctly
 * @param macroF1    unweighted mean of per-label F1 over the labels with at least one true document (0 when none has)
 * @param weightedF1 mean of per-label F1 weighted by support
 * @param perClass   per-label precision, recall, F1, support, in label order
 * @param confusion  confusion[truth][predicted] counts
 */
public record Metrics(List<String> labels, double accuracy, double macroF1, double weightedF1,
                      List<ClassScores> perClass, int[][] confusion) {

    public Metrics {
        labels = List.copyOf(labels);
        perClass = List.copyOf(perClass);
        confusion = copy(confusion);
    }

    @Override
    public int[][] confusion() {
        return copy(confusion);
    }

    /** Macro-F1 as the score a family's grid is searched by on validation data. */
    public static final ExperimentTrainer.Criterion MACRO_F1 = (labels, truth, predicted) -> of(labels, truth, predicted).macroF1();

    /** Scores a model's predictions on the test part. */
    public static Metrics of(ModelRun run) {
        return of(run.labels(), run.truth(), run.predicted());
    }

    /** Scores a model's predictions on a held-out part. */
    public static Metrics of(ExperimentTrainer.HeldOut part) {
        return of(part.labels(), part.truth(), part.predicted());
    }

    /** Scores predicted label indices {@code predicted} against {@code truth} (indices into {@code labels}). */
    public static Metrics of(List<String> labels, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predicted differ in length: " + truth.length + " vs " + predicted.length);
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("no predictions to score");
        }
        int k = labels.size();
        int[][] cm = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            cm[truth[i]][predicted[i]]++;
        }
        return fromConfusion(labels, cm);
    }

    /** Scores a confusion matrix confusion[truth][predicted]. */
    public static Metrics fromConfusion(List<String> labels, int[][] cm) {
        int k = labels.size();
        int n = 0;
        int correct = 0;
        int[] support = new int[k];
        int[] predictedCount = new int[k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                n += cm[t][p];
                support[t] += cm[t][p];
                predictedCount[p] += cm[t][p];
            }
            correct += cm[t][t];
        }
        List<ClassScores> per = new ArrayList<>(k);
        double macro = 0;
        int supported = 0;
        double weighted = 0;
        for (int c = 0; c < k; c++) {
            double precision = predictedCount[c] == 0 ? 0 : (double) cm[c][c] / predictedCount[c];
            double recall = support[c] == 0 ? 0 : (double) cm[c][c] / support[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.add(new ClassScores(labels.get(c), precision, recall, f1, support[c]));
            if (support[c] > 0) {
                macro += f1;
                supported++;
            }
            weighted += f1 * support[c];
        }
        return new Metrics(labels, n == 0 ? 0 : (double) correct / n, supported == 0 ? 0 : macro / supported, n == 0 ? 0 : weighted / n, per, cm);
    }

    /** Labels with no true document, in label order: left out of {@link #macroF1()}. */
    public List<String> withoutSupport() {
        return perClass.stream().filter(c -> c.support() == 0).map(ClassScores::label).toList();
    }

    private static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}

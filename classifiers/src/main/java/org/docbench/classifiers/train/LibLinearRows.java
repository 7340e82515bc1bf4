package org.docbench.classifiers.train;

import java.util.List;
import java.util.stream.IntStream;

import org.docbench.classifiers.progress.Progress;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableOutputInfo;
import org.tribuo.classification.Label;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;

/**
 * A LibLinear family trained and scored on rows built straight from the extractor's vocabulary
 * indices, without Tribuo examples or a Tribuo dataset: for ablation rows, which need each
 * configuration's predictions and nothing of the model after. The rows are the ones Tribuo's
 * trainer builds (feature index + 1, the bias feature last; Tribuo numbers features in name
 * order, as the vocabulary does), the trainer and its solver call are the same, and a prediction
 * picks the label as Tribuo's {@code LibLinearClassificationModel.predict} does, so the
 * predictions are the same ({@code LibLinearRowsTest} compares the two paths). A Tribuo dataset
 * records every feature's values and its trainer looks every feature name up again, work a row
 * that needs only predictions can skip (bench/RESULTS.md, "The accuracy report's time").
 */
final class LibLinearRows {
    private LibLinearRows() {
    }

    /**
     * Fits {@code features} on the runner's training part, trains with {@code trainer} (fresh) on
     * it, predicts the valid and test parts: {@link ExperimentTrainer#validAndTest} for a runner
     * nothing else uses.
     */
    static ExperimentTrainer.ValidAndTest validAndTest(ExperimentTrainer runner, FeatureSpec features,
                                                       LibLinearOnEveryCore trainer, ProgressMeter meter) {
        Experiment exp = runner.experiment();
        String task = exp.task();
        FeatureExtractor fx;
        try (Progress p = meter.start("fit features " + exp.id(), exp.train().size(), "docs")) {
            fx = FeatureExtractor.fit(features, exp.train().stream().map(LabeledDocument::text).toList(), p::stepFromAnyThread);
        }
        int bias = fx.featureCount() + 1;
        FeatureNode[][] train = rows(fx, exp.train(), bias, meter, "featurize " + exp.id() + " train");
        MutableOutputInfo<Label> seen = Featurized.LABELS.generateInfo();
        exp.train().forEach(d -> seen.observe(new Label(d.label(task))));
        ImmutableOutputInfo<Label> ids = seen.generateImmutableOutputInfo();
        double[][] y = new double[1][train.length];
        for (int i = 0; i < train.length; i++) {
            if (train[i].length == 1) {
                throw new IllegalArgumentException(exp.id() + ": training document " + exp.train().get(i).id()
                        + " has no feature; Tribuo refuses such an example");
            }
            y[0][i] = ids.getID(new Label(exp.train().get(i).label(task)));
        }
        long t0 = System.nanoTime();
        Model model = trainer.trainRows(ids, bias, train, y).get(0);
        long nanos = System.nanoTime() - t0;
        train = null; // the training rows are the largest thing held; the held-out parts come next
        String fallback = Majority.of(exp.train().stream().map(d -> d.label(task)).toList());
        ExperimentTrainer.HeldOut valid = heldOut(runner, model, ids, fallback,
                rows(fx, exp.valid(), bias, meter, "featurize " + exp.id() + " valid"), exp.valid());
        ExperimentTrainer.HeldOut test = heldOut(runner, model, ids, fallback,
                rows(fx, exp.test(), bias, meter, "featurize " + exp.id() + " test"), exp.test());
        return new ExperimentTrainer.ValidAndTest(valid, test, fx.featureCount(), nanos / 1e6);
    }

    /** Each document's row on every core: its features by index + 1, then the bias feature. */
    private static FeatureNode[][] rows(FeatureExtractor fx, List<LabeledDocument> docs, int bias, ProgressMeter meter,
                                        String name) {
        FeatureNode[][] rows = new FeatureNode[docs.size()][];
        try (Progress p = meter.start(name, docs.size(), "docs")) {
            IntStream.range(0, docs.size()).parallel().forEach(i -> {
                FeatureExtractor.Indexed x = fx.indexed(docs.get(i).text());
                FeatureNode[] row = new FeatureNode[x.indices().length + 1];
                for (int j = 0; j < x.indices().length; j++) {
                    row[j] = new FeatureNode(x.indices()[j] + 1, x.values()[j]);
                }
                row[row.length - 1] = new FeatureNode(bias, 1.0);
                rows[i] = row;
                p.stepFromAnyThread();
            });
        }
        return rows;
    }

    private static ExperimentTrainer.HeldOut heldOut(ExperimentTrainer runner, Model model, ImmutableOutputInfo<Label> ids,
                                                     String fallback, FeatureNode[][] rows, List<LabeledDocument> docs) {
        List<String> labels = runner.labels();
        int[] predicted = IntStream.range(0, rows.length).parallel()
                .map(i -> labels.indexOf(rows[i].length == 1 ? fallback : label(model, ids, rows[i])))
                .toArray();
        return new ExperimentTrainer.HeldOut(labels, runner.truth(docs), predicted);
    }

    /**
     * The label Tribuo's {@code LibLinearClassificationModel.predict} gives {@code row}: every
     * class's value (probabilities for a probabilistic model), the second of two set to minus the
     * first when LibLinear leaves it 0, and the first strictly greatest in the model's label order.
     */
    static String label(Model model, ImmutableOutputInfo<Label> ids, Feature[] row) {
        double[] scores = new double[model.getNrClass()];
        if (model.isProbabilityModel()) {
            Linear.predictProbability(model, row, scores);
        } else {
            Linear.predictValues(model, row, scores);
        }
        if (scores.length == 2 && scores[1] == 0) {
            scores[1] = -scores[0];
        }
        int best = -1;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > max) {
                max = scores[i];
                best = i;
            }
        }
        return ids.getOutput(model.getLabels()[best]).getLabel();
    }
}

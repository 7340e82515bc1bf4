package org.docbench.classifiers.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.liblinear.LibLinearModel;

/**
 * A model an {@link ExperimentTrainer} trained, with its training time and the fallback label for
 * documents with no feature it knows; predicts held-out examples as label indices into the
 * experiment's labels. Its own class because predicting (the fallback, the slices on every core,
 * the scores per label) and reading a linear model's weights need the model and the labels only,
 * none of the trainer's data. Immutable; {@link #predict} is as thread-safe as the model's own.
 */
final class TrainedModel {
    final Model<Label> model;
    final long nanos;
    final String fallback;
    /** Every label of the experiment, the order of the indices {@link #predict} gives. */
    private final List<String> labels;

    TrainedModel(Model<Label> model, long nanos, String fallback, List<String> labels) {
        this.model = model;
        this.nanos = nanos;
        this.fallback = fallback;
        this.labels = labels;
    }

    /**
     * Predictions as label indices, confidences and every label's score (rows null for the fallback).
     *
     * @param predicted  predicted label index of each example
     * @param confidence the predicted label's score, 0 for the fallback
     * @param scores     each label's score, NaN for a label the model does not know
     */
    record Predicted(int[] predicted, double[] confidence, double[][] scores) {
    }

    /**
     * Predicts {@code examples}; {@code parallel} spreads a LibLinear model's over every core,
     * with the same predictions in the same order (its predict is a pure function of the
     * example; the stratified baseline's, for one, draws from a random stream in call order).
     * The test part whose time gives a model's documents per second is predicted on one
     * thread, as the peers predict.
     */
    Predicted predict(List<Example<Label>> examples, boolean parallel) {
        int[] pred = new int[examples.size()];
        double[] conf = new double[examples.size()];
        double[][] all = new double[examples.size()][];
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        List<Example<Label>> known = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (KnownFeatures.any(examples.get(i), fmap)) {
                known.add(examples.get(i));
                where.add(i);
            } else {
                // Tribuo refuses an example with no known feature; answer the training majority, with no confidence.
                pred[i] = labels.indexOf(fallback);
                conf[i] = 0;
            }
        }
        List<Prediction<Label>> out = known.isEmpty() ? List.of()
                : parallel && model instanceof LibLinearModel ? predictOnEveryCore(known) : model.predict(known);
        for (int j = 0; j < out.size(); j++) {
            Label l = out.get(j).getOutput();
            int i = where.get(j);
            int idx = labels.indexOf(l.getLabel());
            pred[i] = idx;
            conf[i] = l.getScore();
            double[] row = new double[labels.size()];
            java.util.Arrays.fill(row, Double.NaN);
            out.get(j).getOutputScores().forEach((name, score) -> {
                int c = labels.indexOf(name);
                if (c >= 0) {
                    row[c] = score.getScore();
                }
            });
            all[i] = row;
        }
        return new Predicted(pred, conf, all);
    }

    /** {@code model.predict} of fixed slices of {@code examples} on every core, joined in order. */
    private List<Prediction<Label>> predictOnEveryCore(List<Example<Label>> examples) {
        int slice = 256;
        int slices = (examples.size() + slice - 1) / slice;
        List<List<Prediction<Label>>> parts = IntStream.range(0, slices).parallel()
                .mapToObj(k -> model.predict(examples.subList(k * slice, Math.min(examples.size(), (k + 1) * slice))))
                .toList();
        List<Prediction<Label>> out = new ArrayList<>(examples.size());
        parts.forEach(out::addAll);
        return out;
    }

    /** The top {@code n} features of each label by weight, labels sorted; ties by name. Empty for a model without weights. */
    Map<String, List<Map.Entry<String, Double>>> topFeatures(int n) {
        Map<String, List<Map.Entry<String, Double>>> out = new TreeMap<>();
        try {
            Map<String, List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>>> top = model.getTopFeatures(n);
            Map<String, List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>>> sorted = new TreeMap<>(top);
            sorted.forEach((label, pairs) -> {
                if (label.equals(Model.ALL_OUTPUTS)) {
                    return;
                }
                List<Map.Entry<String, Double>> list = new ArrayList<>();
                pairs.forEach(p -> list.add(Map.entry(p.getA(), p.getB())));
                list.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
                out.put(label, List.copyOf(list));
            });
        } catch (UnsupportedOperationException e) {
            return Map.of();
        }
        return out;
    }
}

package org.docbench.bench;

import java.util.List;

import org.docbench.classifiers.study.AllSidesChoice;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.text.Normalizer;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * What every benchmark's {@code @Setup} needs, built one way: the texts of a corpus slice, their
 * sizes and normalized forms, the trainer a {@code model} parameter names and a model trained
 * with the fixed {@link #SEED}. Each benchmark class keeps its own {@code @Param}s (they are the
 * dimensions its lesson varies, and they name its rows in the JSON) and passes them here.
 */
public final class BenchFixtures {
    /** The one seed every benchmark trains with, so two runs measure the same model. */
    public static final long SEED = 1234L;

    private BenchFixtures() {
    }

    /** The texts of up to {@code limit} documents of {@code corpus} in {@code bucket} (see {@link BenchCorpus}). */
    public static String[] texts(String corpus, int limit, String bucket) {
        return texts(BenchCorpus.load(corpus, limit, bucket));
    }

    /** The texts of {@code docs}, in order. */
    public static String[] texts(List<LabeledDocument> docs) {
        return docs.stream().map(LabeledDocument::text).toArray(String[]::new);
    }

    /**
     * Up to {@code limit} documents of {@code corpus} on {@code topic} ({@code all} for every
     * topic) that carry a label for {@code task}.
     */
    public static List<LabeledDocument> labelled(String corpus, int limit, String topic, String task) {
        List<LabeledDocument> docs = BenchCorpus.load(corpus, limit, "all", topic).stream()
                .filter(d -> d.label(task) != null).toList();
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("no documents of " + corpus + " have a " + task + " label");
        }
        return docs;
    }

    /** The first 80% of {@code docs}: what the inference benchmarks train on. */
    public static List<LabeledDocument> trainingPart(List<LabeledDocument> docs) {
        return docs.subList(0, docs.size() * 4 / 5);
    }

    /** Each text's UTF-8 size in bytes, for the MB/s counters. */
    public static int[] utf8Lengths(String[] texts) {
        int[] bytes = new int[texts.length];
        for (int i = 0; i < texts.length; i++) {
            bytes[i] = BenchCorpus.utf8Length(texts[i]);
        }
        return bytes;
    }

    /** Each text as {@code normalizer} leaves it, for the methods that start after normalization. */
    public static String[] normalized(String[] texts, Normalizer normalizer) {
        String[] out = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = normalizer.normalize(texts[i]).text();
        }
        return out;
    }

    /**
     * The trainer a benchmark's {@code model} parameter names, from {@link Trainers}: {@code logreg}
     * and {@code svm} are SGD with AdaGrad (learning rate 0.5, 5 epochs: the report's first grid
     * point with half its epochs, since inference cost depends on the vocabulary, not on how long
     * the weights were trained), {@code nb} naive Bayes with alpha 1, {@code best} the accuracy
     * report's AllSides choice.
     */
    public static TrainerSpec trainer(String model) {
        return switch (model) {
            case "logreg" -> Trainers.logisticRegression(0.5, 5);
            case "svm" -> Trainers.linearSvmSgd(0.5, 5);
            case "nb" -> Trainers.naiveBayes(1.0);
            case "best" -> AllSidesChoice.chosen().model();
            default -> throw new IllegalArgumentException("model must be logreg, svm, nb or best, got " + model);
        };
    }

    /** {@code spec} trained with {@link #SEED} on {@code examples}; {@code source} names them in the provenance. */
    public static Model<Label> train(TrainerSpec spec, List<Example<Label>> examples, String source) {
        LabelFactory factory = new LabelFactory();
        return spec.create(SEED).train(new MutableDataset<>(
                new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance(source, factory))));
    }
}

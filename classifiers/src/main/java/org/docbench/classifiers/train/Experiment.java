package org.docbench.classifiers.train;

import java.util.List;
import java.util.Objects;

import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;

/**
 * One train/test experiment: a task of a corpus under one split scheme. Immutable.
 *
 * @param corpus corpus name
 * @param task   task name ({@code topic}, {@code stance})
 * @param split  split scheme name ({@code random}, {@code outlet}, {@code media}, ...)
 * @param train  training documents (all carry a label for {@code task})
 * @param valid  validation documents for choosing hyperparameters; empty means "hold out part of train"
 * @param test   test documents, never seen before the final score
 * @param design where the parts come from, in words, when they are not the corpus's published
 *               split (e.g. a split of our own and why); empty for a published split
 */
public record Experiment(String corpus, String task, String split, List<LabeledDocument> train,
                         List<LabeledDocument> valid, List<LabeledDocument> test, String design) {

    public Experiment {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(design, "design");
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("experiment " + corpus + "/" + task + "/" + split
                    + " needs training and test documents, got " + train.size() + " and " + test.size());
        }
        for (List<LabeledDocument> part : List.of(train, valid, test)) {
            for (LabeledDocument d : part) {
                if (d.label(task) == null) {
                    throw new IllegalArgumentException("document " + d.id() + " has no " + task + " label");
                }
            }
        }
    }

    /** An experiment on a published split (no design note). */
    public Experiment(String corpus, String task, String split, List<LabeledDocument> train,
                      List<LabeledDocument> valid, List<LabeledDocument> test) {
        this(corpus, task, split, train, valid, test, "");
    }

    /**
     * Splits {@code docs} by their part in {@code scheme}: train, valid (when the scheme has one)
     * and test. Documents without a label for {@code task} or without a part are left out.
     */
    public static Experiment of(String corpus, String task, String scheme, List<LabeledDocument> docs) {
        List<LabeledDocument> labeled = docs.stream().filter(d -> d.label(task) != null).toList();
        return new Experiment(corpus, task, scheme,
                part(labeled, scheme, Part.TRAIN), part(labeled, scheme, Part.VALID), part(labeled, scheme, Part.TEST));
    }

    private static List<LabeledDocument> part(List<LabeledDocument> docs, String scheme, Part part) {
        return docs.stream().filter(d -> d.part(scheme) == part).toList();
    }

    public String id() {
        return corpus + "/" + task + "/" + split;
    }

    /** A copy with a different split name (e.g. {@code cv-fold-3}). */
    public Experiment named(String splitName) {
        return new Experiment(corpus, task, splitName, train, valid, test, design);
    }

    /** A copy that says where its parts come from (see {@link #design()}). */
    public Experiment withDesign(String text) {
        return new Experiment(corpus, task, split, train, valid, test, text);
    }
}

package org.docbench.classifiers.eval;

import java.util.List;

import org.docbench.core.document.LabeledDocument;

/**
 * One train/test experiment: a task of a corpus under one split scheme.
 *
 * @param corpus  corpus name
 * @param task    task name ({@code topic}, {@code stance})
 * @param split   split scheme name ({@code random}, {@code outlet}, ...)
 * @param train   training documents (all carry a label for {@code task})
 * @param test    test documents
 */
public record Experiment(String corpus, String task, String split, List<LabeledDocument> train, List<LabeledDocument> test) {

    public Experiment {
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("experiment " + corpus + "/" + task + "/" + split
                    + " needs training and test documents, got " + train.size() + " and " + test.size());
        }
    }

    /** Splits {@code docs} by their membership in {@code scheme}; documents without it are left out. */
    public static Experiment of(String corpus, String task, String scheme, List<LabeledDocument> docs) {
        List<LabeledDocument> labeled = docs.stream().filter(d -> d.label(task) != null).toList();
        List<LabeledDocument> train = labeled.stream().filter(d -> "train".equals(d.split(scheme))).toList();
        List<LabeledDocument> test = labeled.stream().filter(d -> "test".equals(d.split(scheme))).toList();
        return new Experiment(corpus, task, scheme, train, test);
    }

    public String id() {
        return corpus + "/" + task + "/" + split;
    }
}

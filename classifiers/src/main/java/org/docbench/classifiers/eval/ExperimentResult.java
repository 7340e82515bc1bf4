package org.docbench.classifiers.eval;

import java.util.List;
import java.util.function.Consumer;

import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelRun;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The result of every model family on one experiment, with significance against the best,
 * calibration, confusions and the best model's learning curve. Immutable.
 *
 * @param id            {@code corpus/task/split}
 * @param corpus        corpus name
 * @param task          task
 * @param split         split scheme
 * @param design        where the parts come from when they are not the published split; empty otherwise
 * @param selection     how hyperparameters were chosen, in words
 * @param trainDocs     training documents
 * @param validDocs     validation documents (0 when an inner split of train was used)
 * @param testDocs      test documents
 * @param labels        labels, sorted
 * @param testCounts    test documents per label, in label order
 * @param models        one per family, in family order
 * @param best          the family with the highest test macro-F1 (ties: accuracy, then name)
 * @param learningCurve the best model's learning curve, or null when not run
 * @param featureMillis wall time of the work done once before any model trains and charged to none
 *                      (fitting the features on the training part, featurizing it, building the dataset)
 * @param predictions   every model's answer per test document (written to {@code predictions/*.jsonl},
 *                      not to report.json)
 */
public record ExperimentResult(String id, String corpus, String task, String split, String design, String selection, int trainDocs,
                               int validDocs, int testDocs, List<String> labels, List<Integer> testCounts,
                               List<ModelResult> models, String best, LearningCurve learningCurve, double featureMillis,
                               @JsonIgnore TestPredictions predictions) {

    public ExperimentResult {
        labels = List.copyOf(labels);
        testCounts = List.copyOf(testCounts);
        models = List.copyOf(models);
    }

    /**
     * Rows from outside docbench (peers), scored beside docbench's models on the same test part.
     * They are never the best model and choose nothing: McNemar compares them with docbench's best.
     */
    public interface Peers {
        Peers NONE = (exp, labels, minDf, log) -> List.of();

        /** Peer rows for {@code exp}, label indices in {@code labels}; names start with {@code peer:}. */
        List<ModelRun> run(Experiment exp, List<String> labels, int minDf, Consumer<String> log);

        /** True for a row a {@link Peers} made. */
        static boolean isPeer(String family) {
            return family.startsWith("peer:");
        }
    }

    /** A copy with every wall time set to 0, for comparing reports across runs and machines. */
    public ExperimentResult withoutTimes() {
        return new ExperimentResult(id, corpus, task, split, design, selection, trainDocs, validDocs, testDocs, labels, testCounts,
                models.stream().map(ModelResult::withoutTimes).toList(), best, learningCurve, 0, predictions);
    }

    /** The result of family {@code name}. */
    public ModelResult model(String name) {
        return models.stream().filter(m -> m.family().equals(name)).findFirst().orElseThrow();
    }
}

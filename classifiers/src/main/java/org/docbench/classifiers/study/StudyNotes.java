package org.docbench.classifiers.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.TestPredictions;
import org.docbench.classifiers.peer.Peer;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ScoreKind;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.AllSidesReader;

/** The prose of the accuracy report's notes: what the study left out or changed, what its results call for, and why. Stateless. */
final class StudyNotes {
    private StudyNotes() {
    }

    /**
     * What one experiment's parts and answers call for, one line each: a task with a single label
     * (every model trivially right), labels with test documents but no training document (no
     * model can answer them), and test documents answered by the training majority because they
     * hold no feature the model knows (the predictions file's {@code "fallback":true}).
     */
    static List<String> results(Experiment exp, ExperimentResult r) {
        List<String> notes = new ArrayList<>();
        if (r.labels().size() == 1) {
            notes.add(r.id() + ": every document is labeled " + r.labels().get(0) + ", the only " + r.task() + " label, so every "
                    + "model is trivially right: its scores say nothing about the models.");
        } else {
            Set<String> trained = exp.train().stream().map(d -> d.label(exp.task())).collect(Collectors.toSet());
            List<String> untrained = new ArrayList<>();
            for (int c = 0; c < r.labels().size(); c++) {
                if (!trained.contains(r.labels().get(c)) && r.testCounts().get(c) > 0) {
                    int n = r.testCounts().get(c);
                    untrained.add(r.labels().get(c) + " (" + n + (n == 1 ? " test document)" : " test documents)"));
                }
            }
            if (!untrained.isEmpty()) {
                boolean one = untrained.size() == 1;
                notes.add(r.id() + ": " + String.join(", ", untrained) + (one ? " has" : " have") + " no training document: "
                        + "no model can learn " + (one ? "it" : "them") + ", so each such test document is an error for every model.");
            }
        }
        String fallback = fallback(r);
        if (!fallback.isEmpty()) {
            notes.add(r.id() + ": " + fallback);
        }
        notes.addAll(nearUniform(r.id(), r.predictions()));
        return notes;
    }

    /** How close to uniform (1/k) a model's probabilities may stay on every test document before a note says it learned little. */
    static final double NEAR_UNIFORM = 0.01;

    /**
     * One note per probabilistic model whose every test document's top probability is within
     * {@link #NEAR_UNIFORM} of 1/k: its row and calibration error describe a model that barely
     * learned (its reliability plot is one bin, so its ECE looks good), not the method.
     */
    static List<String> nearUniform(String id, TestPredictions predictions) {
        List<String> notes = new ArrayList<>();
        if (predictions == null) {
            return notes;
        }
        for (TestPredictions.Answers a : predictions.models()) {
            if (a.scoreKind() != ScoreKind.PROBABILITY || a.scores() == null) {
                continue;
            }
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            int k = 0;
            for (double[] row : a.scores()) {
                if (row == null) {
                    continue;
                }
                double top = java.util.Arrays.stream(row).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
                k = Math.max(k, (int) java.util.Arrays.stream(row).filter(v -> !Double.isNaN(v)).count());
                low = Math.min(low, top);
                high = Math.max(high, top);
            }
            if (k > 1 && high - 1.0 / k < NEAR_UNIFORM) {
                notes.add(String.format(Locale.ROOT, "%s: %s's probabilities stay within %.3f of uniform (1/%d = %.3f) on every "
                        + "test document (its top probability is %.4f to %.4f): it barely learned, its reliability plot is one bin "
                        + "and its calibration error says nothing good about it.", id, a.family(), NEAR_UNIFORM, k, 1.0 / k,
                        low, high));
            }
        }
        return notes;
    }

    /** How many test documents each model answered with the training majority for want of a known feature; empty if none. */
    private static String fallback(ExperimentResult r) {
        if (r.predictions() == null) {
            return "";
        }
        Map<Integer, List<String>> byCount = new TreeMap<>(Comparator.reverseOrder());
        int models = 0;
        for (TestPredictions.Answers a : r.predictions().models()) {
            if (a.family().startsWith(Peer.PREFIX)) {
                continue; // a peer answers every document its own way
            }
            models++;
            int n = 0;
            for (double[] row : a.scores()) {
                n += row == null ? 1 : 0;
            }
            byCount.computeIfAbsent(n, k -> new ArrayList<>()).add(a.family());
        }
        if (byCount.isEmpty() || byCount.keySet().stream().allMatch(n -> n == 0)) {
            return "";
        }
        String fallback = "the training majority's label without a score (\"fallback\":true in the predictions file)";
        if (byCount.size() == 1) {
            int n = byCount.keySet().iterator().next();
            return n + " of " + r.testDocs() + " test documents had no word the model knew" + (models > 1 ? " (every model)" : "")
                    + " and got " + fallback + ".";
        }
        return "test documents (of " + r.testDocs() + ") with no word the model knew, answered with " + fallback + ": "
                + byCount.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining("; ")) + ".";
    }

    static String allSidesPartial() {
        return "AllSides: this run left out the ablation and the peers' rows (-Ddocbench.allsides.full=false); "
                + "a plain mvn -B verify runs them.";
    }

    static String allSidesNotPublished() {
        return "AllSides: the folder read is not the published corpus (its article or rating counts differ), so Baly et al.'s "
                + "figures are not printed beside its experiments.";
    }

    static String allSidesMissing() {
        return "AllSides (Article-Bias-Prediction) was not found: pass -Ddocbench.allsides=DIR with the unpacked "
                + "published layout, or unpack it to target/allsides/article-bias-prediction, to add its experiments.";
    }

    /** The notes every report carries, in the report's order: cross-validation, slow models, significance, peers. */
    static List<String> method() {
        List<Long> cvSeeds = AccuracyReport.CV_SEEDS;
        return List.of(
                "Cross-validation: stratified " + Suite.FOLDS + "-fold, repeated " + cvSeeds.size() + " times with "
                + "fold seeds " + cvSeeds + "; the Nadeau-Bengio test uses all " + Suite.FOLDS * cvSeeds.size()
                + " folds (J = r x k, n_test/n_train = 1/(k - 1)). It leaves out LibSVM, XGBoost and the random forest "
                + "(each costs seconds per fold; the held-out experiments show them).",
                "Cross-validation runs each family's default configuration (the first of its grid) on every fold, so no "
                + "test fold influences a hyperparameter; the held-out experiments choose from the grid on validation data.",
                "XGBoost, CART and the random forest train on the top " + Trainers.SLOW_MODEL_FEATURES
                + " chi-square features of the training part: their cost grows with the feature count, and on the full "
                + "n-gram space they take minutes more per experiment (this report does not show them on every feature).",
                "Significance: McNemar's exact test against the best model on the same test documents, and the "
                + "Nadeau-Bengio corrected resampled t-test over cross-validation folds; alpha = 0.05, no correction "
                + "for multiple comparisons.",
                "Peers (rows named peer:...): other people's pipelines, run as their own processes on exactly each "
                + "experiment's parts and text, scored by docbench's metric code (same bootstrap, McNemar against docbench's "
                + "best, calibration when they give probabilities). They are never the best model and choose nothing for "
                + "docbench. Their train time includes their own vectorizing; docbench's excludes featurizing (its predict "
                + "time and docs/s include it, as the peers' do).");
    }

    /**
     * @param mediaValid the media split's valid part: documents per label, most first
     * @param ablated    the splits this run has an ablation section for, which the note points to
     */
    static String allSidesChoice(AllSidesChoice choice, Map<String, Long> mediaValid, Set<AllSidesReader.Scheme> ablated) {
        String counts = mediaValid.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey())).collect(Collectors.joining(", "));
        String skewed = "valid part is skewed (" + counts + " documents) and chose nothing";
        String ablation;
        if (!ablated.contains(AllSidesReader.Scheme.RANDOM)) {
            ablation = "This run has no ablation section (-D" + AccuracyReport.ALLSIDES_FULL + "=false), so it does not "
                    + "show the valid scores that chose it; the media split's " + skewed + ". ";
        } else if (ablated.contains(AllSidesReader.Scheme.MEDIA)) {
            ablation = "Its ablation section shows the valid score that chose it, and the same switches on the media "
                    + "split, whose " + skewed + ". ";
        } else {
            ablation = "Its ablation section shows the valid score that chose it; the media split's " + skewed
                    + ", and its ablation (the same switches on outlets the model never saw) runs with -D"
                    + AccuracyReport.MEDIA_ABLATION + "=true. ";
        }
        return "AllSides configuration: " + choice.describe() + ", chosen by macro-F1 on the published valid part of the "
                + "random split (AllSidesGrid in the classifiers tests; bench/RESULTS.md lists what was tried). "
                + ablation + "The media and topic experiments use the same configuration.";
    }

    static String allSidesTopics(AllSidesTopics topics) {
        return "AllSides topic task (" + topics.experiment().id() + "): the " + AccuracyReport.ALLSIDES_TOPICS + " most frequent topics "
                + topics.topics() + " on a seeded stratified split of our own, not the published one: the published test "
                + "part has no article on " + topics.missingFromPublishedTest() + ". Its section says why and gives the "
                + "counts per topic. Slow families are left out of it (the embedded corpus's experiments and "
                + "allsides/ideology/random show them).";
    }

    static String allSidesLeftOut() {
        return "AllSides: LibSVM is left out (kernel training is quadratic in documents: tens of minutes on 27,000 "
                + "articles), and so are logistic regression and the linear SVM by SGD (LibLinear solves the same "
                + "objectives exactly, in seconds instead of minutes per grid point); XGBoost, CART and the random forest "
                + "run on the random split only, trained on a seeded stratified sample of "
                + AccuracyReport.ALLSIDES_SLOW_TRAIN + " training documents and the top " + Trainers.SLOW_MODEL_FEATURES
                + " chi-square features, so their rows are a lower bound. Naive Bayes sees the top "
                + AccuracyReport.ALLSIDES_NB_FEATURES
                + " chi-square features: Tribuo's implementation sums each class over the whole vocabulary at every "
                + "prediction, minutes on the full AllSides vocabulary. LibLinear runs a smaller grid there than its full "
                + "one (each grid point costs a minute): the SVM at C = " + AccuracyReport.ALLSIDES_SVM_C
                + " and " + AccuracyReport.ALLSIDES_SVM_OTHER_C + ", logistic regression (solved in the dual) "
                + "at C = " + AccuracyReport.ALLSIDES_LR_C + " and NB-SVM at C = " + AccuracyReport.ALLSIDES_NBSVM_C
                + " (the choice) only. The "
                + "learning curve is drawn on the embedded corpus only (on AllSides it costs over five minutes). The "
                + "published figures are Baly et al.'s Table 3; no other published figure is shown, since none other can be "
                + "cited to a table and column.";
    }
}

package org.docbench.classifiers.report;

import java.util.List;

import org.docbench.classifiers.eval.Bootstrap;
import org.docbench.classifiers.eval.Calibration;
import org.docbench.classifiers.eval.Significance;

/** What every column of the experiment tables means, and what each time includes. Stateless. */
final class Glossary {
    private Glossary() {
    }

    /** One bullet per column of an experiment's model table, then one for the confusion matrix and its heatmap. */
    static List<String> columns() {
        return List.of(
                "**accuracy**: fraction of test documents labeled correctly, in percent; brackets are the 95% percentile "
                        + "bootstrap interval (" + Bootstrap.RESAMPLES + " seeded resamples of the test documents, the same "
                        + "draws for every model). Every score in the report (accuracy, F1, ECE, their intervals) has one "
                        + "decimal, in every table, the published figures beside ours on AllSides too (the papers print two): "
                        + "the same figure reads the same wherever it appears, and a second decimal is well inside the "
                        + "intervals. report.json keeps them unrounded.",
                "**macro-F1**: the unweighted mean of the per-label F1 over the labels that have at least one test "
                        + "document (scikit-learn's `f1_score(average=\"macro\", labels=...)` with those labels). A label "
                        + "with no test document has no recall, so it is left out, and its experiment names it; predicting "
                        + "it is still an error. The best model of an experiment is the one with the highest macro-F1.",
                "**weighted F1**: per-label F1 weighted by the label's test documents.",
                "**McNemar p vs best**: exact two-sided McNemar test against the best model on the same test documents "
                        + "(only it/only best: documents only this model, or only the best, got right); `≈` marks p ≥ "
                        + Significance.ALPHA + ". p-values under 0.001 show as <0.001; report.json stores them as numbers, "
                        + "those below 1e-16 (beyond the double-precision tail computation) as 1e-16, its `pValueFloor`.",
                "**ECE**: expected calibration error of the predicted label's probability over " + Calibration.BINS
                        + " equal-width confidence bins, in percent like the scores: the gap between mean confidence and "
                        + "accuracy in each bin, averaged with the bins' predictions as weights (0 is perfectly calibrated). It is "
                        + "given for models whose scores are probabilities or vote shares (a forest's) and is — for the others; "
                        + "report.json gives it as a fraction.",
                "**train ms**: wall time in milliseconds (one decimal below 10) of Tribuo's `train` call for the chosen configuration, on the training part "
                        + "already featurized and indexed: training only. Feature fitting is separate and charged to no "
                        + "model: fitting the vocabulary and document frequencies on the training part, featurizing it and "
                        + "building the Tribuo dataset happen once per experiment, before any model, and the experiment's "
                        + "first paragraph gives their time. Choosing the configuration on validation data and chi-square "
                        + "feature selection are not timed either.",
                "**docs/s**: test documents divided by the wall time from raw text to label: featurizing the whole test "
                        + "part (normalize, tokenize, look up n-grams, TF-IDF; done and timed once per experiment, and "
                        + "charged in full to every model) plus the model's Tribuo `predict` over all of it in one call, on "
                        + "one thread, in the report's JVM. It is a figure of this run, not a benchmark: the JMH benchmarks "
                        + "(bench/) measure the compiled fast path.",
                "**features**: features the model sees (n-gram vocabulary after the minimum document frequency; (χ²): the "
                        + "top chi-square features of the training part). A model that does not report its count (a peer) shows —.",
                "**train docs**: training documents the chosen configuration was trained on (fewer than the training "
                        + "part where a slow family trains on a seeded stratified sample).",
                "**confusion matrix**: the best model's counts of test documents, true label down, predicted label across. "
                        + "report.html draws it again as a heatmap coloured by row share: each cell's count over its row's "
                        + "total, the share of that true label's documents, 0% white to 100% dark blue, so that a small "
                        + "label's errors show as plainly as a large label's (coloured by count, the large label's diagonal "
                        + "would take the dark end and leave them as pale as an empty cell). The cells print the counts, and "
                        + "the shares where they have room.",
                "**majority, stratified**: the two baselines, which read no text: majority answers the training part's "
                        + "most frequent label for every document (a tie goes to the first label by name); stratified "
                        + "draws each answer at random (seeded) in the training part's label proportions. A model has to "
                        + "beat both to have learned anything from the words.");
    }
}

package org.docbench.classifiers.report;

import static org.docbench.classifiers.report.Block.Column.left;
import static org.docbench.classifiers.report.Block.Column.right;
import static org.docbench.classifiers.report.Cells.NOT_RUN;
import static org.docbench.classifiers.report.Cells.ci;
import static org.docbench.classifiers.report.Cells.fmt0;
import static org.docbench.classifiers.report.Cells.fmt2;
import static org.docbench.classifiers.report.Cells.lit;
import static org.docbench.classifiers.report.Cells.mark;
import static org.docbench.classifiers.report.Cells.pct;
import static org.docbench.classifiers.report.Cells.pval;
import static org.docbench.classifiers.report.Cells.shortName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.eval.Calibration;
import org.docbench.classifiers.eval.ClassScores;
import org.docbench.classifiers.eval.ConfusedPair;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.LearningCurve;
import org.docbench.classifiers.eval.ModelResult;

/**
 * One experiment's section of the report, as blocks both writers render: its split and counts,
 * the model table and charts, then its best model's per-label scores, confusion, top features,
 * calibration and learning curve. Its own class because these read one {@link ExperimentResult}
 * and nothing else of the report. Stateless.
 */
final class ExperimentSection {
    private ExperimentSection() {
    }

    /** The experiment's blocks: its heading, split and counts, model table and charts, then its best model's. */
    static List<Block> blocks(ExperimentResult e, Map<String, Map<String, Map<String, String>>> families, String predictionsFile) {
        List<Block> b = new ArrayList<>();
        b.add(new Block.Heading(2, lit(e.id()), e.id().replace('/', '-')));
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < e.labels().size(); i++) {
            counts.append(i > 0 ? ", " : "").append(lit(e.labels().get(i))).append(' ').append(e.testCounts().get(i));
        }
        if (!e.design().isEmpty()) {
            b.add(new Block.Paragraph("Split: " + e.design()));
        }
        b.add(new Block.Paragraph(e.trainDocs() + " training, " + e.validDocs() + " validation and " + e.testDocs()
                + " test documents (test: " + counts + "); " + e.selection() + "."));
        experimentNotes(b, e, predictionsFile);
        b.add(models(e, families));
        b.add(new Block.ExperimentChart(Block.Kind.SCORES, e));
        b.add(new Block.CostChart(e));

        ModelResult best = e.model(e.best());
        b.add(new Block.Heading(3, "Best model: " + best.spec(), null));
        b.add(perClass(e, best));
        b.add(confusion(e, best));
        b.add(new Block.ExperimentChart(Block.Kind.CONFUSION, e));
        if (!best.confused().isEmpty()) {
            List<List<String>> pairs = new ArrayList<>();
            for (ConfusedPair c : best.confused()) {
                pairs.add(List.of(lit(c.truth()), lit(c.predicted()), String.valueOf(c.count()), String.join(", ", lit(c.examples()))));
            }
            b.add(new Block.Paragraph("Most confused pairs (at most " + ConfusedPair.LISTED + ", by documents, ties in label "
                    + "order; up to " + ConfusedPair.EXAMPLES + " example ids each):"));
            b.add(new Block.Table(List.of(left("true"), left("predicted as"), right("documents"), left("examples")), pairs));
        }
        topFeatures(b, e);
        calibration(b, e);
        learningCurve(b, e);
        return b;
    }

    /** The experiment's model table: one row per model and peer. */
    private static Block.Table models(ExperimentResult e, Map<String, Map<String, Map<String, String>>> families) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelResult m : e.models()) {
            boolean best = m.family().equals(e.best());
            rows.add(List.of(mark(shortName(m, families), best, m.notWorseThanBest()),
                    pct(m.metrics().accuracy()) + " " + ci(m.accuracyCi()),
                    pct(m.metrics().macroF1()) + " " + ci(m.macroF1Ci()),
                    pct(m.metrics().weightedF1()),
                    m.vsBest() == null ? "—" : pval(m.vsBest().p()) + " (" + m.vsBest().firstOnly() + "/" + m.vsBest().secondOnly() + ")",
                    m.calibration() == null ? NOT_RUN : pct(m.calibration().ece()),
                    Cells.millis(m.timing().trainMillis()), fmt0(m.timing().docsPerSecond()),
                    // A peer that does not say how many features its model holds reports 0.
                    m.features() == 0 ? NOT_RUN : m.features() + (m.selectedFeatures() > 0 ? " (χ²)" : ""),
                    String.valueOf(m.trainDocuments())));
        }
        return new Block.Table(List.of(left("model"), right("accuracy"), right("macro-F1"), right("weighted F1"),
                right("McNemar p vs best (only it/only best)"), right("ECE"), right("train ms"), right("docs/s"),
                right("features"), right("train docs")), rows);
    }

    /**
     * The best model's scores per label. A label with no test document has no recall and no F1
     * (—, not 0.0), and a precision only when the model predicted it (then 0.0: every such
     * prediction is wrong).
     */
    private static Block.Table perClass(ExperimentResult e, ModelResult best) {
        List<List<String>> per = new ArrayList<>();
        int[][] m = best.metrics().confusion();
        for (ClassScores c : best.metrics().perClass()) {
            int label = e.labels().indexOf(c.label());
            int predicted = 0;
            for (int[] row : m) {
                predicted += row[label];
            }
            boolean support = c.support() > 0;
            per.add(List.of(lit(c.label()), support || predicted > 0 ? pct(c.precision()) : NOT_RUN,
                    support ? pct(c.recall()) : NOT_RUN, support ? pct(c.f1()) : NOT_RUN, String.valueOf(c.support())));
        }
        return new Block.Table(List.of(left("label"), right("precision"), right("recall"), right("F1"), right("support")), per);
    }

    /** The best model's confusion matrix: true labels down, predicted across. */
    private static Block.Table confusion(ExperimentResult e, ModelResult best) {
        List<Block.Column> columns = new ArrayList<>();
        columns.add(left("true \\ predicted"));
        e.labels().forEach(label -> columns.add(Block.Column.count(lit(label))));
        List<List<String>> cm = new ArrayList<>();
        int[][] m = best.metrics().confusion();
        for (int t = 0; t < m.length; t++) {
            List<String> row = new ArrayList<>();
            row.add(lit(e.labels().get(t)));
            for (int v : m[t]) {
                row.add(String.valueOf(v));
            }
            cm.add(row);
        }
        return new Block.Table(columns, cm);
    }

    /** Features shown per label in the top features table. */
    static final int TOP_FEATURES = 8;

    /** The highest-weighted features per label of the best linear model, when there is one. */
    private static void topFeatures(List<Block> b, ExperimentResult e) {
        ModelResult linear = e.models().stream().filter(x -> !x.topFeatures().isEmpty())
                .max(Comparator.comparing((ModelResult x) -> x.metrics().macroF1())).orElse(null);
        if (linear == null) {
            return;
        }
        b.add(new Block.Paragraph("Top features per label of the best linear model, " + linear.spec() + ": of each label's "
                + "features with the largest absolute weight, the " + TOP_FEATURES + " highest, highest first. A positive weight "
                + "counts for the label, a negative one against it; `w=` marks a word n-gram, its words joined by `_`."));
        List<List<String>> tf = new ArrayList<>();
        for (Map.Entry<String, List<Map.Entry<String, Double>>> en : linear.topFeatures().entrySet()) {
            tf.add(List.of(lit(en.getKey()), en.getValue().stream().limit(TOP_FEATURES)
                    .map(x -> "`" + x.getKey() + "` " + fmt2(x.getValue())).reduce((x, y) -> x + ", " + y).orElse("")));
        }
        b.add(new Block.Table(List.of(left("label"), left("features (weight)")), tf));
    }

    private static void calibration(List<Block> b, ExperimentResult e) {
        List<ModelResult> calibrated = e.models().stream().filter(x -> x.calibration() != null).toList();
        if (calibrated.isEmpty()) {
            return;
        }
        b.add(new Block.Paragraph("Calibration (probabilistic models): expected calibration error, in percent, over "
                + Calibration.BINS + " confidence bins; "
                + calibrated.stream().map(x -> x.family() + " " + pct(x.calibration().ece()))
                .reduce((x, y) -> x + ", " + y).orElse("") + "."));
        b.add(new Block.ExperimentChart(Block.Kind.CALIBRATION, e));
    }

    private static void learningCurve(List<Block> b, ExperimentResult e) {
        LearningCurve lc = e.learningCurve();
        if (lc == null || lc.points().isEmpty()) {
            return;
        }
        b.add(new Block.Paragraph("Learning curve of " + lc.spec() + " (seeded stratified fractions of the training part):"));
        List<List<String>> pts = new ArrayList<>();
        for (LearningCurve.Point pt : lc.points()) {
            pts.add(List.of(fmt2(pt.fraction()), String.valueOf(pt.documents()), pct(pt.accuracy()), pct(pt.macroF1())));
        }
        b.add(new Block.Table(List.of(right("fraction"), right("train docs"), right("accuracy"), right("macro-F1")), pts));
        b.add(new Block.ExperimentChart(Block.Kind.LEARNING_CURVE, e));
    }

    /** Feature fitting time, labels left out of macro-F1, and where the per-document predictions are. */
    private static void experimentNotes(List<Block> b, ExperimentResult e, String predictionsFile) {
        StringBuilder sb = new StringBuilder("Features fitted once on the training part in " + fmt0(e.featureMillis())
                + " ms (vocabulary and document frequencies, featurizing the training part, building the Tribuo dataset; "
                + "in no model's train ms).");
        List<String> without = e.model(e.best()).metrics().withoutSupport();
        if (!without.isEmpty()) {
            sb.append(" No test document is labeled ").append(String.join(", ", lit(without))).append(": ")
                    .append(without.size() == 1 ? "it is" : "they are").append(" left out of macro-F1, the mean over the ")
                    .append(e.labels().size() - without.size()).append(" labels with test documents; predicting ")
                    .append(without.size() == 1 ? "it" : "them").append(" still counts as an error.");
        }
        if (predictionsFile != null) {
            sb.append(" Every model's label and scores for each test document: `").append(predictionsFile).append("`.");
        }
        b.add(new Block.Paragraph(sb.toString()));
    }
}

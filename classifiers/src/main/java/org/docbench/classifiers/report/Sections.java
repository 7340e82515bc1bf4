package org.docbench.classifiers.report;

import static org.docbench.classifiers.report.Block.Column.left;
import static org.docbench.classifiers.report.Block.Column.right;
import static org.docbench.classifiers.report.Cells.ci;
import static org.docbench.classifiers.report.Cells.fmt0;
import static org.docbench.classifiers.report.Cells.fmt1;
import static org.docbench.classifiers.report.Cells.fmt2;
import static org.docbench.classifiers.report.Cells.lit;
import static org.docbench.classifiers.report.Cells.mark;
import static org.docbench.classifiers.report.Cells.pct;
import static org.docbench.classifiers.report.Cells.pctPublished;
import static org.docbench.classifiers.report.Cells.pval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.eval.ClassScores;
import org.docbench.classifiers.eval.ConfusedPair;
import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.LearningCurve;
import org.docbench.classifiers.eval.ModelResult;
import org.docbench.classifiers.eval.Significance;
import org.docbench.classifiers.train.Family;
import org.docbench.core.corpus.CorpusManifest;

/** Turns a {@link Report} into the ordered blocks both writers render. Stateless. */
final class Sections {
    /** A cell whose model did not run. */
    static final String NOT_RUN = "—";

    /** What the summary's baseline column holds, printed under the table. */
    static final String MAJORITY_COLUMN = "**majority macro-F1**: the macro-F1 of the majority-class baseline (every test "
            + "document labeled with the training part's most frequent label) on the same test part, the floor a model "
            + "has to beat. A run that left the baseline out of its models shows " + NOT_RUN + " in this column.";

    private Sections() {
    }

    static List<Block> build(Report r) {
        List<Block> b = new ArrayList<>();
        Provenance p = r.provenance();
        b.add(new Block.Heading(1, "docbench accuracy report", "top"));
        b.add(new Block.Paragraph(tasks(r) + " classification with Tribuo " + p.tribuo() + ". Scores are percentages on "
                + "held-out test documents; brackets are 95% bootstrap intervals (" + org.docbench.classifiers.eval.Bootstrap.RESAMPLES
                + " seeded resamples of the test documents). **Bold** marks the best model of an experiment (highest macro-F1); "
                + "`≈` marks models McNemar's test cannot tell from it (p ≥ 0.05). Times vary between runs; nothing else does. "
                + "Every column and test is defined under What the columns mean, before the Summary."));
        b.add(provenance(r));
        b.add(corpora(p));
        b.add(new Block.Heading(2, "About this data", "data"));
        p.corpora().forEach(m -> b.add(new Block.Paragraph(DataNotes.about(m))));

        // Defined before the summary, the first table that uses them.
        b.add(new Block.Heading(2, "What the columns mean", "columns"));
        b.add(new Block.Bullets(Glossary.columns()));
        b.add(new Block.Heading(2, "Summary", "summary"));
        b.add(summary(r));
        b.add(new Block.Paragraph(MAJORITY_COLUMN));
        if (!r.published().isEmpty()) {
            b.add(new Block.Heading(3, "AllSides: ours beside the published figures", "published"));
            b.add(published(r));
            b.add(new Block.Paragraph(PUBLISHED_ROWS));
        }

        b.addAll(AblationSection.blocks(r.ablations()));
        Map<ExperimentResult, String> files = PredictionsFile.paths(r.experiments());
        for (ExperimentResult e : r.experiments()) {
            experiment(b, e, p.families(), files.get(e));
        }
        if (!r.crossValidation().isEmpty()) {
            crossValidation(b, r);
        }
        if (!r.notes().isEmpty()) {
            b.add(new Block.Heading(2, "Notes", "notes"));
            b.add(new Block.Bullets(r.notes()));
        }
        b.add(new Block.Heading(2, "Model specs", "specs"));
        modelSpecs(b, p);
        b.add(new Block.Heading(2, "Timing", "timing"));
        b.add(new Block.Bullets(r.timing().sections().stream().map(s -> lit(s.name()) + ": " + fmt1(s.seconds()) + " s").toList()));
        return b;
    }

    /** How to reproduce the report: command, commit, seeds, features, versions, machine, wall time. */
    private static Block.Table provenance(Report r) {
        Provenance p = r.provenance();
        return new Block.Table(List.of(left("provenance"), left("")), List.of(
                List.of("command", "`" + p.command() + "`"),
                List.of("git commit", "`" + p.gitCommit() + "`"),
                List.of("seed", p.seed() + (p.cvSeeds().isEmpty() ? "" : " (cross-validation fold seeds " + p.cvSeeds() + ")")),
                List.of("features", features(p) + " (fitted on each training part only)"),
                List.of("Tribuo / JDK", p.tribuo() + " / " + p.jdk()),
                List.of("OS / CPU", p.os() + " / " + p.cpu()),
                List.of("wall time", fmt1(r.timing().totalSeconds()) + " s")));
    }

    /** The features each group of experiments ran with, e.g. {@code `word1-2 tfidf mindf2` (news/topic/random, ...)}. */
    private static String features(Provenance p) {
        if (p.settings().stream().map(Provenance.Settings::features).distinct().count() <= 1) {
            return "`" + (p.settings().isEmpty() ? p.features() : p.settings().get(0).features()) + "`";
        }
        Map<String, List<String>> byFeatures = new java.util.LinkedHashMap<>();
        p.settings().forEach(s -> byFeatures.computeIfAbsent(s.features(), k -> new ArrayList<>()).addAll(s.experiments()));
        return byFeatures.entrySet().stream().map(e -> "`" + e.getKey() + "` (" + String.join(", ", lit(e.getValue())) + ")")
                .reduce((x, y) -> x + "; " + y).orElse("");
    }

    /** The grids as they ran, one table per group of experiments that ran the same features and families. */
    private static void modelSpecs(List<Block> b, Provenance p) {
        for (Provenance.Settings s : p.settings()) {
            b.add(new Block.Paragraph("Features `" + s.features() + "` and these grids (first = default) ran on "
                    + String.join(", ", lit(s.experiments())) + ":"));
            List<List<String>> specs = new ArrayList<>();
            s.families().forEach((fam, grid) -> grid.forEach((name, hp) -> specs.add(List.of(fam, "`" + name + "`"
                    + (hp.containsKey("chiSquareFeatures") ? ", top " + hp.get("chiSquareFeatures") + " χ² features" : "")
                    + (hp.containsKey("maxTrainDocuments") ? ", at most " + hp.get("maxTrainDocuments") + " training documents" : "")))));
            b.add(new Block.Table(List.of(left("family"), left("grid configuration (first = default)")), specs));
        }
    }

    /** One row per corpus read: documents, skipped, hash and label counts per task. */
    private static Block.Table corpora(Provenance p) {
        List<List<String>> corpora = new ArrayList<>();
        for (CorpusManifest m : p.corpora()) {
            StringBuilder counts = new StringBuilder();
            m.counts().forEach((task, byLabel) -> counts.append(counts.length() > 0 ? "; " : "").append(lit(task)).append(": ")
                    .append(byLabel.entrySet().stream().map(e -> lit(e.getKey()) + " " + e.getValue()).reduce((x, y) -> x + ", " + y).orElse("")));
            corpora.add(List.of(lit(m.name()), String.valueOf(m.documents()), String.valueOf(m.skipped()), "`" + m.sha256() + "`",
                    counts.toString()));
        }
        return new Block.Table(List.of(left("corpus"), right("documents"), right("skipped"), left("sha256"), left("labels")),
                corpora);
    }

    /** One row per experiment: its best model, the majority baseline and the models McNemar cannot tell from the best. */
    private static Block.Table summary(Report r) {
        List<List<String>> summary = new ArrayList<>();
        for (ExperimentResult e : r.experiments()) {
            ModelResult best = e.model(e.best());
            // A run without the majority baseline has no figure for its column: "—", never another model's score.
            String majority = e.models().stream().filter(m -> Family.MAJORITY.is(m.family())).findFirst()
                    .map(m -> pct(m.metrics().macroF1())).orElse(NOT_RUN);
            List<String> ties = e.models().stream().filter(m -> m != best && m.notWorseThanBest()).map(ModelResult::family).toList();
            summary.add(List.of(lit(e.id()), e.trainDocs() + " / " + e.testDocs(), shortName(best, r.provenance().families()),
                    pct(best.metrics().accuracy()), pct(best.metrics().macroF1()) + " " + ci(best.macroF1Ci()),
                    majority, ties.isEmpty() ? "none" : String.join(", ", ties)));
        }
        return new Block.Table(List.of(left("experiment"), right("train / test"), left("best model"), right("accuracy"),
                right("macro-F1"), right("majority macro-F1"), left("not significantly worse (McNemar)")), summary);
    }

    /** What the rows of ours beside the published figures are, and which of them is picked on the test part. */
    static final String PUBLISHED_ROWS = "Ours: the majority baseline, logistic regression and NB-SVM, each run in "
            + "the one configuration given for the corpus before its test part is scored (NB-SVM's is the one chosen for "
            + "AllSides on the random split's valid part), then the family with the highest test macro-F1 of those this "
            + "run trained, marked \"highest on test\": that row is picked on the test part, so it reads high. Every figure "
            + "has one decimal, as everywhere in the report, so that ours read here as in the summary and the experiment's "
            + "table; the published ones are rounded from the papers' two decimals (79.83 reads 79.8), a digit well inside "
            + "the 95% intervals. report.json keeps every figure as printed or computed.";

    /**
     * The published figures, then ours on the same experiments: the majority class, logistic
     * regression, NB-SVM and the family highest on the test part, marked as such.
     */
    private static Block.Table published(Report r) {
        List<List<String>> rows = new ArrayList<>();
        for (Report.Published pub : r.published()) {
            rows.add(List.of(lit(pub.experiment()), pub.model() + " (published)", pctPublished(pub.accuracy()),
                    pctPublished(pub.macroF1()), pub.source()));
        }
        for (ExperimentResult e : r.experiments()) {
            if (r.published().stream().anyMatch(pub -> pub.experiment().equals(e.id()))) {
                // The best on test last, unless it is one of the three shown anyway.
                for (String fam : new java.util.LinkedHashSet<>(List.of(Family.MAJORITY.spelling(), Family.LIBLINEAR_LR.spelling(),
                        Family.NB_SVM.spelling(), e.best()))) {
                    if (e.models().stream().noneMatch(x -> x.family().equals(fam))) {
                        continue; // a run without that family (a test, a smaller study) has no row to show
                    }
                    ModelResult m = e.model(fam);
                    // One decimal, as in the summary and the experiment's table: a reader comparing them finds the same figure.
                    String mark = fam.equals(e.best()) ? " (ours, highest on test)" : " (ours)";
                    rows.add(List.of(lit(e.id()), shortName(m, r.provenance().families()) + mark, pct(m.metrics().accuracy()),
                            pct(m.metrics().macroF1()), "this run"));
                }
            }
        }
        return new Block.Table(List.of(left("experiment"), left("model"), right("accuracy"), right("macro-F1"), left("source")),
                rows);
    }

    private static void crossValidation(List<Block> b, Report r) {
        b.add(new Block.Heading(2, "Cross-validation", "cv"));
        b.add(new Block.Paragraph("Stratified k-fold cross-validation over all labeled documents, repeated once per fold seed "
                + r.provenance().cvSeeds() + ". Scores are means over every fold of every repeat; p is the Nadeau-Bengio corrected "
                + "resampled t-test of macro-F1 against the best family over those r x k folds (r x k - 1 degrees of freedom), and `≈` "
                + "marks p ≥ " + Significance.ALPHA + ". The test pairs the folds: a family a little lower on average but behind the best "
                + "by about the same amount on every fold can differ significantly where one a little higher but less even does not."));
        for (CrossValidation cv : r.crossValidation()) {
            b.add(new Block.Heading(3, lit(cv.corpus() + "/" + cv.task()) + ": " + cv.k() + " folds x " + cv.seeds().size()
                    + (cv.seeds().size() == 1 ? " repeat" : " repeats"), "cv-" + cv.corpus() + "-" + cv.task()));
            List<List<String>> rows = new ArrayList<>();
            for (CrossValidation.Model m : cv.ranked()) {
                boolean best = m.family().equals(cv.best());
                rows.add(List.of(mark(m.family(), best, m.notWorseThanBest()), pct(m.meanAccuracy()),
                        pct(m.meanMacroF1()) + " ± " + pct(m.sdMacroF1()),
                        m.vsBest() == null ? "—" : fmt2(m.vsBest().t()), m.vsBest() == null ? "—" : pval(m.vsBest().p())));
            }
            b.add(new Block.Table(List.of(left("model"), right("accuracy"), right("macro-F1 ± sd"), right("t vs best"), right("p")),
                    rows));
            b.add(new Block.CvChart(cv));
        }
    }

    /** The family and the hyperparameters its grid varies, e.g. {@code liblinear-lr C=10}. */
    static String shortName(ModelResult m, Map<String, Map<String, Map<String, String>>> families) {
        Map<String, Map<String, String>> grid = families.get(m.family());
        if (grid == null || grid.size() < 2) {
            return m.family();
        }
        StringBuilder sb = new StringBuilder(m.family());
        m.hyperparameters().forEach((k, v) -> {
            if (grid.values().stream().map(hp -> hp.get(k)).distinct().count() > 1) {
                sb.append(' ').append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    private static void experiment(List<Block> b, ExperimentResult e, Map<String, Map<String, Map<String, String>>> families,
                                   String predictionsFile) {
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
                .max(java.util.Comparator.comparing((ModelResult x) -> x.metrics().macroF1())).orElse(null);
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
                + org.docbench.classifiers.eval.Calibration.BINS + " confidence bins; "
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

    /** "Topic and stance", from the tasks the experiments ran. */
    static String tasks(Report r) {
        List<String> tasks = r.experiments().stream().map(ExperimentResult::task).distinct().toList();
        if (tasks.isEmpty()) {
            return "Document";
        }
        String joined = tasks.size() == 1 ? tasks.get(0)
                : String.join(", ", tasks.subList(0, tasks.size() - 1)) + " and " + tasks.get(tasks.size() - 1);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }
}

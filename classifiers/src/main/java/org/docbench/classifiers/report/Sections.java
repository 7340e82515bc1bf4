package org.docbench.classifiers.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.docbench.classifiers.eval.ClassScores;
import org.docbench.classifiers.eval.ConfusedPair;
import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.LearningCurve;
import org.docbench.classifiers.eval.ModelResult;
import org.docbench.core.corpus.CorpusManifest;

/** Turns a {@link Report} into the ordered blocks both writers render. Stateless. */
final class Sections {
    private Sections() {
    }

    static List<Block> build(Report r) {
        List<Block> b = new ArrayList<>();
        Provenance p = r.provenance();
        b.add(new Block.Heading(1, "docbench accuracy report", "top"));
        b.add(new Block.Paragraph(tasks(r) + " classification with Tribuo " + p.tribuo() + ". Scores are percentages on "
                + "held-out test documents; brackets are 95% bootstrap intervals (" + org.docbench.classifiers.eval.Bootstrap.RESAMPLES
                + " seeded resamples of the test documents). **Bold** marks the best model of an experiment (highest macro-F1); "
                + "`≈` marks models McNemar's test cannot tell from it (p ≥ 0.05). Times vary between runs; nothing else does."));
        b.add(new Block.Table(List.of("provenance", ""), List.of(
                List.of("command", "`" + p.command() + "`"),
                List.of("git commit", "`" + p.gitCommit() + "`"),
                List.of("seed", p.seed() + " (cross-validation fold seeds " + p.cvSeeds() + ")"),
                List.of("features", "`" + p.features() + "` (fitted on each training part only)"),
                List.of("Tribuo / JDK", p.tribuo() + " / " + p.jdk()),
                List.of("OS / CPU", p.os() + " / " + p.cpu()),
                List.of("wall time", fmt1(r.timing().totalSeconds()) + " s")), new boolean[2]));
        List<List<String>> corpora = new ArrayList<>();
        for (CorpusManifest m : p.corpora()) {
            StringBuilder counts = new StringBuilder();
            m.counts().forEach((task, byLabel) -> counts.append(counts.length() > 0 ? "; " : "").append(task).append(": ")
                    .append(byLabel.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).reduce((x, y) -> x + ", " + y).orElse("")));
            corpora.add(List.of(m.name(), String.valueOf(m.documents()), String.valueOf(m.skipped()), "`" + m.sha256() + "`",
                    counts.toString()));
        }
        b.add(new Block.Table(List.of("corpus", "documents", "skipped", "sha256", "labels"), corpora,
                new boolean[] {false, true, true, false, false}));
        b.add(new Block.Heading(2, "About this data", "data"));
        p.corpora().forEach(m -> b.add(new Block.Paragraph(DataNotes.about(m))));

        b.add(new Block.Heading(2, "Summary", "summary"));
        List<List<String>> summary = new ArrayList<>();
        for (ExperimentResult e : r.experiments()) {
            ModelResult best = e.model(e.best());
            ModelResult majority = e.models().stream().filter(m -> m.family().equals("majority")).findFirst().orElse(best);
            List<String> ties = e.models().stream().filter(m -> m != best && m.notWorseThanBest()).map(ModelResult::family).toList();
            summary.add(List.of(e.id(), e.trainDocs() + " / " + e.testDocs(), shortName(best, p.families()), pct(best.metrics().accuracy()),
                    pct(best.metrics().macroF1()) + " " + ci(best.macroF1Ci()), pct(majority.metrics().macroF1()),
                    ties.isEmpty() ? "none" : String.join(", ", ties)));
        }
        b.add(new Block.Table(List.of("experiment", "train / test", "best model", "accuracy", "macro-F1", "majority macro-F1",
                "not significantly worse (McNemar)"), summary, new boolean[] {false, true, false, true, true, true, false}));
        if (!r.published().isEmpty()) {
            b.add(new Block.Heading(3, "AllSides: ours beside the published figures", "published"));
            List<List<String>> rows = new ArrayList<>();
            for (Report.Published pub : r.published()) {
                rows.add(List.of(pub.experiment(), pub.model() + " (published)", pct2(pub.accuracy()), pct2(pub.macroF1()), pub.source()));
            }
            for (ExperimentResult e : r.experiments()) {
                if (r.published().stream().anyMatch(pub -> pub.experiment().equals(e.id()))) {
                    // The best model, unless it is one of the two shown anyway.
                    for (String fam : new java.util.LinkedHashSet<>(List.of("majority", "liblinear-lr", e.best()))) {
                        if (e.models().stream().noneMatch(x -> x.family().equals(fam))) {
                            continue; // a run without that family (a test, a smaller study) has no row to show
                        }
                        ModelResult m = e.model(fam);
                        rows.add(List.of(e.id(), shortName(m, p.families()) + " (ours)", pct(m.metrics().accuracy()), pct(m.metrics().macroF1()), "this run"));
                    }
                }
            }
            b.add(new Block.Table(List.of("experiment", "model", "accuracy", "macro-F1", "source"), rows,
                    new boolean[] {false, false, true, true, false}));
        }

        b.add(new Block.Heading(2, "What the columns mean", "columns"));
        b.add(new Block.Bullets(Glossary.columns()));
        b.addAll(AblationSection.blocks(r.ablations()));
        b.addAll(CostChart.blocks(r, CostChart.EXPERIMENT));
        for (ExperimentResult e : r.experiments()) {
            experiment(b, e, p.families());
        }
        if (!r.crossValidation().isEmpty()) {
            b.add(new Block.Heading(2, "Cross-validation", "cv"));
            b.add(new Block.Paragraph("Stratified k-fold cross-validation over all labeled documents, repeated once per fold seed "
                    + p.cvSeeds() + ". Scores are means over every fold of every repeat; p is the Nadeau-Bengio corrected "
                    + "resampled t-test of macro-F1 against the best family over those r x k folds (J - 1 degrees of freedom)."));
            for (CrossValidation cv : r.crossValidation()) {
                b.add(new Block.Heading(3, cv.corpus() + "/" + cv.task() + ": " + cv.k() + " folds x " + cv.seeds().size()
                        + " repeats", "cv-" + cv.corpus() + "-" + cv.task()));
                List<List<String>> rows = new ArrayList<>();
                for (CrossValidation.Model m : cv.ranked()) {
                    boolean best = m.family().equals(cv.best());
                    rows.add(List.of(mark(m.family(), best, m.notWorseThanBest()), pct(m.meanAccuracy()),
                            pct(m.meanMacroF1()) + " ± " + pct(m.sdMacroF1()),
                            m.vsBest() == null ? "—" : fmt2(m.vsBest().t()), m.vsBest() == null ? "—" : pval(m.vsBest().p())));
                }
                b.add(new Block.Table(List.of("model", "accuracy", "macro-F1 ± sd", "t vs best", "p"), rows,
                        new boolean[] {false, true, true, true, true}));
                b.add(new Block.CvChart(cv));
            }
        }
        b.add(new Block.Heading(2, "Notes", "notes"));
        b.add(new Block.Bullets(r.notes()));
        b.add(new Block.Heading(2, "Model specs", "specs"));
        List<List<String>> specs = new ArrayList<>();
        p.families().forEach((fam, grid) -> grid.forEach((name, hp) -> specs.add(List.of(fam, "`" + name + "`"))));
        b.add(new Block.Table(List.of("family", "grid configuration (first = default)"), specs, new boolean[2]));
        b.add(new Block.Heading(2, "Timing", "timing"));
        b.add(new Block.Bullets(r.timing().sections().stream().map(s -> s.name() + ": " + fmt1(s.seconds()) + " s").toList()));
        return b;
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

    private static void experiment(List<Block> b, ExperimentResult e, Map<String, Map<String, Map<String, String>>> families) {
        b.add(new Block.Heading(2, e.id(), e.id().replace('/', '-')));
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < e.labels().size(); i++) {
            counts.append(i > 0 ? ", " : "").append(e.labels().get(i)).append(' ').append(e.testCounts().get(i));
        }
        if (!e.design().isEmpty()) {
            b.add(new Block.Paragraph("Split: " + e.design()));
        }
        b.add(new Block.Paragraph(e.trainDocs() + " training, " + e.validDocs() + " validation and " + e.testDocs()
                + " test documents (test: " + counts + "); " + e.selection() + "."));
        experimentNotes(b, e);
        List<List<String>> rows = new ArrayList<>();
        for (ModelResult m : e.models()) {
            boolean best = m.family().equals(e.best());
            rows.add(List.of(mark(shortName(m, families), best, m.notWorseThanBest()),
                    pct(m.metrics().accuracy()) + " " + ci(m.accuracyCi()),
                    pct(m.metrics().macroF1()) + " " + ci(m.macroF1Ci()),
                    pct(m.metrics().weightedF1()),
                    m.vsBest() == null ? "—" : pval(m.vsBest().p()) + " (" + m.vsBest().firstOnly() + "/" + m.vsBest().secondOnly() + ")",
                    m.calibration() == null ? "—" : fmt3(m.calibration().ece()),
                    fmt0(m.timing().trainMillis()), fmt0(m.timing().docsPerSecond()),
                    String.valueOf(m.features()) + (m.selectedFeatures() > 0 ? " (χ²)" : ""),
                    String.valueOf(m.trainDocuments())));
        }
        b.add(new Block.Table(List.of("model", "accuracy", "macro-F1", "weighted F1", "McNemar p vs best (only it/only best)",
                "ECE", "train ms", "docs/s", "features", "train docs"), rows,
                new boolean[] {false, true, true, true, true, true, true, true, true, true}));
        b.add(new Block.ExperimentChart(Block.Kind.SCORES, e));
        b.add(new Block.ExperimentChart(Block.Kind.ACCURACY_VS_TIME, e));

        ModelResult best = e.model(e.best());
        b.add(new Block.Heading(3, "Best model: " + best.spec(), null));
        List<List<String>> per = new ArrayList<>();
        for (ClassScores c : best.metrics().perClass()) {
            per.add(List.of(c.label(), pct(c.precision()), pct(c.recall()), pct(c.f1()), String.valueOf(c.support())));
        }
        b.add(new Block.Table(List.of("label", "precision", "recall", "F1", "support"), per,
                new boolean[] {false, true, true, true, true}));
        List<String> header = new ArrayList<>();
        header.add("true \\ predicted");
        header.addAll(e.labels());
        List<List<String>> cm = new ArrayList<>();
        int[][] m = best.metrics().confusion();
        for (int t = 0; t < m.length; t++) {
            List<String> row = new ArrayList<>();
            row.add(e.labels().get(t));
            for (int v : m[t]) {
                row.add(String.valueOf(v));
            }
            cm.add(row);
        }
        boolean[] right = new boolean[header.size()];
        java.util.Arrays.fill(right, 1, right.length, true);
        b.add(new Block.Table(header, cm, right));
        b.add(new Block.ExperimentChart(Block.Kind.CONFUSION, e));
        if (!best.confused().isEmpty()) {
            List<List<String>> pairs = new ArrayList<>();
            for (ConfusedPair c : best.confused()) {
                pairs.add(List.of(c.truth(), c.predicted(), String.valueOf(c.count()), String.join(", ", c.examples())));
            }
            b.add(new Block.Paragraph("Most confused pairs:"));
            b.add(new Block.Table(List.of("true", "predicted as", "documents", "examples"), pairs,
                    new boolean[] {false, false, true, false}));
        }
        ModelResult linear = e.models().stream().filter(x -> !x.topFeatures().isEmpty())
                .max(java.util.Comparator.comparing((ModelResult x) -> x.metrics().macroF1())).orElse(null);
        if (linear != null) {
            b.add(new Block.Paragraph("Top features per label of the best linear model, " + linear.spec() + ":"));
            List<List<String>> tf = new ArrayList<>();
            for (Map.Entry<String, List<Map.Entry<String, Double>>> en : linear.topFeatures().entrySet()) {
                tf.add(List.of(en.getKey(), en.getValue().stream().limit(8)
                        .map(x -> "`" + x.getKey() + "` " + fmt2(x.getValue())).reduce((x, y) -> x + ", " + y).orElse("")));
            }
            b.add(new Block.Table(List.of("label", "features (weight)"), tf, new boolean[2]));
        }
        List<ModelResult> calibrated = e.models().stream().filter(x -> x.calibration() != null).toList();
        if (!calibrated.isEmpty()) {
            b.add(new Block.Paragraph("Calibration (probabilistic models): expected calibration error over "
                    + org.docbench.classifiers.eval.Calibration.BINS + " confidence bins; "
                    + calibrated.stream().map(x -> x.family() + " " + fmt3(x.calibration().ece()))
                    .reduce((x, y) -> x + ", " + y).orElse("") + "."));
            b.add(new Block.ExperimentChart(Block.Kind.CALIBRATION, e));
        }
        LearningCurve lc = e.learningCurve();
        if (lc != null && !lc.points().isEmpty()) {
            b.add(new Block.Paragraph("Learning curve of " + lc.spec() + " (seeded stratified fractions of the training part):"));
            List<List<String>> pts = new ArrayList<>();
            for (LearningCurve.Point pt : lc.points()) {
                pts.add(List.of(fmt2(pt.fraction()), String.valueOf(pt.documents()), pct(pt.accuracy()), pct(pt.macroF1())));
            }
            b.add(new Block.Table(List.of("fraction", "train docs", "accuracy", "macro-F1"), pts,
                    new boolean[] {true, true, true, true}));
            b.add(new Block.ExperimentChart(Block.Kind.LEARNING_CURVE, e));
        }
    }

    /** Feature fitting time, labels left out of macro-F1, and where the per-document predictions are. */
    private static void experimentNotes(List<Block> b, ExperimentResult e) {
        StringBuilder sb = new StringBuilder("Features fitted once on the training part in " + fmt0(e.featureMillis())
                + " ms (vocabulary and document frequencies, featurizing the training part, building the Tribuo dataset; "
                + "in no model's train ms).");
        List<String> without = e.model(e.best()).metrics().withoutSupport();
        if (!without.isEmpty()) {
            sb.append(" No test document is labeled ").append(String.join(", ", without)).append(": ")
                    .append(without.size() == 1 ? "it is" : "they are").append(" left out of macro-F1, the mean over the ")
                    .append(e.labels().size() - without.size()).append(" labels with test documents; predicting ")
                    .append(without.size() == 1 ? "it" : "them").append(" still counts as an error.");
        }
        if (e.predictions() != null) {
            sb.append(" Every model's label and scores for each test document: `").append(PredictionsFile.path(e)).append("`.");
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

    static String mark(String name, boolean best, boolean tie) {
        return best ? "**" + name + "**" : tie ? "≈ " + name : name;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v * 100);
    }

    /** A fraction as a percentage with two decimals, as papers print them. */
    static String pct2(double v) {
        return String.format(Locale.ROOT, "%.2f", v * 100);
    }

    static String ci(org.docbench.classifiers.eval.Interval i) {
        return "[" + pct(i.low()) + ", " + pct(i.high()) + "]";
    }

    static String pval(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String fmt1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

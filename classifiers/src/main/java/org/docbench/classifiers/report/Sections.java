package org.docbench.classifiers.report;

import static org.docbench.classifiers.report.Block.Column.left;
import static org.docbench.classifiers.report.Block.Column.right;
import static org.docbench.classifiers.report.Cells.NOT_RUN;
import static org.docbench.classifiers.report.Cells.ci;
import static org.docbench.classifiers.report.Cells.fmt1;
import static org.docbench.classifiers.report.Cells.lit;
import static org.docbench.classifiers.report.Cells.pct;
import static org.docbench.classifiers.report.Cells.pctPublished;
import static org.docbench.classifiers.report.Cells.shortName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.ModelResult;
import org.docbench.classifiers.train.Family;
import org.docbench.core.corpus.CorpusManifest;

/**
 * Turns a {@link Report} into the ordered blocks both writers render: the provenance, corpora,
 * summary and published figures here, each experiment's section from {@link ExperimentSection},
 * the ablations and cross-validation from their own section classes. Stateless.
 */
final class Sections {
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
            b.addAll(ExperimentSection.blocks(e, p.families(), files.get(e)));
        }
        b.addAll(CrossValidationSection.blocks(r));
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

package org.docbench.classifiers.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.docbench.classifiers.eval.Experiment;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.peer.Peer;
import org.docbench.classifiers.peer.PeerRows;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.report.Ablation;
import org.docbench.classifiers.report.Report;
import org.docbench.classifiers.report.ReportWriter;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.TrainerLogging;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

/**
 * The accuracy report {@code mvn verify} writes: the embedded corpus always, AllSides when it is
 * there; {@code report.md}, {@code report.json} and {@code report.html} written atomically.
 *
 * <p>Usage: {@code AccuracyReport --out DIR [--allsides=DIR] [--root=DIR] [--command=TEXT]}.
 * Exit code 0 on success, 2 on bad arguments, 1 when the run fails (the previous report stays).
 */
public final class AccuracyReport {
    /** The seed of every split, model, bootstrap and subsample of the report. */
    public static final long SEED = 42L;
    /** Fold assignment seeds: 5-fold CV repeated three times on the embedded corpus (648 documents, cheap). */
    public static final List<Long> CV_SEEDS = List.of(42L, 43L, 44L);
    /** Topics of the AllSides topic task: the most frequent ones. */
    public static final int ALLSIDES_TOPICS = 10;
    /** Fraction of each topic's documents that goes to test in our AllSides topic split. */
    public static final double ALLSIDES_TOPIC_TEST = 0.15;
    /** Training documents the slow families see on AllSides (seeded stratified subsample). */
    public static final int ALLSIDES_SLOW_TRAIN = 4000;
    /** Families left out of AllSides, and why, in the report's notes. */
    static final Set<String> ALLSIDES_LEFT_OUT = Set.of("libsvm-linear", "logreg-sgd", "svm-sgd");
    /** Chi-square features naive Bayes sees on AllSides. */
    public static final int ALLSIDES_NB_FEATURES = 20_000;

    private AccuracyReport() {
    }

    public static void main(String[] args) {
        Path out = null;
        String allsides = "";
        Path root = null;
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (a.startsWith("--out=")) {
                out = Path.of(a.substring(6));
            } else if (a.startsWith("--allsides=")) {
                allsides = a.substring("--allsides=".length());
            } else if (a.startsWith("--root=")) {
                root = Path.of(a.substring("--root=".length()));
            } else if (a.startsWith("--command=")) {
                command = a.substring("--command=".length());
            } else {
                System.err.println("AccuracyReport: unknown argument '" + a
                        + "'; usage: AccuracyReport --out DIR [--allsides=DIR] [--root=DIR] [--command=TEXT]");
                System.exit(2);
            }
        }
        if (out == null) {
            System.err.println("AccuracyReport: --out DIR is required");
            System.exit(2);
        }
        if (command == null) {
            command = "mvn -B verify" + (allsides.isBlank() ? "" : " -Ddocbench.allsides=" + allsides);
        }
        TrainerLogging.quiet();
        try {
            // Progress on stderr: a bar on a terminal, a line every 10 s in a log (mvn verify); stdout keeps the scores.
            ProgressMeter meter = ProgressMeter.forStderr();
            Report report = build(root, allsides, command, meter.guard(System.out::println), meter);
            ReportWriter.write(report, out);
            System.out.println("accuracy report: " + out.resolve("report.md") + " (" + out.resolve("report.html") + ")");
        } catch (IOException | RuntimeException e) {
            System.err.println("AccuracyReport failed, previous report left in place: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }


    /** Runs every experiment and returns the report. */
    public static Report build(Path root, String allsidesProperty, String command, Consumer<String> log) {
        return build(root, allsidesProperty, command, log, ProgressMeter.off());
    }

    /** Runs every experiment, showing progress on {@code meter}; {@code log} must already be guarded by it. */
    public static Report build(Path root, String allsidesProperty, String command, Consumer<String> log, ProgressMeter meter) {
        long t0 = System.nanoTime();
        FeatureSpec features = FeatureSpec.defaults();
        List<ModelFamily> families = Trainers.families();
        Suite suite = new Suite(features, SEED, log, meter);
        List<CorpusManifest> manifests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Report.Published> published = new ArrayList<>();
        List<Ablation> ablations = new ArrayList<>();
        // Peers are rows of every experiment; their files go under target/ of the module that runs the report.
        PeerRows peers = new PeerRows(Peer.all(), Path.of("target", "peers"));
        suite.peers(peers);

        LayoutCorpusReader embedded = LayoutCorpusReader.embedded();
        List<LabeledDocument> docs = embedded.readAll();
        manifests.add(CorpusManifest.of(embedded));
        // Every split scheme the corpus ships (layout.properties), random and outlet first as before.
        List<String> schemes = new ArrayList<>(List.of("random", "outlet"));
        docs.stream().flatMap(d -> d.splits().keySet().stream()).filter(s -> !schemes.contains(s)).distinct().sorted().forEach(schemes::add);
        suite.experiments(embedded.name(), docs, embedded.tasks(), schemes, families, true);
        suite.crossValidate(embedded.name(), docs, embedded.tasks(),
                families.stream().filter(f -> !Trainers.slow(f)).toList(), CV_SEEDS);

        Optional<Path> allsides = AllSidesReader.locate(allsidesProperty, root);
        if (allsides.isPresent()) {
            AllSidesReader reader = AllSidesReader.fromFolder(allsides.get(), OnError.SKIP_AND_REPORT);
            long r0 = System.nanoTime();
            List<LabeledDocument> all = ideology(meter.toList(reader.documents(), "read AllSides", 0, "docs"));
            manifests.add(CorpusManifest.of(reader, all));
            log.accept(String.format(Locale.ROOT, "read %d AllSides documents in %.1f s", all.size(), (System.nanoTime() - r0) / 1e9));
            // The ablation and the peers' AllSides rows are most of the report's time (a model per
            // switched decision; fastText trains for minutes per experiment): -Ddocbench.allsides.full=false
            // leaves them out for a quicker look.
            boolean full = Boolean.parseBoolean(System.getProperty("docbench.allsides.full", "true"));
            if (!full) {
                suite.peers(ExperimentResult.Peers.NONE);
                notes.add("AllSides: this run left out the ablation and the peers' rows (-Ddocbench.allsides.full=false); "
                        + "a plain mvn -B verify runs them.");
            }
            allSides(suite, all, families, notes, published, full ? ablations : null, meter, log);
        } else {
            notes.add("AllSides (Article-Bias-Prediction) was not found: pass -Ddocbench.allsides=DIR with the unpacked "
                    + "published layout, or unpack it to target/allsides/article-bias-prediction, to add its experiments.");
        }
        notes.add("Cross-validation: stratified " + Suite.FOLDS + "-fold, repeated " + CV_SEEDS.size() + " times with "
                + "fold seeds " + CV_SEEDS + "; the Nadeau-Bengio test uses all " + Suite.FOLDS * CV_SEEDS.size()
                + " folds (J = r x k, n_test/n_train = 1/(k - 1)). It leaves out LibSVM, XGBoost and the random forest "
                + "(each costs seconds per fold; the held-out experiments show them).");
        notes.add("Cross-validation runs each family's default configuration (the first of its grid) on every fold, so no "
                + "test fold influences a hyperparameter; the held-out experiments choose from the grid on validation data.");
        notes.add("XGBoost, CART and the random forest train on the top " + Trainers.SLOW_MODEL_FEATURES
                + " chi-square features of the training part: their cost grows with the feature count and the full "
                + "n-gram space makes them minutes slower without changing the ranking.");
        notes.add("Significance: McNemar's exact test against the best model on the same test documents, and the "
                + "Nadeau-Bengio corrected resampled t-test over cross-validation folds; alpha = 0.05, no correction "
                + "for multiple comparisons.");
        notes.add("Peers (rows named peer:...): other people's pipelines, run as their own processes on exactly each "
                + "experiment's parts and text, scored by docbench's metric code (same bootstrap, McNemar against docbench's "
                + "best, calibration when they give probabilities). They are never the best model and choose nothing for "
                + "docbench. Their train time includes their own vectorizing; docbench's excludes featurizing (its predict "
                + "time and docs/s include it, as the peers' do).");
        notes.addAll(peers.notes());
        return suite.report(command, root, CV_SEEDS, families, manifests, published, notes, t0, ablations);
    }

    private static void allSides(Suite suite, List<LabeledDocument> all, List<ModelFamily> families, List<String> notes,
                                 List<Report.Published> published, List<Ablation> ablations, ProgressMeter meter,
                                 Consumer<String> log) {
        String source = "Baly et al., EMNLP 2020, Table 3 (columns Macro F1 and Acc.)";
        AllSidesChoice choice = AllSidesChoice.chosen();
        FeatureSpec spec = choice.features();
        List<LabeledDocument> docs = choice.documents(all);
        notes.add("AllSides configuration: " + choice.describe() + ", chosen by macro-F1 on the published valid part of the "
                + "random split (AllSidesGrid in the classifiers tests; the README lists what was tried). Its ablation section "
                + "shows the valid score that chose it, on the random split only: the media split's valid part is skewed "
                + "(1,640 left, 618 center, 98 right documents) and chose nothing. The media and topic experiments use the "
                + "same configuration.");
        // Tribuo's naive Bayes recomputes each class's total over the whole vocabulary for every
        // prediction, so on AllSides' vocabulary it predicts in minutes: it gets chi-square features.
        // The SGD families solve the objectives LibLinear solves exactly, at minutes per grid point
        // on 27,000 articles: on AllSides LibLinear stands for them.
        List<ModelFamily> fast = families.stream().filter(f -> f.selectFeatures() == 0 && !ALLSIDES_LEFT_OUT.contains(f.name()))
                .map(AccuracyReport::forAllSides).toList();
        List<ModelFamily> slow = families.stream().filter(f -> f.selectFeatures() > 0).toList();
        for (String scheme : List.of("random", "media")) {
            Experiment exp = Experiment.of("allsides", IDEOLOGY, scheme, docs);
            // One trainer for the ablation's chosen row and the experiment: the chosen model is fitted once.
            ExperimentTrainer runner = new ExperimentTrainer(exp, spec, SEED, meter);
            // The media split's valid part is skewed (1,640 left, 618 center, 98 right), so its valid
            // scores chose nothing and its ablation would repeat the random one at half an hour's cost.
            if (ablations != null && scheme.equals("random")) {
                long t0 = System.nanoTime();
                ablations.add(choice.ablate(runner, all, scheme, SEED, meter, log));
                suite.section(exp.id() + "/ablation", t0);
            }
            // Tree models run on the random split only: a lower bound there already shows where they stand.
            // No learning curve here: refitting features at each training fraction of 27,000
            // articles costs more than five minutes; the embedded experiments carry one.
            suite.experiment(runner, scheme.equals("random") ? withSlow(fast, slow) : fast, spec);
            published.add(Report.Published.percent(exp.id(), "majority class", 46.08, 21.03, source));
            if (scheme.equals("random")) {
                published.add(Report.Published.percent(exp.id(), "BERT", 79.83, 80.19, source));
            } else {
                published.add(Report.Published.percent(exp.id(), "BERT", 36.75, 35.53, source));
            }
        }
        AllSidesTopics topics = AllSidesTopics.of(docs, ALLSIDES_TOPICS, ALLSIDES_TOPIC_TEST, SEED);
        suite.experiment(topics.experiment(), fast, false, spec);
        notes.add("AllSides topic task (" + topics.experiment().id() + "): the " + ALLSIDES_TOPICS + " most frequent topics "
                + topics.topics() + " on a seeded stratified split of our own, not the published one: the published test "
                + "part has no article on " + topics.missingFromPublishedTest() + ". Its section says why and gives the "
                + "counts per topic. Slow families are left out of it (embedded corpus and ideology rows show them).");
        notes.add("AllSides: LibSVM is left out (kernel training is quadratic in documents: tens of minutes on 27,000 "
                + "articles), and so are logistic regression and the linear SVM by SGD (LibLinear solves the same "
                + "objectives exactly, in seconds instead of minutes per grid point); XGBoost, CART and the random forest "
                + "run on the random split only, trained on a seeded stratified sample of "
                + ALLSIDES_SLOW_TRAIN + " training documents and the top " + Trainers.SLOW_MODEL_FEATURES
                + " chi-square features, so their rows are a lower bound. Naive Bayes sees the top " + ALLSIDES_NB_FEATURES
                + " chi-square features: Tribuo's implementation sums each class over the whole vocabulary at every "
                + "prediction, minutes on the full AllSides vocabulary. LibLinear runs a two-point grid there instead of "
                + "its full one (each grid point costs a minute): the SVM at C = " + ALLSIDES_SVM_C + " (the choice) and "
                + ALLSIDES_SVM_OTHER_C + ", logistic regression (solved in the dual) at C = " + ALLSIDES_LR_C + " only. The "
                + "learning curve is drawn on the embedded corpus only (on AllSides it costs over five minutes). The "
                + "published figures are Baly et al.'s Table 3; no other published figure is shown, since none other can be "
                + "cited to a table and column.");
    }

    /**
     * A family as it runs on AllSides: naive Bayes on chi-square features, LibLinear at C = 1 only
     * (logistic regression in the dual), since each grid point costs minutes on 27,000 articles.
     */
    static ModelFamily forAllSides(ModelFamily f) {
        return switch (f.name()) {
            case "naive-bayes" -> f.withSelectFeatures(ALLSIDES_NB_FEATURES);
            case "liblinear-lr" -> f.fixed(Trainers.liblinearLogisticDual(ALLSIDES_LR_C));
            case "liblinear-svm" -> new ModelFamily(f.name(), f.description(),
                    List.of(Trainers.liblinearSvm(ALLSIDES_SVM_C), Trainers.liblinearSvm(ALLSIDES_SVM_OTHER_C)), f.linear(),
                    f.selectFeatures(), f.maxTrainDocuments());
            default -> f;
        };
    }

    /** LibLinear on AllSides: the SVM's chosen C first (ties keep it), the runner-up C of the exploration, LR's C. */
    static final double ALLSIDES_SVM_C = 1;
    static final double ALLSIDES_SVM_OTHER_C = 0.3;
    static final double ALLSIDES_LR_C = 10;

    /** The feature spec of the AllSides experiments. */
    static FeatureSpec allSidesFeatures() {
        return AllSidesChoice.chosen().features();
    }

    /** The fast families on the full training part, the slow ones on a subsample of it. */
    private static List<ModelFamily> withSlow(List<ModelFamily> fast, List<ModelFamily> slow) {
        List<ModelFamily> out = new ArrayList<>(fast);
        slow.forEach(f -> out.add(f.withMaxTrainDocuments(ALLSIDES_SLOW_TRAIN)));
        return out;
    }

    /** The name of AllSides' left/center/right task in the report: the publisher's AllSides media-bias rating. */
    static final String IDEOLOGY = "ideology";

    /**
     * {@code docs} with AllSides' left/center/right label under the task name {@value #IDEOLOGY}:
     * the reader files it as {@code stance}, but it rates the publisher's politics, not the article's
     * stance on anything, and the report, the README and the paper call it ideology.
     */
    static List<LabeledDocument> ideology(List<LabeledDocument> docs) {
        List<LabeledDocument> out = new ArrayList<>(docs.size());
        for (LabeledDocument d : docs) {
            java.util.Map<String, String> labels = new java.util.LinkedHashMap<>(d.labels());
            String rating = labels.remove("stance");
            if (rating != null) {
                labels.put(IDEOLOGY, rating);
            }
            out.add(new LabeledDocument(d.id(), d.text(), labels, d.splits(), d.metadata()));
        }
        return out;
    }
}

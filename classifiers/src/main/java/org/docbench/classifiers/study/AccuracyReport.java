package org.docbench.classifiers.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.peer.Peer;
import org.docbench.classifiers.peer.PeerRows;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.report.Ablation;
import org.docbench.classifiers.report.DataNotes;
import org.docbench.classifiers.report.Report;
import org.docbench.classifiers.report.ReportWriter;
import org.docbench.classifiers.train.Family;
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
 * there; {@code report.md}, {@code report.json} and {@code report.html} written atomically. The
 * constants are the study's settings; {@link AllSidesStudy} runs the AllSides part.
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
    static final Set<Family> ALLSIDES_LEFT_OUT = EnumSet.of(Family.LIBSVM_LINEAR, Family.LOGREG_SGD, Family.SVM_SGD);
    /** Chi-square features naive Bayes sees on AllSides. */
    public static final int ALLSIDES_NB_FEATURES = 20_000;
    /** LibLinear on AllSides: the SVM's chosen C first (ties keep it), the runner-up C of the exploration, LR's C. */
    static final double ALLSIDES_SVM_C = 1;
    static final double ALLSIDES_SVM_OTHER_C = 0.3;
    static final double ALLSIDES_LR_C = 10;
    /** NB-SVM's C on AllSides, chosen on the random split's valid part (AllSidesGrid: 0.3, 1, 3, 10; 10 ties 3). */
    static final double ALLSIDES_NBSVM_C = 3;
    /** The name of AllSides' left/center/right task in the report: the publisher's AllSides media-bias rating. */
    static final String IDEOLOGY = "ideology";

    /** The property that, set to false, leaves out the AllSides ablation and the peers' AllSides rows. */
    static final String ALLSIDES_FULL = "docbench.allsides.full";

    /** The property that, set to true, adds the ablation on the media split to the random split's. */
    static final String MEDIA_ABLATION = Ablation.MEDIA_PROPERTY;

    /** The switch {@code .ci/run} turns on (through {@code DOCBENCH_REQUIRE_DATA=true}): missing data fails the report. */
    static final String REQUIRE_DATA = "docbench.requireData";

    private AccuracyReport() {
    }

    public static void main(String[] args) {
        ReportArguments a;
        try {
            a = ReportArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("AccuracyReport: " + e.getMessage());
            System.exit(2);
            return;
        }
        TrainerLogging.quiet();
        try {
            // Progress on stderr: a bar on a terminal, a line every 10 s in a log (mvn verify); stdout keeps the scores.
            ProgressMeter meter = ProgressMeter.forStderr();
            Report report = build(a.root(), a.allsides(), a.command(), meter.guard(System.out::println), meter);
            ReportWriter.write(report, a.out());
            System.out.println("accuracy report: " + a.out().resolve("report.md") + " (" + a.out().resolve("report.html") + ")");
        } catch (MissingData e) {
            System.err.println("AccuracyReport: " + e.getMessage());
            System.exit(1);
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
        Optional<Path> allsides = AllSidesReader.locate(allsidesProperty, root);
        requireData(Boolean.getBoolean(REQUIRE_DATA),
                allsides.isPresent() || "off".equals(allsidesProperty == null ? null : allsidesProperty.strip()), Peer.all());
        List<ModelFamily> families = Trainers.families();
        Suite suite = new Suite(FeatureSpec.defaults(), SEED, log, meter);
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
        // Every split scheme the corpus ships (layout.properties), random and outlet first.
        List<String> schemes = new ArrayList<>(List.of("random", "outlet"));
        docs.stream().flatMap(d -> d.splits().keySet().stream()).filter(s -> !schemes.contains(s)).distinct().sorted().forEach(schemes::add);
        suite.experiments(embedded.name(), docs, embedded.tasks(), schemes, families, true);
        suite.crossValidate(embedded.name(), docs, embedded.tasks(),
                families.stream().filter(f -> !Trainers.slow(f)).toList(), CV_SEEDS);

        if (allsides.isPresent()) {
            AllSidesReader reader = AllSidesReader.fromFolder(allsides.get(), OnError.SKIP_AND_REPORT);
            long r0 = System.nanoTime();
            List<LabeledDocument> all = AllSidesStudy.ideology(meter.toList(reader.documents(), "read AllSides", 0, "docs"));
            CorpusManifest allSidesRead = CorpusManifest.of(reader, all);
            manifests.add(allSidesRead);
            log.accept(String.format(Locale.ROOT, "read %d AllSides documents in %.1f s", all.size(), (System.nanoTime() - r0) / 1e9));
            // The ablation and the peers' AllSides rows are most of the report's time (a model per
            // switched decision; fastText trains for minutes per experiment): -Ddocbench.allsides.full=false
            // leaves them out for a quicker look.
            boolean full = allSidesFull();
            if (!full) {
                suite.peers(ExperimentResult.Peers.NONE);
                notes.add(StudyNotes.allSidesPartial());
            }
            List<Report.Published> baly = new ArrayList<>();
            AllSidesStudy.run(suite, all, families, notes, baly, ablated(full, mediaAblation()), ablations, meter, log);
            // The published figures belong beside the published corpus only, not beside a folder in its layout.
            if (DataNotes.isPublishedAllSides(allSidesRead)) {
                published.addAll(baly);
            } else {
                notes.add(StudyNotes.allSidesNotPublished());
            }
        } else {
            notes.add(StudyNotes.allSidesMissing());
        }
        notes.addAll(StudyNotes.method());
        notes.addAll(peers.notes());
        return suite.report(command, root, CV_SEEDS, families, manifests, published, notes, t0, ablations);
    }

    /** Whether this run includes the AllSides ablation and peers' rows: {@code -D}{@value #ALLSIDES_FULL} is not false. */
    static boolean allSidesFull() {
        return Boolean.parseBoolean(System.getProperty(ALLSIDES_FULL, "true"));
    }

    /** Whether this run adds the media split's ablation: {@code -D}{@value #MEDIA_ABLATION} is true. */
    static boolean mediaAblation() {
        return Boolean.parseBoolean(System.getProperty(MEDIA_ABLATION, "false"));
    }

    /** The splits whose ablation a run has: none without the full AllSides part, random, and media on request. */
    static Set<AllSidesReader.Scheme> ablated(boolean full, boolean media) {
        if (!full) {
            return Set.of();
        }
        return media ? Set.of(AllSidesReader.Scheme.RANDOM, AllSidesReader.Scheme.MEDIA) : Set.of(AllSidesReader.Scheme.RANDOM);
    }

    /**
     * Under {@code -Ddocbench.requireData=true} (what {@code .ci/run} sets), refuses to start when
     * the AllSides corpus was not found (and not turned off with {@code -Ddocbench.allsides=off})
     * or a peer is missing: a report that quietly left them out would pass a CI that lost its data.
     */
    static void requireData(boolean required, boolean allsidesFoundOrOff, List<Peer> peers) {
        if (!required) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!allsidesFoundOrOff) {
            missing.add("the AllSides corpus (unpack it under target/allsides or name it with -Ddocbench.allsides=DIR)");
        }
        peers.forEach(p -> p.missing().ifPresent(why -> missing.add(p.name() + ": " + why)));
        if (!missing.isEmpty()) {
            throw new MissingData("-D" + REQUIRE_DATA + "=true, and the report would leave out: " + String.join("; ", missing));
        }
    }

    /** Data the report needs under {@link #REQUIRE_DATA} is not on this machine. */
    static final class MissingData extends RuntimeException {
        MissingData(String message) {
            super(message);
        }
    }
}

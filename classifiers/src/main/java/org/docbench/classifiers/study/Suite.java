package org.docbench.classifiers.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.report.Ablation;
import org.docbench.classifiers.report.Provenance;
import org.docbench.classifiers.report.Report;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

/**
 * Runs the experiments of one corpus: every task on every split scheme it has, plus repeated
 * stratified k-fold cross-validation per task when asked. Collects results and section times.
 * Not thread-safe.
 */
public final class Suite {
    /** Folds of the cross-validation. */
    public static final int FOLDS = 5;

    private final List<ExperimentResult> experiments = new ArrayList<>();
    private final List<CrossValidation> crossValidation = new ArrayList<>();
    private final List<Report.Section> sections = new ArrayList<>();
    /** The features and families each experiment and cross-validation ran with, in run order. */
    private final List<Map.Entry<String, Provenance.Settings>> settings = new ArrayList<>();
    /** Notes computed from the experiments' parts and answers, in run order. */
    private final List<String> resultNotes = new ArrayList<>();
    private final Consumer<String> log;
    private final FeatureSpec features;
    private final long seed;
    private final ProgressMeter meter;
    private ExperimentResult.Peers peers = ExperimentResult.Peers.NONE;

    /** A suite that logs each model's scores to {@code log} and shows no progress. */
    public Suite(FeatureSpec features, long seed, Consumer<String> log) {
        this(features, seed, log, ProgressMeter.off());
    }

    /** A suite that shows progress on {@code meter} and logs to {@code log} through {@link ProgressMeter#guard}. */
    public Suite(FeatureSpec features, long seed, Consumer<String> log, ProgressMeter meter) {
        this.features = features;
        this.seed = seed;
        this.meter = meter;
        this.log = meter.guard(log);
    }

    /** Adds {@code peers} as rows of every experiment run from now on (none by default). */
    public void peers(ExperimentResult.Peers peers) {
        this.peers = peers;
    }

    /** Runs {@code families} on each (task, scheme) of {@code docs}; skips pairs with no train or test part. */
    public void experiments(String corpus, List<LabeledDocument> docs, List<String> tasks, List<String> schemes,
                            List<ModelFamily> families, boolean learningCurve) {
        for (String task : tasks) {
            for (String scheme : schemes) {
                Experiment exp = Experiment.of(corpus, task, scheme, docs);
                experiment(exp, families, learningCurve);
            }
        }
    }

    /** Runs one experiment with the suite's features. */
    public ExperimentResult experiment(Experiment exp, List<ModelFamily> families, boolean learningCurve) {
        return experiment(exp, families, learningCurve, features);
    }

    /** Runs one experiment with its own feature spec (a large corpus may need a smaller vocabulary). */
    public ExperimentResult experiment(Experiment exp, List<ModelFamily> families, boolean learningCurve, FeatureSpec spec) {
        long t0 = System.nanoTime();
        ExperimentResult r = ExperimentRunner.run(exp, families, spec, seed, learningCurve, log, meter, peers);
        experiments.add(r);
        ran(exp.id(), spec, families);
        resultNotes.addAll(StudyNotes.results(exp, r));
        resultNotes.addAll(defaultsNote(r, families));
        section(exp.id(), t0);
        return r;
    }

    /** Runs one experiment on a runner the caller made (and may have used, e.g. for an ablation). */
    public ExperimentResult experiment(ExperimentTrainer runner, List<ModelFamily> families, FeatureSpec spec) {
        long t0 = System.nanoTime();
        ExperimentResult r = ExperimentRunner.run(runner, families, spec, seed, false, log, meter, peers);
        experiments.add(r);
        ran(runner.experiment().id(), spec, families);
        resultNotes.addAll(StudyNotes.results(runner.experiment(), r));
        resultNotes.addAll(defaultsNote(r, families));
        section(runner.experiment().id(), t0);
        return r;
    }

    /**
     * A note naming the families of {@code r} that have a grid but ran its default (first)
     * configuration because the experiment had no validation document to choose on (an
     * {@link org.docbench.classifiers.eval.ModelResult#validation()} left empty); empty if none did.
     */
    static List<String> defaultsNote(ExperimentResult r, List<ModelFamily> families) {
        List<String> defaulted = new ArrayList<>();
        for (ModelFamily f : families) {
            var m = r.models().stream().filter(x -> x.family().equals(f.name())).findFirst();
            if (f.grid().size() > 1 && m.isPresent() && m.get().validation().isEmpty()) {
                defaulted.add(f.name());
            }
        }
        if (defaulted.isEmpty()) {
            return List.of();
        }
        return List.of(r.id() + ": no validation part: every label has at most 2 of the " + r.trainDocs() + " training documents"
                + ", and a stratified " + Math.round(ExperimentTrainer.INNER_VALIDATION * 100) + "% of each rounds to none, so "
                + String.join(", ", defaulted) + (defaulted.size() == 1 ? " ran its" : " ran their")
                + " default configuration (the first of the grid) instead of choosing one on validation data.");
    }

    /** Cross-validates {@code families} on each task, one repeat per seed. */
    public void crossValidate(String corpus, List<LabeledDocument> docs, List<String> tasks, List<ModelFamily> families,
                              List<Long> seeds) {
        for (String task : tasks) {
            long t0 = System.nanoTime();
            crossValidation.add(CrossValidationRunner.run(corpus, task, docs, families, FOLDS, seeds, features, log, meter));
            // Cross-validation runs each family's default configuration only.
            ran(corpus + "/" + task + "/cv", features, families.stream().map(f -> f.fixed(f.grid().get(0))).toList());
            section(corpus + "/" + task + "/cv", t0);
        }
    }

    private void ran(String id, FeatureSpec spec, List<ModelFamily> families) {
        settings.add(Map.entry(id, new Provenance.Settings(List.of(id), spec.describe(), Provenance.describe(families))));
    }

    /** Records the wall time since {@code t0} as section {@code name} of the report's timing. */
    public void section(String name, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        sections.add(new Report.Section(name, Math.round(s * 10) / 10.0));
        log.accept(String.format(Locale.ROOT, "== %s done in %.1f s", name, s));
    }

    /**
     * The report of the experiments run so far: provenance from the suite's seed and features,
     * {@code notes} followed by what the experiments' parts and answers call for (see
     * {@link StudyNotes#results}),
     * {@code root}'s git commit and this machine; wall time since {@code startNanos}.
     */
    public Report report(String command, Path root, List<Long> cvSeeds, List<ModelFamily> families,
                         List<CorpusManifest> manifests, List<Report.Published> published, List<String> notes,
                         long startNanos, List<Ablation> ablations) {
        Provenance prov = Provenance.of(command, root, seed, cvSeeds, features, manifests, families,
                Provenance.group(settings));
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(resultNotes);
        return new Report(Report.SCHEMA, prov, experiments(), crossValidation(), published, allNotes,
                new Report.Timing((System.nanoTime() - startNanos) / 1e9, sections()), ablations);
    }

    /** As {@link #report(String, Path, List, List, List, List, List, long, List)}, without ablations. */
    public Report report(String command, Path root, List<Long> cvSeeds, List<ModelFamily> families,
                         List<CorpusManifest> manifests, List<Report.Published> published, List<String> notes,
                         long startNanos) {
        return report(command, root, cvSeeds, families, manifests, published, notes, startNanos, List.of());
    }

    public List<ExperimentResult> experiments() {
        return List.copyOf(experiments);
    }

    public List<CrossValidation> crossValidation() {
        return List.copyOf(crossValidation);
    }

    public List<Report.Section> sections() {
        return List.copyOf(sections);
    }
}

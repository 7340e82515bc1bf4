package org.docbench.classifiers.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.report.Report;
import org.docbench.classifiers.report.ReportWriter;
import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.corpus.CorpusReader;
import org.docbench.core.corpus.Splits;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;
import org.docbench.core.features.FeatureSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Write the accuracy report (report.md, report.json, report.html) for any corpus.",
                "Every task x split scheme of the corpus is an experiment; a corpus without splits gets a seeded "
                        + "stratified 80/20 split named 'random'. Hyperparameters are chosen on validation data (the "
                        + "corpus's 'valid' part, else 20%% of the training part), never on the test part; with no "
                        + "validation document (at most two training documents per label) each family runs its default, "
                        + "as the report notes.",
                "The best model has the highest test macro-F1, then accuracy; a tie goes to the family listed first under "
                        + "--models below (baselines first), whatever order --models gives.",
                "Progress goes to stderr: a bar on a terminal, a line every 10 s otherwise (DOCBENCH_PROGRESS=bar|lines|off; "
                        + "off leaves only warnings, errors and the result)."},
        footerHeading = "%nExamples:%n",
        footer = {"  docbench evaluate --corpus embedded \\",
                "      --models majority,liblinear-lr,naive-bayes --out /tmp/report",
                "  docbench evaluate --corpus news.csv --text-field text --label topic=section \\",
                "      --cv --out report/"})
final class EvaluateCommand implements Callable<Integer> {
    /** The scheme of the split this command makes for a corpus that has none (any corpus may also ship one of that name). */
    static final String RANDOM = "random";

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--task", paramLabel = "TASK", split = ",", description = "Tasks to evaluate (default: every task the corpus labels).")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--split", paramLabel = "SCHEME", split = ",", description = "Split schemes (default: every scheme the documents carry).")
    List<String> schemes = new ArrayList<>();

    @Option(names = "--models", paramLabel = "FAMILY", split = ",",
            description = "Model families (default: all): ${COMPLETION-CANDIDATES}.", completionCandidates = TrainCommand.Families.class)
    List<String> models = new ArrayList<>();

    @Option(names = "--cv", description = "Add stratified " + Suite.FOLDS + "-fold cross-validation per task (each task needs "
            + Suite.FOLDS + " or more labeled documents, one per fold).")
    boolean cv;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "DIR",
            description = "Folder to write the report into: a new path, an empty folder or one docbench wrote before "
                    + "(it holds " + org.docbench.classifiers.report.ReportWriter.MARKER + "); the new report replaces it whole, or nothing changes.")
    Path out;

    @Option(names = "--overwrite", description = "Allow --out to be an existing folder docbench did not write: it is replaced whole "
            + "(never the working folder, your home folder, the docbench jar's folder, or a folder holding any of them).")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        DocbenchCli.Feedback feedback = DocbenchCli.feedback(spec.commandLine());
        ProgressMeter meter = feedback.meter();
        OutputPaths.checkSpelling(spec.commandLine(), false);
        corpus.checkSpelling();
        OutputPaths.checkReportFolder(out, overwrite, corpus.inputs());
        OutputPaths.leftovers(out).forEach(spec.commandLine().getErr()::println);
        // "--task 'topic, stance'" means stance, as --models and --split read their names.
        tasks = tasks.stream().map(String::strip).distinct().toList();
        // A name given twice means the same thing once: one row, one experiment (and the charts need distinct names).
        List<ModelFamily> families = models.isEmpty() ? Trainers.families()
                : models.stream().map(String::strip).distinct().map(m -> TrainCommand.Families.find(m, spec.commandLine())).toList();
        corpus.checkTasks(tasks);
        CorpusReader reader = corpus.reader();
        feedback.status().accept("reading " + reader.location() + " ...");
        List<LabeledDocument> docs = meter.toList(reader.documents(), "read", 0, "docs");
        CorpusOptions.reportSkipped(reader, err);
        if (docs.isEmpty()) {
            throw new DocbenchCli.BadInputException("the corpus " + reader.location() + " holds no documents");
        }
        CorpusManifest manifest = CorpusManifest.of(reader, docs);
        List<String> useTasks = tasks.isEmpty() ? new ArrayList<>(manifest.counts().keySet()) : tasks;
        if (useTasks.isEmpty()) { // no task named, and none there: a report of nothing would say exit 0
            throw corpus.noLabel(reader, null, manifest.counts().keySet());
        }
        for (String t : useTasks) {
            if (!manifest.counts().containsKey(t)) {
                throw corpus.noLabel(reader, t, manifest.counts().keySet());
            }
            int labeled = manifest.counts().get(t).values().stream().mapToInt(Integer::intValue).sum();
            if (cv && labeled < Suite.FOLDS) {
                // Splits.stratifiedFolds deals the documents round-robin over the folds, one deal across
                // all labels, so a fold has no test document exactly when the task has fewer documents
                // than folds (whatever the labels and seed), and with that many every fold also leaves
                // some to train on: this is the one condition on which a fold fails.
                List<String> others = useTasks.stream().filter(o -> !o.equals(t)).toList();
                throw new DocbenchCli.BadInputException("--cv needs at least " + Suite.FOLDS + " labeled documents per task (one per fold); task "
                        + t + " has " + labeled + " in " + reader.location() + ": drop --cv"
                        + (others.isEmpty() ? "" : ", leave " + t + " out (--task " + String.join(",", others) + ")")
                        + ", or label more documents");
            }
            if (manifest.counts().get(t).size() == 1) {
                err.println("docbench: warning: every document of " + reader.location() + " has the " + t + " label '"
                        + manifest.counts().get(t).firstKey() + "': every model scores 100% by answering it, which measures nothing");
            }
            String own = corpus.ownLabelsWarning(reader.location(), t, manifest.counts().get(t));
            if (own != null) {
                err.println(own);
            }
            String cased = CorpusOptions.caseLabelsWarning(reader.location(), t, manifest.counts().get(t));
            if (cased != null) {
                err.println(cased);
            }
        }
        TreeSet<String> present = new TreeSet<>();
        docs.forEach(d -> present.addAll(d.splits().keySet()));
        List<String> useSchemes = schemes.isEmpty() ? new ArrayList<>(present) : schemes.stream().map(String::strip).distinct().toList();
        if (useSchemes.isEmpty()) {
            useSchemes = List.of(RANDOM);
        }
        for (String scheme : useSchemes) {
            if (!present.contains(scheme) && !scheme.equals(RANDOM)) {
                throw new DocbenchCli.BadInputException("no document of " + reader.location() + " carries split scheme '" + scheme
                        + "'; schemes there: " + present + (present.contains(RANDOM) ? "" : " (and '" + RANDOM
                        + "', the seeded split evaluate makes)"));
            }
        }
        // Every experiment is made (and its parts checked) before any model trains: a bad name or
        // an empty part is found in a second, not after the experiments before it have run.
        List<String> notes = new ArrayList<>();
        reader.problems().notes().forEach(note -> notes.add(note.message())); // the report says what stderr said
        List<Experiment> experiments = new ArrayList<>();
        for (String task : useTasks) {
            List<LabeledDocument> labeled = docs.stream().filter(d -> d.label(task) != null).toList();
            for (String scheme : useSchemes) {
                List<LabeledDocument> withSplit = labeled;
                if (!present.contains(scheme)) {
                    withSplit = randomSplit(labeled, task);
                    notes.add(reader.name() + "/" + task + "/random: the corpus has no split; a seeded stratified 80/20 split (seed " + seed
                            + ") was made.");
                } else {
                    // A scheme that leaves documents out is allowed (a split of a subset), but not silently.
                    long without = labeled.stream().filter(d -> d.part(scheme) == null).count();
                    if (without > 0) {
                        String note = reader.name() + "/" + task + "/" + scheme + ": " + without + " of " + labeled.size()
                                + " labeled documents have no part in this split and are left out of it.";
                        notes.add(note);
                        err.println("docbench: " + note);
                    }
                }
                experiments.add(experiment(reader, task, scheme, withSplit));
            }
        }
        Suite suite = new Suite(FeatureSpec.defaults(), seed, feedback.status(), meter);
        for (Experiment exp : experiments) {
            feedback.status().accept("experiment " + exp.id() + " ...");
            suite.experiment(exp, families, true);
        }
        if (cv) {
            suite.crossValidate(reader.name(), docs, useTasks, families, List.of(seed));
        }
        Report report = suite.report("docbench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), null,
                cv ? List.of(seed) : List.of(), families, List.of(manifest), List.of(), notes, t0);
        // Again: the folder may have changed during the run.
        List<Path> replaced = OutputPaths.checkReportFolder(out, overwrite, corpus.inputs());
        ReportWriter.write(report, out);
        if (!replaced.isEmpty()) {
            err.println(OutputPaths.replacedNote(out, replaced));
        }
        spec.commandLine().getOut().println("wrote " + TsvCells.field(out.resolve("report.md").toString()) + ", report.json and report.html");
        return 0;
    }

    /** The experiment of {@code task} on {@code scheme}, or a bad-input error naming the part it lacks. */
    private static Experiment experiment(CorpusReader reader, String task, String scheme, List<LabeledDocument> docs) {
        Experiment exp;
        try {
            exp = Experiment.of(reader.name(), task, scheme, docs);
        } catch (IllegalArgumentException e) {
            long train = docs.stream().filter(d -> d.part(scheme) == Part.TRAIN).count();
            long test = docs.stream().filter(d -> d.part(scheme) == Part.TEST).count();
            throw new DocbenchCli.BadInputException("cannot evaluate " + task + " on split '" + scheme + "' of " + reader.location()
                    + ": it has " + train + " training and " + test + " test documents labeled " + task + ", and needs at least one of each"
                    + (scheme.equals(RANDOM) && test == 0 ? " (the seeded 80/20 split holds out a test document only from labels with 3 or more documents)" : ""));
        }
        return exp;
    }

    private List<LabeledDocument> randomSplit(List<LabeledDocument> docs, String task) {
        Map<String, Part> parts = Splits.stratified(docs, LabeledDocument::id, d -> d.label(task), 0.2, seed);
        List<LabeledDocument> out = new ArrayList<>(docs.size());
        for (LabeledDocument d : docs) {
            Map<String, String> splits = new java.util.HashMap<>(d.splits());
            splits.put(RANDOM, parts.get(d.id()).spelling());
            out.add(new LabeledDocument(d.id(), d.text(), d.labels(), splits, d.metadata()));
        }
        return out;
    }
}

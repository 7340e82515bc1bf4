package org.docbench.classifiers.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.docbench.classifiers.progress.Progress;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.inference.SavedModel;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.corpus.CorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on every labeled document of a corpus and save it with its provenance.",
                "The model runs its family's default configuration (the first of the grid the report shows), on the features "
                        + "the report's rows of that family use: every feature, or for xgboost, cart and random-forest the top "
                        + org.docbench.classifiers.train.Trainers.SLOW_MODEL_FEATURES + " by chi-square on the training documents.",
                "Progress goes to stderr: a bar on a terminal, a line every 10 s otherwise (DOCBENCH_PROGRESS=bar|lines|off; "
                        + "off leaves only warnings, errors and the result)."},
        footerHeading = "%nExample:%n",
        footer = {"  docbench train --corpus embedded --task stance --model liblinear-svm \\",
                "      --out stance.model"})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "The task to learn, e.g. topic or stance.")
    String task;

    @Option(names = "--model", defaultValue = "liblinear-lr", paramLabel = "FAMILY",
            description = "Model family (default: ${DEFAULT-VALUE}); one of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Families.class)
    String model;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE",
            description = "Where to write the model (a zip file); a new path unless --overwrite.")
    Path out;

    @Option(names = "--overwrite", description = "Allow --out to be an existing file: it is replaced once the new model is written.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        DocbenchCli.Feedback feedback = DocbenchCli.feedback(spec.commandLine());
        ProgressMeter meter = feedback.meter();
        ModelFamily family = Families.find(model, spec.commandLine());
        corpus.checkSpelling();
        task = task.strip(); // as evaluate reads its --task names
        corpus.checkTasks(List.of(task));
        OutputPaths.checkSpelling(spec.commandLine(), true);
        OutputPaths.checkFile(out, overwrite, corpus.inputs());
        OutputPaths.leftovers(out).forEach(spec.commandLine().getErr()::println);
        CorpusReader reader = corpus.reader();
        var err = spec.commandLine().getErr();
        feedback.status().accept("reading " + reader.location() + " ...");
        List<LabeledDocument> docs = meter.toList(reader.documents(), "read", 0, "docs");
        CorpusOptions.reportSkipped(reader, err);
        if (docs.isEmpty()) {
            throw new DocbenchCli.BadInputException("the corpus " + reader.location() + " holds no documents");
        }
        CorpusManifest manifest = CorpusManifest.of(reader, docs);
        long labeled = docs.stream().filter(d -> d.label(task) != null).count();
        if (labeled == 0) {
            throw corpus.noLabel(reader, task, manifest.counts().keySet());
        }
        List<String> labels = docs.stream().map(d -> d.label(task)).filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (labels.size() == 1) {
            err.println("docbench: every labeled document of " + reader.location() + " is " + task + " '" + labels.get(0)
                    + "': a one-label model answers '" + labels.get(0) + "' for every document");
        }
        String own = corpus.ownLabelsWarning(reader.location(), task, manifest.counts().get(task));
        if (own != null) {
            err.println(own);
        }
        String cased = CorpusOptions.caseLabelsWarning(reader.location(), task, manifest.counts().get(task));
        if (cased != null) {
            err.println(cased);
        }
        if (!corpus.splits.isEmpty()) {
            err.println("docbench: train learns from every labeled document, whatever its --split-field part; evaluate is what"
                    + " holds the test part out");
        }
        feedback.status().accept("training " + family.grid().get(0).name() + " on " + labeled + " documents ...");
        long t0 = System.nanoTime();
        SavedModel m = SavedModel.train(docs, task, family.grid().get(0), FeatureSpec.defaults(), family.selectFeatures(), seed,
                manifest, meter);
        Object without = m.provenance().get("withoutFeatures");
        if (without != null) {
            err.println("docbench: " + without + " training documents have no term that occurs in " + FeatureSpec.defaults().minDf()
                    + " or more documents; they teach nothing and are left out");
        }
        OutputPaths.checkFile(out, overwrite, corpus.inputs()); // again: the path may have changed during training
        try (Progress p = meter.start("writing the model to " + out.getFileName(), 0, "")) { // one file, no count to show
            m.save(out);
        }
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "saved %s (%s, %s, %s documents, %.1f s)%n", TsvCells.field(out.toString()),
                task, family.grid().get(0).name(), m.provenance().get("trainingDocuments"), (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** Model family names for help and completion. */
    static final class Families implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Trainers.names().iterator();
        }

        static ModelFamily find(String name, picocli.CommandLine cl) {
            if (!Trainers.names().contains(name)) {
                throw new picocli.CommandLine.ParameterException(cl,
                        "unknown model '" + name + "'; known: " + String.join(", ", Trainers.names()));
            }
            return Trainers.family(name);
        }
    }
}

package org.docbench.classifiers.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.train.TrainerLogging;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

/**
 * The models {@code docbench classify --task T} uses: logistic regression by SGD (a family the
 * fast path compiles) on every embedded document, default features, seed {@value #SEED}.
 * The build trains them once ({@link #main}, bound to Maven's process-classes phase) into
 * {@code models/<task>.model} on the classpath, so classifying never trains at start-up.
 */
public final class DefaultModels {
    public static final long SEED = 42L;
    static final String FOLDER = "models/";

    private DefaultModels() {
    }

    /** Trains one model per task of the embedded corpus into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        LayoutCorpusReader reader = LayoutCorpusReader.embedded();
        List<LabeledDocument> docs = reader.readAll();
        CorpusManifest manifest = CorpusManifest.of(reader.name(), reader.location(), docs, 0);
        TrainerLogging.quiet();
        Files.createDirectories(out);
        for (String task : reader.tasks()) {
            SavedModel m = train(docs, task, manifest);
            m.save(out.resolve(task + ".model"));
            System.out.println("default model " + out.resolve(task + ".model") + ": " + m.provenance().get("spec")
                    + " on " + m.provenance().get("trainingDocuments") + " documents");
        }
        Files.writeString(out.resolve("tasks.txt"), String.join("\n", reader.tasks()) + "\n");
    }

    /**
     * The default model of {@code task} trained on {@code docs}, exactly as the build trains it. It
     * reads text as it comes (no normalizer), so the fast path tokenizes raw text without
     * allocating; what the normalizer changes in accuracy is the "normalizer" row of the report's
     * AllSides ablation.
     */
    public static SavedModel train(List<LabeledDocument> docs, String task, CorpusManifest manifest) {
        return SavedModel.train(docs, task, Trainers.defaultLogisticRegression(), FeatureSpec.defaults().withNormalize(false),
                SEED, manifest, ProgressMeter.off());
    }

    /** The shipped default model of {@code task}, with Tribuo's model; see {@link #open}. */
    public static SavedModel load(String task) throws IOException {
        try (InputStream in = open(task)) {
            return SavedModel.load(in, "default model of " + task);
        }
    }

    /**
     * The shipped default model file of {@code task}, open for reading.
     *
     * @throws IllegalArgumentException naming the tasks there are, when {@code task} has none
     */
    public static InputStream open(String task) throws IOException {
        InputStream in = task.matches("[A-Za-z0-9_-]+")
                ? DefaultModels.class.getClassLoader().getResourceAsStream(FOLDER + task + ".model") : null;
        if (in == null) {
            String tasks;
            try (InputStream t = DefaultModels.class.getClassLoader().getResourceAsStream(FOLDER + "tasks.txt")) {
                tasks = t == null ? "none in this build (run 'mvn package')" : new String(t.readAllBytes()).strip().replace("\n", ", ");
            }
            throw new IllegalArgumentException("no default model for task '" + task + "'; tasks: " + tasks + " (or pass --model FILE)");
        }
        return in;
    }
}

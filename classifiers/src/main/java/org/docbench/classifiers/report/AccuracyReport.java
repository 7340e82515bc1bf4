package org.docbench.classifiers.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.docbench.classifiers.eval.Evaluation;
import org.docbench.classifiers.eval.Experiment;
import org.docbench.classifiers.eval.Runner;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Entry point of the accuracy report that {@code mvn verify} writes: runs every experiment and
 * writes {@code report.md} and {@code report.json} into the output folder, atomically.
 *
 * <p>Usage: {@code AccuracyReport --out DIR [--allsides=DIR] [--command=TEXT]}.
 */
public final class AccuracyReport {
    static final long SEED = 42L;

    private AccuracyReport() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        String command = "mvn -B verify";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].startsWith("--command=")) {
                command = args[i].substring("--command=".length());
            }
        }
        if (out == null) {
            System.err.println("usage: AccuracyReport --out DIR [--allsides=DIR] [--command=TEXT]");
            System.exit(2);
        }
        LayoutCorpusReader reader = LayoutCorpusReader.embedded();
        List<LabeledDocument> docs = reader.readAll();
        CorpusManifest manifest = CorpusManifest.of(reader);
        FeatureSpec features = FeatureSpec.defaults();
        List<Evaluation> results = new ArrayList<>();
        for (String task : List.of("topic", "stance")) {
            Experiment exp = Experiment.of(reader.name(), task, "random", docs);
            for (TrainerSpec spec : Trainers.all()) {
                results.add(Runner.run(exp, spec, features, SEED));
                System.out.printf(Locale.ROOT, "%-40s %-12s acc %.3f%n", exp.id(), spec.name(), results.get(results.size() - 1).accuracy());
            }
        }
        write(out, manifest, features, results, command);
    }

    static void write(Path out, CorpusManifest manifest, FeatureSpec features, List<Evaluation> results, String command)
            throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, ".accuracy-");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", "docbench-accuracy/1");
        json.put("command", command);
        json.put("seed", SEED);
        json.put("corpus", manifest);
        json.put("features", features.describe());
        json.put("results", results);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.resolve("report.json").toFile(), json);

        StringBuilder md = new StringBuilder("# docbench accuracy report\n\n");
        md.append("Command: `").append(command).append("`, seed ").append(SEED).append(", corpus `")
                .append(manifest.name()).append("` sha256 `").append(manifest.sha256()).append("` (")
                .append(manifest.documents()).append(" documents), features ").append(features.describe()).append(".\n\n");
        md.append("| experiment | model | accuracy | macro-F1 | features | train ms | docs/s |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Evaluation e : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %d | %d | %.0f |%n", e.experiment(), e.model(),
                    e.accuracy(), e.macroF1(), e.features(), e.trainMillis(), e.docsPerSecond()));
        }
        Files.writeString(tmp.resolve("report.md"), md, StandardCharsets.UTF_8);
        replace(tmp, out);
    }

    /** Swaps the finished folder in; a failure before this point leaves the previous report. */
    static void replace(Path finished, Path out) throws IOException {
        Path old = out.resolveSibling(out.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(out)) {
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(finished, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}

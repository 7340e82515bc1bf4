package org.docbench.classifiers.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.features.FeatureSpec;

/**
 * What a reader needs to reproduce any figure of the report. Immutable.
 *
 * @param command   the exact command that produced the report
 * @param gitCommit commit of the project root, with {@code -dirty} when the tree had changes, or "unknown"
 * @param seed      the seed every random choice derives from
 * @param cvSeeds   fold assignment seeds of the cross-validation repeats
 * @param features  the suite's default feature spec, described (the embedded corpus and cross-validation use it)
 * @param corpora   manifests of the corpora read (sha256, counts)
 * @param families  the suite's default families with their grids: family -> configuration -> hyperparameters
 * @param settings  what actually ran: the features and families (grids as run) of each group of experiments
 * @param tribuo    Tribuo version
 * @param jdk       Java runtime
 * @param os        operating system
 * @param cpu       CPU model and cores available
 */
public record Provenance(String command, String gitCommit, long seed, List<Long> cvSeeds, String features,
                         List<CorpusManifest> corpora, Map<String, Map<String, Map<String, String>>> families,
                         List<Settings> settings, String tribuo, String jdk, String os, String cpu) {

    public Provenance {
        cvSeeds = List.copyOf(cvSeeds);
        corpora = List.copyOf(corpora);
        settings = List.copyOf(settings);
    }

    /**
     * The features and model families that ran on some experiments, so a corpus that runs its own
     * settings (AllSides' features and fixed LibLinear costs) is never described by the defaults.
     *
     * @param experiments the experiment ids ({@code corpus/task/split}, {@code corpus/task/cv}) that ran with them
     * @param features    the feature spec, described
     * @param families    family -> configuration -> hyperparameters, as run (chi-square features and training
     *                    subsample included when a family uses them)
     */
    public record Settings(List<String> experiments, String features, Map<String, Map<String, Map<String, String>>> families) {
        public Settings {
            experiments = List.copyOf(experiments);
        }
    }

    /** {@code runs} (experiment id, features, families) grouped by identical settings, in first-run order. */
    public static List<Settings> group(List<Map.Entry<String, Settings>> runs) {
        Map<List<Object>, List<String>> ids = new LinkedHashMap<>();
        Map<List<Object>, Settings> first = new LinkedHashMap<>();
        for (Map.Entry<String, Settings> run : runs) {
            List<Object> key = List.of(run.getValue().features(), run.getValue().families());
            ids.computeIfAbsent(key, k -> new ArrayList<>()).add(run.getKey());
            first.putIfAbsent(key, run.getValue());
        }
        List<Settings> out = new ArrayList<>();
        ids.forEach((key, list) -> out.add(new Settings(list, first.get(key).features(), first.get(key).families())));
        return out;
    }

    /**
     * The provenance of a run on this machine: {@code root}'s git commit (see {@link #gitCommit}),
     * the Tribuo version, JDK, OS and CPU as detected now.
     */
    public static Provenance of(String command, Path root, long seed, List<Long> cvSeeds, FeatureSpec features,
                                List<CorpusManifest> corpora, List<ModelFamily> families, List<Settings> settings) {
        return new Provenance(command, gitCommit(root), seed, cvSeeds, features.describe(), corpora, describe(families),
                settings, org.tribuo.Tribuo.VERSION, detectJdk(), detectOs(), detectCpu());
    }

    /** {@code families} as the report lists them: each grid's hyperparameters, plus chi-square features and training subsample when used. */
    public static Map<String, Map<String, Map<String, String>>> describe(List<ModelFamily> families) {
        Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
        for (ModelFamily f : families) {
            Map<String, Map<String, String>> grid = new LinkedHashMap<>();
            for (TrainerSpec s : f.grid()) {
                Map<String, String> hp = new LinkedHashMap<>(s.hyperparameters());
                if (f.selectFeatures() > 0) {
                    hp.put("chiSquareFeatures", String.valueOf(f.selectFeatures()));
                }
                if (f.maxTrainDocuments() > 0) {
                    hp.put("maxTrainDocuments", String.valueOf(f.maxTrainDocuments()));
                }
                grid.put(s.name(), hp);
            }
            out.put(f.name(), grid);
        }
        return out;
    }

    /** The commit of {@code root}, or "unknown" when git or the repository is not there. */
    static String gitCommit(Path root) {
        if (root == null) {
            return "unknown";
        }
        String head = git(root, "rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    }

    private static String git(Path root, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(root.toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String detectCpu() {
        String model = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            model = System.getProperty("os.arch");
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores available";
    }

    static String detectJdk() {
        return System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version");
    }

    static String detectOs() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }
}

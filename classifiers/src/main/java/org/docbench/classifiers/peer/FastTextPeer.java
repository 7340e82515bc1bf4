package org.docbench.classifiers.peer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ScoreKind;
import org.docbench.core.document.LabeledDocument;

/**
 * fastText's supervised classifier, the {@code fasttext} binary (Debian's {@code fasttext}
 * package, or {@code -Ddocbench.fasttext=PATH}): one line per document, {@code __label__K} then
 * the text with its whitespace collapsed; {@code predict-prob ... -1} gives every label's
 * probability, so its calibration is scored. Its settings are fixed: fastText has no valid-based choice
 * in its command line, and the ones below are those of the issue that added the peers.
 */
public final class FastTextPeer implements Peer {
    /** {@code supervised} options besides input, output and threads. */
    public static final List<String> OPTIONS = List.of("-wordNgrams", "2", "-epoch", "10", "-lr", "0.5", "-dim", "50",
            "-seed", "42", "-verbose", "0");
    /**
     * From this many training documents fastText trains on two threads (CI's two cores), which
     * makes its model depend on thread timing; below, one thread keeps it reproducible.
     */
    public static final int TWO_THREADS_FROM = 5000;
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private volatile Optional<String> binary;

    @Override
    public String name() {
        return PREFIX + "fastText";
    }

    @Override
    public String settings() {
        return "fastText (the fasttext binary): supervised " + String.join(" ", OPTIONS) + " -thread 1 (-thread 2 from "
                + TWO_THREADS_FROM + " training documents, where its rows vary a little between runs) on '__label__K text' "
                + "lines in a seeded shuffled order (fastText reads its file in order), the text docbench reads with "
                + "whitespace collapsed; predict-prob -1 for every label's probability; train and predict "
                + "times are the wall times of the two commands (predict includes loading the model); settings fixed, none "
                + "chosen on valid";
    }

    @Override
    public Optional<String> missing() {
        return binary().isPresent() ? Optional.empty()
                : Optional.of("fastText peer not run: no fasttext binary (tried -Ddocbench.fasttext, fasttext on the PATH; "
                + "install Debian's fasttext)");
    }

    private Optional<String> binary() {
        if (binary == null) {
            List<String> candidates = new ArrayList<>();
            String explicit = System.getProperty("docbench.fasttext", "");
            if (!explicit.isBlank()) {
                candidates.add(explicit.strip());
            }
            candidates.add("fasttext");
            candidates.add("/usr/bin/fasttext");
            // 'fasttext' alone prints its usage and exits with 1; 'dump' without arguments too, so probe with a file that
            // is not there and accept only "the binary started": a missing binary throws before any exit code.
            binary = candidates.stream().filter(FastTextPeer::runs).findFirst();
        }
        return binary;
    }

    private static boolean runs(String path) {
        try {
            Process p = new ProcessBuilder(path).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(1, java.util.concurrent.TimeUnit.MINUTES);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Predictions run(Experiment exp, Function<LabeledDocument, String> text, int minDf, Path work)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> labels = new ArrayList<>(new TreeSet<>(exp.train().stream().map(d -> d.label(exp.task())).toList()));
        Path train = work.resolve("train.txt");
        Path test = work.resolve("test.txt");
        // fastText's SGD reads the file in order: a file sorted by label (the embedded corpus comes that
        // way) would leave it with the last label's gradient. Shuffled with a fixed seed, as one would.
        List<LabeledDocument> shuffled = new ArrayList<>(exp.train());
        java.util.Collections.shuffle(shuffled, new java.util.Random(42));
        try (BufferedWriter w = Files.newBufferedWriter(train, StandardCharsets.UTF_8)) {
            for (LabeledDocument d : shuffled) {
                w.write("__label__" + labels.indexOf(d.label(exp.task())) + " " + line(text.apply(d)) + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(test, StandardCharsets.UTF_8)) {
            for (LabeledDocument d : exp.test()) {
                w.write(line(text.apply(d)) + "\n");
            }
        }
        String bin = binary().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(bin, "supervised", "-input", train.toString(), "-output",
                work.resolve("model").toString()));
        cmd.addAll(OPTIONS);
        cmd.addAll(List.of("-thread", exp.train().size() >= TWO_THREADS_FROM ? "2" : "1"));
        double trainSeconds = Processes.run(cmd, work, null, 120);
        Path out = work.resolve("predictions.txt");
        double predictSeconds = Processes.run(List.of(bin, "predict-prob", work.resolve("model.bin").toString(), test.toString(),
                "-1"), work, out, 60);
        // The model holds 2M n-gram buckets x dim floats, hundreds of MB per experiment: not kept.
        Files.deleteIfExists(work.resolve("model.bin"));
        Files.deleteIfExists(work.resolve("model.vec"));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (lines.size() != exp.test().size()) {
            throw new IOException("fastText predicted " + lines.size() + " lines for " + exp.test().size() + " test documents");
        }
        List<String> predicted = new ArrayList<>();
        List<Map<String, Double>> scores = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            // '__label__K p' for every label the model knows, most probable first
            String[] parts = lines.get(i).strip().split(" ");
            Map<String, Double> byLabel = new LinkedHashMap<>();
            for (int j = 0; j + 1 < parts.length; j += 2) {
                if (!parts[j].startsWith("__label__")) {
                    parts = new String[0];
                    break;
                }
                String label = labels.get(Integer.parseInt(parts[j].substring("__label__".length())));
                byLabel.put(label, Math.min(1.0, Double.parseDouble(parts[j + 1]))); // fastText prints 1.00001 for a sure label
            }
            if (parts.length < 2 || parts.length % 2 != 0) {
                throw new IOException("fastText prediction line " + (i + 1) + " is '" + lines.get(i)
                        + "', expected '__label__K p' for every label");
            }
            predicted.add(byLabel.keySet().iterator().next());
            scores.add(byLabel);
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (int i = 0; i + 1 < OPTIONS.size(); i += 2) {
            if (!OPTIONS.get(i).equals("-verbose")) {
                chosen.put(OPTIONS.get(i).substring(1), OPTIONS.get(i + 1));
            }
        }
        chosen.put("thread", cmd.get(cmd.size() - 1));
        return new Predictions(predicted, ScoreKind.PROBABILITY, scores, trainSeconds, predictSeconds, 0, chosen, Map.of());
    }

    /** One line of fastText input: whitespace collapsed, never empty (fastText skips empty lines). */
    private static String line(String text) {
        String s = SPACE.matcher(text).replaceAll(" ").strip();
        return s.isEmpty() ? "." : s;
    }
}

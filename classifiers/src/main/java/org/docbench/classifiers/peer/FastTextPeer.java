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

import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.ScoreKind;
import org.docbench.core.corpus.Splits;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;

/**
 * fastText's supervised classifier, the {@code fasttext} binary (Debian's {@code fasttext}
 * package, or {@code -Ddocbench.fasttext=PATH}): one line per document, {@code __label__K} then
 * the text with its whitespace collapsed; {@code predict-prob ... -1} gives every label's
 * probability, so its calibration is scored. Its epochs are chosen as docbench chooses its own
 * settings, by macro-F1 on validation data (the valid part, else a seeded stratified 20% of the
 * training part), where that is cheap: at 10 epochs fastText barely moves from uniform
 * probabilities on a few hundred documents. From {@link #TWO_THREADS_FROM} training documents the
 * epochs stay at 10: one AllSides training at 10 epochs takes about four minutes on two cores, so
 * the grid would add over an hour per experiment.
 */
public final class FastTextPeer implements Peer {
    /** {@code supervised} options besides input, output and threads. */
    public static final List<String> OPTIONS = List.of("-wordNgrams", "2", "-lr", "0.5", "-dim", "50",
            "-seed", "42", "-verbose", "0");
    /**
     * Epoch candidates, chosen on validation data below {@link #TWO_THREADS_FROM} training documents; the first above.
     * No 100: on the embedded corpus it scores as 50 does on valid and doubles the search (about a minute per experiment).
     */
    public static final List<Integer> EPOCHS = List.of(10, 25, 50);
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
        return "fastText (the fasttext binary): supervised " + String.join(" ", OPTIONS) + " -epoch E -thread 1 (-thread 2 from "
                + TWO_THREADS_FROM + " training documents, where its rows vary a little between runs) on '__label__K text' "
                + "lines in a seeded shuffled order (fastText reads its file in order), the text docbench reads with "
                + "whitespace collapsed; predict-prob -1 for every label's probability; train and predict "
                + "times are the wall times of the final two commands (predict includes loading the model; the epoch search is in "
                + "neither); E chosen from " + EPOCHS + " by macro-F1 on the valid part (else a seeded stratified "
                + Math.round(ExperimentTrainer.INNER_VALIDATION * 100) + "% of the training part) below " + TWO_THREADS_FROM
                + " training documents, E = " + EPOCHS.get(0) + " fixed from there (one AllSides training at 10 epochs takes "
                + "about 4 minutes on two cores: the search would add over an hour per experiment)";
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
        String threads = exp.train().size() >= TWO_THREADS_FROM ? "2" : "1";
        Map<String, Double> validation = new LinkedHashMap<>();
        int epochs = EPOCHS.get(0);
        if (exp.train().size() < TWO_THREADS_FROM) {
            List<LabeledDocument> fit = exp.train();
            List<LabeledDocument> valid = exp.valid();
            if (valid.isEmpty()) { // as docbench chooses without a valid part: a seeded stratified share of the training part
                Map<String, Part> parts = Splits.stratified(exp.train(), LabeledDocument::id, d -> d.label(exp.task()),
                        ExperimentTrainer.INNER_VALIDATION, SEED);
                fit = exp.train().stream().filter(d -> parts.get(d.id()) != Part.TEST).toList();
                valid = exp.train().stream().filter(d -> parts.get(d.id()) == Part.TEST).toList();
            }
            List<String> fitLabels = new ArrayList<>(new TreeSet<>(fit.stream().map(d -> d.label(exp.task())).toList()));
            List<String> scored = new ArrayList<>(new TreeSet<>(java.util.stream.Stream.concat(fit.stream(), valid.stream())
                    .map(d -> d.label(exp.task())).toList())); // a valid label without training documents still counts
            int[] truth = valid.stream().mapToInt(d -> scored.indexOf(d.label(exp.task()))).toArray();
            double best = Double.NEGATIVE_INFINITY;
            for (int e : EPOCHS) {
                train(exp, fit, fitLabels, text, e, threads, work);
                List<Map<String, Double>> scores = predict(exp, valid, fitLabels, text, work).scores();
                int[] predicted = scores.stream().mapToInt(m -> scored.indexOf(m.keySet().iterator().next())).toArray();
                double score = Metrics.MACRO_F1.score(scored, truth, predicted);
                validation.put("epoch=" + e, score);
                if (score > best) { // strict: ties keep the fewer epochs
                    best = score;
                    epochs = e;
                }
            }
        }
        double trainSeconds = train(exp, exp.train(), labels, text, epochs, threads, work);
        Predicted p = predict(exp, exp.test(), labels, text, work);
        // The model holds 2M n-gram buckets x dim floats, hundreds of MB per experiment: not kept.
        Files.deleteIfExists(work.resolve("model.bin"));
        Files.deleteIfExists(work.resolve("model.vec"));
        Map<String, String> chosen = new LinkedHashMap<>();
        for (int i = 0; i + 1 < OPTIONS.size(); i += 2) {
            if (!OPTIONS.get(i).equals("-verbose")) {
                chosen.put(OPTIONS.get(i).substring(1), OPTIONS.get(i + 1));
            }
        }
        chosen.put("epoch", String.valueOf(epochs));
        chosen.put("epochChoice", validation.isEmpty() ? "fixed (" + TWO_THREADS_FROM + " or more training documents)"
                : "macro-F1 on " + (exp.valid().isEmpty() ? "a seeded stratified share of the training part" : "the valid part"));
        chosen.put("thread", threads);
        List<String> predicted = p.scores().stream().map(m -> m.keySet().iterator().next()).toList();
        return new Predictions(predicted, ScoreKind.PROBABILITY, p.scores(), trainSeconds, p.seconds(), 0, chosen, validation);
    }

    private static final long SEED = 42;

    /** Trains {@code work/model.bin} on {@code docs} (labels indexed in {@code labels}); returns wall seconds. */
    private double train(Experiment exp, List<LabeledDocument> docs, List<String> labels, Function<LabeledDocument, String> text,
                         int epochs, String threads, Path work) throws IOException, InterruptedException {
        Path train = work.resolve("train.txt");
        // fastText's SGD reads the file in order: a file sorted by label (the embedded corpus comes that
        // way) would leave it with the last label's gradient. Shuffled with a fixed seed, as one would.
        List<LabeledDocument> shuffled = new ArrayList<>(docs);
        java.util.Collections.shuffle(shuffled, new java.util.Random(SEED));
        try (BufferedWriter w = Files.newBufferedWriter(train, StandardCharsets.UTF_8)) {
            for (LabeledDocument d : shuffled) {
                w.write("__label__" + labels.indexOf(d.label(exp.task())) + " " + line(text.apply(d)) + "\n");
            }
        }
        List<String> cmd = new ArrayList<>(List.of(binary().orElseThrow(), "supervised", "-input", train.toString(), "-output",
                work.resolve("model").toString()));
        cmd.addAll(OPTIONS);
        cmd.addAll(List.of("-epoch", String.valueOf(epochs), "-thread", threads));
        return Processes.run(cmd, work, null, 120);
    }

    /** Every label's probability for each of {@code docs}, most probable first, and the wall seconds of predicting. */
    private record Predicted(List<Map<String, Double>> scores, double seconds) {
    }

    private Predicted predict(Experiment exp, List<LabeledDocument> docs, List<String> labels, Function<LabeledDocument, String> text,
                              Path work) throws IOException, InterruptedException {
        Path test = work.resolve("test.txt");
        try (BufferedWriter w = Files.newBufferedWriter(test, StandardCharsets.UTF_8)) {
            for (LabeledDocument d : docs) {
                w.write(line(text.apply(d)) + "\n");
            }
        }
        Path out = work.resolve("predictions.txt");
        double seconds = Processes.run(List.of(binary().orElseThrow(), "predict-prob", work.resolve("model.bin").toString(),
                test.toString(), "-1"), work, out, 60);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (lines.size() != docs.size()) {
            throw new IOException("fastText predicted " + lines.size() + " lines for " + docs.size() + " documents of " + exp.id());
        }
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
            scores.add(byLabel);
        }
        return new Predicted(scores, seconds);
    }

    /** One line of fastText input: whitespace collapsed, never empty (fastText skips empty lines). */
    private static String line(String text) {
        String s = SPACE.matcher(text).replaceAll(" ").strip();
        return s.isEmpty() ? "." : s;
    }
}

package org.docbench.classifiers.peer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ScoreKind;
import org.docbench.core.document.LabeledDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * scikit-learn's TF-IDF and LinearSVC, through {@code sklearn_peer.py} (kept beside this class
 * as a resource; its docstring has the settings). The first Python that imports sklearn wins:
 * {@code -Ddocbench.python=PATH} when set, else {@code /usr/bin/python3} (Debian's
 * {@code python3-sklearn}), else {@code python3} on the PATH.
 */
public final class SklearnPeer implements Peer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "sklearn_peer.py";
    /** Candidate values of C, chosen by the peer on the valid part when there is one. */
    public static final String GRID = "0.3,1";

    private volatile Optional<String> python;

    @Override
    public String name() {
        return PREFIX + "scikit-learn";
    }

    @Override
    public String settings() {
        return "scikit-learn (" + SCRIPT + "): TfidfVectorizer(ngram_range=(1, 2), min_df = docbench's min df of the experiment, "
                + "sublinear_tf=True, max_features=400000) on the same raw text docbench reads, then LinearSVC(C), C chosen from {"
                + GRID + "} by macro-F1 on the published valid part when the experiment has one, else C = 1; train time is "
                + "vectorizing the train part plus fitting the chosen C, predict time vectorizing and predicting the test part, "
                + "both timed inside Python; its scores are LinearSVC's margins (decision_function), not probabilities, so no "
                + "calibration; random_state=42";
    }

    @Override
    public Optional<String> missing() {
        return python().isPresent() ? Optional.empty()
                : Optional.of("scikit-learn peer not run: no Python with sklearn (tried -Ddocbench.python, /usr/bin/python3, "
                + "python3; install Debian's python3-sklearn)");
    }

    private Optional<String> python() {
        if (python == null) {
            List<String> candidates = new ArrayList<>();
            String explicit = System.getProperty("docbench.python", "");
            if (!explicit.isBlank()) {
                candidates.add(explicit.strip());
            }
            candidates.add("/usr/bin/python3");
            candidates.add("python3");
            python = candidates.stream().filter(p -> Processes.works(List.of(p, "-c", "import sklearn"))).findFirst();
        }
        return python;
    }

    @Override
    public Predictions run(Experiment exp, Function<LabeledDocument, String> text, int minDf, Path work)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path script = work.resolve(SCRIPT);
        try (InputStream in = SklearnPeer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of(python().orElseThrow(), script.toString(),
                "--train", write(work.resolve("train.jsonl"), exp.train(), exp.task(), text).toString(),
                "--test", write(work.resolve("test.jsonl"), exp.test(), exp.task(), text).toString(),
                "--min-df", String.valueOf(minDf), "--grid", GRID, "--out", work.resolve("predictions.json").toString()));
        if (!exp.valid().isEmpty()) {
            cmd.add("--valid");
            cmd.add(write(work.resolve("valid.jsonl"), exp.valid(), exp.task(), text).toString());
        }
        Processes.run(cmd, work, null, 120);
        JsonNode out = JSON.readTree(work.resolve("predictions.json").toFile());
        List<String> labels = new ArrayList<>();
        out.get("predicted").forEach(n -> labels.add(n.asText()));
        Map<String, Double> validation = new LinkedHashMap<>();
        out.get("valid_macro_f1").fields().forEachRemaining(e -> validation.put("C=" + e.getKey(), e.getValue().asDouble()));
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("vectorizer", "tfidf word 1-2 sublinear min_df=" + minDf + " max_features=400000");
        chosen.put("model", "LinearSVC");
        chosen.put("C", out.get("C").asText());
        chosen.put("sklearn", out.get("sklearn").asText());
        List<String> classes = new ArrayList<>();
        out.get("classes").forEach(n -> classes.add(n.asText()));
        List<Map<String, Double>> scores = new ArrayList<>();
        for (JsonNode row : out.get("scores")) {
            Map<String, Double> byLabel = new LinkedHashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                byLabel.put(classes.get(c), row.get(c).asDouble());
            }
            scores.add(byLabel);
        }
        return new Predictions(labels, ScoreKind.MARGIN, scores, out.get("train_seconds").asDouble(), out.get("predict_seconds").asDouble(),
                out.get("features").asInt(), chosen, validation);
    }

    private static Path write(Path file, List<LabeledDocument> docs, String task, Function<LabeledDocument, String> text)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (LabeledDocument d : docs) {
                w.write(JSON.writeValueAsString(Map.of("text", text.apply(d), "label", d.label(task))));
                w.write('\n');
            }
        }
        return file;
    }
}

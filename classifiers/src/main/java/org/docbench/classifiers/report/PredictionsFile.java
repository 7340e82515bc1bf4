package org.docbench.classifiers.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.TestPredictions;
import org.docbench.classifiers.train.ScoreKind;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code predictions/<corpus>.<task>.<split>.jsonl}: one JSON object per test document of an
 * experiment, in test order, with every model's answer, so any figure of the report can be
 * recomputed or a single document looked up. Each row says what its scores are, so the file
 * reads without report.json. Stateless.
 *
 * <pre>
 * {"id":"ie-a007","gold":"sanctuary","models":{
 *    "majority":{"label":"287g","scoreKind":"none","scores":null},
 *    "liblinear-lr":{"label":"sanctuary","scoreKind":"probability","scores":{"287g":0.05,"sanctuary":0.81,...}},
 *    "liblinear-svm":{"label":"sanctuary","scoreKind":"margin","scores":{"287g":-0.93,"sanctuary":0.41,...}},
 *    "libsvm-linear":{"label":"sanctuary","scoreKind":"votes","scores":{"287g":3.0,"sanctuary":5.0,...}},
 *    "naive-bayes":{"label":"287g","scoreKind":"probability","scores":null,"fallback":true},
 *    ...}}
 * </pre>
 *
 * {@code scoreKind} is a {@link ScoreKind} spelling (probability, margin, votes, vote-share,
 * leaf-share, none); {@code scores} holds every label of the experiment, null for a label the
 * model gave no score (one it never saw in training), and is null itself for a model that scores
 * nothing (the baselines) and where a model knew no feature of the document and answered with the
 * training majority ({@code "fallback":true}). The predicted label's score is
 * {@code scores[label]}: a margin can be negative, and only probabilities compare across documents.
 */
public final class PredictionsFile {
    /** The folder beside report.md that holds the files. */
    public static final String FOLDER = "predictions";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PredictionsFile() {
    }

    /**
     * Each experiment's file, relative to the report folder, in report order:
     * {@code predictions/<corpus>.<task>.<split>.jsonl} with each name made safe, e.g.
     * {@code predictions/allsides.ideology.random.jsonl}. Distinct experiments get distinct files
     * on any file system:
     *
     * <pre>
     * task "topic"            -> news.topic.random.jsonl
     * task "to/pic"           -> news.to%2Fpic.random.jsonl     (any character but letters, digits, '-', '_', '.': %XX of its UTF-8)
     * task "to.pic"           -> news.to.pic.random.jsonl
     * corpus "" (".csv")      -> _.topic.random.jsonl           (never a hidden file: a leading '.' is %2E, an empty name _)
     * task "Topic" after "topic" -> news.Topic.random-2.jsonl   (a name equal to an earlier one, ignoring case and
     *                                                             Unicode normalization, gets the first free -N)
     * corpus of 300 letters   -> aaa...aaa~3f2c9e01d4.jsonl     (a name over {@value #MAX_NAME_BYTES} UTF-8 bytes keeps its
     *                                                             start, and ~ and 10 hex digits of the whole name's SHA-256)
     * </pre>
     *
     * Experiments without predictions map to nothing.
     */
    public static Map<ExperimentResult, String> paths(List<ExperimentResult> experiments) {
        Map<ExperimentResult, String> out = new IdentityHashMap<>();
        Set<String> taken = new HashSet<>();
        for (ExperimentResult e : experiments) {
            if (e.predictions() == null) {
                continue;
            }
            String base = fit(safe(e.corpus()) + "." + safe(e.task()) + "." + safe(e.split()));
            String name = base;
            for (int n = 2; !taken.add(key(name)); n++) {
                name = base + "-" + n;
            }
            out.put(e, FOLDER + "/" + name + ".jsonl");
        }
        return out;
    }

    /** {@code name} as one part of a file name: letters, digits, '-', '_' and inner '.' as they are, anything else %XX. */
    static String safe(String name) {
        if (name.isEmpty()) {
            return "_";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            boolean keep = Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || (cp == '.' && i > 0);
            if (keep) {
                sb.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * Longest name part, in UTF-8 bytes, before {@code -N.jsonl}: file systems hold 255 bytes a name, and a
     * corpus file's own name can be nearly that long on its own.
     */
    static final int MAX_NAME_BYTES = 200;

    /** {@code name}, or when it is over {@link #MAX_NAME_BYTES} its start and a hash of the whole, so distinct names stay distinct. */
    static String fit(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_NAME_BYTES) {
            return name;
        }
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(utf8), 0, 5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        StringBuilder start = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + width > MAX_NAME_BYTES - hash.length() - 1) {
                break;
            }
            start.appendCodePoint(cp);
            bytes += width;
            i += Character.charCount(cp);
        }
        return start + "~" + hash;
    }

    /** Names a case-insensitive or normalizing file system (macOS, Windows) would take for the same file. */
    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** The file's content: one line per test document. */
    public static String render(ExperimentResult e) {
        TestPredictions p = e.predictions();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.ids().size(); i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", p.ids().get(i));
            line.put("gold", p.labels().get(p.gold()[i]));
            Map<String, Object> models = new LinkedHashMap<>();
            for (TestPredictions.Answers a : p.models()) {
                models.put(a.family(), answer(p, a, i));
            }
            line.put("models", models);
            try {
                sb.append(MAPPER.writeValueAsString(line)).append('\n');
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write predictions of " + e.id(), ex);
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> answer(TestPredictions p, TestPredictions.Answers a, int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", p.labels().get(a.predicted()[i]));
        m.put("scoreKind", a.scoreKind().spelling());
        double[] row = a.scores() == null ? null : a.scores()[i];
        Map<String, Double> scores = null;
        if (row != null && a.scoreKind() != ScoreKind.NONE) {
            scores = new LinkedHashMap<>();
            for (int c = 0; c < p.labels().size(); c++) {
                double v = c < row.length ? row[c] : Double.NaN;
                scores.put(p.labels().get(c), Double.isNaN(v) ? null : v); // NaN is not JSON: no score is null, never 0
            }
        }
        m.put("scores", scores);
        if (a.scores() != null && row == null) {
            m.put("fallback", true);
        }
        return m;
    }
}

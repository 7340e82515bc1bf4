package org.docbench.classifiers.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.ModelResult;
import org.docbench.classifiers.eval.Significance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code report.json}. The schema ({@value Report#SCHEMA}) is documented in
 * {@code classifiers/REPORT-SCHEMA.md}; in short:
 *
 * <pre>
 * schema           "docbench-accuracy/3"
 * units, pValueFloor  scores are fractions everywhere; p-values are numbers, at least pValueFloor (1e-16)
 * provenance       command, gitCommit, seed, cvSeeds, features, corpora[{name, sha256, documents, counts}],
 *                  families{family: {config: {hyperparameter: value}}}, tribuo, jdk, os, cpu
 * records[]        one per experiment x model: experiment, corpus, task, split, family, spec, best, peer,
 *                  accuracy, accuracyLow, accuracyHigh, macroF1, macroF1Low, macroF1High, weightedF1,
 *                  mcnemarP, notWorseThanBest, ece, features, trainDocuments, testDocuments,
 *                  trainMillis, predictMillis, docsPerSecond
 * experiments[]    the full results: labels, per-class scores, confusion matrices, calibration bins,
 *                  confused pairs, top features, learning curve, labels left out of macro-F1, the
 *                  predictions file, feature fitting time
 * crossValidation[] fold scores and corrected t-tests per corpus x task
 * published[]      literature figures beside ours
 * notes[], timing  what was left out and why; wall times
 * ablations[]      AllSides: experiment, model, chosen, rows[{decision, setting, validMacroF1, testMacroF1,
 *                  testAccuracy, features, trainMillis, trainDocs}]
 * </pre>
 *
 * Every field but those named {@code timing}, {@code trainMillis}, {@code predictMillis},
 * {@code docsPerSecond} and {@code featureMillis} is identical between two runs on the same inputs.
 */
public final class JsonReport {
    /** Fields whose values are wall times. */
    public static final List<String> TIME_FIELDS = List.of("timing", "trainMillis", "predictMillis", "docsPerSecond", "featureMillis");

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonReport() {
    }

    /** The report as a JSON tree. */
    public static JsonNode tree(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", report.schema());
        root.put("units", UNITS);
        root.put("pValueFloor", Significance.P_FLOOR);
        root.put("provenance", report.provenance());
        root.put("records", records(report));
        root.put("experiments", report.experiments());
        root.put("crossValidation", report.crossValidation());
        root.put("published", report.published());
        root.put("notes", report.notes());
        root.put("ablations", report.ablations());
        root.put("timing", report.timing());
        JsonNode tree = MAPPER.valueToTree(root);
        JsonNode corpora = tree.get("provenance").get("corpora");
        for (int i = 0; i < report.provenance().corpora().size(); i++) {
            ((ObjectNode) corpora.get(i)).put("about", DataNotes.about(report.provenance().corpora().get(i)).replace("**", ""));
        }
        JsonNode experiments = tree.get("experiments");
        Map<ExperimentResult, String> files = PredictionsFile.paths(report.experiments());
        for (int i = 0; i < report.experiments().size(); i++) {
            experimentExtras((ObjectNode) experiments.get(i), report.experiments().get(i), files);
        }
        return tree;
    }

    /** What report.json's {@code units} field says. */
    static final Map<String, String> UNITS = unitsNote();

    private static Map<String, String> unitsNote() {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("scores", "fractions in [0, 1], published figures included");
        u.put("pValues", "numbers in [pValueFloor, 1]; a p-value at the floor means p < pValueFloor");
        u.put("times", "milliseconds (*Millis), seconds (*Seconds, seconds), documents per second (docsPerSecond)");
        return java.util.Collections.unmodifiableMap(u);
    }

    /** Fields of an experiment that are derived, not stored: labels left out of macro-F1, the predictions file. */
    private static void experimentExtras(ObjectNode node, ExperimentResult e, Map<ExperimentResult, String> files) {
        var without = node.putArray("labelsWithoutTestDocuments");
        e.model(e.best()).metrics().withoutSupport().forEach(without::add);
        if (e.predictions() != null) {
            ObjectNode p = node.putObject("predictions");
            p.put("file", files.get(e));
            ObjectNode kinds = p.putObject("scoreKinds");
            e.predictions().models().forEach(a -> kinds.put(a.family(), a.scoreKind().spelling()));
        }
    }

    public static String render(Report report) throws IOException {
        return MAPPER.writeValueAsString(tree(report)) + "\n";
    }

    /** A copy of {@code node} without any of the {@link #TIME_FIELDS}, for comparing runs. */
    public static JsonNode withoutTimes(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            TIME_FIELDS.forEach(obj::remove);
            for (Iterator<JsonNode> it = obj.elements(); it.hasNext(); ) {
                strip(it.next());
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                strip(child);
            }
        }
    }

    static List<Map<String, Object>> records(Report report) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExperimentResult e : report.experiments()) {
            for (ModelResult m : e.models()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("experiment", e.id());
                r.put("corpus", e.corpus());
                r.put("task", e.task());
                r.put("split", e.split());
                r.put("family", m.family());
                r.put("spec", m.spec());
                r.put("best", m.family().equals(e.best()));
                r.put("peer", org.docbench.classifiers.eval.ExperimentResult.Peers.isPeer(m.family()));
                r.put("accuracy", m.metrics().accuracy());
                r.put("accuracyLow", m.accuracyCi().low());
                r.put("accuracyHigh", m.accuracyCi().high());
                r.put("macroF1", m.metrics().macroF1());
                r.put("macroF1Low", m.macroF1Ci().low());
                r.put("macroF1High", m.macroF1Ci().high());
                r.put("weightedF1", m.metrics().weightedF1());
                r.put("mcnemarP", m.vsBest() == null ? null : m.vsBest().p());
                r.put("notWorseThanBest", m.notWorseThanBest());
                r.put("ece", m.calibration() == null ? null : m.calibration().ece());
                r.put("features", m.features());
                r.put("trainDocuments", m.trainDocuments());
                r.put("testDocuments", e.testDocs());
                r.put("trainMillis", m.timing().trainMillis());
                r.put("predictMillis", m.timing().predictMillis());
                r.put("docsPerSecond", m.timing().docsPerSecond());
                out.add(r);
            }
        }
        return out;
    }
}

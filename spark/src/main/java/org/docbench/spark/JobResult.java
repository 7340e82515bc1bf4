package org.docbench.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.docbench.classifiers.eval.ClassScores;
import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.report.Report;

/**
 * What the job did, counted from the output it wrote (so a retried task is never counted
 * twice): documents read, classified, left without a label (with why) and bad (with the first
 * bad records named), and, where the documents carry labels, the confusion matrix aggregated
 * across the cluster and docbench's {@link Metrics} over it, the same scores {@code docbench
 * evaluate} computes.
 *
 * <p>Documents without a label count in the evaluation as {@code docbench evaluate} counts
 * them: one with empty text is not there (its corpus readers stop at one, or skip it with --skip-bad), one with no
 * word the model knows is answered the training majority (as its runner answers it, since
 * Tribuo refuses such a document).
 *
 * @param read         records read
 * @param classified   documents given a label
 * @param withoutLabel documents given no label, as {@code docbench classify} gives none
 * @param reasons      documents without a label by reason
 * @param bad          records that could not be classified
 * @param badNames     the first bad records: file, id and what is wrong
 * @param predicted    documents per predicted label
 * @param metrics      scores over the labeled documents, or null when none carried a label
 * @param labeled      documents in {@code metrics}
 * @param asMajority   documents with no known word in {@code metrics}, counted as the training majority
 * @param majority     the model's training majority, or null when its file does not record it
 */
record JobResult(long read, long classified, long withoutLabel, Map<String, Long> reasons, long bad, List<String> badNames,
                 Map<String, Long> predicted, Metrics metrics, long labeled, long asMajority, String majority) {
    static final int NAMED = 20;

    /** Counts {@code written} (the job's output, read back) in one small aggregation. */
    static JobResult of(Dataset<Row> written, List<String> modelLabels, String majority, boolean withTruth) {
        Dataset<Row> groups = withTruth
                ? written.groupBy(col("label"), col("reason"), col("truth"), col("problem").isNull().as("ok")).count()
                : written.groupBy(col("label"), col("reason"), col("problem").isNull().as("ok")).count();
        long read = 0;
        long bad = 0;
        long without = 0;
        long asMajority = 0;
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, Long> predicted = new TreeMap<>();
        Map<List<String>, Long> pairs = new LinkedHashMap<>();
        TreeSet<String> labels = new TreeSet<>(modelLabels);
        for (Row g : groups.collectAsList()) {
            long n = g.getLong(g.size() - 1);
            boolean ok = g.getBoolean(g.size() - 2);
            read += n;
            if (!ok) {
                bad += n;
                continue;
            }
            String truth = withTruth && !g.isNullAt(2) ? g.getString(2) : null;
            String label = g.getString(0);
            if (!g.isNullAt(1)) {
                String reason = g.getString(1);
                without += n;
                reasons.merge(reason, n, Long::sum);
                if (!reason.equals(ClassifyPartition.NO_KNOWN_WORD) || majority == null) {
                    continue;
                }
                label = majority;
                if (truth != null) {
                    asMajority += n;
                }
            } else {
                predicted.merge(label, n, Long::sum);
            }
            if (truth != null) {
                labels.add(truth);
                pairs.merge(List.of(truth, label), n, Long::sum);
            }
        }
        List<String> names = new ArrayList<>();
        if (bad > 0) {
            for (Row r : written.filter(col("problem").isNotNull()).select("problem").limit(NAMED).collectAsList()) {
                names.add(r.getString(0));
            }
        }
        Metrics metrics = null;
        long labeled = 0;
        if (!pairs.isEmpty()) {
            List<String> order = List.copyOf(labels);
            int[][] cm = new int[order.size()][order.size()];
            for (Map.Entry<List<String>, Long> e : pairs.entrySet()) {
                cm[order.indexOf(e.getKey().get(0))][order.indexOf(e.getKey().get(1))] += Math.toIntExact(e.getValue());
                labeled += e.getValue();
            }
            metrics = Metrics.fromConfusion(order, cm);
        }
        return new JobResult(read, read - bad - without, without, reasons, bad, List.copyOf(names), predicted, metrics,
                labeled, asMajority, majority);
    }

    /** The one-line summary the job prints at the end. */
    String summary(double seconds, String path, String master, int partitions, String output, String format) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "docbench-spark: read %,d, classified %,d, without a label %,d, bad %,d, %.1f s, %,.0f docs/s",
                read, classified, withoutLabel, bad, seconds, seconds > 0 ? read / seconds : 0.0));
        sb.append("; ").append(path).append(", ").append(master).append(", ").append(partitions).append(" partitions");
        if (metrics != null) {
            sb.append(String.format(Locale.ROOT, "; accuracy %.4f, macro-F1 %.4f on %,d labeled", metrics.accuracy(),
                    metrics.macroF1(), labeled));
        }
        if (!badNames.isEmpty()) {
            sb.append("; first bad: ").append(badNames.get(0));
        }
        sb.append(output == null ? "" : "; " + output + " (" + format + ")");
        return sb.toString();
    }

    /** This result as the marker file's JSON. */
    Map<String, Object> toJson(double seconds, String path, String master, int partitions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", read);
        m.put("classified", classified);
        m.put("withoutLabel", withoutLabel);
        m.put("withoutLabelReasons", reasons);
        m.put("bad", bad);
        m.put("badRecords", badNames);
        m.put("seconds", seconds);
        m.put("docsPerSecond", seconds > 0 ? read / seconds : 0.0);
        m.put("path", path);
        m.put("master", master);
        m.put("partitions", partitions);
        m.put("predicted", predicted);
        if (metrics != null) {
            m.put("labeled", labeled);
            m.put("accuracy", metrics.accuracy());
            m.put("macroF1", metrics.macroF1());
        }
        return m;
    }

    /**
     * The evaluation in docbench's report schema ({@value Report#SCHEMA}, classifiers'
     * REPORT-SCHEMA.md), the fields that apply to one saved model scored on one corpus: no
     * intervals, significance, calibration or cross-validation, which need the predictions
     * themselves rather than their confusion matrix, and no corpus {@code sha256}, which hashes
     * the documents in one reading order where the job reads them in parallel, in none.
     */
    Map<String, Object> report(String command, String corpus, String location, String task,
                               Map<String, Object> modelProvenance, double seconds, String path) {
        String family = String.valueOf(modelProvenance.get("family"));
        String spec = String.valueOf(modelProvenance.get("spec"));
        String experiment = corpus + "/" + task + "/all";
        Map<String, Long> truthCounts = truthCounts();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", Report.SCHEMA);
        root.put("provenance", provenance(command, corpus, location, task, family, spec, truthCounts, modelProvenance));
        root.put("records", List.of(record(experiment, task, corpus, family, spec, modelProvenance, seconds)));
        root.put("experiments", List.of(experiment(experiment, location, family, spec, truthCounts, modelProvenance)));
        root.put("notes", notes(path));
        root.put("timing", Map.of("totalSeconds", seconds));
        return root;
    }

    /** The true labels the labeled documents carry; empty when none was evaluated. */
    java.util.Set<String> truthLabels() {
        java.util.Set<String> labels = new TreeSet<>();
        if (metrics != null) {
            truthCounts().forEach((label, n) -> {
                if (n > 0) {
                    labels.add(label);
                }
            });
        }
        return labels;
    }

    /** Labeled documents per true label: the rows of the confusion matrix summed. */
    private Map<String, Long> truthCounts() {
        Map<String, Long> counts = new TreeMap<>();
        int[][] cm = metrics.confusion();
        for (int t = 0; t < cm.length; t++) {
            long n = 0;
            for (int p = 0; p < cm.length; p++) {
                n += cm[t][p];
            }
            counts.put(metrics.labels().get(t), n);
        }
        return counts;
    }

    private Map<String, Object> provenance(String command, String corpus, String location, String task, String family,
                                           String spec, Map<String, Long> truthCounts, Map<String, Object> modelProvenance) {
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("command", command);
        prov.put("seed", modelProvenance.get("seed"));
        prov.put("features", modelProvenance.get("features"));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", corpus);
        c.put("location", location);
        c.put("documents", read);
        c.put("skipped", bad + reasons.getOrDefault(ClassifyPartition.EMPTY_TEXT, 0L)); // as docbench's readers skip them
        c.put("counts", Map.of(task, truthCounts));
        prov.put("corpora", List.of(c));
        prov.put("families", Map.of(family, Map.of(spec, modelProvenance.getOrDefault("hyperparameters", Map.of()))));
        prov.put("tribuo", modelProvenance.get("tribuo"));
        prov.put("jdk", System.getProperty("java.version"));
        prov.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return prov;
    }

    private Map<String, Object> record(String experiment, String task, String corpus, String family, String spec,
                                       Map<String, Object> modelProvenance, double seconds) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("experiment", experiment);
        record.put("corpus", corpus);
        record.put("task", task);
        record.put("split", "all");
        record.put("family", family);
        record.put("spec", spec);
        record.put("best", true);
        record.put("accuracy", metrics.accuracy());
        record.put("macroF1", metrics.macroF1());
        record.put("weightedF1", metrics.weightedF1());
        record.put("trainDocuments", modelProvenance.get("trainingDocuments"));
        record.put("testDocuments", labeled);
        record.put("docsPerSecond", seconds > 0 ? read / seconds : 0.0);
        return record;
    }

    private Map<String, Object> experiment(String experiment, String location, String family, String spec,
                                           Map<String, Long> truthCounts, Map<String, Object> modelProvenance) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("family", family);
        model.put("spec", spec);
        model.put("metrics", metricsJson());
        model.put("hyperparameters", modelProvenance.getOrDefault("hyperparameters", Map.of()));
        Map<String, Object> exp = new LinkedHashMap<>();
        exp.put("id", experiment);
        exp.put("design", "every labeled document of " + location + " scored by a saved model (trained on "
                + modelProvenance.get("trainingDocuments") + " documents); nothing is trained here");
        exp.put("trainDocs", modelProvenance.get("trainingDocuments"));
        exp.put("testDocs", labeled);
        exp.put("labels", metrics.labels());
        exp.put("testCounts", truthCounts);
        exp.put("best", family);
        exp.put("models", List.of(model));
        return exp;
    }

    private Map<String, Object> metricsJson() {
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (ClassScores s : metrics.perClass()) {
            Map<String, Object> pc = new LinkedHashMap<>();
            pc.put("label", s.label());
            pc.put("precision", s.precision());
            pc.put("recall", s.recall());
            pc.put("f1", s.f1());
            pc.put("support", s.support());
            perClass.add(pc);
        }
        Map<String, Object> mj = new LinkedHashMap<>();
        mj.put("accuracy", metrics.accuracy());
        mj.put("macroF1", metrics.macroF1());
        mj.put("weightedF1", metrics.weightedF1());
        mj.put("perClass", perClass);
        mj.put("confusion", metrics.confusion());
        return mj;
    }

    /** What the report leaves out and which documents it does not score, and why. */
    private List<String> notes(String path) {
        List<String> notes = new ArrayList<>();
        notes.add("Scored by docbench-spark with " + path + "; a subset of the schema: no bootstrap intervals, "
                + "McNemar tests, calibration, learning curve or cross-validation.");
        if (bad > 0) {
            notes.add(bad + " bad records were not classified: " + String.join("; ", badNames));
        }
        long empty = reasons.getOrDefault(ClassifyPartition.EMPTY_TEXT, 0L);
        if (empty > 0) {
            notes.add(empty + " documents with empty text got no label and are not scored (docbench evaluate's corpus readers stop at such a document, or skip it with --skip-bad).");
        }
        long unknown = reasons.getOrDefault(ClassifyPartition.NO_KNOWN_WORD, 0L);
        if (unknown > 0 && majority != null) {
            notes.add(unknown + " documents with no word the model knows got no label; the " + asMajority
                    + " of them that carry a label are scored as the training majority '" + majority
                    + "', as docbench evaluate scores them.");
        } else if (unknown > 0) {
            notes.add(unknown + " documents with no word the model knows got no label and are not scored "
                    + "(the model file does not record its training majority).");
        }
        long unscored = read - bad - empty - (majority == null ? unknown : 0) - labeled;
        if (unscored > 0) {
            notes.add(unscored + " documents carried no label and are not scored.");
        }
        return notes;
    }
}

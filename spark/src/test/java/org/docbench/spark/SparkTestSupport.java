package org.docbench.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.docbench.classifiers.inference.SavedModel;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Corpora written in each input format, models saved as {@code docbench train} saves them, and job runs. */
final class SparkTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    private SparkTestSupport() {
    }

    /** One local[2] session for a whole test class; the job reuses it and leaves it running. */
    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("docbench-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /** A model of {@code family}'s first configuration trained on every document, saved to a zip. */
    static Path trainModel(List<LabeledDocument> docs, String task, String family, Path file) throws IOException {
        SavedModel m = SavedModel.train(docs, task, Trainers.family(family).grid().get(0), FeatureSpec.defaults(), 42L, null);
        m.save(file);
        return file;
    }

    /** What the job printed and returned. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = ClassifyJob.run(o, e, args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Map<String, Object> record(LabeledDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("text", d.text());
        d.labels().forEach(m::put);
        return m;
    }

    /** JSON Lines, the documents dealt round-robin into {@code files} part files under {@code dir}. */
    static Path writeJsonLines(Path dir, List<LabeledDocument> docs, int files) throws IOException {
        Files.createDirectories(dir);
        List<StringBuilder> parts = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            parts.add(new StringBuilder());
        }
        for (int i = 0; i < docs.size(); i++) {
            parts.get(i % files).append(JSON.writeValueAsString(record(docs.get(i)))).append('\n');
        }
        for (int i = 0; i < files; i++) {
            Files.writeString(dir.resolve(String.format("part-%05d.jsonl", i)), parts.get(i), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** One RFC 4180 CSV file: id, text, topic, stance (texts keep their line breaks, quoted). */
    static Path writeCsv(Path file, List<LabeledDocument> docs) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("id", "text", "topic", "stance").get())) {
            for (LabeledDocument d : docs) {
                p.printRecord(d.id(), d.text(), d.label("topic"), d.label("stance"));
            }
        }
        Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** A docbench layout folder: labels.tsv and docs/ID.txt. */
    static Path writeLayout(Path root, List<LabeledDocument> docs) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        StringBuilder labels = new StringBuilder("id\ttopic\tstance\n");
        for (LabeledDocument d : docs) {
            labels.append(d.id()).append('\t').append(d.label("topic")).append('\t').append(d.label("stance")).append('\n');
            Files.writeString(root.resolve("docs/" + d.id() + ".txt"), d.text(), StandardCharsets.UTF_8);
        }
        Files.writeString(root.resolve("labels.tsv"), labels, StandardCharsets.UTF_8);
        return root;
    }

    /** The job's output rows by id (bad records without an id under "?N"), read with Spark. */
    static Map<String, Row> outputById(SparkSession spark, Path out, String format) {
        List<Row> rows = format.equals("parquet") ? spark.read().parquet(out.toString()).collectAsList()
                : spark.read().json(out.toString()).collectAsList();
        Map<String, Row> byId = new HashMap<>();
        int n = 0;
        for (Row r : rows) {
            String id = r.isNullAt(r.fieldIndex("id")) ? "?" + n++ : r.getString(r.fieldIndex("id"));
            if (byId.put(id, r) != null) {
                throw new AssertionError("id " + id + " appears twice in the output");
            }
        }
        return byId;
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** Names under {@code dir} that start with '.' and hold "docbench" (temporary or old outputs). */
    static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && n.contains("docbench")).toList();
        }
    }
}

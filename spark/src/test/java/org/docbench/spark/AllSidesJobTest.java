package org.docbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.inference.Scorer;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import org.docbench.testing.RequiredData;

/**
 * The job on the AllSides sample, when it is there ({@code -Ddocbench.allsides=DIR}, or
 * {@code target/allsides/article-bias-prediction} under the project; {@code off} skips it):
 * the first 2,000 articles, read through core's reader, labels and scores equal to those of
 * {@link Scorer} ({@code docbench classify}'s) for every one, accuracy and macro-F1 equal to
 * {@link Metrics}' over them.
 */
class AllSidesJobTest {
    private static final int ARTICLES = 2000;

    @TempDir
    Path dir;

    @Test
    void allSidesSample_labelsAndScoresEqualDocbenchClassify() throws IOException {
        Optional<Path> root = AllSidesReader.locate(System.getProperty("docbench.allsides", ""),
                Path.of(System.getProperty("docbench.root", ".")));
        if (root.isEmpty()) {
            RequiredData.skipLoudly("AllSides corpus not found (set -Ddocbench.allsides or unpack it under target/allsides)");
        }
        List<LabeledDocument> docs;
        try (Stream<LabeledDocument> all = AllSidesReader.fromFolder(root.get(), OnError.FAIL_FAST).documents()) {
            docs = all.limit(ARTICLES).toList();
        }
        Path model = SparkTestSupport.trainModel(docs, "stance", "logreg-sgd", dir.resolve("allsides-stance.model"));
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("in"), docs, 4);
        Path out = dir.resolve("out");
        SparkSession spark = SparkTestSupport.session();
        try {
            SparkTestSupport.Run r = SparkTestSupport.run("--input", in.toString(), "--model", model.toString(),
                    "--output", out.toString());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("read 2,000, classified 2,000, without a label 0, bad 0") && r.out().contains("fast path"), r.out());

            Map<String, Row> rows = SparkTestSupport.outputById(spark, out, "parquet");
            Scorer scorer = Scorer.load(model);
            Scorer.Session session = scorer.newSession();
            String[] labels = scorer.labels();
            List<String> predicted = new ArrayList<>();
            for (LabeledDocument d : docs) {
                Row row = rows.get(d.id());
                assertNotNull(row, "article " + d.id() + " is missing from the output");
                int best = session.score(d.text());
                assertTrue(best >= 0, "article " + d.id() + " has words the model knows");
                double[] s = session.scores();
                assertEquals(labels[best], row.getString(row.fieldIndex("label")), "label of " + d.id());
                assertEquals(s[best], row.getDouble(row.fieldIndex("confidence")), 0.0, "confidence of " + d.id());
                Row scores = row.getStruct(row.fieldIndex("scores"));
                for (int i = 0; i < labels.length; i++) {
                    assertEquals(s[i], scores.getDouble(scores.fieldIndex(labels[i])), 0.0, "score of " + labels[i] + " for " + d.id());
                }
                predicted.add(labels[best]);
            }
            TreeSet<String> all = new TreeSet<>(predicted);
            docs.forEach(d -> all.add(d.label("stance")));
            List<String> order = List.copyOf(all);
            Metrics expected = Metrics.of(order, docs.stream().mapToInt(d -> order.indexOf(d.label("stance"))).toArray(),
                    predicted.stream().mapToInt(order::indexOf).toArray());
            JsonNode rec = SparkTestSupport.readJson(out.resolve("_report.json")).get("records").get(0);
            assertEquals(expected.accuracy(), rec.get("accuracy").asDouble(), 1e-12, rec.toString());
            assertEquals(expected.macroF1(), rec.get("macroF1").asDouble(), 1e-12, rec.toString());
        } finally {
            spark.stop();
        }
    }
}

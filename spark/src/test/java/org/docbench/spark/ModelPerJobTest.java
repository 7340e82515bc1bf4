package org.docbench.spark;

import static org.docbench.spark.SparkTestSupport.outputById;
import static org.docbench.spark.SparkTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors keep the loaded model in a static holder; a JVM that sees one SparkContext after
 * another (local mode, a driver running the job twice) starts broadcast ids again from 0 in each,
 * and each job must still score with its own model.
 */
class ModelPerJobTest {
    @TempDir
    static Path dir;

    @Test
    void taskInsteadOfModel_scoresWithTheShippedDefaultModel_asDocbenchClassifyTaskDoes() throws IOException {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("task-in"), docs.subList(0, 12), 1);
        Path out = dir.resolve("task-out");
        java.io.StringWriter cliOut = new java.io.StringWriter();
        assertEquals(0, org.docbench.classifiers.cli.DocbenchCli.run(new java.io.PrintWriter(cliOut),
                new java.io.PrintWriter(new java.io.StringWriter()), "classify", "--task", "stance", "--jsonl", "--json",
                in.resolve("part-00000.jsonl").toString()));

        SparkSession spark = SparkTestSupport.session();
        try {
            SparkTestSupport.Run r = run("--input", in.toString(), "--task", "stance", "--output", out.toString());
            assertEquals(0, r.exit(), r.toString());
            var rows = outputById(spark, out, "parquet");
            for (String line : cliOut.toString().strip().lines().toList()) {
                var cli = SparkTestSupport.JSON.readTree(line);
                Row row = rows.get(cli.get("id").asText());
                assertEquals(cli.get("label").asText(), row.getAs("label"), line);
                assertEquals(cli.get("score").asDouble(), (double) row.getAs("confidence"), 0.0, line);
            }
            assertEquals(12, rows.size());

            SparkTestSupport.Run unknown = run("--input", in.toString(), "--task", "bias", "--output", dir.resolve("x").toString());
            assertEquals(2, unknown.exit(), unknown.toString());
            assertTrue(unknown.err().contains("no default model for task 'bias'"), unknown.err());
            SparkTestSupport.Run both = run("--input", in.toString(), "--task", "stance", "--model", "m.model",
                    "--output", dir.resolve("y").toString());
            assertEquals(2, both.exit(), both.toString());
        } finally {
            spark.stop();
        }
    }

    @Test
    void aJobInANewSparkContext_scoresWithItsOwnModel_notOneAnEarlierContextLoaded() throws IOException {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        Path stance = SparkTestSupport.trainModel(docs, "stance", "logreg-sgd", dir.resolve("stance.model"));
        Path topic = SparkTestSupport.trainModel(docs, "topic", "logreg-sgd", dir.resolve("topic.model"));
        Path in = SparkTestSupport.writeJsonLines(dir.resolve("in"), docs.subList(0, 20), 1);
        Set<String> topics = new TreeSet<>();
        docs.forEach(d -> topics.add(d.label("topic")));

        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        for (Path[] job : new Path[][] {{stance, first}, {topic, second}}) {
            SparkSession spark = SparkTestSupport.session(); // a new context, its broadcast ids from 0 again
            try {
                SparkTestSupport.Run r = run("--input", in.toString(), "--model", job[0].toString(), "--output",
                        job[1].toString(), "--label-field", "none");
                assertEquals(0, r.exit(), job[0] + ": " + r);
            } finally {
                spark.stop();
            }
        }

        SparkSession spark = SparkTestSupport.session();
        try {
            for (Row r : outputById(spark, second, "parquet").values()) {
                assertTrue(topics.contains(r.<String>getAs("label")), "a topic, from the topic model: " + r);
            }
        } finally {
            spark.stop();
        }
    }
}

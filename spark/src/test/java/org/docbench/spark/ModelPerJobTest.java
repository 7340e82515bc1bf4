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

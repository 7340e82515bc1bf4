package org.docbench.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the scale benchmark's documents once: every AllSides article as JSON Lines
 * ({@code allsides.jsonl}: id, text, stance, topic, read through core's reader), then those
 * articles repeated until there are at least {@code minDocs} as Parquet
 * ({@code allsides-scale.parquet}, ids {@code ID-k} for copy k). Either file is kept when it
 * exists. Usage: {@code ScaleData ALLSIDES_DIR OUT_DIR [minDocs, default 1000000]}.
 */
public final class ScaleData {
    private ScaleData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ScaleData ALLSIDES_DIR OUT_DIR [minDocs]");
            System.exit(2);
        }
        Path allsides = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        long minDocs = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
        Path jsonl = out.resolve("allsides.jsonl");
        long articles = 0;
        if (!Files.exists(jsonl)) {
            ObjectMapper json = new ObjectMapper();
            Path tmp = out.resolve(".allsides.jsonl.tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 Stream<LabeledDocument> docs = AllSidesReader.fromFolder(allsides, OnError.FAIL_FAST).documents()) {
                for (LabeledDocument d : (Iterable<LabeledDocument>) docs::iterator) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", d.id());
                    m.put("text", d.text());
                    m.put("stance", d.label("stance"));
                    m.put("topic", d.label("topic"));
                    w.write(json.writeValueAsString(m));
                    w.write('\n');
                    articles++;
                }
            }
            Files.move(tmp, jsonl, StandardCopyOption.ATOMIC_MOVE);
            System.err.println("wrote " + jsonl + " (" + articles + " articles)");
        } else {
            try (Stream<String> lines = Files.lines(jsonl)) {
                articles = lines.count();
            }
        }
        Path parquet = out.resolve("allsides-scale.parquet");
        if (Files.exists(parquet)) {
            System.err.println("kept " + parquet);
            return;
        }
        long copies = (minDocs + articles - 1) / articles;
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "org/docbench/spark/log4j2-local.properties");
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("docbench-scale-data")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType)
                    .add("stance", DataTypes.StringType).add("topic", DataTypes.StringType);
            Dataset<Row> base = spark.read().schema(schema).json(jsonl.toString());
            // copy after copy, so a text's repeats are a whole corpus apart, as in an archive (a cross join
            // would put them side by side, where Parquet's dictionary would store each text once)
            Dataset<Row> all = null;
            for (long k = 0; k < copies; k++) {
                Dataset<Row> copy = base.select(concat(col("id"), lit("-" + k)).as("id"), col("text"), col("stance"),
                        col("topic"));
                all = all == null ? copy : all.union(copy);
            }
            Path tmp = out.resolve(".allsides-scale.parquet.tmp");
            all.write().mode("overwrite").parquet(tmp.toString());
            Files.move(tmp, parquet, StandardCopyOption.ATOMIC_MOVE);
            System.err.println("wrote " + parquet + " (" + articles + " articles x " + copies + " = "
                    + articles * copies + " documents)");
        } finally {
            spark.stop();
        }
    }
}

package org.docbench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads documents from any path Spark reads into one shape: {@link #COLUMNS} (id, text, truth,
 * the raw text of a record Spark could not parse, where it came from, and for a layout folder a
 * problem found while joining) followed by the input's partition columns ({@code year=2020/}
 * folders), so the output can be partitioned as the input was. The path is looked at first, by
 * {@link InputPaths} (a glob's first match, the format, the partition folders). Nothing is decided
 * about a record here: {@link ClassifyPartition} judges each one, so a bad record is reported,
 * never dropped.
 *
 * <table>
 * <caption>Formats</caption>
 * <tr><th>format</th><th>what is read</th></tr>
 * <tr><td>jsonl</td><td>one JSON object a line; fields named by the options</td></tr>
 * <tr><td>csv, tsv</td><td>a header row, then one record a row (quoted fields may span lines in CSV)</td></tr>
 * <tr><td>parquet</td><td>columns named by the options</td></tr>
 * <tr><td>layout</td><td>a docbench folder: labels.tsv (id, one column per task) and docs/&lt;id&gt;.txt</td></tr>
 * <tr><td>text</td><td>one document a .txt or .html file, as {@code docbench classify FOLDER} reads them ({@link TextFiles})</td></tr>
 * </table>
 */
final class Inputs {
    static final String CORRUPT = "_corrupt_record";
    /** The columns every input is read into, in this order. */
    static final List<String> COLUMNS = List.of("_id", "_text", "_truth", "_corrupt", "_source", "_problem");

    /** The formats the job reads. */
    enum Format {
        JSONL, CSV, TSV, PARQUET, LAYOUT, TEXT;

        static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "jsonl", "json", "ndjson" -> JSONL;
                case "csv" -> CSV;
                case "tsv" -> TSV;
                case "parquet" -> PARQUET;
                case "layout" -> LAYOUT;
                case "text", "txt", "html" -> TEXT;
                default -> throw new JobException(JobException.USAGE,
                        "unknown --format '" + s + "'; use auto, jsonl, csv, tsv, parquet, layout or text");
            };
        }
    }

    /** What was read: the documents, their partition columns and the format that was used. */
    record Read(Dataset<Row> documents, List<String> partitionColumns, Format format, String truthField) {
    }

    private Inputs() {
    }

    /**
     * Reads {@code path}.
     *
     * @param format     a format, or null to tell it from the path
     * @param truthField the field holding the true label, or null to use the column named
     *                   {@code task} when there is one; "" for none
     * @param notes      takes remarks on the input for stderr
     */
    static Read read(SparkSession spark, String path, Format format, String idField, String textField,
                     String truthField, String task, java.util.function.Consumer<String> notes) {
        FileSystem fs = fileSystem(spark, path);
        // A glob (news/2025-*/part-*.jsonl) is read as Spark reads it; its first match stands for it
        // where one path is looked at (the format, the fields of the first records).
        Path p = InputPaths.firstMatch(fs, path, notes);
        Format f = format != null ? format : InputPaths.detect(fs, p);
        List<String> partitions = InputPaths.isGlob(path) ? List.of() : InputPaths.partitionColumns(fs, p);
        if (f == Format.LAYOUT) {
            return readLayout(spark, fs, p, truthField, task);
        }
        if (f == Format.JSONL || f == Format.CSV || f == Format.TSV || f == Format.PARQUET) {
            InputPaths.checkDataFolder(fs, p, path, notes);
        }
        if (f == Format.TEXT) {
            // a file is a document, as to docbench classify: no labels to evaluate with
            return new Read(TextFiles.read(spark, fs, path, notes), List.of(), f, "");
        }
        Dataset<Row> raw;
        boolean hasCorrupt = f != Format.PARQUET; // CSV and TSV keep the text of a row they cannot parse
        switch (f) {
            case JSONL -> {
                requireFields(spark, p, path, idField, textField);
                // records without the field are classified, not evaluated
                String truth = truthField != null ? truthField : task == null ? "" : task;
                return new Read(jsonLines(spark, path, idField, textField, truth, partitions), partitions, f, truth);
            }
            case CSV, TSV -> {
                var reader = spark.read().option("header", "true").option("mode", "PERMISSIVE")
                        .option("columnNameOfCorruptRecord", CORRUPT);
                reader = f == Format.TSV ? reader.option("sep", "\t").option("quote", "\u0000")
                        : reader.option("multiLine", "true").option("escape", "\"");
                StructType header = reader.csv(path).schema();
                StructType schema = new StructType();
                for (StructField field : header.fields()) {
                    if (!partitions.contains(field.name())) {
                        schema = schema.add(field.name(), DataTypes.StringType, true);
                    }
                }
                schema = schema.add(CORRUPT, DataTypes.StringType, true);
                raw = reader.schema(schema).csv(path);
            }
            default -> raw = spark.read().parquet(path);
        }
        List<String> columns = Arrays.asList(raw.columns());
        for (String[] need : new String[][] {{idField, "--id-field"}, {textField, "--text-field"}}) {
            if (!columns.contains(need[0])) {
                throw new JobException(JobException.BAD_INPUT, "input " + path + " has no field '" + need[0]
                        + "' (fields: " + dataColumns(columns, partitions) + "); name it with " + need[1]);
            }
        }
        if (truthField == null) {
            truthField = task != null && columns.contains(task) ? task : "";
        } else if (!truthField.isEmpty() && !columns.contains(truthField)) {
            throw new JobException(JobException.BAD_INPUT, "input " + path + " has no label field '" + truthField
                    + "' (fields: " + dataColumns(columns, partitions) + ")");
        }
        List<Column> select = new ArrayList<>();
        select.add(col(idField).cast(DataTypes.StringType).as("_id"));
        select.add(col(textField).cast(DataTypes.StringType).as("_text"));
        select.add((truthField.isEmpty() ? lit(null) : col(truthField)).cast(DataTypes.StringType).as("_truth"));
        select.add((hasCorrupt ? col(CORRUPT) : lit(null)).cast(DataTypes.StringType).as("_corrupt"));
        select.add(input_file_name().as("_source"));
        select.add(lit(null).cast(DataTypes.StringType).as("_problem"));
        partitions.forEach(c -> select.add(col(c)));
        return new Read(raw.select(select.toArray(Column[]::new)), partitions, f, truthField);
    }

    /**
     * JSON Lines read as lines of bytes and judged by {@link JsonRecords}, as {@code docbench
     * classify --jsonl} judges them; blank lines are no records.
     */
    private static Dataset<Row> jsonLines(SparkSession spark, String path, String idField, String textField, String truth,
                                          List<String> partitions) {
        Dataset<Row> lines = spark.read().text(path).filter(org.apache.spark.sql.functions.not(col("value").rlike("^\\s*$")));
        List<Column> select = new ArrayList<>();
        select.add(col("value").cast(DataTypes.BinaryType));
        select.add(input_file_name());
        StructType schema = new StructType();
        for (String c : COLUMNS) {
            schema = schema.add(c, DataTypes.StringType, true);
        }
        for (String c : partitions) {
            select.add(col(c));
            schema = schema.add(lines.schema().apply(c));
        }
        return lines.select(select.toArray(Column[]::new)).mapPartitions(new JsonRecords(idField, textField, truth),
                org.apache.spark.sql.Encoders.row(schema));
    }

    /**
     * A docbench layout folder: documents from {@code docs/*.txt}, labels from {@code labels.tsv}
     * joined by id. A label row without a document and a document without a row are problems.
     */
    private static Read readLayout(SparkSession spark, FileSystem fs, Path root, String truthField, String task) {
        Path labelsFile = new Path(root, "labels.tsv");
        if (!InputPaths.exists(fs, labelsFile) || !InputPaths.exists(fs, new Path(root, "docs"))) {
            throw new JobException(JobException.BAD_INPUT, "layout folder " + root
                    + " needs labels.tsv (id, one column per task) and docs/<id>.txt");
        }
        Dataset<Row> labels = spark.read().option("header", "true").option("sep", "\t").option("quote", "\u0000")
                .csv(labelsFile.toString());
        List<String> columns = Arrays.asList(labels.columns());
        if (columns.isEmpty() || !columns.get(0).equals("id")) {
            throw new JobException(JobException.BAD_INPUT, labelsFile + ": first column must be 'id', got " + columns);
        }
        String truth = truthField != null ? truthField : task != null && columns.contains(task) ? task : "";
        if (!truth.isEmpty() && !columns.contains(truth)) {
            throw new JobException(JobException.BAD_INPUT, labelsFile + " has no column '" + truth + "' (columns: "
                    + columns + ")");
        }
        Dataset<Row> rows = labels.select(col("id").as("_row_id"),
                (truth.isEmpty() ? lit(null) : col(truth)).cast(DataTypes.StringType).as("_truth"));
        Dataset<Row> docs = spark.read().format("binaryFile").option("pathGlobFilter", "*.txt")
                .load(new Path(root, "docs").toString())
                .select(regexp_extract(col("path"), "([^/]*)\\.txt$", 1).as("_file_id"), col("content"), col("path"));
        Dataset<Row> joined = docs.join(rows, docs.col("_file_id").equalTo(rows.col("_row_id")), "full_outer");
        Column id = org.apache.spark.sql.functions.coalesce(col("_file_id"), col("_row_id"));
        Column problem = org.apache.spark.sql.functions
                .when(col("_file_id").isNull(), org.apache.spark.sql.functions.concat(
                        lit("label row has no document docs/"), col("_row_id"), lit(".txt")))
                .when(col("_row_id").isNull(), lit("document has no row in labels.tsv"));
        Dataset<Row> out = joined.select(id.as("_id"),
                // the bytes are decoded by ClassifyPartition, strictly, as core's reader does
                col("content").as("_text"), col("_truth"), lit(null).cast(DataTypes.StringType).as("_corrupt"),
                org.apache.spark.sql.functions.coalesce(col("path"), lit(labelsFile.toString())).as("_source"),
                problem.as("_problem"));
        return new Read(out, List.of(), Format.LAYOUT, truth);
    }

    /**
     * With a schema given, Spark reads a field no record has as null everywhere, so a misnamed
     * field would make every record bad; the fields of the first records of the first file say
     * so up front (read here on the driver: a Spark job for it would cost more than the check).
     */
    private static void requireFields(SparkSession spark, Path p, String path, String idField, String textField) {
        FileSystem fs = fileSystem(spark, path);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        try {
            Path file = fs.getFileStatus(p).isDirectory() ? InputPaths.firstDataFile(fs, p, 0) : p;
            if (file == null) {
                return;
            }
            var codec = new org.apache.hadoop.io.compress.CompressionCodecFactory(spark.sparkContext().hadoopConfiguration())
                    .getCodec(file);
            try (java.io.InputStream raw = fs.open(file);
                 java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                         codec == null ? raw : codec.createInputStream(raw), java.nio.charset.StandardCharsets.UTF_8))) {
                var json = new com.fasterxml.jackson.databind.ObjectMapper();
                int n = 0;
                for (String line = in.readLine(); line != null && n < 200; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    n++;
                    try {
                        json.readTree(line).fieldNames().forEachRemaining(seen::add);
                    } catch (IOException | RuntimeException e) {
                        // a bad record: reported with the others when the job reads it
                    }
                }
            }
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot read input " + path + ": " + e.getMessage());
        }
        if (seen.isEmpty()) {
            return; // nothing parseable at the start: the records themselves will be reported
        }
        for (String[] need : new String[][] {{idField, "--id-field"}, {textField, "--text-field"}}) {
            if (!seen.contains(need[0])) {
                throw new JobException(JobException.BAD_INPUT, "input " + path + " has no field '" + need[0]
                        + "' in its first records (fields: " + seen + "); name it with " + need[1]);
            }
        }
    }

    private static List<String> dataColumns(List<String> columns, List<String> partitions) {
        return columns.stream().filter(c -> !c.equals(CORRUPT) && !partitions.contains(c)).toList();
    }

    static FileSystem fileSystem(SparkSession spark, String path) {
        try {
            return new Path(path).getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot reach " + path + ": " + e.getMessage());
        }
    }
}

package org.docbench.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job: classify every document under a path with a model saved by
 * {@code docbench train}, write id, label, confidence, the kind of score it is and every label's
 * score, and, when the documents carry labels, evaluate the model on them. Reads JSON Lines, CSV/TSV, Parquet, a
 * docbench layout folder or folders of .txt/.html files from any file system Spark reads; writes Parquet or JSON Lines,
 * partitioned as the input was, committed by rename (see {@link OutputCommit}).
 *
 * <p>Exit codes as the docbench command's: 0 ok, 1 unexpected failure, 2 bad command line
 * (or an output that may not be replaced), 3 bad input (documents, model, or bad records under
 * {@code --fail-on-bad}). Errors are one line on stderr; {@code DOCBENCH_DEBUG=1} adds the stack trace.
 */
@Command(name = "docbench-spark", mixinStandardHelpOptions = true, sortOptions = false,
        // one string per paragraph: picocli wraps each to the terminal, and a line broken here would break twice
        description = {"Classify (and, with labels, evaluate) documents on Apache Spark with a model saved by 'docbench train'.",
                "Output: one row per input record: id, label, confidence (the label's score), scoreKind (what the scores"
                        + " are, as 'docbench classify --json' says: probability, margin, votes, vote-share, leaf-share, or"
                        + " none for the majority and stratified baselines, whose confidence and scores are null), scores"
                        + " (one field per label), truth (when labeled), reason (why a document got no label: empty text or"
                        + " no word the model knows, as 'docbench classify' says), problem (why a bad record was not"
                        + " classified); plus _docbench-spark.json (the summary) and, when the documents carry labels,"
                        + " _report.json (docbench's report schema)."},
        footerHeading = "%nExamples:%n",
        footer = {"  spark-submit --class org.docbench.spark.ClassifyJob docbench-spark.jar \\",
                "      --model s3a://bucket/stance.model --input 's3a://bucket/news/2025-*/' \\",
                "      --output s3a://bucket/labels/",
                "  spark/bin/docbench-spark --master 'local[*]' --model stance.model \\",
                "      --input news.jsonl --output out/",
                "  spark/bin/docbench-spark --task stance --input news/ --output out/   (every .txt/.html under news/)"})
public final class ClassifyJob implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = {"--input", "-i"}, required = true, paramLabel = "PATH",
            description = "Documents: a file, a folder of part files (year=2020/ partitions kept), a glob (quote it), a docbench layout folder,"
                    + " or a folder of .txt/.html files, one document each, read as 'docbench classify FOLDER' reads it: every .txt, .html"
                    + " and .htm file under it, names starting with '.' skipped, a page's text through jsoup, each id the file's path"
                    + " as classify prints it (the folder as given, then the path inside it: news/2025/a.txt).")
    String input;

    @Option(names = {"--model", "-m"}, paramLabel = "FILE", description = "A model saved by 'docbench train' (any Hadoop path).")
    String model;

    @Option(names = "--task", paramLabel = "TASK",
            description = "Instead of --model: the default model of TASK shipped in the jar, as 'docbench classify --task' uses (topic or stance).")
    String task;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "PATH", description = "The output folder; must not exist unless --overwrite.")
    String output;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto (from the names; a folder of .txt/.html files is text), jsonl, csv, tsv, parquet, layout or text"
                    + " (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output-format", defaultValue = "parquet", paramLabel = "FORMAT", description = "parquet or jsonl (default: ${DEFAULT-VALUE}).")
    String outputFormat;

    @Option(names = "--id-field", defaultValue = "id", paramLabel = "FIELD", description = "The id field (default: ${DEFAULT-VALUE}).")
    String idField;

    @Option(names = "--text-field", defaultValue = "text", paramLabel = "FIELD", description = "The text field (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--label-field", paramLabel = "FIELD",
            description = "The field holding the true label (default: the field named as the model's task, when there is one; 'none' to skip evaluation).")
    String labelField;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    @Option(names = "--overwrite", description = "Replace an existing output of this job (never any other folder).")
    boolean overwrite;

    @Option(names = "--fail-on-bad", description = "Fail, writing nothing, when any record cannot be classified (default: write it with its problem and go on).")
    boolean failOnBad;

    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private String[] args = new String[0];

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the job with the given streams and returns the exit code; tests call it in-process. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        ClassifyJob job = new ClassifyJob();
        job.out = out;
        job.err = err;
        job.args = args.clone();
        CommandLine cl = new CommandLine(job);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (System.getenv("DOCBENCH_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            if (ex instanceof JobException je) {
                err.println("docbench-spark: " + je.getMessage());
                return je.exitCode();
            }
            Throwable known = userMistake(ex);
            if (known != null) {
                err.println("docbench-spark: " + oneLine(known));
                return known instanceof JobException je ? je.exitCode() : JobException.BAD_INPUT;
            }
            Throwable root = rootCause(ex);
            if (ex.getClass().getName().equals("org.apache.spark.sql.AnalysisException")) {
                err.println("docbench-spark: " + oneLine(ex));
                return JobException.BAD_INPUT;
            }
            err.println("docbench-spark: failed: " + oneLine(root) + " (DOCBENCH_DEBUG=1 shows the stack trace)");
            return JobException.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("docbench-spark: " + ex.getMessage());
            err.println("Try 'docbench-spark --help'.");
            return JobException.USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if ((model == null) == (task == null)) {
            throw new JobException(JobException.USAGE, model == null ? "give --model FILE or --task TASK"
                    : "give --model or --task, not both");
        }
        Inputs.Format inFormat = format.equalsIgnoreCase("auto") ? null : Inputs.Format.parse(format);
        String outFormat = switch (outputFormat.toLowerCase(java.util.Locale.ROOT)) {
            case "parquet" -> "parquet";
            case "jsonl", "json" -> "json";
            default -> throw new JobException(JobException.USAGE, "unknown --output-format '" + outputFormat + "'; use parquet or jsonl");
        };
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        if (ownSession && System.getProperty("spark.master") == null) {
            quietLocalLogging(); // not under spark-submit: keep Spark's INFO lines off a person's terminal
        }
        SparkSession spark = session(ownSession);
        try {
            return execute(spark, inFormat, outFormat);
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private SparkSession session(boolean own) {
        SparkSession.Builder b = SparkSession.builder().appName("docbench-spark");
        if (master != null) {
            b = b.master(master);
        } else if (own && !new SparkConf().contains("spark.master")) {
            b = b.master("local[*]");
        }
        b = b.config("spark.ui.showConsoleProgress", "false");
        return b.getOrCreate();
    }

    private int execute(SparkSession spark, Inputs.Format inFormat, String outFormat) throws IOException {
        long t0 = System.nanoTime();
        try (OutputCommit commit = OutputCommit.begin(spark, output, overwrite, input)) {
            byte[] bytes = readModel(spark);
            // the driver reads what it needs from the provenance; only executors load the model
            ModelDescription driverModel = ModelDescription.of(bytes, modelName());
            long tModel = System.nanoTime();
            String truth = labelField == null ? null : labelField.equals("none") ? "" : labelField;
            Inputs.Read read = Inputs.read(spark, input, inFormat, idField, textField, truth, driverModel.task(), err::println);
            boolean withTruth = !read.truthField().isEmpty();
            Dataset<Row> docs = read.documents();
            int partitions = docs.rdd().getNumPartitions();

            Broadcast<byte[]> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
            CollectionAccumulator<String> paths = spark.sparkContext().collectionAccumulator("docbench-spark path");
            StructType schema = ClassifyPartition.outputSchema(driverModel.labels(), withTruth, docs.schema());
            Dataset<Row> labeled = docs.mapPartitions(
                    new ClassifyPartition(bc, modelName(), driverModel.labels(), paths, idField, textField, withTruth,
                            read.partitionColumns().size()),
                    Encoders.row(schema));
            // JSON Lines keep every field on every line (null included), so each line reads alone
            DataFrameWriter<Row> w = labeled.write().mode(SaveMode.ErrorIfExists).format(outFormat)
                    .option("ignoreNullFields", "false");
            if (!read.partitionColumns().isEmpty()) {
                w = w.partitionBy(read.partitionColumns().toArray(String[]::new));
            }
            long tRead = System.nanoTime();
            w.save(commit.temporary());
            long tWrite = System.nanoTime();

            StructType written = ClassifyPartition.outputSchema(driverModel.labels(), withTruth, new StructType());
            Dataset<Row> back = outFormat.equals("parquet") ? spark.read().parquet(commit.temporary())
                    : spark.read().schema(written).json(commit.temporary());
            JobResult result = JobResult.of(back, driverModel.labels(), driverModel.majority(), withTruth);
            bc.destroy();
            if (result.read() == 0) {
                // as docbench classify: an input without a document is a mistake (a wrong path or glob), not a result
                throw new JobException(JobException.BAD_INPUT, "input " + input + " holds no records; nothing written to " + output);
            }
            long tCount = System.nanoTime();
            double seconds = (tCount - t0) / 1e9;
            String masterName = spark.sparkContext().master();
            String path = new java.util.TreeSet<>(paths.value()).stream().reduce((x, y) -> x + " and " + y)
                    .orElse("no partition classified");

            Map<String, Object> marker = result.toJson(seconds, path, masterName, partitions);
            Map<String, Object> phases = new java.util.LinkedHashMap<>(); // in the order they ran, on every run
            phases.put("loadModel", (tModel - t0) / 1e9);
            phases.put("planInput", (tRead - tModel) / 1e9);
            phases.put("classifyAndWrite", (tWrite - tRead) / 1e9);
            phases.put("countOutput", (tCount - tWrite) / 1e9);
            marker.put("phaseSeconds", phases);
            if (System.getenv("DOCBENCH_DEBUG") != null) {
                err.println("docbench-spark: phases " + marker.get("phaseSeconds"));
            }
            commit.writeFile(OutputCommit.MARKER, JSON.writeValueAsString(marker));
            if (result.metrics() != null) {
                commit.writeFile("_report.json", JSON.writeValueAsString(result.report(command(), corpusName(),
                        input, driverModel.task(), driverModel.provenance(), seconds, path)));
            }
            java.util.Set<String> truths = result.truthLabels();
            if (!truths.isEmpty() && java.util.Collections.disjoint(truths, driverModel.labels())) {
                // the field named as the model's task is taken by default, and another corpus may use that name for another task
                err.println("docbench-spark: warning: the labels of field '" + read.truthField() + "' " + clipped(truths)
                        + " share none with the model's " + driverModel.labels() + ", so every one counts as an error;"
                        + " name the right field with --label-field, or give --label-field none");
            }
            for (String name : result.badNames()) {
                err.println("docbench-spark: bad record: " + name);
            }
            if (result.bad() > JobResult.NAMED) {
                err.println("docbench-spark: ... and " + (result.bad() - JobResult.NAMED) + " more bad records");
            }
            if (failOnBad && result.bad() > 0) {
                out.println(result.summary(seconds, path, masterName, partitions, null, outFormat));
                throw new JobException(JobException.BAD_INPUT, result.bad() + " bad record(s) under --fail-on-bad, first: "
                        + result.badNames().get(0) + "; nothing written to " + output);
            }
            commit.commit();
            out.println(result.summary((System.nanoTime() - t0) / 1e9, path, masterName, partitions, output,
                    outFormat.equals("json") ? "jsonl" : outFormat));
            if (labelField != null && !labelField.equals("none") && result.metrics() == null) {
                // asked for by name, a label field no record carries is a misspelling, not an unlabeled archive
                err.println("docbench-spark: no record carries the label field '" + labelField
                        + "', so nothing was evaluated; name the field with --label-field, or give none");
                return JobException.BAD_INPUT;
            }
            if (result.classified() == 0) {
                // as docbench classify: exit 3 when no document got a label; the output says why for each
                err.println("docbench-spark: no document got a label (see the reason and problem columns in " + output + ")");
                return JobException.BAD_INPUT;
            }
            return 0;
        }
    }

    private static String clipped(java.util.Set<String> labels) {
        List<String> first = labels.stream().limit(5).toList();
        return labels.size() <= 5 ? first.toString()
                : first.toString().replaceFirst("]$", ", ... " + (labels.size() - 5) + " more]");
    }

    /** The model as errors and the summary name it. */
    private String modelName() {
        return model != null ? model : "default model of " + task;
    }

    private byte[] readModel(SparkSession spark) {
        if (task != null) {
            // the default models ship inside the jar (classifiers' models/), so executors get the same bytes by broadcast
            try (InputStream in = org.docbench.classifiers.inference.DefaultModels.open(task)) {
                return in.readAllBytes();
            } catch (IllegalArgumentException e) {
                throw new JobException(JobException.USAGE, e.getMessage()); // an unknown task, naming the tasks there are
            } catch (IOException e) {
                throw new JobException(JobException.BAD_INPUT, "cannot read the default model of " + task + ": " + e.getMessage());
            }
        }
        Path p = new Path(model);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                throw new JobException(JobException.BAD_INPUT, "model file " + model + " " + LocalListing.notThere(model));
            }
            if (!fs.getFileStatus(p).isFile()) {
                throw new JobException(JobException.BAD_INPUT, "model file " + model
                        + " is a folder, not a model file; name the file 'docbench train --out' wrote");
            }
            try (InputStream in = fs.open(p)) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toByteArray();
            }
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot read model " + model + ": " + e.getMessage());
        }
    }

    private String corpusName() {
        String s = input.replaceAll("/+$", "");
        return s.substring(s.lastIndexOf('/') + 1).replaceFirst("\\.(jsonl|json|ndjson|csv|tsv|parquet)$", "");
    }

    private String command() {
        List<String> parts = new ArrayList<>(List.of("docbench-spark"));
        parts.addAll(List.of(args));
        return String.join(" ", parts);
    }

    /** Spark's INFO lines stay off a terminal when the job runs as a plain java command (spark-submit has its own config). */
    private static void quietLocalLogging() {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "org/docbench/spark/log4j2-local.properties");
        }
    }

    /**
     * The first failure in the chain that names a user's mistake (ours, or docbench's refusal of a
     * model or document, which core and classifiers raise as IllegalArgumentException): a task's
     * failure reaches the driver wrapped by Spark, and the mistake's own cause (an EOFException
     * under "model file M is not a docbench model") says less than it does.
     */
    private static Throwable userMistake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JobException || t instanceof IllegalArgumentException) {
                return t;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        m = m.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

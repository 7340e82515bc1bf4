package org.docbench.classifiers.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.docbench.classifiers.inference.Scorer;
import org.docbench.classifiers.inference.DefaultModels;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        // One string per paragraph: picocli wraps each to the width (see DocbenchCli's footer).
        description = {"Classify documents with a saved model, or with the default model of a task.",
                "A default model is logistic regression trained on the embedded corpus when docbench was built, and "
                        + "shipped in the jar.",
                "Each FILE is one document (id = FILE as given), each folder every .txt/.html file under it (id = its "
                        + "path; hidden files and folders are skipped); stdin ('-' or no FILE) is one document (id = stdin). "
                        + "--lines makes each line a document (id = line-N or FILE:N), --jsonl each line a JSON record. "
                        + "Web pages become text with jsoup: .html files, text that starts with a doctype or <html>, and on "
                        + "stdin also text that starts with a tag such as <div> or <p>.",
                "Output: id<TAB>label<TAB>score per document (--top K adds the next labels and scores), or JSON Lines "
                        + "with --json. Scores are probabilities for logistic regression, naive Bayes and xgboost, margins "
                        + "for linear SVMs, votes for LibSVM, vote or leaf shares for the forest and tree, none ('-') for "
                        + "the baselines; stderr says which. Empty text, or text with no word the model knows, gets no "
                        + "label ('-'; the baselines answer any text that is not empty); the exit code is 3 when no "
                        + "document got one, or there was none.",
                "Logistic regression, SGD and LibLinear SVMs and naive Bayes run on docbench's compiled fast path; other "
                        + "families through Tribuo's predict."},
        footerHeading = "%nExamples:%n",
        footer = {"  docbench classify --task topic news/",
                "  docbench classify --task stance --lines --threads 2 < one-per-line.txt",
                "  docbench classify --model stance.model --jsonl --text-field body --json \\",
                "      archive.jsonl"})
final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--model", paramLabel = "FILE", description = "A model saved by 'docbench train'.")
        java.nio.file.Path model;

        @Option(names = "--task", paramLabel = "TASK", description = "Use the shipped default model of this task (topic or stance).")
        String task;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--lines", description = "Each non-blank line of each input is one document.")
    boolean lines;

    @Option(names = "--jsonl", description = "Each line of each input is a JSON record (see --id-field, --text-field); a folder gives every file under it named *.jsonl or *.ndjson.")
    boolean jsonl;

    @Option(names = "--id-field", defaultValue = "id", paramLabel = "FIELD", description = "--jsonl: the id field (default: ${DEFAULT-VALUE}; else FILE:N).")
    String idField;

    @Option(names = "--text-field", defaultValue = "text", paramLabel = "FIELD", description = "--jsonl: the text field (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--json", description = "Print JSON Lines: id, label, score, score kind, every label's score.")
    boolean json;

    @Option(names = "--top", defaultValue = "1", paramLabel = "K", description = "Print the K best labels and scores (default: ${DEFAULT-VALUE}).")
    int top;

    /** More threads than any machine has cores for gains nothing, and each holds its own scoring buffers. */
    static final int MAX_THREADS = 1024;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Classify on N threads; output keeps the input order (default: ${DEFAULT-VALUE}).")
    int threads;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Documents or folders; '-' or none reads stdin.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (lines && jsonl) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lines and --jsonl exclude each other");
        }
        for (String field : List.of("--id-field", "--text-field")) {
            if (!jsonl && spec.commandLine().getParseResult().hasMatchedOption(field)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), field + " names a field of --jsonl records; add --jsonl");
            }
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be " + (threads < 1
                    ? "at least 1" : "at most " + MAX_THREADS) + ", got " + threads);
        }
        for (String field : List.of("--id-field", "--text-field")) {
            var given = spec.commandLine().getParseResult().matchedOption(field);
            if (given != null && given.stringValues().get(0).isBlank()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), field + " is empty; name a field of the records");
            }
        }
        if (top < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        if (source.model != null && source.model.toString().isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--model is '', an empty file name (an unset "
                    + "shell variable?); name a model file");
        }
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        DocumentInputs.check(inputs, spec.commandLine());
        Scorer scorer = source.model != null ? loadModel(source.model)
                : Scorer.load(defaultModel(source.task), "default model of " + source.task);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "classify: %s model %s, %s, scores are %s%n", scorer.provenance().get("task"),
                scorer.provenance().get("spec"),
                scorer.path() == Scorer.Path.FAST ? "fast path" : "Tribuo predict (this family has no fast path)",
                scorer.scoreKind().plural());

        int workers = threads;
        if (workers > 1 && scorer.drawsInOrder()) {
            // Workers would draw in whatever order they run, and the same command would print other labels each time.
            err.printf(Locale.ROOT, "classify: the %s baseline draws its labels in input order, so it runs on one thread, "
                    + "not %d (the same labels every run)%n", scorer.provenance().get("family"), workers);
            workers = 1;
        }
        ClassifyOutput output = new ClassifyOutput(scorer, json, top);
        int labelCount = scorer.labels().length;
        if (top > 1 && scorer.scoreKind() == org.docbench.classifiers.train.ScoreKind.NONE) {
            err.printf(Locale.ROOT, "docbench: --top %d: the %s baseline answers one label and ranks no other; the next "
                    + "columns are '-'%n", top, scorer.provenance().get("family"));
        } else if (top > labelCount) {
            err.printf(Locale.ROOT, "docbench: --top %d: %s%n", top, labelCount == 1 ? "the model has 1 label; every row shows it"
                    : "the model has " + labelCount + " labels; every row shows all " + labelCount);
        }
        ThreadLocal<Scorer.Session> sessions = ThreadLocal.withInitial(scorer::newSession);
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "classify");
            t.setDaemon(true);
            return t;
        }) : null;
        ArrayDeque<Future<ClassifyOutput.Chunk>> pending = new ArrayDeque<>();
        int[] counts = new int[2];
        DocumentInputs reader = new DocumentInputs(jsonl ? DocumentInputs.Mode.JSONL
                : lines ? DocumentInputs.Mode.LINES : DocumentInputs.Mode.WHOLE, idField,
                spec.commandLine().getParseResult().hasMatchedOption("--id-field"), textField, DocumentInputs.BLOCK_BYTES, err::println);
        InputStream stdin = System.in;
        DuplicateIds duplicates = jsonl ? new DuplicateIds(err::println) : null;
        try {
            // Bad input stops the run, but everything read before it is still classified and
            // printed, so the output is the documents before the one the error names.
            DocbenchCli.BadInputException bad = null;
            try {
                reader.read(inputs, stdin, batch -> submit(batch, pool, pending, sessions, output, out, err,
                        counts, duplicates));
            } catch (DocbenchCli.BadInputException e) {
                bad = e;
            }
            while (!pending.isEmpty()) {
                emit(take(pending.poll()), out, err, counts, duplicates);
            }
            if (bad != null) {
                throw bad;
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            out.flush();
            if (duplicates != null) { // also when bad input stops the run: the ids named above are counted
                duplicates.finish();
            }
        }
        if (counts[0] + counts[1] == 0) {
            err.println("docbench: no document in the input: " + (lines || jsonl ? "every line is blank" : "no file"));
            return DocbenchCli.BAD_INPUT;
        }
        if (counts[1] > 0) {
            err.printf(Locale.ROOT, "classify: %d %s labeled, %d without a label%n", counts[0],
                    counts[0] == 1 ? "document" : "documents", counts[1]);
        }
        return counts[0] == 0 && counts[1] > 0 ? DocbenchCli.BAD_INPUT : 0;
    }

    /** The shipped model of {@code task}; a task without one is a mistake in the command line (exit 2), like any bad option value. */
    private java.io.InputStream defaultModel(String task) throws java.io.IOException {
        try {
            return DefaultModels.open(task);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The model at {@code file}; one the user may not read, or whose reading fails partway (a disk's
     * "Input/output error"), is bad input that says so, like a document.
     */
    private static Scorer loadModel(java.nio.file.Path file) {
        try {
            return Scorer.load(file);
        } catch (java.io.IOException e) {
            throw InputProblems.unreadable("model file " + file, e);
        }
    }

    private void submit(DocumentInputs.Batch batch, ExecutorService pool, ArrayDeque<Future<ClassifyOutput.Chunk>> pending,
                        ThreadLocal<Scorer.Session> sessions, ClassifyOutput output, PrintWriter out, PrintWriter err,
                        int[] counts, DuplicateIds duplicates) throws Exception {
        if (pool == null) {
            emit(output.render(batch, sessions.get()), out, err, counts, duplicates);
            return;
        }
        // The worker decodes the batch too: one reading thread building every String would pace all the workers.
        pending.add(pool.submit(() -> output.render(batch, sessions.get())));
        while (pending.size() > 2 * threads) {
            emit(take(pending.poll()), out, err, counts, duplicates);
        }
    }

    private static ClassifyOutput.Chunk take(Future<ClassifyOutput.Chunk> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        }
    }

    /** Prints a chunk; {@code duplicates}, for JSON records, sees their ids here, in input order. */
    private static void emit(ClassifyOutput.Chunk c, PrintWriter out, PrintWriter err, int[] counts, DuplicateIds duplicates) {
        out.print(c.text());
        if (out.checkError()) { // a closed pipe or a full disk: classifying the rest would be for nobody
            throw new DocbenchCli.OutputStoppedException();
        }
        c.notes().forEach(err::println);
        if (duplicates != null) {
            for (ClassifyOutput.Read r : c.records()) {
                duplicates.record(r.id(), r.source(), r.line());
            }
        }
        counts[0] += c.labeled();
        counts[1] += c.unlabeled();
        if (c.stop() != null) {
            throw c.stop();
        }
    }
}


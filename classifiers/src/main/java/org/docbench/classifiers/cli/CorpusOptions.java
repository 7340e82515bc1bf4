package org.docbench.classifiers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.CorpusReader;
import org.docbench.core.corpus.CsvReader;
import org.docbench.core.corpus.FieldMapping;
import org.docbench.core.corpus.JsonLinesReader;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.corpus.OnError;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a corpus is and how to read it; shared by train and evaluate. */
final class CorpusOptions {

    /** The command this mixin is part of: its parse result has every --label as given. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--corpus", required = true, paramLabel = "CORPUS",
            // One string: picocli wraps it to the column; an array would start a line at each element.
            description = "'embedded' (the shipped corpus), a folder in docbench layout (labels.tsv: id and one "
                    + "column per task; docs/<id>.txt; optional splits/<scheme>.tsv; optional layout.properties whose "
                    + "tasks=a,b names the task columns, the others being metadata: without it every column is a task), "
                    + "an Article-Bias-Prediction folder (holds data/jsons/), or a .jsonl/.csv/.tsv file "
                    + "(then name the fields with --text-field and --label).")
    String corpus;

    @Option(names = "--text-field", paramLabel = "FIELD", description = "JSON Lines/CSV: the field holding the text.")
    String textField;

    @Option(names = "--id-field", paramLabel = "FIELD", description = "JSON Lines/CSV: the id field (default: the field 'id' when records have one, else line numbers).")
    String idField;

    @Option(names = "--label", paramLabel = "TASK=FIELD", description = "JSON Lines/CSV: a task and the field holding its label; repeatable.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--split-field", paramLabel = "SCHEME=FIELD",
            description = "JSON Lines/CSV: a split scheme and the field holding train/valid/test; repeatable.")
    Map<String, String> splits = new LinkedHashMap<>();

    @Option(names = "--skip-bad", description = "Skip bad documents and count them instead of stopping at the first.")
    boolean skipBad;

    /** The corpus's own path, which no output may touch; none for the embedded corpus. */
    java.util.List<Path> inputs() {
        return corpus.equals("embedded") ? java.util.List.of() : java.util.List.of(Path.of(corpus));
    }

    /**
     * Says on {@code err} how many bad documents --skip-bad left out, and the first of them; and
     * the reader's notes (a split with no rows, rows without a task's label), which skip nothing.
     */
    static void reportSkipped(CorpusReader reader, java.io.PrintWriter err) {
        reader.problems().notes().forEach(note -> err.println("docbench: note: " + note.message()));
        int n = reader.problems().skipped();
        if (n > 0) {
            var first = reader.problems().list().get(0);
            err.println("docbench: skipped " + n + " bad document" + (n == 1 ? "" : "s") + " of " + reader.location()
                    + " (--skip-bad); the first: " + first.message());
        }
    }

    /**
     * The warning for a task whose labels look like ids, or null: more than half of the labeled
     * documents have a label that no other document has. Then the label names each document
     * rather than a class of them (a {@code --label} naming the id, title or text field, say), and
     * no model can learn from it; a real task with many rare labels stays below that.
     *
     * @param counts label -> how many documents have it
     */
    String ownLabelsWarning(String location, String task, Map<String, Integer> counts) {
        long labeled = counts.values().stream().mapToLong(Integer::longValue).sum();
        long own = counts.values().stream().filter(c -> c == 1).count();
        if (counts.size() < 2 || 2 * own <= labeled) {
            return null; // one label has its own warning
        }
        String field = labels.get(task);
        return "docbench: warning: " + own + " of " + labeled + " labeled documents of " + location + " have a " + task
                + " label no other document has (" + counts.size() + " labels in all): every document has its own label"
                + (own == labeled ? "" : ", or nearly") + ": is " + (field != null ? "--label " + task + "=" + field
                : "the '" + task + "' column") + " right?";
    }

    /**
     * The warning for labels of {@code task} that differ only in case ({@code Left} and
     * {@code left}), or null: every model takes them as two labels, and a document of one is an
     * error when the model answers the other, which is seldom what the user meant. Up to three
     * such groups are named, each label with its count.
     *
     * @param counts label -> how many documents have it
     */
    static String caseLabelsWarning(String location, String task, Map<String, Integer> counts) {
        Map<String, java.util.List<String>> byLower = new java.util.TreeMap<>();
        counts.keySet().stream().sorted().forEach(l -> byLower.computeIfAbsent(l.toLowerCase(java.util.Locale.ROOT),
                k -> new java.util.ArrayList<>()).add(l));
        java.util.List<String> groups = byLower.values().stream().filter(g -> g.size() > 1)
                .map(g -> String.join(" and ", g.stream().map(l -> "'" + l + "' (" + counts.get(l) + ")").toList())).toList();
        if (groups.isEmpty()) {
            return null;
        }
        return "docbench: warning: " + task + " labels of " + location + " differ only in case: "
                + String.join("; ", groups.subList(0, Math.min(3, groups.size()))) + (groups.size() > 3 ? "; ..." : "")
                + ": every model takes them as different labels; spell each label one way to make them one";
    }

    /**
     * The error for {@code task} when no document of the corpus has its label: it names the tasks
     * there are, or, when there is none (no document has any label), says so and where the labels
     * should have come from.
     *
     * @param task  the task asked for, or null when none was (evaluate then takes every task there is)
     * @param there the tasks the corpus's documents have labels of
     */
    DocbenchCli.BadInputException noLabel(CorpusReader reader, String task, java.util.Set<String> there) {
        if (!there.isEmpty()) {
            return new DocbenchCli.BadInputException("no document of " + reader.location() + " has a '" + task + "' label; tasks there: "
                    + there);
        }
        String way;
        if (!labels.isEmpty()) {
            String given = String.join(" ", labels.entrySet().stream().map(e -> "--label " + e.getKey() + "=" + e.getValue()).toList());
            way = labels.size() == 1 ? "is " + given + " the field holding the labels?" : "do " + given + " name the fields holding the labels?";
        } else if (reader instanceof LayoutCorpusReader && !corpus.equals("embedded")) {
            way = "give " + Path.of(corpus).resolve("labels.tsv") + " a column per task after id, with each document's label in it";
        } else {
            way = "label its documents";
        }
        return new DocbenchCli.BadInputException("no document of " + reader.location() + " has a "
                + (task == null ? "label" : "'" + task + "' label, nor any other") + ": the corpus has no task"
                + (task == null ? " to evaluate" : "") + "; " + way);
    }

    /** A mistake in the options as typed: exit 2 with picocli's usage hint, as its own checks give. */
    private RuntimeException usage(String message) {
        return command == null || command.commandLine() == null ? new DocbenchCli.BadInputException(message)
                : new picocli.CommandLine.ParameterException(command.commandLine(), message);
    }

    /**
     * Refuses {@code --corpus ''} (an unset shell variable), which as a path would be the working
     * folder, and an empty or blank {@code --text-field} or {@code --id-field}, which names no
     * field: usage errors (exit 2), before anything is read.
     */
    void checkSpelling() {
        if (corpus.isEmpty()) {
            throw usage("--corpus is '', an empty file name (an unset shell variable?); name 'embedded', a folder or a file");
        }
        if (textField != null && textField.isBlank()) {
            throw usage("--text-field is '" + textField + "', an empty field name (an unset shell variable?); name the field holding the text");
        }
        if (idField != null && idField.isBlank()) {
            throw usage("--id-field is '" + idField + "', an empty field name (an unset shell variable?); name the id field, or leave "
                    + "--id-field out to use 'id' or line numbers");
        }
    }

    /**
     * Refuses, before the corpus is read, a task the command line itself rules out: with
     * {@code --label}, the tasks are exactly those it names (a usage error, exit 2). The field
     * options of a corpus with labels of its own are refused first: their tasks are not the
     * corpus's, and the advice to add another --label would only lead to "drop --label".
     */
    void checkTasks(java.util.Collection<String> tasks) {
        refuseFieldOptions();
        if (labels.isEmpty()) {
            return; // a folder's tasks are known once it is read
        }
        for (String task : tasks) {
            if (!labels.containsKey(task)) {
                throw usage("--task " + task + " is not a task --label defines (" + String.join(", ", labels.keySet())
                        + "): add --label " + task + "=FIELD, or choose one of those");
            }
        }
    }

    /** Refuses the field options for the embedded corpus and for a folder, which are not files of records. */
    private void refuseFieldOptions() {
        if (corpus.equals("embedded")) {
            refuseFieldOptions("the embedded corpus");
        } else if (Files.isDirectory(Path.of(corpus))) {
            refuseFieldOptions("a folder (" + corpus + ")");
        }
    }

    /** Field options name fields of a corpus file's records; a folder's labels and splits are its own. */
    private void refuseFieldOptions(String what) {
        String given = textField != null ? "--text-field" : idField != null ? "--id-field" : !labels.isEmpty() ? "--label"
                : !splits.isEmpty() ? "--split-field" : null;
        if (given != null) {
            throw usage(given + " names a field of a .jsonl/.csv/.tsv corpus file, but the corpus is "
                    + what + ", whose labels and splits are its own files: drop " + given);
        }
    }

    CorpusReader reader() {
        OnError onError = skipBad ? OnError.SKIP_AND_REPORT : OnError.FAIL_FAST;
        if (corpus.equals("embedded")) {
            refuseFieldOptions("the embedded corpus");
            return LayoutCorpusReader.embedded();
        }
        Path p = Path.of(corpus);
        if (Files.isDirectory(p)) {
            refuseFieldOptions("a folder (" + corpus + ")");
            if (Files.isDirectory(p.resolve("data/jsons"))) {
                return AllSidesReader.fromFolder(p, onError);
            }
            return LayoutCorpusReader.fromFolder(p, onError);
        }
        if (!Files.exists(p)) {
            throw new DocbenchCli.BadInputException("corpus " + corpus + " does not exist (give 'embedded', a folder or a file)");
        }
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (textField == null || labels.isEmpty()) {
            throw usage("corpus file " + corpus + " needs --text-field FIELD and at least one --label TASK=FIELD");
        }
        // A map keeps the last field of a task given twice; the command line as typed shows both.
        var given = command == null || command.commandLine() == null ? null
                : command.commandLine().getParseResult().matchedOption("--label");
        if (given != null) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String kv : given.originalStringValues()) {
                String task = kv.substring(0, Math.max(0, kv.indexOf('=')));
                if (!seen.add(task)) {
                    throw usage("--label names the task '" + task + "' more than once; give each task one field");
                }
            }
        }
        labels.forEach((task, field) -> {
            if (task.isBlank() || field.isBlank()) {
                throw usage("--label " + task + "=" + field
                        + " needs both a task and a field, as in --label stance=bias");
            }
        });
        FieldMapping m = new FieldMapping(idField, textField, labels, splits);
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return new JsonLinesReader(p, m, onError);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return new CsvReader(p, m, onError);
        }
        throw new DocbenchCli.BadInputException("cannot tell the format of " + corpus + ": use a .jsonl, .csv or .tsv name");
    }
}

package org.docbench.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A layout folder's {@code labels.tsv}: a header row starting with {@code id}, then one row per
 * document with its id, one column per task and any other columns as metadata. Its own class
 * because the row checks (field count, id, duplicates, allowed labels, empty task cells) are the
 * largest part of reading a layout folder and need nothing of it but the source and the problem
 * report. Stateless.
 */
final class LabelsFile {

    /**
     * One good row of labels.tsv.
     *
     * @param id       the document's id: its file is {@code docs/<id>.txt}
     * @param line     the row's line, blank lines counted as the user counts them
     * @param labels   task -> label, for the tasks the row labels
     * @param metadata column -> value, for the columns that are no task
     */
    record Row(String id, long line, Map<String, String> labels, Map<String, String> metadata) {
    }

    private LabelsFile() {
    }

    /** The columns of labels.tsv's header after the first; empty when there is no labels.tsv ({@link #read} says so). */
    static List<String> columnsAfterId(CorpusSource source) {
        String where = source.describe("labels.tsv");
        try (InputStream in = source.open("labels.tsv")) {
            if (in == null) {
                return List.of();
            }
            String text = Utf8.decodeFile(in.readAllBytes(), where);
            int end = text.indexOf('\n');
            String header = (end < 0 ? text : text.substring(0, end)).replaceFirst("\r$", "");
            List<String> columns = List.of(header.split("\t", -1)); // as the reader's parser names them
            return columns.size() < 2 ? List.of() : columns.subList(1, columns.size());
        } catch (IOException e) {
            throw new CorpusException(new CorpusProblem(where, 0, null, "cannot read: " + e.getMessage(),
                    "check the file exists and is readable"), e);
        }
    }

    /**
     * The good rows of labels.tsv; {@code named} gets the id of every row, skipped ones too, and
     * {@code problems} a problem per bad row. An empty task cell is not a bad row: the document is
     * read without that label, so it counts for the tasks it does label (train and evaluate take a
     * task's labeled documents only), and a note per task says how many rows left it out.
     */
    static List<Row> read(CorpusSource source, List<String> tasks, Map<String, Set<String>> allowed, Set<String> named,
                          Problems problems) {
        String where = source.describe("labels.tsv");
        List<Row> rows = new ArrayList<>();
        try (InputStream in = source.open("labels.tsv")) {
            if (in == null) {
                throw new CorpusException(new CorpusProblem(where, 0, null, "labels file is missing",
                        "a corpus folder needs labels.tsv (id, one column per task) beside docs/"));
            }
            Reader reader = new StringReader(Utf8.decodeFile(in.readAllBytes(), where));
            CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true)
                    .setQuote(null).setIgnoreSurroundingSpaces(false).setTrim(false).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                List<String> header = parser.getHeaderNames();
                if (header.isEmpty() || !header.get(0).equals("id")) {
                    throw new CorpusException(new CorpusProblem(where, 1, null,
                            "first column must be 'id', got " + header, "start the header row with id"));
                }
                Set<String> columns = new HashSet<>();
                for (String column : header) {
                    if (!columns.add(column)) {
                        // The parser would keep both and the last would win as the task's label.
                        throw new CorpusException(new CorpusProblem(where, 1, null,
                                "column '" + column + "' appears twice in the header " + header, "name each column once"));
                    }
                }
                for (String task : tasks) {
                    if (!header.contains(task)) {
                        throw new CorpusException(new CorpusProblem(where, 1, null,
                                "no column for task '" + task + "' in header " + header,
                                "add the column, or drop the task from tasks= in layout.properties"));
                    }
                }
                Set<String> seen = new HashSet<>();
                Map<String, List<Row>> unlabeled = new LinkedHashMap<>();
                for (CSVRecord rec : parser) {
                    long line = parser.getCurrentLineNumber(); // blank lines count, as the user counts them
                    String id = rec.size() > 0 ? rec.get(0).strip() : "";
                    if (isFileName(id)) {
                        named.add(id);
                    }
                    if (rec.size() != header.size()) {
                        problems.report(new CorpusProblem(where, line, rec.size() > 0 ? rec.get(0) : null,
                                "row has " + rec.size() + " fields, header has " + header.size(),
                                "separate fields with exactly one tab"));
                        continue;
                    }
                    if (id.isEmpty()) {
                        problems.report(new CorpusProblem(where, line, null, "empty id", "give every row an id"));
                        continue;
                    }
                    if (!isFileName(id)) {
                        // docs/<id>.txt must stay in docs/: '../x' would read a file beside the corpus.
                        problems.report(new CorpusProblem(where, line, id, "id '" + id + "' is a path, not a file name in docs/",
                                "use an id without '/', '\\' or control characters (its document is docs/<id>.txt)"));
                        continue;
                    }
                    if (!seen.add(id)) {
                        problems.report(new CorpusProblem(where, line, id, "duplicate id '" + id + "'",
                                "keep one row per document"));
                        continue;
                    }
                    Map<String, String> labels = new LinkedHashMap<>();
                    Map<String, String> meta = new LinkedHashMap<>();
                    List<String> missing = new ArrayList<>();
                    String bad = null;
                    for (int i = 1; i < header.size(); i++) {
                        String col = header.get(i);
                        String value = rec.get(i).strip();
                        if (tasks.contains(col)) {
                            Set<String> ok = allowed.get(col);
                            if (value.isEmpty()) {
                                missing.add(col);
                                continue;
                            }
                            if (!ok.isEmpty() && !ok.contains(value)) {
                                bad = "unknown " + col + " label '" + value + "'"
                                        + (ok.isEmpty() ? "" : " (allowed: " + String.join(", ", ok) + ")");
                                break;
                            }
                            labels.put(col, value);
                        } else {
                            meta.put(col, value);
                        }
                    }
                    if (bad != null) {
                        problems.report(new CorpusProblem(where, line, id, bad, "use one of the allowed labels"));
                        continue;
                    }
                    Row row = new Row(id, line, labels, meta);
                    rows.add(row);
                    missing.forEach(task -> unlabeled.computeIfAbsent(task, t -> new ArrayList<>()).add(row));
                }
                unlabeled.forEach((task, without) -> {
                    Row first = without.get(0);
                    problems.note(new CorpusProblem(where, first.line, first.id, without.size() + " row"
                            + (without.size() == 1 ? " has" : "s have") + " no " + task + " label"
                            + (without.size() == 1 ? ": " : " (the first here): ")
                            + (without.size() == 1 ? "its document is" : "their documents are") + " left out of the "
                            + task + " task and used for the others",
                            "label " + (without.size() == 1 ? "it" : "them") + " to use "
                                    + (without.size() == 1 ? "it" : "them") + " for " + task));
                });
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CorpusException(new CorpusProblem(where, 0, null, "cannot read: " + e.getMessage(),
                    "check the file exists and is readable"), e);
        }
        return rows;
    }

    /** Whether {@code id}.txt names a file in docs/ itself: no separator, so no '..' segment either. */
    private static boolean isFileName(String id) {
        return id.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
    }
}

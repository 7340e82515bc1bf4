package org.docbench.core.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;

/**
 * Turns one record of a user's JSON Lines or CSV corpus into a document, with the checks both
 * formats share: id present and unique, text present and not empty, splits one of
 * train/valid/test. A record without a task's label (the field absent, null or empty) is not a bad
 * record, as an empty task cell of a layout folder's labels.tsv is not: the document is read
 * without that label, so it counts for the tasks it does label, and {@link #addNotes} counts
 * such records per task. Not thread-safe; one per read.
 */
final class RecordChecks {

    private final FieldMapping mapping;
    private final Problems problems;
    private final String source;
    private final Set<String> seen = new HashSet<>();
    /** Per task, the records read without its label: the first one's line and id, and how many. */
    private final Map<String, Unlabeled> unlabeled = new TreeMap<>();
    private boolean noted;
    private final PageText pages;

    private static final class Unlabeled {
        final long line;
        final String id;
        int count;

        Unlabeled(long line, String id) {
            this.line = line;
            this.id = id;
        }
    }

    /** The field used as the id when none is named and the record has it. */
    static final String DEFAULT_ID_FIELD = "id";

    RecordChecks(FieldMapping mapping, Problems problems, String source) {
        this.mapping = mapping;
        this.problems = problems;
        this.source = source;
        this.pages = new PageText(source);
    }

    /** Builds the document of one record; {@code field} returns null for an absent field. Null when skipped. */
    LabeledDocument document(long line, Function<String, String> field, Set<String> present) {
        // A record with an id field, named or default, takes its id from it: null or empty there is
        // an error, not a quiet fallback to the line (records without the field number by line).
        String id = mapping.idField() != null ? field.apply(mapping.idField())
                : present.contains(DEFAULT_ID_FIELD) ? field.apply(DEFAULT_ID_FIELD)
                : "line-" + line;
        if (id == null || id.isBlank()) {
            String idField = mapping.idField() != null ? mapping.idField() : DEFAULT_ID_FIELD;
            problems.report(new CorpusProblem(source, line, null, present.contains(idField)
                    ? "id field '" + idField + "' is " + (id == null ? "null" : "empty")
                    : "no id field '" + idField + "' (fields: " + present + ")",
                    mapping.idField() != null
                            ? "give every record an id in '" + idField + "', or leave out --id-field to use 'id' or line numbers"
                            : "give every record an id in 'id', or name another id field (--id-field), or leave 'id' out of"
                                    + " every record to number them by line"));
            return null;
        }
        id = id.strip();
        if (!seen.add(id)) {
            problems.report(new CorpusProblem(source, line, id, "duplicate id '" + id + "'", "ids must be unique"));
            return null;
        }
        String text = field.apply(mapping.textField());
        if (text == null && present.contains(mapping.textField())) {
            problems.report(new CorpusProblem(source, line, id, "text field '" + mapping.textField() + "' is null",
                    "give the record its text, or drop it"));
            return null;
        }
        if (text == null) {
            problems.report(new CorpusProblem(source, line, id, "no text field '" + mapping.textField() + "' (fields: "
                    + present + ")", "name the text field (--text-field on the command line)"));
            return null;
        }
        text = pages.of(text, line, id);
        if (text.isBlank()) {
            problems.report(new CorpusProblem(source, line, id, "document is empty", "drop the record or fill its text"));
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> t : mapping.tasks().entrySet()) {
            String label = field.apply(t.getValue());
            if (label == null || label.isBlank()) {
                missing.add(t.getKey());
                continue;
            }
            labels.put(t.getKey(), label.strip());
        }
        Map<String, String> splits = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : mapping.splits().entrySet()) {
            String part = field.apply(s.getValue());
            if (part == null && !present.contains(s.getValue())) {
                problems.report(new CorpusProblem(source, line, id, "no split field '" + s.getValue() + "' (fields: " + present + ")",
                        "name the field that holds train, valid or test (--split-field SCHEME=FIELD on the command line)"));
                return null;
            }
            if (part == null || !Part.isPart(part.strip())) {
                String found = part == null ? "null" : "'" + part + "'";
                problems.report(new CorpusProblem(source, line, id, "split field '" + s.getValue() + "' is " + found,
                        "use train, valid or test"));
                return null;
            }
            splits.put(s.getKey(), part.strip());
        }
        for (String task : missing) { // counted once the record is known to be read, not skipped
            String doc = id;
            unlabeled.computeIfAbsent(task, k -> new Unlabeled(line, doc)).count++;
        }
        return new LabeledDocument(id, text, labels, splits, Map.of());
    }

    /**
     * Adds the notes of the read: the web pages read as text, and one note per task that some
     * records do not label, saying how many and where the first is; called once the last record
     * is read (later calls add nothing).
     */
    void addNotes() {
        if (noted) {
            return;
        }
        noted = true;
        pages.note(problems);
        unlabeled.forEach((task, u) -> {
            boolean one = u.count == 1;
            problems.note(new CorpusProblem(source, u.line, u.id, u.count + (one ? " record has" : " records have") + " no "
                    + task + " label in field '" + mapping.tasks().get(task) + "'" + (one ? ": its document is" : " (the first"
                    + " here): their documents are") + " left out of the " + task + " task and used for the others",
                    "label " + (one ? "it" : "them") + " to use " + (one ? "it" : "them") + " for " + task));
        });
    }
}

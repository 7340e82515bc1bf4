package org.docbench.core.corpus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which fields (JSON Lines) or columns (CSV/TSV) of a user's corpus hold what.
 *
 * @param idField   the document id; null to use a field named {@code id} when a record has one, else the line ({@code line-12})
 * @param textField the document text, required
 * @param tasks     task name -> field holding its label, e.g. {@code stance -> bias_text}
 * @param splits    split scheme -> field holding train/valid/test, may be empty
 */
public record FieldMapping(String idField, String textField, Map<String, String> tasks, Map<String, String> splits) {

    public FieldMapping {
        Objects.requireNonNull(textField, "textField");
        // Users meet these through the command line: name its options, not the record's components.
        if (textField.isBlank()) {
            throw new IllegalArgumentException("the text field's name (--text-field) must not be empty");
        }
        if (idField != null && idField.isBlank()) {
            throw new IllegalArgumentException("the id field's name (--id-field) must not be empty; leave it out to use 'id' or line numbers");
        }
        tasks = Map.copyOf(new LinkedHashMap<>(tasks));
        splits = Map.copyOf(new LinkedHashMap<>(splits));
    }

    /** Text in {@code textField}, one task {@code task} labeled in {@code labelField}, ids by line. */
    public static FieldMapping of(String textField, String task, String labelField) {
        return new FieldMapping(null, textField, Map.of(task, labelField), Map.of());
    }

    public FieldMapping withId(String field) {
        return new FieldMapping(field, textField, tasks, splits);
    }

    public FieldMapping withTask(String task, String field) {
        Map<String, String> t = new LinkedHashMap<>(tasks);
        t.put(task, field);
        return new FieldMapping(idField, textField, t, splits);
    }

    public FieldMapping withSplit(String scheme, String field) {
        Map<String, String> s = new LinkedHashMap<>(splits);
        s.put(scheme, field);
        return new FieldMapping(idField, textField, tasks, s);
    }
}

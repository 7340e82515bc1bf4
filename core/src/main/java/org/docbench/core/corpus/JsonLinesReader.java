package org.docbench.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.docbench.core.document.LabeledDocument;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON Lines corpus: one JSON object per line, fields named by a {@link FieldMapping}.
 * Streams line by line; blank lines are ignored. A malformed line, a line holding more than one
 * JSON value (or text after the object), a missing text or id field, an empty text or a duplicate
 * id is reported with its line number under the {@link OnError} policy; a record without a label
 * is read without it (see {@link RecordChecks}).
 */
public final class JsonLinesReader implements CorpusReader {
    // A field given twice in one record has no one value to read.
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path file;
    private final FieldMapping mapping;
    private final OnError onError;
    private Problems problems;

    public JsonLinesReader(Path file, FieldMapping mapping, OnError onError) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(new CorpusProblem(file.toString(), 0, null, "no such file",
                    "check the path of the JSON Lines file"));
        }
        this.file = file;
        this.mapping = mapping;
        this.onError = onError;
        this.problems = new Problems(onError);
    }

    @Override
    public String name() {
        return file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public Problems problems() {
        return problems;
    }

    @Override
    public Stream<LabeledDocument> documents() {
        problems = new Problems(onError);
        InputStream in;
        try {
            in = Utf8.withoutBom(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new CorpusException(new CorpusProblem(file.toString(), 0, null, "cannot open: " + e.getMessage(),
                    "check the file is readable"), e);
        }
        RecordChecks checks = new RecordChecks(mapping, problems, file.toString());
        return RecordStream.of(new RecordStream.Source() {
            private final Utf8.ByteLines lines = new Utf8.ByteLines(in);
            private long line;
            private LabeledDocument current;

            @Override
            public boolean advance() throws IOException {
                // Each line is decoded on its own, so a bad byte is reported on its line and, with
                // skipping on, costs that record alone.
                byte[] bytes = lines.next();
                if (bytes == null) {
                    checks.addNotes();
                    return false;
                }
                line++;
                String[] error = new String[1];
                String raw = Utf8.decode(bytes, error);
                if (raw == null) {
                    problems.report(new CorpusProblem(file.toString(), line, null, error[0], "save the file as UTF-8"));
                    current = null;
                    return true;
                }
                current = raw.isBlank() ? null : parse(raw, line, checks);
                return true;
            }

            @Override
            public LabeledDocument document() {
                return current;
            }
        }, in, file.toString());
    }

    /**
     * What is wrong with the type of a mapped field, or null: classify reads the same records and
     * takes only a string as text, so training does too; and an array or object as a label would
     * be its JSON spelling, which no one means.
     */
    private String wrongType(JsonNode node) {
        JsonNode text = node.get(mapping.textField());
        if (text != null && !text.isNull() && !text.isTextual()) {
            return "the text field '" + mapping.textField() + "' is " + kindOf(text) + ", not a string";
        }
        List<String> others = new ArrayList<>(mapping.tasks().values());
        others.addAll(mapping.splits().values());
        others.add(mapping.idField() != null ? mapping.idField() : RecordChecks.DEFAULT_ID_FIELD);
        for (String f : others) {
            JsonNode v = node.get(f);
            if (v != null && v.isContainerNode()) {
                return "the field '" + f + "' is " + kindOf(v) + ", not a single value";
            }
        }
        return null;
    }

    /**
     * Jackson's message for a line that is not JSON, without the parser's location ("start marker
     * at [Source: REDACTED ...; line: 1, column: 1]"): the caller names the line itself.
     */
    public static String plainMessage(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "");
    }

    /** What a JSON value that is not a string is, for messages: "a number", "an array", ... */
    public static String kindOf(JsonNode v) {
        return v.isNumber() ? "a number" : v.isBoolean() ? "true or false" : v.isArray() ? "an array" : "an object";
    }

    private LabeledDocument parse(String raw, long line, RecordChecks checks) {
        JsonNode node;
        try (JsonParser parser = JSON.createParser(raw)) {
            node = JSON.readTree(parser);
            // readTree stops after the first value: a second one, or text after it, would be dropped unseen.
            int column;
            try {
                column = parser.nextToken() == null ? 0 : parser.currentTokenLocation().getColumnNr();
            } catch (JsonProcessingException e) {
                column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            }
            if (column != 0) {
                problems.report(new CorpusProblem(file.toString(), line, null,
                        "more than one JSON value on the line (something follows the record"
                                + (column > 0 ? " at column " + column : "") + ")",
                        "put each JSON object on its own line and nothing after it"));
                return null;
            }
        } catch (JsonProcessingException e) {
            problems.report(new CorpusProblem(file.toString(), line, null, "malformed JSON: " + plainMessage(e),
                    "each line must be one complete JSON object"), e);
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a String source cannot fail to read
        }
        if (!node.isObject()) {
            problems.report(new CorpusProblem(file.toString(), line, null, "line is JSON but not an object",
                    "each line must be one JSON object"));
            return null;
        }
        String wrongType = wrongType(node);
        if (wrongType != null) {
            problems.report(new CorpusProblem(file.toString(), line, null, wrongType,
                    "the text must be a JSON string, and an id, label or split a string, number or boolean"));
            return null;
        }
        TreeSet<String> present = new TreeSet<>();
        node.fieldNames().forEachRemaining(present::add);
        return checks.document(line, f -> {
            JsonNode v = node.get(f);
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.isNumber() && mapping.tasks().containsValue(f)) {
                return numberLabel(v);
            }
            return v.isValueNode() ? v.asText() : v.toString();
        }, present);
    }

    /**
     * A JSON number as a label: its canonical decimal text, so one number is one label however it
     * is written. Ids and splits keep the text as written.
     *
     * <table>
     * <caption>number -&gt; label</caption>
     * <tr><td>{@code 1}, {@code 1.0}, {@code 1.00}, {@code 1e0}</td><td>{@code 1}</td></tr>
     * <tr><td>{@code 1e2}, {@code 100.0}</td><td>{@code 100}</td></tr>
     * <tr><td>{@code 2.50}, {@code 25e-1}</td><td>{@code 2.5}</td></tr>
     * <tr><td>{@code -0.0}</td><td>{@code 0}</td></tr>
     * </table>
     *
     * A fraction is read as a double first (Jackson's tree), so beyond about 16 significant digits
     * two spellings may meet; more than 40 digits are written in E notation ({@code 1E+300}).
     */
    static String numberLabel(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            return v.asText(); // beyond a double's range: Jackson's text for it
        }
        java.math.BigDecimal b = java.math.BigDecimal.valueOf(d).stripTrailingZeros();
        if (b.signum() == 0) {
            return "0";
        }
        String plain = b.toPlainString();
        return plain.length() <= 40 ? plain : b.toString();
    }
}

package org.docbench.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.docbench.core.corpus.JsonLinesReader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the lines of JSON Lines files (raw bytes, as Spark's text reader splits them) into
 * {@link Inputs#COLUMNS}, judging each record as {@code docbench classify --jsonl} does: strict
 * UTF-8 (a BOM dropped), one object a line, no field twice, text a string, an id a string, number
 * or boolean, and a label a single value. Spark's own JSON reader cannot: given a string column it
 * reads a number, an array or an object as its JSON spelling, so {@code "text": {"a": 1}} would be
 * classified, and it decodes bad bytes to U+FFFD without a word.
 *
 * <p>Input rows: the line's bytes, its file, then the partition columns, passed through.
 */
final class JsonRecords implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    // as classify's reader: a second record on a line must not be lost, and a field given twice has no one value
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String idField;
    private final String textField;
    private final String truthField;

    /** @param truthField the label field, or "" for none */
    JsonRecords(String idField, String textField, String truthField) {
        this.idField = idField;
        this.textField = textField;
        this.truthField = truthField;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return PerRow.map(rows, in -> {
            Object[] out = new Object[Inputs.COLUMNS.size() + in.size() - 2];
            judge((byte[]) in.get(0), out);
            out[4] = in.get(1);
            for (int i = 2; i < in.size(); i++) {
                out[Inputs.COLUMNS.size() + i - 2] = in.get(i);
            }
            return RowFactory.create(out);
        });
    }

    /** Fills id, text, truth and problem (columns 0, 1, 2, 5) of one record from its line. */
    private void judge(byte[] line, Object[] out) {
        String raw;
        try {
            raw = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            out[5] = "not valid UTF-8 (save the file as UTF-8)";
            return;
        }
        raw = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().startsWith("Trailing token") ? "more than one JSON value on the line"
                    : JsonLinesReader.plainMessage(e);
            out[5] = "not a JSON record (" + why + "); each line holds one record: '" + clip(raw) + "'";
            return;
        } catch (IOException e) {
            out[5] = "not a JSON record: '" + clip(raw) + "'";
            return;
        }
        if (node == null || !node.isObject()) {
            out[5] = "JSON, but not an object: each line must be one {...} record: '" + clip(raw) + "'";
            return;
        }
        JsonNode id = node.get(idField);
        if (id != null && !id.isNull()) {
            if (id.isContainerNode()) {
                out[5] = "the id field '" + idField + "' is " + JsonLinesReader.kindOf(id) + "; an id is a string, number or boolean";
                return;
            }
            String spelled = id.asText();
            if (!StandardCharsets.UTF_8.newEncoder().canEncode(spelled)) { // a surrogate that is not half of a pair
                // Spark keeps strings as UTF-8, which has no bytes for it: the id would be written with '?'
                // in its place, and two ids could come out alike (classify writes it as an escape instead).
                out[5] = "the id field '" + idField + "' holds half of a UTF-16 surrogate pair (a \\ud800-\\udfff escape "
                        + "with no other half), which Spark's UTF-8 strings cannot hold";
                return;
            }
            out[0] = spelled; // a blank id is named by ClassifyPartition, as a missing one is
        }
        JsonNode text = node.get(textField);
        if (text != null && !text.isNull() && !text.isTextual()) {
            out[5] = "the text field '" + textField + "' is " + JsonLinesReader.kindOf(text) + ", not a string";
            return;
        }
        out[1] = text == null || text.isNull() ? null : text.asText();
        JsonNode truth = truthField.isEmpty() ? null : node.get(truthField);
        if (truth != null && truth.isContainerNode()) {
            out[5] = "the label field '" + truthField + "' is " + JsonLinesReader.kindOf(truth) + ", not a single value";
            return;
        }
        out[2] = truth == null || truth.isNull() ? null : truth.isNumber() ? numberLabel(truth) : truth.asText();
    }

    /**
     * A number label as its canonical decimal, so 1, 1.0 and 1e0 are one label, as docbench's
     * corpus readers read it (core's JsonLinesReader.numberLabel, which core keeps to its package).
     */
    static String numberLabel(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            return v.asText();
        }
        java.math.BigDecimal b = java.math.BigDecimal.valueOf(d).stripTrailingZeros();
        if (b.signum() == 0) {
            return "0";
        }
        String plain = b.toPlainString();
        return plain.length() <= 40 ? plain : b.toString();
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= 60 ? one : one.substring(0, 60) + "...";
    }
}

package org.docbench.spark;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Classifies one partition of {@link Inputs}' rows, lazily, one row in and one row out, so a
 * partition is never held in memory and the output keeps the input's partitioning. A record
 * that cannot be classified (unparseable, no id, no or empty text, not UTF-8) comes out with
 * its {@code problem} set and no label: counted and named by the job, never dropped.
 *
 * <p>The model comes from the broadcast and is compiled once per executor JVM
 * ({@link CompiledModel#onExecutor}); each task thread uses its own fast-path session.
 */
final class ClassifyPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final int FIXED = Inputs.COLUMNS.size();

    private final Broadcast<byte[]> model;
    private final CollectionAccumulator<String> paths;
    private final String idField;
    private final String textField;
    private final boolean withTruth;
    private final int partitionColumns;

    ClassifyPartition(Broadcast<byte[]> model, CollectionAccumulator<String> paths, String idField, String textField, boolean withTruth, int partitionColumns) {
        this.model = model;
        this.paths = paths;
        this.idField = idField;
        this.textField = textField;
        this.withTruth = withTruth;
        this.partitionColumns = partitionColumns;
    }

    /** The rows this function writes: id, label, confidence, scores (one field per label), truth, problem, partitions. */
    static StructType outputSchema(List<String> labels, boolean withTruth, StructType input) {
        StructType scores = new StructType();
        for (String l : labels) {
            scores = scores.add(l, DataTypes.DoubleType, false);
        }
        StructType s = new StructType()
                .add("id", DataTypes.StringType, true)
                .add("label", DataTypes.StringType, true)
                .add("confidence", DataTypes.DoubleType, true)
                .add("scores", scores, true);
        if (withTruth) {
            s = s.add("truth", DataTypes.StringType, true);
        }
        s = s.add("problem", DataTypes.StringType, true);
        for (int i = FIXED; i < input.fields().length; i++) {
            s = s.add(input.fields()[i]);
        }
        return s;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        CompiledModel m = CompiledModel.onExecutor(model.id(), model::value);
        paths.add(m.path()); // the driver never compiles the model, so executors say which path ran
        CompiledModel.Result r = m.newResult();
        int width = 5 + (withTruth ? 1 : 0) + partitionColumns;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row in = rows.next();
                Object[] out = new Object[width];
                String id = in.isNullAt(0) ? null : in.getString(0).strip();
                out[0] = id;
                String[] problem = new String[1];
                String text = check(in, id, problem);
                if (text != null) {
                    m.classify(text, r);
                    out[1] = r.label;
                    out[2] = r.confidence;
                    if (r.scored) {
                        Object[] scores = new Object[r.scores.length];
                        for (int i = 0; i < scores.length; i++) {
                            scores[i] = r.scores[i];
                        }
                        out[3] = RowFactory.create(scores);
                    }
                }
                int k = 4;
                if (withTruth) {
                    String truth = in.isNullAt(2) ? null : in.getString(2).strip();
                    out[k++] = truth == null || truth.isEmpty() ? null : truth;
                }
                out[k++] = problem[0];
                for (int i = 0; i < partitionColumns; i++) {
                    out[k++] = in.get(FIXED + i);
                }
                return RowFactory.create(out);
            }
        };
    }

    /** The text to classify, or null with {@code problem[0]} saying why not, as core's readers word it. */
    private String check(Row in, String id, String[] problem) {
        String source = in.isNullAt(4) ? "" : shortName(in.getString(4));
        String where = source + (id == null || id.isEmpty() ? "" : " [document " + id + "]") + ": ";
        if (!in.isNullAt(5)) {
            problem[0] = where + in.getString(5);
            return null;
        }
        if (!in.isNullAt(3)) {
            problem[0] = where + "malformed record '" + clip(in.getString(3)) + "'";
            return null;
        }
        if (id == null || id.isEmpty()) {
            problem[0] = where + "no id in field '" + idField + "'";
            return null;
        }
        if (in.isNullAt(1)) {
            problem[0] = where + "no text field '" + textField + "'";
            return null;
        }
        Object raw = in.get(1);
        String text;
        if (raw instanceof byte[] bytes) {
            text = decode(bytes);
            if (text == null) {
                problem[0] = where + "invalid UTF-8";
                return null;
            }
        } else {
            text = (String) raw;
        }
        if (text.isBlank() || (text.charAt(0) == '\uFEFF' && text.substring(1).isBlank())) {
            problem[0] = where + "document is empty";
            return null;
        }
        return text;
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer c = d.decode(ByteBuffer.wrap(bytes));
            return c.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The file as the user would type it: {@code file:} URIs lose their scheme, others keep it. */
    private static String shortName(String uri) {
        return uri.startsWith("file://") ? uri.substring(7) : uri.startsWith("file:") ? uri.substring(5) : uri;
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= 60 ? one : one.substring(0, 60) + "...";
    }
}

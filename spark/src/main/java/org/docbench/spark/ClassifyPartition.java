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
import org.docbench.classifiers.inference.Scorer;
import org.docbench.classifiers.train.ScoreKind;

/**
 * Classifies one partition of {@link Inputs}' rows, lazily, one row in and one row out, so a
 * partition is never held in memory and the output keeps the input's partitioning. A record
 * that cannot be classified (unparseable, no id, no text field, not UTF-8) comes out with its
 * {@code problem} set and no label: counted and named by the job, never dropped. A document
 * that {@code docbench classify} gives no label (empty text, or no word the model knows) comes
 * out as there: no label, no scores, and the CLI's {@code reason}. A labeled row says what kind
 * of score its confidence is ({@code scoreKind}, as the CLI's JSON says it, on every row it answers), and a model that
 * scores nothing (the baselines) writes no confidence or scores, as the CLI prints none.
 *
 * <p>The model comes from the broadcast and is loaded once per executor JVM by the CLI's scorer
 * ({@link ExecutorScorers}); each task thread scores through its own session.
 */
final class ClassifyPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final int FIXED = Inputs.COLUMNS.size();
    /** Why a document gets no label, in {@code docbench classify}'s words (its {@code reason} field). */
    static final String EMPTY_TEXT = "the text is empty";
    static final String NO_KNOWN_WORD = "no word of the text is known to the model";

    private final Broadcast<byte[]> model;
    private final String modelName;
    private final List<String> labels;
    private final CollectionAccumulator<String> paths;
    private final String idField;
    private final String textField;
    private final boolean withTruth;
    private final int partitionColumns;

    /**
     * @param modelName the model file as the user gave it, for errors
     * @param labels    the model's labels, sorted: the fields of {@code scores}
     */
    ClassifyPartition(Broadcast<byte[]> model, String modelName, List<String> labels, CollectionAccumulator<String> paths,
                      String idField, String textField, boolean withTruth, int partitionColumns) {
        this.model = model;
        this.modelName = modelName;
        this.labels = List.copyOf(labels);
        this.paths = paths;
        this.idField = idField;
        this.textField = textField;
        this.withTruth = withTruth;
        this.partitionColumns = partitionColumns;
    }

    /**
     * The rows this function writes: id, label, confidence, scoreKind, scores (one field per label),
     * truth (when labeled), reason (why a document got no label), problem (why a record is bad),
     * partitions. {@code scoreKind} is what {@code docbench classify --json} calls it
     * ({@link ScoreKind#spelling()}: probability, margin, ..., none), on every labeled row; a model
     * whose kind is {@code none} (the majority and stratified baselines) writes null confidence
     * and scores, as the command prints none. A document given no label (empty text, no known word)
     * still names the model's {@code scoreKind}, as the command's JSON does.
     */
    static StructType outputSchema(List<String> labels, boolean withTruth, StructType input) {
        StructType scores = new StructType();
        for (String l : labels) {
            scores = scores.add(l, DataTypes.DoubleType, false);
        }
        StructType s = new StructType()
                .add("id", DataTypes.StringType, true)
                .add("label", DataTypes.StringType, true)
                .add("confidence", DataTypes.DoubleType, true)
                .add("scoreKind", DataTypes.StringType, true)
                .add("scores", scores, true);
        if (withTruth) {
            s = s.add("truth", DataTypes.StringType, true);
        }
        s = s.add("reason", DataTypes.StringType, true);
        s = s.add("problem", DataTypes.StringType, true);
        for (int i = FIXED; i < input.fields().length; i++) {
            s = s.add(input.fields()[i]);
        }
        return s;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        ExecutorScorers.Loaded m = ExecutorScorers.get(org.apache.spark.SparkEnv.get().conf().getAppId(), model.id(),
                model::value, modelName);
        paths.add(m.path()); // the driver never loads the model, so executors say which path ran
        Scorer.Session session = m.sessions().get();
        int[] column = columns(m.scorer().labels());
        ScoreKind kind = m.scorer().scoreKind();
        // as docbench classify decides: Tribuo's 1 and 0 for a baseline's answer say nothing the label does not
        boolean scored = kind != ScoreKind.NONE;
        int width = 7 + (withTruth ? 1 : 0) + partitionColumns;
        return PerRow.map(rows, in -> {
            Object[] out = new Object[width];
            // the id as the record spells it, as docbench classify prints it; one that is all blank is none
            String id = in.isNullAt(0) ? null : in.getString(0);
            out[0] = id;
            String[] problem = new String[1];
            String text = check(in, id, problem);
            String reason = null;
            if (text != null) {
                // as docbench classify decides: blank text is not scored, and -1 means no known word
                int best = text.isBlank() ? -1 : session.score(text);
                // as docbench classify --json: every document it answers, labeled or not, names the model's kind of score
                out[3] = kind.spelling();
                if (best < 0) {
                    reason = text.isBlank() ? EMPTY_TEXT : NO_KNOWN_WORD;
                } else {
                    out[1] = labels.get(column[best]);
                    if (scored) {
                        double[] s = session.scores();
                        Object[] scores = new Object[labels.size()];
                        for (int i = 0; i < s.length; i++) {
                            scores[column[i]] = s[i];
                        }
                        out[2] = s[best];
                        out[4] = RowFactory.create(scores);
                    }
                }
            }
            int k = 5;
            if (withTruth) {
                String truth = in.isNullAt(2) ? null : in.getString(2).strip();
                out[k++] = truth == null || truth.isEmpty() ? null : truth;
            }
            out[k++] = reason;
            out[k++] = problem[0];
            for (int i = 0; i < partitionColumns; i++) {
                out[k++] = in.get(FIXED + i);
            }
            return RowFactory.create(out);
        });
    }

    /** For each of the scorer's labels, its field in {@code scores} (the sorted labels the driver read). */
    private int[] columns(String[] scorerLabels) {
        if (scorerLabels.length != labels.size()) {
            throw new IllegalArgumentException("model file " + modelName + " is damaged: it scores " + List.of(scorerLabels)
                    + " but its provenance names " + labels);
        }
        int[] column = new int[scorerLabels.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = labels.indexOf(scorerLabels[i]);
            if (column[i] < 0) {
                throw new IllegalArgumentException("model file " + modelName + " is damaged: it scores '" + scorerLabels[i]
                        + "', which its provenance does not name (" + labels + ")");
            }
        }
        return column;
    }

    /** The text to classify, or null with {@code problem[0]} saying why not, as core's readers word it. */
    private String check(Row in, String id, String[] problem) {
        // a row without a source is a document file, whose problem names it as docbench classify does
        String where = in.isNullAt(4) ? ""
                : shortName(in.getString(4)) + (id == null || id.isBlank() ? "" : " [document " + id + "]") + ": ";
        if (!in.isNullAt(5)) {
            problem[0] = where + in.getString(5);
            return null;
        }
        if (!in.isNullAt(3)) {
            String raw = in.getString(3);
            // Spark's readers decode a line before parsing it, so bytes that are not UTF-8 arrive as U+FFFD
            problem[0] = where + (raw.indexOf('\uFFFD') >= 0 ? "malformed record, not valid UTF-8 (save the file as UTF-8) '"
                    : "malformed record '") + clip(raw) + "'";
            return null;
        }
        if (id == null || id.isBlank()) {
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

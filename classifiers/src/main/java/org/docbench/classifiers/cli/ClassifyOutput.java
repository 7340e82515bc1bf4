package org.docbench.classifiers.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.inference.Scorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@code docbench classify} prints for each document: a tab-separated row (id, then the
 * {@code --top} labels and scores) or, with {@code --json}, a JSON line. This is the work done per
 * document, on the worker threads, so it lives apart from {@link ClassifyCommand}, which reads the
 * input and prints the finished chunks in input order.
 *
 * <p>Immutable: one instance per run, shared by every worker. Each batch gets its own
 * {@code ChunkWriter}, which is not thread-safe. {@code ChunkWriter.accept} runs once per document
 * and is the hottest code here: HotSpot's inlining decisions depend on its size in bytecodes, which
 * is why it is one method.
 */
final class ClassifyOutput {
    /**
     * One mapper for every worker and batch (thread-safe once configured, and costly to build),
     * in a holder so that tab-separated output never loads Jackson.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The model's labels as every batch prints them, worked out once per run. */
    private record Labels(String[] names, String kind, String[] tsv, int[] alphabetical) {
        static Labels of(Scorer scorer) {
            String[] names = scorer.labels();
            String[] tsv = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                tsv[i] = TsvCells.field(names[i]); // a label, like an id, may hold a tab or a newline
            }
            // One order of --json's "scores" for every model: a compiled model's outputs come in Tribuo's order,
            // its fallback's sorted.
            int[] alphabetical = java.util.stream.IntStream.range(0, names.length).boxed()
                    .sorted(java.util.Comparator.comparing(i -> names[i])).mapToInt(Integer::intValue).toArray();
            return new Labels(names, scorer.scoreKind().spelling(), tsv, alphabetical);
        }
    }

    /**
     * What one batch printed and counted; {@code stop} is the bad input that ended it early (a
     * line that is not UTF-8 or not a JSON record), printed after what came before it.
     */
    record Chunk(String text, int labeled, int unlabeled, List<String> notes, List<Read> records, RuntimeException stop) {
    }

    /** A JSON record's id and where it was read, for {@link DuplicateIds}. */
    record Read(String id, String source, int line) {
    }

    /** The model's labels, worked out once per run for every batch. */
    private final Labels modelLabels;
    private final boolean json;
    /** Labels and scores per row ({@code --top}); the model's label count caps it. */
    private final int top;

    /**
     * The output of {@code scorer}'s documents.
     *
     * @param json JSON Lines, not tab-separated rows
     * @param top  the labels and scores a row shows, at least 1
     */
    ClassifyOutput(Scorer scorer, boolean json, int top) {
        this.modelLabels = Labels.of(scorer);
        this.json = json;
        this.top = top;
    }

    /** Scores and formats a batch; runs on a worker thread with that thread's session. */
    Chunk render(DocumentInputs.Batch batch, Scorer.Session session) throws Exception {
        ChunkWriter w = new ChunkWriter(session, modelLabels);
        try {
            batch.forEach(w);
        } catch (DocbenchCli.BadInputException e) {
            return new Chunk(w.sb.toString(), w.labeled, w.unlabeled, w.notes, w.records, e);
        }
        return new Chunk(w.sb.toString(), w.labeled, w.unlabeled, w.notes, w.records, null);
    }

    /** One batch's output lines and counts, a document at a time. */
    private final class ChunkWriter implements DocumentInputs.DocSink {
        private final Scorer.Session session;
        private final String[] labels;
        /** Label indices in the labels' alphabetical order. */
        private final int[] alphabetical;
        /** The labels as tab-separated fields. */
        private final String[] tsvLabels;
        private final String kind;
        private final StringBuilder sb = new StringBuilder(8192);
        private final List<String> notes = new ArrayList<>(0);
        /** The JSON records' ids and places, in input order; empty for other inputs. */
        private final List<Read> records = new ArrayList<>(0);
        private final int k;
        private final int[] order;
        private final ObjectMapper mapper = json ? Json.MAPPER : null;
        /** The model gives scores: every family but the baselines, whose Tribuo 1 and 0 say nothing the label does not. */
        private final boolean scored;
        private int labeled;
        private int unlabeled;

        ChunkWriter(Scorer.Session session, Labels l) {
            this.session = session;
            this.labels = l.names();
            this.alphabetical = l.alphabetical();
            this.tsvLabels = l.tsv();
            this.kind = l.kind();
            this.scored = !kind.equals(org.docbench.classifiers.train.ScoreKind.NONE.spelling());
            this.k = Math.min(top, labels.length);
            this.order = new int[labels.length];
        }

        @Override
        public void accept(String id, CharSequence text, String source, int line) throws JsonProcessingException {
            records.add(new Read(id, source, line));
            accept(id, text);
        }

        @Override
        public void accept(String id, CharSequence text) throws JsonProcessingException {
            String why = DocumentInputs.isBlank(text) ? "the text is empty" : null;
            int best = why == null ? session.score(text) : -1;
            if (best < 0 && why == null) {
                why = "no word of the text is known to the model";
            }
            if (why != null) {
                unlabeled++;
                notes.add("docbench: " + TsvCells.field(id) + ": no label: " + why); // one line, whatever the file name holds
                if (json) {
                    // Every key a labeled record has, so a reader finds them all: nulls, and the model's score kind.
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", id);
                    m.put("label", null);
                    m.put("score", null);
                    m.put("scoreKind", kind);
                    if (k > 1) {
                        m.put("top", null);
                    }
                    m.put("scores", null);
                    m.put("reason", why);
                    sb.append(JsonCells.line(mapper.writeValueAsString(m))).append('\n');
                } else {
                    sb.append(TsvCells.field(id));
                    for (int i = 0; i < k; i++) {
                        sb.append("\t-\t-"); // as many columns as a labeled row, for readers that count them
                    }
                    sb.append('\n');
                }
                return;
            }
            labeled++;
            double[] s = session.scores();
            if (k > 1) {
                rank(s, order);
            } else {
                order[0] = best; // the first of the highest scores, as rank would put first
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("label", labels[best]);
                m.put("score", scored ? s[best] : null);
                m.put("scoreKind", kind);
                if (k > 1) {
                    List<Map<String, Object>> topK = new ArrayList<>(k);
                    for (int i = 0; i < (scored ? k : 1); i++) { // a baseline's answer has no runner-up
                        // Not Map.of: its iteration order changes from run to run, and so would the output.
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("label", labels[order[i]]);
                        entry.put("score", scored ? s[order[i]] : null);
                        topK.add(entry);
                    }
                    m.put("top", topK);
                }
                Map<String, Double> all = new LinkedHashMap<>();
                for (int i : alphabetical) {
                    all.put(labels[i], s[i]);
                }
                m.put("scores", scored ? all : null);
                sb.append(JsonCells.line(mapper.writeValueAsString(m))).append('\n');
            } else {
                sb.append(TsvCells.field(id));
                for (int i = 0; i < k; i++) {
                    if (!scored) {
                        // A baseline scores nothing, and ranks no label after its answer: the other labels
                        // would come in index order, which reads as a second-best answer.
                        sb.append(i == 0 ? "\t" + tsvLabels[best] + "\t-" : "\t-\t-");
                        continue;
                    }
                    sb.append('\t').append(tsvLabels[order[i]]).append('\t');
                    TsvCells.fixed4(sb, s[order[i]]);
                }
                sb.append('\n');
            }
        }
    }

    /** Label indices by descending score (ties by index): a few labels, so insertion sort. */
    private static void rank(double[] s, int[] order) {
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j > 0 && s[order[j - 1]] < s[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
    }
}

package org.docbench.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the line steps over one text, in order: classify each line and mark related-link lists
 * ({@link LineTable}), split glued items ({@link GluedItems}), then per item drop the boilerplate
 * lines, take the title, byline and date out ({@link DocumentFields}) and build the body
 * ({@link BodyText}). Each of those classes holds one part of the work over the same
 * {@link LineTable}, which computes what every step needs to know of a line once.
 * Not thread-safe; one instance per call.
 */
final class Layout {

    private final LineTable lines;
    private final Trace trace;

    private Layout(LineTable lines, Trace trace) {
        this.lines = lines;
        this.trace = trace;
    }

    /** Lays out {@code text} (already through the character steps) into one or more documents. */
    static List<NormalizedDocument> documents(String text, Set<Step> steps, Trace trace) {
        Layout layout = new Layout(new LineTable(text, steps), trace);
        if (steps.contains(Step.RELATED_LINKS)) {
            layout.lines.markRelatedLists();
        }
        List<int[]> items = steps.contains(Step.SPLIT_GLUED)
                ? GluedItems.split(layout.lines, trace)
                : List.<int[]>of(new int[] {0, layout.lines.size()});
        List<NormalizedDocument> docs = new ArrayList<>(items.size());
        for (int[] item : items) {
            docs.add(layout.document(item[0], item[1]));
        }
        return docs;
    }

    /** One item's document. */
    private NormalizedDocument document(int from, int to) {
        boolean[] keep = new boolean[to - from];
        for (int i = from; i < to; i++) {
            keep[i - from] = lines.blank[i] || lines.kind[i] == LineTable.TEXT;
            if (!lines.blank[i] && lines.kind[i] != LineTable.TEXT) {
                Step step = lines.kind[i] == LineTable.SPLIT_SEPARATOR ? Step.SPLIT_GLUED : Step.values()[lines.kind[i]];
                trace.removed(step, lines.stripped[i]);
            }
        }
        DocumentFields fields = DocumentFields.take(lines, from, to, keep, trace);
        String body = BodyText.of(lines, from, to, fields.headerEnd(), keep, trace);
        return new NormalizedDocument(fields.title(), fields.byline(), fields.date(), body);
    }
}

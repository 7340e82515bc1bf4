package org.docbench.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The line-level steps over one text: per item ({@link GluedItems} finds where each starts)
 * drop boilerplate, take the fields out ({@link DocumentFields}) and build the body, over the
 * lines {@link LineTable} has classified. Not thread-safe; one instance per call.
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
        List<int[]> items = steps.contains(Step.SPLIT_GLUED) ? GluedItems.split(layout.lines, trace) : List.<int[]>of(new int[] {0, layout.lines.size()});
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
                trace.removed(lines.kind[i] == LineTable.SPLIT_SEPARATOR ? Step.SPLIT_GLUED : Step.values()[lines.kind[i]], lines.stripped[i]);
            }
        }
        DocumentFields fields = DocumentFields.take(lines, from, to, keep, trace);
        if (lines.on(Step.RELATED_LINKS)) {
            dropCapitalHeadlines(from, to, fields.headerEnd(), keep);
        }
        List<String> body = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!keep[i - from]) {
                continue;
            }
            String text = lines.raw[i].stripTrailing();
            if (!lines.blank[i]) {
                text = dropTrailingSentences(text);
            }
            body.add(lines.blank[i] ? "" : text);
        }
        if (lines.on(Step.TRAILING_FRAGMENT)) {
            dropTrailingFragment(body);
        }
        return new NormalizedDocument(fields.title(), fields.byline(), fields.date(), paragraphs(body, lines.on(Step.PARAGRAPHS)));
    }

    /**
     * A capitals-only headline line wedged between two lines of article text, with no blank line on
     * either side, is a related-article link. A heading that opens a paragraph is not touched.
     */
    private void dropCapitalHeadlines(int from, int to, int headerEnd, boolean[] keep) {
        for (int i = Math.max(from, headerEnd) + 1; i < to - 1; i++) {
            if (!keep[i - from] || lines.blank[i] || lines.blank[i - 1] || lines.blank[i + 1] || !Boilerplate.isAllCapsHeadline(lines.stripped[i])) {
                continue;
            }
            if (lines.isText(i - 1) && lines.isText(i + 1) && lines.prose[i - 1] && lines.prose[i + 1]) {
                keep[i - from] = false;
                trace.removed(Step.RELATED_LINKS, lines.stripped[i]);
            }
        }
    }

    /** Drops a {@code Read more here.} or {@code Click here to ...} sentence that ends a paragraph. */
    private String dropTrailingSentences(String text) {
        if (lines.on(Step.READ_MORE)) {
            int at = Boilerplate.trailingReadMore(text);
            if (at > 0) {
                trace.removed(Step.READ_MORE, text.substring(at).strip());
                text = text.substring(0, at);
            }
        }
        if (lines.on(Step.SHARE_FOLLOW)) {
            int at = Boilerplate.trailingFollow(text);
            if (at > 0) {
                trace.removed(Step.SHARE_FOLLOW, text.substring(at).strip());
                text = text.substring(0, at);
            }
        }
        if (lines.on(Step.CLICK_HERE)) {
            int at = Boilerplate.trailingClickHere(text);
            if (at > 0) {
                trace.removed(Step.CLICK_HERE, text.substring(at).strip());
                text = text.substring(0, at);
            }
        }
        return text;
    }

    /** Drops a last paragraph of one to three capitalized words when article text comes before it. */
    private void dropTrailingFragment(List<String> body) {
        int last = body.size() - 1;
        while (last >= 0 && body.get(last).isBlank()) {
            last--;
        }
        if (last <= 0 || !body.get(last - 1).isBlank()) {
            return;
        }
        String s = body.get(last).strip();
        if (!Lines.isFragment(s)) {
            return;
        }
        for (int i = last - 1; i >= 0; i--) {
            if (Lines.isProse(body.get(i).strip())) {
                body.set(last, "");
                trace.removed(Step.TRAILING_FRAGMENT, s);
                return;
            }
        }
    }

    /**
     * Joins lines, one blank line between paragraphs, none at either end; with
     * {@link Step#PARAGRAPHS}, a line that ends a sentence of eight words or more ends its paragraph.
     */
    private static String paragraphs(List<String> lines, boolean sentenceEndsParagraph) {
        StringBuilder sb = new StringBuilder();
        boolean pendingBreak = false;
        for (String l : lines) {
            if (l.isBlank()) {
                pendingBreak = sb.length() > 0;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(pendingBreak ? "\n\n" : "\n");
            }
            sb.append(l);
            String s = l.strip();
            pendingBreak = sentenceEndsParagraph && Lines.words(s) >= 8 && Lines.endsLikeSentence(s);
        }
        return sb.toString().strip();
    }
}

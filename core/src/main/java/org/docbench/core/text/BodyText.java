package org.docbench.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of one item: the lines it keeps once boilerplate lines and fields are out, less what
 * only shows in context (a capitals-only related headline between two paragraphs, a trailing
 * {@code Read more here.}, {@code Follow us ...} or {@code Click here ...} sentence, a stray
 * fragment at the end), joined into paragraphs. Not thread-safe; one instance per item.
 */
final class BodyText {

    private final LineTable lines;
    private final Trace trace;

    private BodyText(LineTable lines, Trace trace) {
        this.lines = lines;
        this.trace = trace;
    }

    /**
     * The body of the item on lines {@code from} to {@code to} (exclusive): line {@code i} is in
     * it when {@code keep[i - from]} is; {@code headerEnd} is where its article text starts.
     */
    static String of(LineTable lines, int from, int to, int headerEnd, boolean[] keep, Trace trace) {
        return new BodyText(lines, trace).build(from, to, headerEnd, keep);
    }

    private String build(int from, int to, int headerEnd, boolean[] keep) {
        if (lines.on(Step.RELATED_LINKS)) {
            dropCapitalHeadlines(from, to, headerEnd, keep);
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
        return paragraphs(body, lines.on(Step.PARAGRAPHS));
    }

    /**
     * A capitals-only headline line wedged between two lines of article text, with no blank line on
     * either side, is a related-article link. A heading that opens a paragraph is not touched.
     */
    private void dropCapitalHeadlines(int from, int to, int headerEnd, boolean[] keep) {
        for (int i = Math.max(from, headerEnd) + 1; i < to - 1; i++) {
            if (!keep[i - from] || lines.blank[i] || lines.blank[i - 1] || lines.blank[i + 1]
                    || !Boilerplate.isAllCapsHeadline(lines.stripped[i])) {
                continue;
            }
            if (lines.isText(i - 1) && lines.isText(i + 1) && lines.prose[i - 1] && lines.prose[i + 1]) {
                keep[i - from] = false;
                trace.removed(Step.RELATED_LINKS, lines.stripped[i]);
            }
        }
    }

    /** Drops a {@code Read more here.}, {@code Follow us ...} or {@code Click here to ...} sentence that ends a paragraph. */
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
        if (!LineShapes.isFragment(s)) {
            return;
        }
        for (int i = last - 1; i >= 0; i--) {
            if (LineShapes.isProse(body.get(i).strip())) {
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
    private static String paragraphs(List<String> body, boolean sentenceEndsParagraph) {
        StringBuilder sb = new StringBuilder();
        boolean pendingBreak = false;
        for (String l : body) {
            if (l.isBlank()) {
                pendingBreak = sb.length() > 0;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(pendingBreak ? "\n\n" : "\n");
            }
            sb.append(l);
            String s = l.strip();
            pendingBreak = sentenceEndsParagraph && LineShapes.words(s) >= 8 && LineShapes.endsLikeSentence(s);
        }
        return sb.toString().strip();
    }
}

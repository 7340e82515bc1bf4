package org.docbench.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The line-level steps over one text: per item ({@link GluedItems} finds where each starts)
 * take the header apart (date, byline, title), drop boilerplate and build the body, over the
 * lines {@link LineTable} has classified. Not thread-safe; one instance per call.
 */
final class Layout {

    /** At most this many non-blank lines count as the header before article text starts. */
    private static final int MAX_HEADER_LINES = 12;

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
        int headerEnd = headerEnd(from, to);
        StringBuilder date = new StringBuilder();
        StringBuilder byline = new StringBuilder();
        String title = "";
        for (int i = from; i < headerEnd; i++) {
            if (!lines.isText(i)) {
                continue;
            }
            String s = lines.stripped[i];
            if (lines.on(Step.DATE) && Lines.isDateLine(s)) {
                append(date, s);
                keep[i - from] = false;
                trace.record(Step.DATE, s, "date");
                continue;
            }
            if (lines.on(Step.DATE) && !Lines.isByline(s)) {
                s = takeDateParts(i, date, byline);
                if (s.isEmpty()) {
                    keep[i - from] = false;
                    continue;
                }
            }
            if (lines.on(Step.BYLINE) && Lines.isByline(s)) {
                takeByline(s, byline, date);
                keep[i - from] = false;
                for (int j = i + 1; j < headerEnd && lines.isText(j) && isBylineContinuation(lines.stripped[j]); j++) {
                    takeByline(lines.stripped[j], byline, date);
                    keep[j - from] = false;
                    i = j;
                }
            } else if (lines.on(Step.TITLE) && title.isEmpty() && !Lines.isKicker(s) && Lines.words(s) <= 30) {
                title = s;
                keep[i - from] = false;
                int suffix = Lines.siteSuffix(title);
                if (suffix > 0) {
                    trace.removed(Step.TITLE, title.substring(suffix));
                    title = title.substring(0, suffix);
                }
                trace.record(Step.TITLE, title, "title");
            }
        }
        if (lines.on(Step.BYLINE)) {
            takeFooterBylines(from, to, headerEnd, keep, byline, date);
        }
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
        return new NormalizedDocument(title, byline.toString(), date.toString(), paragraphs(body, lines.on(Step.PARAGRAPHS)));
    }

    /**
     * The header ends at the first line of article text (prose that is not a date or byline line),
     * after at most {@link #MAX_HEADER_LINES}. A short sentence right above a byline or date line
     * is a headline all the same ({@code They said it was optional. It wasn't.}).
     */
    private int headerEnd(int from, int to) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            if (lines.blank[i]) {
                continue;
            }
            if (lines.isText(i) && lines.prose[i] && !Lines.isByline(lines.stripped[i]) && !Lines.isDateLine(lines.stripped[i])
                    && !isHeadlineAboveByline(i)) {
                return i;
            }
            if (++seen > MAX_HEADER_LINES) {
                return i;
            }
        }
        // No article text at all: only the first paragraph can be a header.
        int i = from;
        while (i < to && lines.blank[i]) {
            i++;
        }
        while (i < to && !lines.blank[i]) {
            i++;
        }
        return i;
    }

    /**
     * A short line right above a byline or date line that article text follows. Boilerplate lines
     * between them (a share line) do not count: they are dropped, and a second pass over the body
     * sees the headline right above the byline.
     */
    private boolean isHeadlineAboveByline(int i) {
        if (lines.words[i] > 20) {
            return false;
        }
        int next = lines.nextNonBlank(i);
        while (next >= 0 && !lines.isText(next) && lines.kind[next] != LineTable.SPLIT_SEPARATOR) {
            next = lines.nextNonBlank(next);
        }
        if (next < 0 || !lines.isText(next) || !(Lines.isByline(lines.stripped[next]) || Lines.isDateLine(lines.stripped[next]))) {
            return false;
        }
        for (int j = next + 1; j < lines.size(); j++) {
            if (lines.isText(j) && lines.prose[j] && !Lines.isByline(lines.stripped[j])) {
                return true;
            }
        }
        return false;
    }

    /** Bylines after the last line of article text (some sites print them under the story). */
    private void takeFooterBylines(int from, int to, int headerEnd, boolean[] keep, StringBuilder byline, StringBuilder date) {
        int lastProse = -1;
        for (int i = to - 1; i >= headerEnd; i--) {
            if (keep[i - from] && lines.isText(i) && lines.prose[i] && !Lines.isByline(lines.stripped[i])) {
                lastProse = i;
                break;
            }
        }
        if (lastProse < 0) {
            return;
        }
        for (int i = lastProse + 1; i < to; i++) {
            if (keep[i - from] && lines.isText(i) && Lines.isByline(lines.stripped[i])) {
                takeByline(lines.stripped[i], byline, date);
                keep[i - from] = false;
                for (int j = i + 1; j < to && lines.isText(j) && isBylineContinuation(lines.stripped[j]); j++) {
                    takeByline(lines.stripped[j], byline, date);
                    keep[j - from] = false;
                    i = j;
                }
            }
        }
    }

    /** The short affiliation or date line right under a byline: {@code Examiner Staff Writer}. */
    private static boolean isBylineContinuation(String s) {
        if (Lines.isDateLine(s)) {
            return true;
        }
        int words = 0;
        for (String part : Lines.bylineParts(s)) {
            if (!Lines.isDateLine(part.strip())) {
                words += Lines.words(part);
            }
        }
        return words <= 5 && !Lines.isProse(s);
    }

    private void takeByline(String s, StringBuilder byline, StringBuilder date) {
        for (String part : Lines.bylineParts(s)) {
            String p = part.strip();
            if (p.endsWith("(")) {
                p = p.substring(0, p.length() - 1).strip(); // "By Name ( | First Posted: ..."
            }
            if (p.isEmpty()) {
                continue;
            }
            if (lines.on(Step.DATE) && Lines.isDateLine(p)) {
                append(date, p);
                trace.record(Step.DATE, p, "date");
                continue;
            }
            int tail = lines.on(Step.DATE) ? dateTail(p) : -1; // "Posted by Name, January 27, 2017, 3:18 PM"
            if (tail > 0) {
                String d = p.substring(tail).replaceFirst("^,\\s*", "");
                append(date, d);
                trace.record(Step.DATE, d, "date");
                p = p.substring(0, tail);
            }
            append(byline, p);
            trace.record(Step.BYLINE, p, "byline");
        }
    }

    /** Where a {@code ", date"} tail starts in a byline part, or -1. */
    private static int dateTail(String part) {
        for (int at = part.indexOf(", "); at > 0; at = part.indexOf(", ", at + 1)) {
            if (Lines.isDateLine(part.substring(at + 2))) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Takes the date parts out of a header line such as {@code Frontier Standard | March 20, 2017}.
     * What is left names a source: it goes to the byline, unless it is a kicker
     * ({@code AROUND THE COUNTY}), which stays. Returns the line as it now reads (empty when taken).
     */
    private String takeDateParts(int i, StringBuilder date, StringBuilder byline) {
        String[] parts = Lines.bylineParts(lines.stripped[i]);
        if (parts.length < 2) {
            return lines.stripped[i];
        }
        StringBuilder rest = new StringBuilder();
        boolean took = false;
        for (String part : parts) {
            String p = part.strip();
            if (Lines.isDateLine(p)) {
                append(date, p);
                trace.record(Step.DATE, p, "date");
                took = true;
            } else {
                append(rest, p);
            }
        }
        if (!took) {
            return lines.stripped[i];
        }
        String r = rest.toString();
        if (lines.on(Step.BYLINE) && !r.isEmpty() && !Lines.isKicker(r) && Lines.words(r) <= 8) {
            append(byline, r);
            trace.record(Step.BYLINE, r, "byline");
            r = "";
        }
        lines.replace(i, r);
        return r;
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append(" | ");
        }
        sb.append(s);
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

package org.docbench.core.text;

/**
 * The title, byline and date of one item, taken out of its lines by {@link Step#DATE},
 * {@link Step#BYLINE} and {@link Step#TITLE}: from the header (the lines before article text
 * starts), and bylines printed under the story. Each line it takes is cleared in the item's
 * {@code keep} flags, so the body leaves it out. Not thread-safe; one instance per item.
 */
final class DocumentFields {

    /** At most this many non-blank lines count as the header before article text starts. */
    private static final int MAX_HEADER_LINES = 12;

    private final LineTable lines;
    private final Trace trace;
    private final StringBuilder date = new StringBuilder();
    private final StringBuilder byline = new StringBuilder();
    private String title = "";
    private final int headerEnd;

    private DocumentFields(LineTable lines, Trace trace, int from, int to) {
        this.lines = lines;
        this.trace = trace;
        this.headerEnd = headerEnd(from, to);
    }

    /**
     * Takes the fields of the item on lines {@code from} to {@code to} (exclusive), clearing
     * {@code keep[i - from]} for each line {@code i} taken.
     */
    static DocumentFields take(LineTable lines, int from, int to, boolean[] keep, Trace trace) {
        DocumentFields fields = new DocumentFields(lines, trace, from, to);
        fields.takeHeader(from, keep);
        if (lines.on(Step.BYLINE)) {
            fields.takeFooterBylines(from, to, keep);
        }
        return fields;
    }

    String title() {
        return title;
    }

    String byline() {
        return byline.toString();
    }

    String date() {
        return date.toString();
    }

    /** The line where the header ends and article text starts. */
    int headerEnd() {
        return headerEnd;
    }

    /** Date lines, date parts, bylines and the title out of the header. */
    private void takeHeader(int from, boolean[] keep) {
        for (int i = from; i < headerEnd; i++) {
            if (!lines.isText(i)) {
                continue;
            }
            String s = lines.stripped[i];
            if (lines.on(Step.DATE) && LineShapes.isDateLine(s)) {
                append(date, s);
                keep[i - from] = false;
                trace.record(Step.DATE, s, "date");
                continue;
            }
            if (lines.on(Step.DATE) && !LineShapes.isByline(s)) {
                s = takeDateParts(i);
                if (s.isEmpty()) {
                    keep[i - from] = false;
                    continue;
                }
            }
            if (lines.on(Step.BYLINE) && LineShapes.isByline(s)) {
                takeByline(s);
                keep[i - from] = false;
                for (int j = i + 1; j < headerEnd && lines.isText(j) && isBylineContinuation(lines.stripped[j]); j++) {
                    takeByline(lines.stripped[j]);
                    keep[j - from] = false;
                    i = j;
                }
            } else if (lines.on(Step.TITLE) && title.isEmpty() && !LineShapes.isKicker(s) && LineShapes.words(s) <= 30) {
                title = s;
                keep[i - from] = false;
                int suffix = LineShapes.siteSuffix(title);
                if (suffix > 0) {
                    trace.removed(Step.TITLE, title.substring(suffix));
                    title = title.substring(0, suffix);
                }
                trace.record(Step.TITLE, title, "title");
            }
        }
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
            if (lines.isText(i) && lines.prose[i] && !LineShapes.isByline(lines.stripped[i])
                    && !LineShapes.isDateLine(lines.stripped[i]) && !isHeadlineAboveByline(i)) {
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
        if (next < 0 || !lines.isText(next)
                || !(LineShapes.isByline(lines.stripped[next]) || LineShapes.isDateLine(lines.stripped[next]))) {
            return false;
        }
        for (int j = next + 1; j < lines.size(); j++) {
            if (lines.isText(j) && lines.prose[j] && !LineShapes.isByline(lines.stripped[j])) {
                return true;
            }
        }
        return false;
    }

    /** Bylines after the last line of article text (some sites print them under the story). */
    private void takeFooterBylines(int from, int to, boolean[] keep) {
        int lastProse = -1;
        for (int i = to - 1; i >= headerEnd; i--) {
            if (keep[i - from] && lines.isText(i) && lines.prose[i] && !LineShapes.isByline(lines.stripped[i])) {
                lastProse = i;
                break;
            }
        }
        if (lastProse < 0) {
            return;
        }
        for (int i = lastProse + 1; i < to; i++) {
            if (keep[i - from] && lines.isText(i) && LineShapes.isByline(lines.stripped[i])) {
                takeByline(lines.stripped[i]);
                keep[i - from] = false;
                for (int j = i + 1; j < to && lines.isText(j) && isBylineContinuation(lines.stripped[j]); j++) {
                    takeByline(lines.stripped[j]);
                    keep[j - from] = false;
                    i = j;
                }
            }
        }
    }

    /** The short affiliation or date line right under a byline: {@code Examiner Staff Writer}. */
    private static boolean isBylineContinuation(String s) {
        if (LineShapes.isDateLine(s)) {
            return true;
        }
        int words = 0;
        for (String part : LineShapes.bylineParts(s)) {
            if (!LineShapes.isDateLine(part.strip())) {
                words += LineShapes.words(part);
            }
        }
        return words <= 5 && !LineShapes.isProse(s);
    }

    private void takeByline(String s) {
        for (String part : LineShapes.bylineParts(s)) {
            String p = part.strip();
            if (p.endsWith("(")) {
                p = p.substring(0, p.length() - 1).strip(); // "By Name ( | First Posted: ..."
            }
            if (p.isEmpty()) {
                continue;
            }
            if (lines.on(Step.DATE) && LineShapes.isDateLine(p)) {
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
            if (LineShapes.isDateLine(part.substring(at + 2))) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Takes the date parts out of header line {@code i}, such as {@code Frontier Standard | March 20, 2017}.
     * What is left names a source: it goes to the byline, unless it is a kicker
     * ({@code AROUND THE COUNTY}), which stays. Returns the line as it now reads (empty when taken).
     */
    private String takeDateParts(int i) {
        String[] parts = LineShapes.bylineParts(lines.stripped[i]);
        if (parts.length < 2) {
            return lines.stripped[i];
        }
        StringBuilder rest = new StringBuilder();
        boolean took = false;
        for (String part : parts) {
            String p = part.strip();
            if (LineShapes.isDateLine(p)) {
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
        if (lines.on(Step.BYLINE) && !r.isEmpty() && !LineShapes.isKicker(r) && LineShapes.words(r) <= 8) {
            append(byline, r);
            trace.record(Step.BYLINE, r, "byline");
            r = "";
        }
        lines.replace(i, r);
        return r;
    }

    /** Adds {@code s}, after {@code " | "} when {@code sb} holds text already: several dates or bylines make one field. */
    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append(" | ");
        }
        sb.append(s);
    }
}

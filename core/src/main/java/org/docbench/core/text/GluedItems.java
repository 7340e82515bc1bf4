package org.docbench.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Step#SPLIT_GLUED}: where the items glued into one text start. It cuts the text's lines
 * into one line range per item, only at a marked seam (the step's javadoc lists the markers), and
 * marks a separator line that shows a seam so the item above it does not keep it. Not thread-safe;
 * one instance per text.
 */
final class GluedItems {

    /** An item must hold this many words of article text before another item can start after it. */
    private static final int MIN_ARTICLE_WORDS = 60;

    private final LineTable lines;
    /** Paragraphs of text from each line to the end, and the last line of text: for {@link #isCutOffTail}. */
    private final int[] paragraphsFrom;
    private final int lastText;

    private GluedItems(LineTable lines) {
        this.lines = lines;
        int n = lines.size();
        paragraphsFrom = new int[n + 1];
        int last = -1;
        for (int i = n - 1; i >= 0; i--) {
            boolean starts = lines.isText(i) && (i == 0 || !lines.isText(i - 1) || endsParagraph(i - 1));
            paragraphsFrom[i] = paragraphsFrom[i + 1] + (starts ? 1 : 0);
            if (last < 0 && lines.isText(i)) {
                last = i;
            }
        }
        lastText = last;
    }

    /** Item boundaries as {from, to} line ranges; the first item starts at 0. Records each item after the first. */
    static List<int[]> split(LineTable lines, Trace trace) {
        return new GluedItems(lines).items(trace);
    }

    private List<int[]> items(Trace trace) {
        int n = lines.size();
        List<int[]> items = new ArrayList<>();
        int from = 0;
        int proseWords = 0;
        for (int i = 0; i < n; i++) {
            if (!lines.isText(i)) {
                continue;
            }
            if (proseWords >= MIN_ARTICLE_WORDS && startsGluedItem(i)) {
                int prev = lines.previousNonBlank(i);
                if (prev >= 0 && lines.isText(prev) && LineShapes.isSeparator(lines.stripped[prev])) {
                    lines.kind[prev] = LineTable.SPLIT_SEPARATOR;
                }
                items.add(new int[] {from, i});
                from = i;
                proseWords = 0;
                continue;
            }
            if (lines.prose[i]) {
                proseWords += lines.words[i];
            }
        }
        items.add(new int[] {from, n});
        if (items.size() > 1 && trace.on()) {
            for (int k = 1; k < items.size(); k++) {
                trace.record(Step.SPLIT_GLUED, lines.join(items.get(k)[0], items.get(k)[1]), "another document");
            }
        }
        return items;
    }

    private boolean startsGluedItem(int i) {
        String s = lines.stripped[i];
        if (lines.words[i] < 4 || lines.words[i] > 20 || !LineShapes.isHeadlineLike(s) || LineShapes.endsLikeSentence(s)
                || LineShapes.isDateLine(s) || LineShapes.isByline(s) || s.contains("@") || s.contains("://")) {
            return false; // a name alone ("Bernie Sanders") is an interview's speaker; quotes and tweets are text
        }
        int next = lines.nextNonBlank(i);
        if (next < 0 || !lines.isText(next) || lines.words[next] < 15) {
            return false;
        }
        int prev = lines.previousNonBlank(i);
        if (prev < 0) {
            return false;
        }
        boolean blankBefore = prev < i - 1 || endsParagraph(prev);
        if (lines.isText(prev) && LineShapes.isSeparator(lines.stripped[prev])) {
            return true;
        }
        if (lines.isText(prev) && blankBefore && LineShapes.isCutOff(lines.stripped[prev]) && lines.prose[prev]) {
            return true;
        }
        boolean opensParagraph = next == i + 1 || lines.blank[next - 1];
        if (blankBefore && opensParagraph && LineShapes.startsWithDateline(lines.stripped[next])) {
            return true;
        }
        return blankBefore && !s.endsWith("?") && isCutOffTail(i);
    }

    /**
     * Whether the text from line {@code i} to the end is a short tail (at most three paragraphs)
     * whose last line is a long line cut off mid-sentence (it ends in {@code ...} or in a lower-case
     * letter, not in a date or a name): how a glued item looks when the scraper
     * caught only its start. A section heading near the end of a complete article does not match.
     */
    private boolean isCutOffTail(int i) {
        if (paragraphsFrom[i] > 3 || lastText <= i) {
            return false;
        }
        String tail = lines.stripped[lastText];
        return lines.words[lastText] >= 15
                && (LineShapes.isCutOff(tail) || Character.isLowerCase(tail.codePointBefore(tail.length())));
    }

    /**
     * Whether {@link Step#PARAGRAPHS} ends a paragraph after line {@code i} (a sentence of eight
     * words or more). The glued-item split treats that break like a blank line: the body it writes
     * has a blank line there, and a second pass over it must split where the first one did.
     */
    private boolean endsParagraph(int i) {
        return lines.on(Step.PARAGRAPHS) && lines.isText(i) && lines.words[i] >= 8
                && LineShapes.endsLikeSentence(lines.stripped[i]);
    }
}

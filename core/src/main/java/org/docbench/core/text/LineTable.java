package org.docbench.core.text;

import java.util.Set;

/**
 * The lines of one text (already through the character steps) and what each one is: its stripped
 * form, whether it is blank, its word count and prose flag, and its kind (article text, the
 * boilerplate step it belongs to, or a separator that marks where a glued item starts). The line
 * steps all read these per-line arrays, so they are computed once here and shared; the steps mark
 * kinds in them as they go. Not thread-safe; one instance per text.
 */
final class LineTable {

    /** Kinds of line beyond the boilerplate steps: article text, and a separator used as a split marker. */
    static final int TEXT = -1;
    static final int SPLIT_SEPARATOR = -2;

    private final boolean[] stepOn = new boolean[Step.values().length];
    /** Each line as the text has it, and stripped of surrounding whitespace. */
    final String[] raw;
    final String[] stripped;
    final boolean[] blank;
    /** Word count and prose flag of each line, computed once. */
    final int[] words;
    final boolean[] prose;
    /** Step ordinal of the boilerplate a line is, or TEXT / SPLIT_SEPARATOR. */
    final int[] kind;

    LineTable(String text, Set<Step> steps) {
        steps.forEach(step -> stepOn[step.ordinal()] = true);
        this.raw = text.split("\n", -1);
        int n = raw.length;
        this.stripped = new String[n];
        this.blank = new boolean[n];
        this.kind = new int[n];
        this.words = new int[n];
        this.prose = new boolean[n];
        for (int i = 0; i < n; i++) {
            stripped[i] = raw[i].strip();
            blank[i] = stripped[i].isEmpty();
            words[i] = LineShapes.words(stripped[i]);
            prose[i] = LineShapes.isProse(stripped[i], words[i]);
            kind[i] = blank[i] ? TEXT : classify(stripped[i], words[i]);
        }
    }

    /** The number of lines. */
    int size() {
        return raw.length;
    }

    /** Whether {@code step} is switched on. */
    boolean on(Step step) {
        return stepOn[step.ordinal()];
    }

    /** The boilerplate step a line belongs to (among the steps switched on), or TEXT. */
    private int classify(String s, int w) {
        if (w > 80) {
            return TEXT; // longer than any boilerplate line the steps know
        }
        if (on(Step.COPYRIGHT) && Boilerplate.isCopyright(s, w)) {
            return Step.COPYRIGHT.ordinal();
        }
        if (on(Step.SHARE_FOLLOW) && Boilerplate.isShareFollow(s, w)) {
            return Step.SHARE_FOLLOW.ordinal();
        }
        if (on(Step.PHOTO_CAPTION) && Boilerplate.isPhotoCaption(s, w)) {
            return Step.PHOTO_CAPTION.ordinal();
        }
        if (on(Step.RELATED_LINKS) && Boilerplate.isRelatedLink(s, w)) {
            return Step.RELATED_LINKS.ordinal();
        }
        if (on(Step.READ_MORE) && Boilerplate.isReadMore(s, w)) {
            return Step.READ_MORE.ordinal();
        }
        if (on(Step.CLICK_HERE) && Boilerplate.isClickHere(s, w)) {
            return Step.CLICK_HERE.ordinal();
        }
        if (on(Step.SIGN_OFF) && Boilerplate.isSignOff(s, w)) {
            return Step.SIGN_OFF.ordinal();
        }
        if (on(Step.ADVERTISEMENT) && Boilerplate.isAdvertisement(s)) {
            return Step.ADVERTISEMENT.ordinal();
        }
        return TEXT;
    }

    /** Whether line {@code i} is a non-blank line of article text. */
    boolean isText(int i) {
        return !blank[i] && kind[i] == TEXT;
    }

    /** After a {@code More On This...} line: the headlines of its paragraph, or of the next paragraph if it is all headlines. */
    void markRelatedLists() {
        int n = raw.length;
        for (int i = 0; i < n; i++) {
            if (blank[i] || !Boilerplate.isListMarker(stripped[i])) {
                continue;
            }
            int j = i + 1;
            if (j < n && !blank[j]) {
                while (j < n && !blank[j] && isListEntry(j)) {
                    kind[j++] = Step.RELATED_LINKS.ordinal();
                }
                continue;
            }
            while (j < n && blank[j]) {
                j++;
            }
            int end = j;
            while (end < n && !blank[end] && isListEntry(end)) {
                end++;
            }
            boolean wholeParagraph = end > j && (end == n || blank[end]) && end - j <= 12;
            if (wholeParagraph) {
                for (int k = j; k < end; k++) {
                    kind[k] = Step.RELATED_LINKS.ordinal();
                }
            }
        }
    }

    private boolean isListEntry(int i) {
        return (kind[i] == TEXT || kind[i] == Step.RELATED_LINKS.ordinal())
                && (Boilerplate.isBullet(stripped[i]) || LineShapes.isHeadlineLike(stripped[i]));
    }

    /** The last non-blank line before line {@code i}, or -1. */
    int previousNonBlank(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!blank[j]) {
                return j;
            }
        }
        return -1;
    }

    /** The first non-blank line after line {@code i}, or -1. */
    int nextNonBlank(int i) {
        for (int j = i + 1; j < raw.length; j++) {
            if (!blank[j]) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Line {@code i} now reads {@code s} (what is left of a header line once its date parts are
     * taken out); its word count and prose flag follow, so later steps see the line as it reads.
     */
    void replace(int i, String s) {
        stripped[i] = s;
        raw[i] = s;
        words[i] = LineShapes.words(s);
        prose[i] = LineShapes.isProse(s, words[i]);
    }

    /** LineShapes {@code from} to {@code to} (exclusive) as the text has them, stripped at both ends. */
    String join(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append('\n');
            }
            sb.append(raw[i]);
        }
        return sb.toString().strip();
    }
}

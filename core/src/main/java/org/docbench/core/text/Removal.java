package org.docbench.core.text;

import java.util.Objects;

/**
 * One change a normalization step made, for {@code --explain}: the text it took out and what it
 * put in its place (empty when it only removed, e.g. a boilerplate line; the field name when it
 * moved the text into a field, e.g. {@code "byline"}).
 *
 * @param step        the step that made the change
 * @param removed     the text taken out, as it was at that point of normalization
 * @param replacement what replaced it, or empty
 */
public record Removal(Step step, String removed, String replacement) {

    public Removal {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(replacement, "replacement");
    }

    /**
     * The change on one line, every char of it visible: a line break, carriage return, tab or
     * backslash is written as in Java source ({@code \n}, {@code \r}, {@code \t}, two backslashes),
     * any other space but the plain one and any invisible char by its code, like {@code \\u00A0}:
     * a no-break space replaced by a space would read {@code " " -> " "}, and a glued item's
     * paragraphs would break the list of changes.
     */
    @Override
    public String toString() {
        return step + ": \"" + visible(removed) + "\"" + (replacement.isEmpty() ? "" : " -> \"" + visible(replacement) + "\"");
    }

    private static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    int type = Character.getType(c);
                    boolean unseen = c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c)
                            || type == Character.CONTROL || type == Character.FORMAT);
                    if (unseen) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}

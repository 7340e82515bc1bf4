package org.docbench.classifiers.cli;

import java.util.Locale;

/**
 * How {@code classify --json} spells a record: Jackson's text, but for a surrogate that is not half
 * of a pair (an id read from a JSON record may hold one, as JSON's escape allows), which Jackson
 * copies as it is and UTF-8 output then prints as {@code ?}, so two ids could print alike. It is
 * written as JSON's escape instead (a backslash, {@code u} and four hex digits), which a JSON
 * reader turns back into the same char.
 *
 * <table>
 * <caption>Examples</caption>
 * <tr><th>id</th><th>printed</th></tr>
 * <tr><td>U+D800, then {@code x}</td><td>{@code {"id":"}, a backslash, {@code ud800x"}}</td></tr>
 * <tr><td>an emoji, a pair of surrogates</td><td>as it is, in UTF-8, as every other char</td></tr>
 * </table>
 */
final class JsonCells {
    private JsonCells() {
    }

    /**
     * {@code json}, a JSON text, with each lone surrogate escaped. Only a string holds chars past
     * ASCII, so each is inside one, where the escape means the same char.
     */
    static String line(String json) {
        for (int i = 0; i < json.length(); i++) {
            if (Character.isSurrogate(json.charAt(i)) && !TsvCells.paired(json, i)) {
                return escaped(json, i);
            }
        }
        return json;
    }

    private static String escaped(String json, int first) {
        StringBuilder b = new StringBuilder(json.length() + 10).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isSurrogate(c) && !TsvCells.paired(json, i)) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

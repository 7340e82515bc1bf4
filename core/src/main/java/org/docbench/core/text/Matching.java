package org.docbench.core.text;

import java.util.regex.Pattern;

/**
 * Pattern tests made cheap for long scraped lines, shared by the line recognizers of
 * {@link LineShapes} and {@link Boilerplate}. A recognizer first checks a prefix or a substring, which
 * costs next to nothing, and only then runs its regular expression; and it anchors the expression
 * at the start of the line where it can, since a {@code find} over a paragraph-long line is what
 * makes normalizing a large corpus slow.
 */
final class Matching {

    private Matching() {
    }

    /** Case-insensitive for any script, not ASCII only: scraped text holds accented capitals. */
    static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Whether {@code s} starts with one of {@code prefixes} (lower case), ignoring case: a cheap test before a regular expression. */
    static boolean startsWithAny(String s, String[] prefixes) {
        for (String p : prefixes) {
            if (s.regionMatches(true, 0, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean find(Pattern p, String s) {
        return p.matcher(s).find();
    }

    /** Matches {@code p} at the start of {@code s} only: much cheaper than {@code find} on a long line. */
    static boolean at(Pattern p, String s) {
        return p.matcher(s).lookingAt();
    }

    /** Whether {@code s} holds {@code lower} (lower-case ASCII), ignoring case; no allocation. */
    static boolean containsIgnoreCase(String s, String lower) {
        int m = lower.length();
        char first = lower.charAt(0);
        char upper = Character.toUpperCase(first);
        for (int i = s.indexOf(first); i >= 0; i = s.indexOf(first, i + 1)) {
            if (s.regionMatches(true, i, lower, 0, m)) {
                return true;
            }
        }
        for (int i = s.indexOf(upper); i >= 0; i = s.indexOf(upper, i + 1)) {
            if (s.regionMatches(true, i, lower, 0, m)) {
                return true;
            }
        }
        return false;
    }
}

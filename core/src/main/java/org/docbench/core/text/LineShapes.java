package org.docbench.core.text;

import static org.docbench.core.text.Matching.CI;
import static org.docbench.core.text.Matching.at;
import static org.docbench.core.text.Matching.find;
import static org.docbench.core.text.Matching.startsWithAny;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What shape a single line has: its word count, and whether it is prose, a headline, a date or
 * byline line, a kicker, a separator, a paragraph opening with a dateline, a line cut off
 * mid-way, a stray fragment. The line steps read these shapes to find the header and its fields,
 * the seams between glued items and the ends of paragraphs; {@link Boilerplate} says which lines
 * to drop. Each takes a line with its surrounding whitespace stripped.
 */
final class LineShapes {

    private LineShapes() {
    }

    /** Words: whitespace-separated pieces holding a letter or digit. */
    static int words(String s) {
        int n = 0;
        boolean counted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(c)) {
                n++;
                counted = true;
            }
        }
        return n;
    }

    /** Whether {@code s} has at most {@code max} words; stops counting past {@code max}, so long lines cost little. */
    static boolean atMostWords(String s, int max) {
        int n = 0;
        boolean counted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || Character.isWhitespace(c)) {
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(c)) {
                if (++n > max) {
                    return false;
                }
                counted = true;
            }
        }
        return true;
    }

    // ---- dates and bylines -----------------------------------------------------------------

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?";
    // Atomic groups and possessive separators keep matching linear on long digit-and-dash lines.
    private static final String DATE_WORD = "(?>" + MONTH + "|" + WEEKDAY
            + "|\\d{1,4}+(?:[:/.-]\\d{1,4}+)*+(?:st|nd|rd|th)?|[ap]\\.?m\\.?|[ecmp][sd]?t|utc|gmt|updated|posted|published|at|on)";
    private static final Pattern DATE_LINE = Pattern.compile(
            "^(?:(?:first |last )?(?:posted|published|updated|recorded)(?: on)?\\s*:?\\s*)?"
            + DATE_WORD + "(?:[\\s,|:–—-]++" + DATE_WORD + ")*+[\\s,.]*$", CI);
    private static final Pattern HAS_DATE = Pattern.compile(
            "\\b" + MONTH + "\\s*\\d|\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b", CI);

    private static final Pattern RELATIVE_DATE = Pattern.compile(
            "^(?:updated |posted )?\\d{1,3} (?:minutes?|hours?|days?|weeks?|months?|years?) ago$", CI);

    /** A line that is only a date or timestamp: {@code 2012-05-03 16:32:24}, {@code Updated June 22, 2025 7:48 a.m.}. */
    static boolean isDateLine(String s) {
        if (s.isEmpty() || s.length() > 120 || !atMostWords(s, 14)) {
            return false;
        }
        return find(HAS_DATE, s) && DATE_LINE.matcher(s).matches() || RELATIVE_DATE.matcher(s).matches();
    }

    private static final String[] BYLINE_STARTS = {"by ", "posted", "written", "story by", "words by", "distributed"};

    private static final Pattern BYLINE = Pattern.compile(
            "^(?i:by|posted by|written by|story by|words by|distributed (?:by|via)|posted .{1,40}? by)\\s+(?:(?i:the)\\s+)?\\p{Lu}");

    /** {@code By NAME ...}, {@code Posted by NAME}, {@code Posted Jan. 21, 2026 by NAME}. */
    static boolean isByline(String s) {
        return startsWithAny(s, BYLINE_STARTS) && atMostWords(s, 16) && at(BYLINE, s);
    }

    /** Splits a byline into its parts: {@code By X | Outlet | date}, {@code Outlet -- date}. */
    static String[] bylineParts(String s) {
        return s.split("\\s+(?:\\||--|—|–|•|·)\\s+");
    }

    // ---- shapes ----------------------------------------------------------------------------

    /**
     * A sentence of article text: eight or more words ending like a sentence, or 25 words or more
     * (a paragraph, even one cut off mid-way).
     */
    static boolean isProse(String s) {
        return !atMostWords(s, 24) || !atMostWords(s, 7) && endsLikeSentence(s);
    }

    static boolean isProse(String s, int words) {
        return words >= 25 || words >= 8 && endsLikeSentence(s);
    }

    /** Ends in {@code . ! ? …}, maybe inside closing quotes or brackets. */
    static boolean endsLikeSentence(String s) {
        int end = s.length() - 1;
        while (end > 0 && "\"')]".indexOf(s.charAt(end)) >= 0) {
            end--;
        }
        return end >= 0 && ".!?…".indexOf(s.charAt(end)) >= 0;
    }

    private static final Pattern SPEAKER = Pattern.compile("^\\p{Lu}[\\p{Lu} .'-]*:");

    /** Short, starts like a headline and does not end like a sentence or a label. */
    static boolean isHeadlineLike(String s) {
        int words = words(s);
        if (words < 2 || words > 20) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '\'')) {
            return false;
        }
        return ".,;:".indexOf(s.charAt(s.length() - 1)) < 0 && !(s.indexOf(':') > 0 && at(SPEAKER, s));
    }

    /** A line cut off mid-way, ending in an ellipsis. */
    static boolean isCutOff(String s) {
        return s.endsWith("...") || s.endsWith("…");
    }

    private static final Pattern SEPARATOR = Pattern.compile("^(?:[-*_=~•·]\\s*){3,}$");

    /** {@code ----}, {@code * * *}, {@code ___}. */
    static boolean isSeparator(String s) {
        return at(SEPARATOR, s);
    }

    private static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{Lu}.'-]+(?: \\p{Lu}[\\p{Lu}.'-]+)*(?:, \\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)*)?"
            + "(?: \\([^)]{1,40}\\))? (?:-|--|—|–) \\S");

    /** A paragraph opening with a dateline: {@code LOYAL HILL - }, {@code WASHINGTON (Wire) -- }. */
    static boolean startsWithDateline(String s) {
        Matcher m = DATELINE.matcher(s);
        m.region(0, Math.min(s.length(), 80)); // a dateline is short; the bound keeps a huge line cheap
        return m.lookingAt();
    }

    // No CASE_INSENSITIVE here: with it, \p{Lu} would match lower-case letters too.
    private static final Pattern KICKER_SEGMENT = Pattern.compile("^[\\p{Lu}\\d&' ]+ \\| ");
    private static final Pattern RELEASE = Pattern.compile("^(?:for immediate release|press release|news release|press statement)\\b", CI);

    /** A label above a headline: {@code GUEST COLUMN}, {@code OPINION | ...}, a line ending in {@code :}. */
    static boolean isKicker(String s) {
        if (s.length() > 200) {
            return false;
        }
        if (at(KICKER_SEGMENT, s) || at(RELEASE, s) || s.endsWith(":")) {
            return true;
        }
        return words(s) <= 4 && s.chars().noneMatch(Character::isLowerCase);
    }

    private static final Pattern SITE_SUFFIX = Pattern.compile(
            "\\s+(?:-|--|–|—|\\||·)\\s+[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:com|org|net|gov|edu|co\\.uk|news)$", CI);

    /** Where a site suffix such as {@code " - NYTimes.com"} starts in a title, or -1. */
    static int siteSuffix(String title) {
        Matcher m = SITE_SUFFIX.matcher(title);
        return m.find() ? m.start() : -1;
    }

    private static final Pattern FRAGMENT = Pattern.compile("^\\p{Lu}\\p{L}*(?: \\p{Lu}\\p{L}*){0,2}$");

    /** One to three capitalized words, nothing else. */
    static boolean isFragment(String s) {
        return at(FRAGMENT, s);
    }
}

package org.docbench.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single line is: the recognizers the line steps use. Each takes a line with its
 * surrounding whitespace stripped. Boilerplate recognizers only accept lines up to a word limit,
 * so a long sentence of article text that happens to contain "copyright" or "photo" survives.
 *
 * <p>Why one file of over 400 lines: it is a flat list of small recognizers, one per kind of line,
 * that share the word limits and prefix helpers at its top; each is found by its name ({@code
 * isByline}, {@code isPhotoCaption}), and a split by theme would only scatter those helpers.
 */
final class Lines {

    private Lines() {
    }

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

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

    /** Whether {@code s} starts with one of {@code prefixes} (lower case), ignoring case: a cheap test before a regular expression. */
    static boolean startsWithAny(String s, String[] prefixes) {
        for (String p : prefixes) {
            if (s.regionMatches(true, 0, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    private static final String[] COPYRIGHT_STARTS = {"\u00A9", "copyright", "(c)", "this "};
    private static final String[] SHARE_STARTS = {"share", "follow", "like", "find", "subscribe", "sign up", "listen"};
    private static final String[] PHOTO_STARTS = {"(", "file", "photo", "foto", "image", "enlarge", "media"};
    private static final String[] LIST_STARTS = {"more", "related", "see", "also", "read", "you ", "recommended"};
    private static final String[] RELATED_STARTS = {"related", "see also", "also ", "trending", "most ", "more coverage"};
    private static final String[] CLICK_STARTS = {"click"};
    private static final String[] SIGN_OFF_STARTS = {"based on", "with ", "additional", "reporting", "writing", "editing"};
    private static final String[] AD_STARTS = {"ad", "sponsored", "continue", "story", "article"};
    private static final String[] BYLINE_STARTS = {"by ", "posted", "written", "story by", "words by", "distributed"};

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

    // ---- copyright -------------------------------------------------------------------------

    private static final Pattern COPYRIGHT = Pattern.compile(
            "©|\\(c\\)\\s*\\d{4}|copyright\\b.*(?:©|\\b\\d{4}\\b)"
            + "|this (?:material|article|story) may not be (?:published|reproduced|republished|redistributed)", CI);

    private static boolean hasAllRightsReserved(String s) {
        return (s.contains("ights") || s.contains("IGHTS")) && containsIgnoreCase(s, "all rights reserved");
    }

    /** {@code © 2017 X. All rights reserved.}, {@code Copyright 2009 X}, {@code (c) 2015 X}. */
    static boolean isCopyright(String s, int words) {
        return words <= 40 && (startsWithAny(s, COPYRIGHT_STARTS) && at(COPYRIGHT, s) || hasAllRightsReserved(s));
    }

    // ---- share / follow / subscribe --------------------------------------------------------

    private static final String NETWORKS = "(?:twitter|facebook|instagram|x|linkedin|youtube|tiktok|threads|bluesky|mastodon|whatsapp)";
    private static final Pattern SHARE_FOLLOW = Pattern.compile(
            "share (?:this|on|via|the story)\\b"
            + "|(?:follow|like|find) (?:us|me)\\b"
            + "|(?:follow|like) .{0,60}?\\b(?:on|at|via) " + NETWORKS + "\\b"
            + "|(?:follow|like) .{0,60}?\\b" + NETWORKS + "\\.com\\b"
            + "|subscribe (?:to|for|now|today|here)\\b"
            + "|sign up\\b"
            + "|listen to (?:this )?article\\b"
            + "|(?:\\S+ ){0,4}sign up\\b.*\\b(?:newsletters?|e-?mails?|alerts)\\b", CI);

    /** A piece of a {@code |}-separated bar of calls to action: {@code Comments (47) | Share | Subscribe}. */
    private static final Pattern ACTION = Pattern.compile(
            "^(?:comments?(?: \\(\\d+\\))?|\\d+ comments|share(?: this| on)?(?:\\s*:.*)?|subscribe\\b.*|donate|print|e-?mail"
            + "|click here\\b.*|follow us\\b.*|sign up\\b.*|" + NETWORKS + ")$", CI);
    private static final Pattern TRAILING_FOLLOW = Pattern.compile(
            "(?<=[.!?\"')\\]])\\s+(?:follow|like) (?:us|me)\\b[^!?]{0,100}$", CI);

    /** {@code Share this: Facebook Twitter}, {@code Follow us on twitter.com/x}, {@code Sign up for ... newsletter}. */
    static boolean isShareFollow(String s, int words) {
        if (words > 60) {
            return false;
        }
        if ((startsWithAny(s, SHARE_STARTS) || (s.contains("ign") || s.contains("IGN")) && containsIgnoreCase(s, "sign up")) && at(SHARE_FOLLOW, s)) {
            return true;
        }
        if (!s.contains(" | ")) {
            return false;
        }
        String[] parts = s.split("\\s+\\|\\s+");
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (!ACTION.matcher(part.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Where a trailing {@code Follow us on ...} sentence starts in {@code s}, or -1. */
    static int trailingFollow(String s) {
        if (!(s.contains("ollow ") || s.contains("ike ") || s.contains("OLLOW ") || s.contains("IKE "))) {
            return -1;
        }
        Matcher m = TRAILING_FOLLOW.matcher(s);
        return m.find() ? m.start() : -1;
    }

    // ---- photo credits and captions --------------------------------------------------------

    private static final Pattern PHOTO_START = Pattern.compile(
            "\\(?\\s*(?:file )?(?:photo|foto)s?\\s*:"
            + "|(?:file )?(?:photo(?:graph)?|foto)s? (?:by|courtesy|credit|illustration)\\b"
            + "|file photo\\b"
            + "|photos?$"
            + "|image (?:copyright|caption|source)\\b"
            + "|enlarge this image\\b"
            + "|media playback is unsupported\\b"
            + "|[\\p{L} .'-]{2,40}/(?:ap|afp|reuters|getty images|bloomberg)(?: photo)?$", CI);
    private static final Pattern PHOTO_CREDIT = Pattern.compile("\\(\\s*(?:\\p{L}+ )?(?:photo|foto)s?\\s*:[^)]*\\)", CI);
    private static final Pattern AGENCY_CREDIT = Pattern.compile(
            "\\(\\s*(?:ap|afp|reuters|getty images)(?: photo)?\\s*/[^)]*\\)", CI);
    private static final Pattern CREDIT_AT_END = Pattern.compile(
            "\\([\\p{L}.' -]{2,40}/[\\p{L}.' -]{2,40}\\)$|\\. [\\p{L} .'-]{2,40}/(?:ap|afp|reuters|getty images|bloomberg)(?: photo)?$", CI);
    private static final Pattern CAPTION_WORDS = Pattern.compile(
            "\\bimage \\d+ of \\d+\\b|\\b(?:toggle|hide|media) caption\\b", CI);

    /** {@code (Photo : Reuters)} in a caption line, {@code Photo: X}, {@code File photo ...}, {@code Image copyright X}. */
    static boolean isPhotoCaption(String s, int words) {
        if (words > 80) {
            return false;
        }
        if ((startsWithAny(s, PHOTO_STARTS) || s.indexOf('/') >= 0) && at(PHOTO_START, s)) {
            return true;
        }
        if ((s.contains("oto") || s.contains("OTO")) && find(PHOTO_CREDIT, s)) {
            return true;
        }
        if (s.indexOf('/') >= 0) {
            if (s.indexOf('(') >= 0 && find(AGENCY_CREDIT, s)) {
                return true;
            }
            Matcher m = CREDIT_AT_END.matcher(s);
            m.region(Math.max(0, s.length() - 100), s.length());
            if (m.find()) {
                return true;
            }
        }
        return (s.contains("aption") || s.contains("APTION") || s.contains("mage ") || s.contains("MAGE ")) && find(CAPTION_WORDS, s);
    }

    // ---- related links ---------------------------------------------------------------------

    private static final Pattern LIST_MARKER = Pattern.compile(
            "(?:more on this|related(?: (?:stories|articles|coverage|content|news|links|reading))?|see also|also read"
            + "|read more|more stories|you may also like|recommended(?: for you)?)\\s*(?::|\\.\\.\\.|…)?$", CI);
    private static final Pattern RELATED_LINK = Pattern.compile(
            "(?:related(?: coverage| stories| articles| content| links| reading)?|see also|also read|also trending|trending"
            + "|most read|most popular|more coverage)\\s*:\\s*\\S", CI);

    /** A line that announces a list of related headlines: {@code More On This...}, {@code Related:}, {@code Read more:}. */
    static boolean isListMarker(String s) {
        return s.length() <= 40 && startsWithAny(s, LIST_STARTS) && LIST_MARKER.matcher(s).matches();
    }

    /** {@code More On This...} and friends, or a {@code Related: headline} line. */
    static boolean isRelatedLink(String s, int words) {
        return (isListMarker(s) && !s.regionMatches(true, 0, "read more", 0, 9))
                || (words <= 30 && startsWithAny(s, RELATED_STARTS) && at(RELATED_LINK, s));
    }

    /** A list item: {@code - headline}, {@code • headline}. */
    static boolean isBullet(String s) {
        return s.length() > 2 && "-•*·".indexOf(s.charAt(0)) >= 0 && Character.isWhitespace(s.charAt(1));
    }

    /** A headline in capitals standing alone, as related-article links in some sites' bodies. */
    static boolean isAllCapsHeadline(String s) {
        int words = words(s);
        if (words < 3 || words > 20 || !Character.isLetter(s.codePointAt(0))) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c) || c == ':') {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 10 && ".!?;,".indexOf(s.charAt(s.length() - 1)) < 0;
    }

    // ---- read more, click here -------------------------------------------------------------

    private static final Pattern READ_MORE = Pattern.compile(
            "read (?:more|the full (?:story|article|report|statement))(?: here)?\\s*[.:!]?$"
            + "|read more\\b.{0,60}\\bhere\\s*[.!]?$"
            + "|read more here[.!]\\s.{0,80}$"
            + "|read (?:more|also|next)(?: here)?\\s*:\\s*\\S"
            + "|read or share this story\\b"
            + "|read more\\b.{0,80}\\bat\\s+\\S+\\.\\S+$"
            + "|[^.!?]{3,200}\\bread more\\s*[.!]?$", CI);
    private static final Pattern TRAILING_READ_MORE = Pattern.compile("(?<=[.!?\"')\\]])\\s+read more(?: here)?\\s*[.!]?$", CI);

    /** {@code Read more here.}, {@code Read more: headline}, {@code Read or Share this story: URL}. */
    static boolean isReadMore(String s, int words) {
        return words <= 30 && (s.contains("ead ") || s.contains("EAD ")) && at(READ_MORE, s);
    }

    /** Where a trailing {@code Read more here.} sentence starts in {@code s}, or -1. */
    static int trailingReadMore(String s) {
        if (!(s.contains("ore") || s.contains("ORE")) || !containsIgnoreCase(s, "read more")) {
            return -1;
        }
        Matcher m = TRAILING_READ_MORE.matcher(s);
        return m.find() ? m.start() : -1;
    }

    private static final Pattern CLICK_HERE = Pattern.compile("click (?:here|to)\\b", CI);
    private static final Pattern TRAILING_CLICK_HERE = Pattern.compile("(?<=[.!?\"')\\]])\\s+click here\\b[^.!?]{0,120}[.!?]?$", CI);

    /** {@code Click here to ...}. */
    static boolean isClickHere(String s, int words) {
        return words <= 30 && startsWithAny(s, CLICK_STARTS) && at(CLICK_HERE, s);
    }

    /** Where a trailing {@code Click here to ...} sentence starts in {@code s}, or -1. */
    static int trailingClickHere(String s) {
        if (!(s.contains("lick") || s.contains("LICK")) || !containsIgnoreCase(s, "click here")) {
            return -1;
        }
        Matcher m = TRAILING_CLICK_HERE.matcher(s);
        return m.find() ? m.start() : -1;
    }

    // ---- sign-offs and ads -----------------------------------------------------------------

    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?:based on|with|additional) reporting (?:by|from)\\b|(?:reporting|writing|editing) by\\b", CI);
    private static final Pattern CONTRIBUTED = Pattern.compile("\\bcontributed (?:to )?(?:this|the) (?:report|story|article)\\b", CI);

    /** {@code Based on reporting by The Associated Press.}, {@code X contributed to this report.} */
    static boolean isSignOff(String s, int words) {
        return words <= 40 && (startsWithAny(s, SIGN_OFF_STARTS) && at(SIGN_OFF, s)
                || (s.contains("ntribut") || s.contains("NTRIBUT")) && find(CONTRIBUTED, s));
    }

    private static final Pattern ADVERTISEMENT = Pattern.compile(
            "(?:advertisement|advertisment|sponsored content|ad)\\s*:?"
            + "|(?:advertisement\\s+)?continue reading (?:the main story|below)"
            + "|(?:story|article) continues below(?: advertisement)?", CI);

    /** {@code Advertisement}, {@code Continue reading the main story}. */
    static boolean isAdvertisement(String s) {
        return s.length() <= 80 && startsWithAny(s, AD_STARTS) && ADVERTISEMENT.matcher(s).matches();
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

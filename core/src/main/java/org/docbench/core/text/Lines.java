package org.docbench.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single line is: the recognizers the line steps use. Each takes a line with its
 * surrounding whitespace stripped. Boilerplate recognizers only accept lines up to a word limit,
 * so a long sentence of article text that happens to contain "copyright" or "photo" survives.
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

    static boolean find(Pattern p, String s) {
        return p.matcher(s).find();
    }

    // ---- copyright -------------------------------------------------------------------------

    private static final Pattern COPYRIGHT = Pattern.compile(
            "^(?:©|\\(c\\)\\s*\\d{4}|copyright\\b.*(?:©|\\b\\d{4}\\b))|\\ball rights reserved\\b"
            + "|^this (?:material|article|story) may not be (?:published|reproduced|republished|redistributed)", CI);

    /** {@code © 2017 X. All rights reserved.}, {@code Copyright 2009 X}, {@code (c) 2015 X}. */
    static boolean isCopyright(String s) {
        return words(s) <= 40 && find(COPYRIGHT, s);
    }

    // ---- share / follow / subscribe --------------------------------------------------------

    private static final String NETWORKS = "(?:twitter|facebook|instagram|x|linkedin|youtube|tiktok|threads|bluesky|mastodon|whatsapp)";
    private static final Pattern SHARE_FOLLOW = Pattern.compile(
            "^share (?:this|on|via|the story)\\b"
            + "|^(?:follow|like|find) (?:us|me)\\b"
            + "|^(?:follow|like) .{0,60}?\\b(?:on|at|via) " + NETWORKS + "\\b"
            + "|^(?:follow|like) .{0,60}?\\b" + NETWORKS + "\\.com\\b"
            + "|^subscribe (?:to|for|now|today|here)\\b"
            + "|^sign up\\b"
            + "|^listen to (?:this )?article\\b"
            + "|^(?:\\S+ ){0,4}sign up\\b.*\\b(?:newsletters?|e-?mails?|alerts)\\b", CI);

    /** A piece of a {@code |}-separated bar of calls to action: {@code Comments (47) | Share | Subscribe}. */
    private static final Pattern ACTION = Pattern.compile(
            "^(?:comments?(?: \\(\\d+\\))?|\\d+ comments|share(?: this| on)?(?:\\s*:.*)?|subscribe\\b.*|donate|print|e-?mail"
            + "|click here\\b.*|follow us\\b.*|sign up\\b.*|" + NETWORKS + ")$", CI);
    private static final Pattern TRAILING_FOLLOW = Pattern.compile(
            "(?<=[.!?\"')\\]])\\s+(?:follow|like) (?:us|me)\\b[^!?]{0,100}$", CI);

    /** {@code Share this: Facebook Twitter}, {@code Follow us on twitter.com/x}, {@code Sign up for ... newsletter}. */
    static boolean isShareFollow(String s) {
        if (words(s) > 60) {
            return false;
        }
        if (find(SHARE_FOLLOW, s)) {
            return true;
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
        Matcher m = TRAILING_FOLLOW.matcher(s);
        return m.find() ? m.start() : -1;
    }

    // ---- photo credits and captions --------------------------------------------------------

    private static final Pattern PHOTO = Pattern.compile(
            "\\(\\s*(?:\\p{L}+ )?(?:photo|foto)s?\\s*:[^)]*\\)"
            + "|^\\(?\\s*(?:file )?(?:photo|foto)s?\\s*:"
            + "|^(?:file )?(?:photo(?:graph)?|foto)s? (?:by|courtesy|credit|illustration)\\b"
            + "|^file photo\\b"
            + "|^photos?$"
            + "|\\(\\s*(?:ap|afp|reuters|getty images)(?: photo)?\\s*/[^)]*\\)"
            + "|\\([\\p{L}.' -]{2,40}/[\\p{L}.' -]{2,40}\\)$"
            + "|^image (?:copyright|caption|source)\\b"
            + "|\\bimage \\d+ of \\d+\\b"
            + "|^enlarge this image\\b"
            + "|\\b(?:toggle|hide) caption\\b"
            + "|^media playback is unsupported\\b|\\bmedia caption\\b"
            + "|(?:^|\\. )[\\p{L} .'-]{2,40}/(?:ap|afp|reuters|getty images|bloomberg)(?: photo)?$", CI);

    /** {@code (Photo : Reuters)} in a caption line, {@code Photo: X}, {@code File photo ...}, {@code Image copyright X}. */
    static boolean isPhotoCaption(String s) {
        return words(s) <= 80 && find(PHOTO, s);
    }

    // ---- related links ---------------------------------------------------------------------

    private static final Pattern LIST_MARKER = Pattern.compile(
            "^(?:more on this|related(?: (?:stories|articles|coverage|content|news|links|reading))?|see also|also read"
            + "|read more|more stories|you may also like|recommended(?: for you)?)\\s*(?::|\\.\\.\\.|…)?$", CI);
    private static final Pattern RELATED_LINK = Pattern.compile(
            "^(?:related(?: coverage| stories| articles| content| links| reading)?|see also|also read|also trending|trending"
            + "|most read|most popular|more coverage)\\s*:\\s*\\S", CI);

    /** A line that announces a list of related headlines: {@code More On This...}, {@code Related:}, {@code Read more:}. */
    static boolean isListMarker(String s) {
        return find(LIST_MARKER, s);
    }

    /** {@code More On This...} and friends, or a {@code Related: headline} line. */
    static boolean isRelatedLink(String s) {
        return (isListMarker(s) && !s.regionMatches(true, 0, "read more", 0, 9))
                || (words(s) <= 30 && find(RELATED_LINK, s));
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
            "^read (?:more|the full (?:story|article|report|statement))(?: here)?\\s*[.:!]?$"
            + "|^read more\\b.{0,60}\\bhere\\s*[.!]?$"
            + "|^read more here[.!]\\s.{0,80}$"
            + "|^read (?:more|also|next)(?: here)?\\s*:\\s*\\S"
            + "|^read or share this story\\b"
            + "|^read more\\b.{0,80}\\bat\\s+\\S+\\.\\S+$"
            + "|^[^.!?]{3,200}\\bread more\\s*[.!]?$", CI);
    private static final Pattern TRAILING_READ_MORE = Pattern.compile("(?<=[.!?\"')\\]])\\s+read more(?: here)?\\s*[.!]?$", CI);

    /** {@code Read more here.}, {@code Read more: headline}, {@code Read or Share this story: URL}. */
    static boolean isReadMore(String s) {
        return words(s) <= 30 && find(READ_MORE, s);
    }

    /** Where a trailing {@code Read more here.} sentence starts in {@code s}, or -1. */
    static int trailingReadMore(String s) {
        Matcher m = TRAILING_READ_MORE.matcher(s);
        return m.find() ? m.start() : -1;
    }

    private static final Pattern CLICK_HERE = Pattern.compile("^click (?:here|to)\\b", CI);
    private static final Pattern TRAILING_CLICK_HERE = Pattern.compile("(?<=[.!?\"')\\]])\\s+click here\\b[^.!?]{0,120}[.!?]?$", CI);

    /** {@code Click here to ...}. */
    static boolean isClickHere(String s) {
        return words(s) <= 30 && find(CLICK_HERE, s);
    }

    /** Where a trailing {@code Click here to ...} sentence starts in {@code s}, or -1. */
    static int trailingClickHere(String s) {
        Matcher m = TRAILING_CLICK_HERE.matcher(s);
        return m.find() ? m.start() : -1;
    }

    // ---- sign-offs and ads -----------------------------------------------------------------

    private static final Pattern SIGN_OFF = Pattern.compile(
            "^(?:based on|with|additional) reporting (?:by|from)\\b"
            + "|^(?:reporting|writing|editing) by\\b"
            + "|\\bcontributed (?:to )?(?:this|the) (?:report|story|article)\\b", CI);

    /** {@code Based on reporting by The Associated Press.}, {@code X contributed to this report.} */
    static boolean isSignOff(String s) {
        return words(s) <= 40 && find(SIGN_OFF, s);
    }

    private static final Pattern ADVERTISEMENT = Pattern.compile(
            "^(?:advertisement|advertisment|sponsored content|ad)\\s*:?$"
            + "|^(?:advertisement\\s+)?continue reading (?:the main story|below)$"
            + "|^(?:story|article) continues below(?: advertisement)?$", CI);

    /** {@code Advertisement}, {@code Continue reading the main story}. */
    static boolean isAdvertisement(String s) {
        return words(s) <= 8 && find(ADVERTISEMENT, s);
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
        if (s.isEmpty() || s.length() > 120 || words(s) > 14) {
            return false;
        }
        return find(HAS_DATE, s) && DATE_LINE.matcher(s).matches() || RELATIVE_DATE.matcher(s).matches();
    }

    private static final Pattern BYLINE = Pattern.compile(
            "^(?i:by|posted by|written by|story by|words by|distributed (?:by|via)|posted .{1,40}? by)\\s+(?:(?i:the)\\s+)?\\p{Lu}");

    /** {@code By NAME ...}, {@code Posted by NAME}, {@code Posted Jan. 21, 2026 by NAME}. */
    static boolean isByline(String s) {
        return words(s) <= 16 && find(BYLINE, s);
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
        int words = words(s);
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
        return ".,;:".indexOf(s.charAt(s.length() - 1)) < 0 && !find(SPEAKER, s);
    }

    /** A line cut off mid-way, ending in an ellipsis. */
    static boolean isCutOff(String s) {
        return s.endsWith("...") || s.endsWith("…");
    }

    private static final Pattern SEPARATOR = Pattern.compile("^(?:[-*_=~•·]\\s*){3,}$");

    /** {@code ----}, {@code * * *}, {@code ___}. */
    static boolean isSeparator(String s) {
        return find(SEPARATOR, s);
    }

    private static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{Lu}.'-]+(?: \\p{Lu}[\\p{Lu}.'-]+)*(?:, \\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)*)?"
            + "(?: \\([^)]{1,40}\\))? (?:-|--|—|–) \\S");

    /** A paragraph opening with a dateline: {@code LOYAL HILL - }, {@code WASHINGTON (Wire) -- }. */
    static boolean startsWithDateline(String s) {
        return find(DATELINE, s);
    }

    // No CASE_INSENSITIVE here: with it, \p{Lu} would match lower-case letters too.
    private static final Pattern KICKER_SEGMENT = Pattern.compile("^[\\p{Lu}\\d&' ]+ \\| ");
    private static final Pattern RELEASE = Pattern.compile("^(?:for immediate release|press release|news release|press statement)\\b", CI);

    /** A label above a headline: {@code GUEST COLUMN}, {@code OPINION | ...}, a line ending in {@code :}. */
    static boolean isKicker(String s) {
        if (s.length() > 200) {
            return false;
        }
        if (find(KICKER_SEGMENT, s) || find(RELEASE, s) || s.endsWith(":")) {
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
        return find(FRAGMENT, s);
    }
}

package org.docbench.core.text;

import static org.docbench.core.text.LineShapes.words;
import static org.docbench.core.text.Matching.CI;
import static org.docbench.core.text.Matching.at;
import static org.docbench.core.text.Matching.containsIgnoreCase;
import static org.docbench.core.text.Matching.find;
import static org.docbench.core.text.Matching.startsWithAny;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a line is boilerplate a site wraps around a story, one recognizer per boilerplate
 * {@link Step} (copyright, share/follow, photo caption, related links, read more, click here,
 * sign-off, advertisement), and where such a sentence starts when it ends a paragraph of article
 * text instead of standing alone. Each takes a line with its surrounding whitespace stripped and,
 * where it needs one, the line's {@link LineShapes#words} count, which the caller counts once per line.
 * Every recognizer accepts lines up to a word limit only, so a long sentence of article text that
 * happens to contain "copyright" or "photo" survives.
 */
final class Boilerplate {

    private Boilerplate() {
    }

    private static final String[] COPYRIGHT_STARTS = {"\u00A9", "copyright", "(c)", "this "};
    private static final String[] SHARE_STARTS = {"share", "follow", "like", "find", "subscribe", "sign up", "listen"};
    private static final String[] PHOTO_STARTS = {"(", "file", "photo", "foto", "image", "enlarge", "media"};
    private static final String[] LIST_STARTS = {"more", "related", "see", "also", "read", "you ", "recommended"};
    private static final String[] RELATED_STARTS = {"related", "see also", "also ", "trending", "most ", "more coverage"};
    private static final String[] CLICK_STARTS = {"click"};
    private static final String[] SIGN_OFF_STARTS = {"based on", "with ", "additional", "reporting", "writing", "editing"};
    private static final String[] AD_STARTS = {"ad", "sponsored", "continue", "story", "article"};


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
}

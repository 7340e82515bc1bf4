package org.docbench.core.text;

/**
 * The steps of {@link Normalizer}, in the order they run. Each can be switched off alone
 * ({@code Normalizer.standard().without(Step.TITLE)}).
 *
 * <p>The first seven work on characters and never remove a word; the rest work on lines. Line
 * steps look at a line with its surrounding whitespace stripped, and most only match lines of a
 * bounded length, so that a real sentence which happens to start like boilerplate survives.
 */
public enum Step {

    /** Drops a byte-order mark (U+FEFF) at the start. */
    STRIP_BOM(true),
    /**
     * Unescapes HTML entities with Commons Text ({@code &amp;amp;} {@code &#8217;} {@code &quot;}),
     * repeated up to three times for double-escaped text ({@code &amp;nbsp;}). Runs before line
     * ends are unified, so an escaped carriage return is unified too.
     */
    HTML_ENTITIES(true),
    /** {@code \r\n}, {@code \r}, U+0085 and U+2028 become {@code \n}; U+2029 (paragraph separator) a blank line. */
    UNIFY_LINE_ENDS(true),
    /**
     * Curly quotes to {@code '} and {@code "}, guillemets to {@code "}, en dashes, minus and
     * Unicode hyphens to {@code -}, em dashes and the horizontal bar to {@code --}, {@code …} to
     * {@code ...}, and an acute accent or modifier letter used as an apostrophe to {@code '}.
     * Runs before NFKC, which would turn {@code ´} into a space and a combining accent.
     */
    ASCII_PUNCTUATION(true),
    /** Unicode NFKC: ligatures, full-width forms, compatibility spaces and {@code …} become their plain forms. */
    UNICODE_NFKC(true),
    /**
     * Non-breaking and other odd spaces (any space separator, tab, form feed, vertical tab, C0/C1
     * controls) become one space; zero-width spaces, word joiners, soft hyphens and stray BOMs go;
     * runs of spaces shrink to one; lines are stripped. ZWNJ and ZWJ stay: scripts and emoji need them.
     */
    SPACES(true),
    /**
     * Rejoins a word hyphenated across a line break: {@code enforce-\nment} becomes
     * {@code enforcement}. When the next line starts with a capital or a digit the hyphen is real
     * and stays, only the break goes ({@code Border-\nPatrol} becomes {@code Border-Patrol},
     * {@code I-\n95} becomes {@code I-95}); likewise when the document spells the same pair with a
     * hyphen elsewhere ({@code well-\nknown} next to {@code well-known}). Never across a blank line.
     */
    REJOIN_HYPHENATION(true),

    /**
     * Splits items glued into one file. A new item starts at a headline-like line (four to twenty
     * words, no sentence ending) after at least 60 words of article text, with article text after
     * it, when a marker shows it: a separator line ({@code ----}, {@code * * *}) before it; a
     * paragraph cut off with {@code ...} before it; a dateline ({@code LOYAL HILL - }) opening
     * the paragraph after it; or a short tail (at most three paragraphs to the end) whose last line
     * is cut off mid-sentence, the way a scraper catches only the start of the next story.
     * Section headings and interview speaker names have none of these and stay. On a page with one
     * paragraph per line, a line that {@link #PARAGRAPHS} ends counts as a blank line, so a second
     * pass over the body splits where the first did.
     */
    SPLIT_GLUED(false),
    /**
     * Moves date and timestamp lines of the header (the lines before the first sentence of article
     * text) into {@link NormalizedDocument#date()}: {@code 2012-05-03 16:32:24},
     * {@code Updated June 22, 2025 7:48 a.m.}, and date parts of a byline
     * ({@code By X | First Posted: Dec 28, 2012 11:41 PM EST}). Several are joined with {@code " | "}.
     */
    DATE(false),
    /**
     * Moves byline lines of the header into {@link NormalizedDocument#byline()}: {@code By NAME},
     * {@code By NAME | Outlet}, {@code Posted by NAME}, and the short affiliation line right under
     * one ({@code Examiner Staff Writer}).
     */
    BYLINE(false),
    /**
     * Takes the first remaining header line as {@link NormalizedDocument#title()}, skipping
     * kickers ({@code GUEST COLUMN}, {@code OPINION |}, {@code FOR IMMEDIATE RELEASE}, lines ending
     * in {@code :}); drops a site suffix such as {@code " - NYTimes.com"} from it. Off, the
     * headline stays in the body.
     */
    TITLE(false),
    /** Drops copyright and rights lines: {@code © 2017 X. All rights reserved.}, {@code Copyright 2009 X}. */
    COPYRIGHT(false),
    /**
     * Drops share, follow, like, subscribe and newsletter sign-up lines:
     * {@code Share this: Facebook Twitter Email}, {@code Follow us on twitter.com/x},
     * {@code Like us at facebook.com/x}, {@code Sign up for Daily Newsletters}.
     */
    SHARE_FOLLOW(false),
    /**
     * Drops photo credit and caption lines: a line holding {@code (Photo: X)} or
     * {@code (AP Photo/X)}, or starting with {@code Photo:}, {@code File photo},
     * {@code Photo by}, {@code Image copyright}, {@code Enlarge this image}. Captions describe a
     * picture, not the story, and repeat a name the text already has.
     */
    PHOTO_CAPTION(false),
    /**
     * Drops related-article lists: a {@code More On This...} or {@code Related:} line and the
     * headlines right after it (same paragraph, or the next paragraph when it holds nothing but
     * headlines); a {@code Related: headline} line; and an all-capitals headline line standing
     * alone between two paragraphs of article text ({@code SELF-DEPORTATIONS SOAR AS ...}).
     */
    RELATED_LINKS(false),
    /**
     * Drops {@code Read more here.} (as a line or as the last sentence of a paragraph),
     * {@code Read more: headline} link lines and {@code Read or Share this story: URL}.
     */
    READ_MORE(false),
    /** Drops {@code Click here to ...} lines, and such a sentence at the end of a paragraph. */
    CLICK_HERE(false),
    /**
     * Drops site sign-offs that credit sources: {@code Based on reporting by The Associated Press.},
     * {@code With reporting by X.}, {@code X contributed to this report.} Decision: these are not
     * article text. They say nothing about topic or stance, and they are outlet-specific
     * boilerplate a classifier could use to recognize the outlet instead of reading the story
     * (outlet correlates with stance). An author's signature under an opinion piece
     * ({@code -- The Courier Editorial Board}) is article text and stays.
     */
    SIGN_OFF(false),
    /** Drops advertisement markers: {@code Advertisement}, {@code Continue reading the main story}. */
    ADVERTISEMENT(false),
    /**
     * Drops a stray fragment ending the document: a last paragraph of one to three capitalized
     * words with no punctuation or digits ({@code Proud Partners}), after article text.
     */
    TRAILING_FRAGMENT(false),
    /**
     * Ends a paragraph after a line that ends a sentence of eight words or more, when the next
     * line follows without a blank line: some sites print one paragraph per line.
     */
    PARAGRAPHS(false);

    private final boolean characterLevel;

    Step(boolean characterLevel) {
        this.characterLevel = characterLevel;
    }

    /** Whether this step works on characters (and so never removes a word). */
    public boolean isCharacterLevel() {
        return characterLevel;
    }
}

package org.docbench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each step alone ({@code Normalizer.none().with(step)}), table-driven: input, then the body it
 * gives; then the header steps with every field. Every row also runs with the step switched off,
 * where it must leave the input as it was (apart from the always-on trimming).
 */
class NormalizerStepTest {

    private static final String PROSE = "The county board voted on Tuesday to keep the jail agreement for two more years.";
    private static final String MORE = "Sheriff Ann Doyle said the deputies would finish their training before the end of March.";

    static Stream<Arguments> bodySteps() {
        return Stream.of(
                Arguments.of(Step.STRIP_BOM, "\uFEFFICE", "ICE"),
                Arguments.of(Step.STRIP_BOM, "ICE\uFEFF", "ICE\uFEFF"),
                Arguments.of(Step.HTML_ENTITIES, "ICE&#8217;s &quot;plan&quot; &amp; more", "ICE\u2019s \"plan\" & more"),
                Arguments.of(Step.HTML_ENTITIES, "a&amp;nbsp;b &amp;amp;amp; &#x2014; &mdash;", "a\u00A0b & \u2014 \u2014"),
                Arguments.of(Step.HTML_ENTITIES, "&unknownentity; &#99999999; AT&T & co", "&unknownentity; &#99999999; AT&T & co"),
                Arguments.of(Step.UNIFY_LINE_ENDS, "one\r\ntwo\rthree\u2028four\u0085five", "one\ntwo\nthree\nfour\nfive"),
                Arguments.of(Step.UNIFY_LINE_ENDS, "one\u2029two", "one\n\ntwo"),
                Arguments.of(Step.ASCII_PUNCTUATION, "\u201CDon\u2019t,\u201D she said \u2014 twice \u2013 1\u20132", "\"Don't,\" she said -- twice - 1-2"),
                Arguments.of(Step.ASCII_PUNCTUATION, "\u00ABnon\u00BB \u2018x\u2019 don\u00B4t wait\u2026", "\"non\" 'x' don't wait..."),
                Arguments.of(Step.UNICODE_NFKC, "\uFB01le \uFF29\uFF23\uFF25 \u2460 x\u00B2", "file ICE 1 x2"),
                Arguments.of(Step.UNICODE_NFKC, "cafe\u0301", "caf\u00E9"),
                Arguments.of(Step.SPACES, "a\u00A0b\u2009c\u3000d\te", "a b c d e"),
                Arguments.of(Step.SPACES, "  lead   and trail  \n  next\u00A0 ", "lead and trail\nnext"),
                Arguments.of(Step.SPACES, "in\u00ADvisible zero\u200Bwidth \u200Djoiner", "invisible zerowidth \u200Djoiner"),
                Arguments.of(Step.SPACES, "bell\u0007 and\u0000nul", "bell and nul"),
                Arguments.of(Step.REJOIN_HYPHENATION, "immigration enforce-\nment agencies", "immigration enforcement agencies"),
                Arguments.of(Step.REJOIN_HYPHENATION, "call Border-\nPatrol on I-\n95", "call Border-Patrol on I-95"),
                Arguments.of(Step.REJOIN_HYPHENATION, "a well-known fact, well-\nknown", "a well-known fact, well-known"),
                Arguments.of(Step.REJOIN_HYPHENATION, "ends with a dash -\nnext and em--\nnext", "ends with a dash -\nnext and em--\nnext"),
                Arguments.of(Step.REJOIN_HYPHENATION, "no join across a para-\n\ngraph", "no join across a para-\n\ngraph"),
                Arguments.of(Step.COPYRIGHT, PROSE + "\n\n\u00A9 2015 Example Post. All rights reserved.", PROSE),
                Arguments.of(Step.COPYRIGHT, PROSE + "\nCopyright 2009 Example Sheriff's Office. Reprinted with permission.", PROSE),
                Arguments.of(Step.COPYRIGHT, "Copyright law was not at issue in the case, the judge said.", "Copyright law was not at issue in the case, the judge said."),
                Arguments.of(Step.SHARE_FOLLOW, PROSE + "\n\nShare this: Facebook Twitter Email\nFollow us on twitter.com/example\nLike us at facebook.com/example", PROSE),
                Arguments.of(Step.SHARE_FOLLOW, PROSE + "\n\nComments (12) | Share | Subscribe", PROSE),
                Arguments.of(Step.SHARE_FOLLOW, PROSE + " Follow us on twitter.com/example", PROSE),
                Arguments.of(Step.SHARE_FOLLOW, "Follow the money, the auditor said, and you will find the problem.", "Follow the money, the auditor said, and you will find the problem."),
                Arguments.of(Step.PHOTO_CAPTION, "Deputies at the jail on Friday (Photo : Example Wire)\n\n" + PROSE, PROSE),
                Arguments.of(Step.PHOTO_CAPTION, "(Photo: Example Post/Jo Lee) The sheriff signs the agreement.\n\n" + PROSE, PROSE),
                Arguments.of(Step.PHOTO_CAPTION, PROSE + "\nFile photo courtesy of the county\nImage copyright AP", PROSE),
                Arguments.of(Step.PHOTO_CAPTION, "The photo showed deputies at the jail, a spokesman said on Monday.", "The photo showed deputies at the jail, a spokesman said on Monday."),
                Arguments.of(Step.RELATED_LINKS, PROSE + "\n\nMore On This...\n- Sheriffs react to the vote\n- What a detainer is\n\n" + MORE, PROSE + "\n\n" + MORE),
                Arguments.of(Step.RELATED_LINKS, PROSE + "\n\nMore On This...\n\nSheriffs react to the vote\nWhat a detainer is\n\n" + MORE, PROSE + "\n\n" + MORE),
                Arguments.of(Step.RELATED_LINKS, PROSE + "\n\nMore On This...\n\n" + MORE, PROSE + "\n\n" + MORE),
                Arguments.of(Step.RELATED_LINKS, PROSE + "\n\nRelated: Sheriffs react to the vote | What a detainer is", PROSE),
                Arguments.of(Step.RELATED_LINKS, PROSE + "\nSHERIFFS REACT AS THE BOARD VOTES AGAIN\n" + MORE, PROSE + "\n" + MORE),
                Arguments.of(Step.RELATED_LINKS, PROSE + "\n\nSHERIFFS REACT AS THE BOARD VOTES AGAIN\n" + MORE,
                        PROSE + "\n\nSHERIFFS REACT AS THE BOARD VOTES AGAIN\n" + MORE),
                Arguments.of(Step.READ_MORE, PROSE + " Read more here.", PROSE),
                Arguments.of(Step.READ_MORE, PROSE + "\n\nRead more: Sheriffs react to the vote\nRead or Share this story: https://example.com/x", PROSE),
                Arguments.of(Step.READ_MORE, "Read more about the program in the report, which runs to 40 pages and was released Monday.",
                        "Read more about the program in the report, which runs to 40 pages and was released Monday."),
                Arguments.of(Step.CLICK_HERE, PROSE + "\n\nClick here to subscribe to our newsletter.", PROSE),
                Arguments.of(Step.CLICK_HERE, PROSE + " Click here to read the full memo.", PROSE),
                Arguments.of(Step.SIGN_OFF, PROSE + "\n\nBased on reporting by The Associated Press.", PROSE),
                Arguments.of(Step.SIGN_OFF, PROSE + "\n\nJo Lee and Sam Park contributed to this report.\nReporting by Jo Lee; Editing by Sam Park", PROSE),
                Arguments.of(Step.SIGN_OFF, "Based on the reporting so far, the sheriff said, nothing has changed at the jail.",
                        "Based on the reporting so far, the sheriff said, nothing has changed at the jail."),
                Arguments.of(Step.ADVERTISEMENT, PROSE + "\n\nAdvertisement\n\n" + MORE + "\nContinue reading the main story", PROSE + "\n\n" + MORE),
                Arguments.of(Step.TRAILING_FRAGMENT, PROSE + "\n\nProud Partners", PROSE),
                Arguments.of(Step.TRAILING_FRAGMENT, PROSE + "\n\nWelcome back.", PROSE + "\n\nWelcome back."),
                Arguments.of(Step.TRAILING_FRAGMENT, "Proud Partners", "Proud Partners"),
                Arguments.of(Step.PARAGRAPHS, PROSE + "\n" + MORE + "\nshort line\nand its end", PROSE + "\n\n" + MORE + "\n\nshort line\nand its end"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("bodySteps")
    void stepAlone_givesTheExpectedBody(Step step, String raw, String body) {
        NormalizedDocument doc = Normalizer.none().with(step).normalize(raw);
        assertEquals(body, doc.body(), () -> step + " alone on \"" + raw + "\"");
    }

    @ParameterizedTest(name = "none, {0} row: {1}")
    @MethodSource("bodySteps")
    void noStepAtAll_leavesTheInputAsItWas_butTrimmed(Step step, String raw, String body) {
        NormalizedDocument none = Normalizer.none().normalize(raw);
        assertEquals(trimmed(raw), none.text(), () -> "no step at all on \"" + raw + "\"");
    }

    /** What {@code Normalizer.none()} promises: lines lose trailing whitespace, blank runs become one blank line, ends trimmed. */
    static String trimmed(String raw) {
        String joined = Arrays.stream(raw.split("\n", -1)).map(String::stripTrailing).collect(Collectors.joining("\n"));
        return joined.replaceAll("\n{3,}", "\n\n").strip();
    }

    static Stream<Arguments> headerSteps() {
        return Stream.of(
                // step, raw, title, byline, date, body
                Arguments.of(Step.DATE, "2012-05-03 16:32:24\n\n" + PROSE, "", "", "2012-05-03 16:32:24", PROSE),
                Arguments.of(Step.DATE, "Updated 6:41 p.m. ET, Dec. 22, 2012\n\n" + PROSE, "", "", "Updated 6:41 p.m. ET, Dec. 22, 2012", PROSE),
                Arguments.of(Step.DATE, "Example Post | March 20, 2017\n\n" + PROSE, "", "Example Post", "March 20, 2017", PROSE),
                Arguments.of(Step.DATE, "AROUND THE COUNTY | March 20, 2017\n\n" + PROSE, "", "", "March 20, 2017", "AROUND THE COUNTY\n\n" + PROSE),
                Arguments.of(Step.DATE, PROSE + "\n\nMarch 20, 2017", "", "", "", PROSE + "\n\nMarch 20, 2017"),
                Arguments.of(Step.BYLINE, "By Ann Lee\nExaminer Staff Writer\n\n" + PROSE, "", "By Ann Lee | Examiner Staff Writer", "", PROSE),
                Arguments.of(Step.BYLINE, "By the Rev. Ann Lee\n\n" + PROSE, "", "By the Rev. Ann Lee", "", PROSE),
                Arguments.of(Step.BYLINE, "By contrast, the county board did not vote on the plan.\n\n" + PROSE, "", "", "",
                        "By contrast, the county board did not vote on the plan.\n\n" + PROSE),
                Arguments.of(Step.BYLINE, PROSE + "\n\nBy Ann Lee, Tribune staff", "", "By Ann Lee, Tribune staff", "", PROSE),
                Arguments.of(Step.TITLE, "Board keeps jail deal\n\n" + PROSE, "Board keeps jail deal", "", "", PROSE),
                Arguments.of(Step.TITLE, "GUEST COLUMN\n\nBoard keeps jail deal\n\n" + PROSE, "Board keeps jail deal", "", "", "GUEST COLUMN\n\n" + PROSE),
                Arguments.of(Step.TITLE, "They said it was optional. It was not.\n\nBy Ann Lee\n\n" + PROSE,
                        "They said it was optional. It was not.", "By Ann Lee", "", PROSE),
                Arguments.of(Step.TITLE, "They said it was optional. It was not.\n\n" + PROSE, "", "", "",
                        "They said it was optional. It was not.\n\n" + PROSE),
                Arguments.of(Step.TITLE, "A Brighter Line on Jails - Example.com\n\n" + PROSE, "A Brighter Line on Jails", "", "", PROSE),
                Arguments.of(Step.TITLE, PROSE + "\n\n" + MORE, "", "", "", PROSE + "\n\n" + MORE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("headerSteps")
    void headerStep_fillsItsField(Step step, String raw, String title, String byline, String date, String body) {
        Normalizer n = Normalizer.none().with(Step.DATE, Step.BYLINE, Step.TITLE);
        NormalizedDocument doc = n.normalize(raw);
        NormalizedDocument expected = new NormalizedDocument(title, byline, date, body);
        assertEquals(expected, doc, () -> step + " on \"" + raw + "\"");
    }

    @ParameterizedTest(name = "without {0}: {1}")
    @MethodSource("headerSteps")
    void headerStepOff_leavesItsLineInTheBody(Step step, String raw, String title, String byline, String date, String body) {
        NormalizedDocument doc = Normalizer.none().with(Step.DATE, Step.BYLINE, Step.TITLE).without(step).normalize(raw);
        String field = switch (step) {
            case DATE -> doc.date();
            case BYLINE -> doc.byline();
            default -> doc.title();
        };
        assertEquals("", field, () -> step + " is off, yet filled from \"" + raw + "\"");
    }
}

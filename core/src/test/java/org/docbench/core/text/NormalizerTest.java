package org.docbench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.docbench.core.token.RandomText;
import org.junit.jupiter.api.Test;

/** The normalizer as a whole: configuration, edge cases, glued items, explanations, corpus-wide sanity. */
class NormalizerTest {

    private static final String PROSE = "The county board voted on Tuesday to keep the jail agreement for two more years.";
    private static final String MORE = "Sheriff Ann Doyle said the deputies would finish their training before the end of March.";
    private static final String LONG = (PROSE + " " + MORE + " ").repeat(3).strip();

    @Test
    void standard_hasEveryStep_andNoneHasNone() {
        assertEquals(EnumSet.allOf(Step.class), Normalizer.standard().steps());
        assertTrue(Normalizer.none().steps().isEmpty());
    }

    @Test
    void withAndWithout_returnNewInstances_andLeaveTheOriginalAlone() {
        Normalizer standard = Normalizer.standard();
        Normalizer noTitle = standard.without(Step.TITLE);
        assertFalse(noTitle.steps().contains(Step.TITLE));
        assertEquals(Step.values().length - 1, noTitle.steps().size());
        assertTrue(standard.steps().contains(Step.TITLE), "standard() unchanged");
        assertEquals(standard, noTitle.with(Step.TITLE));
        assertNotEquals(standard, noTitle);
        assertEquals(standard.hashCode(), noTitle.with(Step.TITLE).hashCode());
        assertThrows(UnsupportedOperationException.class, () -> standard.steps().remove(Step.TITLE));
    }

    @Test
    void characterStepsOnly_keepsExactlyTheCharacterSteps() {
        for (Step s : Normalizer.standard().characterStepsOnly().steps()) {
            assertTrue(s.isCharacterLevel(), s + " is not a character step");
        }
        assertEquals(7, Normalizer.standard().characterStepsOnly().steps().size());
    }

    @Test
    void normalize_emptyAndBlankInput_giveOneEmptyDocument() {
        NormalizedDocument empty = new NormalizedDocument("", "", "", "");
        assertEquals(empty, Normalizer.standard().normalize(""));
        assertEquals(empty, Normalizer.standard().normalize(" \n\t\r\n\u00A0\uFEFF\n"));
        assertEquals(List.of(empty), Normalizer.standard().normalizeAll(""));
        assertEquals("", empty.text());
    }

    @Test
    void normalize_boilerplateOnly_givesAnEmptyBody() {
        NormalizedDocument doc = Normalizer.standard().normalize("\u00A9 2015 Example Post. All rights reserved.\nShare this: Facebook Twitter");
        assertEquals("", doc.body(), () -> "body of a boilerplate-only text: " + doc);
    }

    @Test
    void normalize_null_isRejectedByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Normalizer.standard().normalize(null));
        assertTrue(e.getMessage().contains("raw"), e.getMessage());
    }

    @Test
    void text_isTitleBlankLineBody() {
        NormalizedDocument doc = Normalizer.standard().normalize("Board keeps jail deal\n\n" + PROSE);
        assertEquals("Board keeps jail deal\n\n" + PROSE, doc.text());
        assertEquals(PROSE, new NormalizedDocument("", "", "", PROSE).text());
    }

    @Test
    void normalizeAll_splitsAtASeparator_andNormalizeKeepsTheFirstItem() {
        String raw = "Board keeps jail deal\n\n" + LONG + "\n\n----\n\nBridge repair closes county road\n\n" + MORE + " " + PROSE;
        List<NormalizedDocument> docs = Normalizer.standard().normalizeAll(raw);
        assertEquals(2, docs.size(), () -> "items: " + docs);
        assertEquals("Board keeps jail deal", docs.get(0).title());
        assertEquals(LONG, docs.get(0).body());
        assertEquals("Bridge repair closes county road", docs.get(1).title());
        assertEquals(docs.get(0), Normalizer.standard().normalize(raw));
        assertEquals(1, Normalizer.standard().without(Step.SPLIT_GLUED).normalizeAll(raw).size());
    }

    @Test
    void normalizeAll_splitsAfterACutOffParagraph_andAtADateline() {
        String cutOff = LONG + " and then the reporter wrote that the...\n\nBridge repair closes county road\n\n" + MORE + " " + PROSE;
        assertEquals(2, Normalizer.standard().normalizeAll(cutOff).size(), "split after a paragraph ending in ...");
        String dateline = LONG + "\n\nBridge repair closes county road\n\nLOYAL HILL - " + MORE + " " + PROSE;
        assertEquals(2, Normalizer.standard().normalizeAll(dateline).size(), "split before a dateline paragraph");
    }

    @Test
    void normalize_shareLineBetweenASentenceHeadlineAndTheByline_givesTitleAndByline_andASecondPassChangesNothing() {
        String headline = "The board said the vote was final, and it was not.";
        String raw = headline + "\nShare this: Email | Facebook | Print\nBy Ann Lee\n\n" + LONG + "\n";
        NormalizedDocument once = Normalizer.standard().normalize(raw);
        NormalizedDocument twice = Normalizer.standard().normalize(once.text());
        assertEquals(headline, once.title(), () -> "title of\n" + raw + "\n-> " + once);
        assertEquals("By Ann Lee", once.byline(), () -> "byline of\n" + raw + "\n-> " + once);
        assertEquals(LONG, once.body(), () -> "body of\n" + raw + "\n-> " + once);
        assertEquals(once.text(), twice.text(), () -> "second pass over\n" + once.text() + "\n-> " + twice);
    }

    @Test
    void normalizeAll_gluedItemOnAPageWithSingleNewlineParagraphs_splitsOnTheFirstPass_andASecondPassChangesNothing() {
        String dateline = LONG + "\n" + MORE + "\nBridge repair closes county road\nLOYAL HILL - " + MORE + " " + PROSE + "\n";
        String cutOff = LONG + "\n" + MORE + " The vote ends a long...\nBridge repair closes county road\n" + MORE + " " + PROSE + "\n";
        for (String raw : List.of(dateline, cutOff)) {
            List<NormalizedDocument> docs = Normalizer.standard().normalizeAll(raw);
            assertEquals(2, docs.size(), () -> "items of\n" + raw + "\n-> " + docs);
            NormalizedDocument once = docs.get(0);
            NormalizedDocument twice = Normalizer.standard().normalize(once.text());
            assertFalse(once.body().contains("Bridge repair"), () -> "the glued item stayed in\n" + once.body());
            assertEquals(once.text(), twice.text(), () -> "second pass over\n" + once.text() + "\n-> " + twice);
        }
        String heading = LONG + "\nWhat the board decided next\n" + MORE + " " + PROSE + "\n" + LONG + "\n";
        assertEquals(1, Normalizer.standard().normalizeAll(heading).size(), "a section heading between single-newline paragraphs is not a new item");
    }

    @Test
    void normalizeAll_keepsSectionHeadingsAndSpeakerNames() {
        String heading = LONG + "\n\nWhat the board decided next\n\n" + MORE + " " + PROSE + "\n\n" + LONG;
        assertEquals(1, Normalizer.standard().normalizeAll(heading).size(), "a section heading is not a new item");
        String speaker = LONG + " you would ...\n\nBernie Sanders\n\n" + LONG;
        assertEquals(1, Normalizer.standard().normalizeAll(speaker).size(), "an interview speaker is not a new item");
        String question = LONG + "\n\nWho pays for the training?\n\n" + MORE + " The county pays for the rest of";
        assertEquals(1, Normalizer.standard().normalizeAll(question).size(), "a question heading is not a new item");
    }

    @Test
    void explain_namesTheStepOfEveryRemoval() {
        String raw = "By Ann Lee | First Posted: Dec 28, 2012 11:41 PM EST\n\nBoard keeps jail deal\n\n"
                + "ICE&#8217;s enforce-\nment plan. " + PROSE + " Read more here.\n\n\u00A9 2015 Example Post. All rights reserved.";
        Explanation e = Normalizer.standard().explain(raw);
        assertEquals(List.of(new Removal(Step.HTML_ENTITIES, "&#8217;", "\u2019")), e.by(Step.HTML_ENTITIES));
        assertEquals(List.of(new Removal(Step.ASCII_PUNCTUATION, "\u2019", "'")), e.by(Step.ASCII_PUNCTUATION));
        assertEquals(List.of(new Removal(Step.REJOIN_HYPHENATION, "enforce-\nment", "enforcement")), e.by(Step.REJOIN_HYPHENATION));
        assertEquals(List.of(new Removal(Step.DATE, "First Posted: Dec 28, 2012 11:41 PM EST", "date")), e.by(Step.DATE));
        assertEquals(List.of(new Removal(Step.BYLINE, "By Ann Lee", "byline")), e.by(Step.BYLINE));
        assertEquals(List.of(new Removal(Step.TITLE, "Board keeps jail deal", "title")), e.by(Step.TITLE));
        assertEquals(List.of(new Removal(Step.READ_MORE, "Read more here.", "")), e.by(Step.READ_MORE));
        assertEquals(List.of(new Removal(Step.COPYRIGHT, "\u00A9 2015 Example Post. All rights reserved.", "")), e.by(Step.COPYRIGHT));
        assertEquals("ICE's enforcement plan. " + PROSE, e.document().body());
        assertEquals(e.documents(), Normalizer.standard().normalizeAll(raw), "explain and normalizeAll agree");
        List<Step> order = e.removals().stream().map(Removal::step).toList();
        assertEquals(order.stream().sorted().toList(), order, "removals come in step order");
    }

    @Test
    void randomText_neverThrows_andLeavesNoCarriageReturnOrOddSpace() {
        long seed = RandomText.seed();
        List<String> texts = new java.util.ArrayList<>(RandomText.texts(seed, 2000, 80));
        for (int i = 0; i < 200; i++) { // lines, paragraphs and boilerplate-looking pieces between the noise
            texts.add(texts.get(i) + "\n\n" + PROSE + "\r\n" + texts.get(i + 1) + "\n\nMore On This...\n- " + texts.get(i + 2)
                    + "\n\n----\n" + texts.get(i + 3) + "\n\u00A9 2015 " + texts.get(i + 4));
        }
        for (String raw : texts) {
            List<NormalizedDocument> docs;
            try {
                docs = Normalizer.standard().explain(raw).documents();
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": normalizing \"" + RandomText.escape(raw) + "\" threw " + e, e);
            }
            for (NormalizedDocument doc : docs) {
                String all = doc.title() + doc.byline() + doc.date() + doc.body();
                assertFalse(all.contains("\r") || all.contains("\u00A0") || all.contains("\t"),
                        () -> "seed " + seed + ": odd whitespace left from \"" + RandomText.escape(raw) + "\": \"" + RandomText.escape(all) + "\"");
            }
        }
    }

    @Test
    void pathologicalInput_isNormalizedInBoundedTime() {
        String word = "a".repeat(500_000);
        String caps = "WORD ".repeat(100_000);
        StringBuilder glued = new StringBuilder(LONG).append("\n\n");
        for (int i = 0; i < 20_000; i++) {
            glued.append("Bridge repair closes county road\n\n").append(MORE).append(" ").append(PROSE).append("\n\n");
        }
        List<String> inputs = List.of(word + "-\nment " + word, LONG + "\n\nHeadline of a glued item here\n\n" + caps,
                "&amp;".repeat(200_000), "1-2-".repeat(100_000), glued.toString(), "\n".repeat(500_000) + PROSE);
        for (String raw : inputs) {
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> Normalizer.standard().normalizeAll(raw),
                    () -> "too slow on an input of " + raw.length() + " chars starting \"" + raw.substring(0, 40) + "\"");
        }
    }

    @Test
    void explanation_mustHoldADocument() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new Explanation(List.of(), List.of()));
        assertTrue(ex.getMessage().contains("got none"), ex.getMessage());
    }

    @Test
    void embeddedCorpus_everyDocumentNormalizes_withoutEntitiesOddSpacesOrCurlyQuotes_andASecondPassChangesNothing() {
        Map<String, String> docs = TestCorpora.embedded();
        for (Map.Entry<String, String> d : docs.entrySet()) {
            NormalizedDocument doc = Normalizer.standard().normalize(d.getValue());
            assertFalse(doc.body().isBlank(), () -> d.getKey() + " normalized to an empty body");
            assertFalse(doc.text().contains("&#") || doc.text().contains("&amp;") || doc.text().contains("\u00A0"),
                    () -> d.getKey() + " still holds an entity or a non-breaking space:\n" + doc.text());
            assertFalse(doc.text().contains("\u2019") || doc.text().contains("\u201C") || doc.text().contains("\r"),
                    () -> d.getKey() + " still holds curly quotes or carriage returns:\n" + doc.text());
            NormalizedDocument again = Normalizer.standard().normalize(doc.text());
            assertEquals(doc.text(), again.text(), () -> d.getKey() + ": a second pass changed the text");
        }
    }
}

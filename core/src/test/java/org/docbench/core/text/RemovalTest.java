package org.docbench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How {@code normalize --explain} prints a change: one line each, every char of it visible. */
class RemovalTest {

    @Test
    void aNoBreakSpaceReplacedByASpace_showsWhichSpaceWasThere() {
        assertEquals("UNICODE_NFKC: \"\\u00A0\" -> \" \"", new Removal(Step.UNICODE_NFKC, "\u00A0", " ").toString());
        assertEquals("UNICODE_NFKC: \"a\\u200Bb\" -> \"ab\"", new Removal(Step.UNICODE_NFKC, "a\u200Bb", "ab").toString(),
                "a zero-width space");
    }

    @Test
    void aChangeSpanningParagraphs_staysOnOneLine() {
        assertEquals("SPLIT_GLUED: \"Next story\\n\\nIts first\\tparagraph\"",
                new Removal(Step.SPLIT_GLUED, "Next story\n\nIts first\tparagraph", "").toString());
        assertEquals("REJOIN_HYPHENATION: \"enforce-\\r\\nment\" -> \"enforcement\"",
                new Removal(Step.REJOIN_HYPHENATION, "enforce-\r\nment", "enforcement").toString());
    }

    @Test
    void aBackslash_isDoubled_soAnEscapeCannotBeMistakenForText() {
        assertEquals("TITLE: \"C:\\\\n\" -> \"title\"", new Removal(Step.TITLE, "C:\\n", "title").toString());
        assertEquals("ASCII_PUNCTUATION: \"\u2019\" -> \"'\"", new Removal(Step.ASCII_PUNCTUATION, "\u2019", "'").toString(),
                "visible chars are left as they are");
    }
}

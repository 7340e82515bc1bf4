package org.docbench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The five seed documents of {@code ../shared/seeds}: the normalized body keeps every paragraph
 * of article text (words compared after character normalization, as one contiguous run) and
 * none of the boilerplate; bylines, dates and titles land in their fields; glued items come
 * apart. The seeds are copyrighted, so this test names paragraphs by position and checks their
 * shape at run time; it quotes only boilerplate, never article sentences. Skipped loudly where
 * the seeds are absent.
 */
class SeedDocumentsTest {

    private static final Normalizer STANDARD = Normalizer.standard();
    private static final Normalizer CHARACTERS = Normalizer.standard().characterStepsOnly();

    @Test
    void seed000_bylineAndDateGoToFields_captionAndCopyrightGo_everyArticleParagraphStays() {
        String raw = TestCorpora.seed("000_");
        List<String> paras = paragraphs(raw);
        assertTrue(paras.get(0).startsWith("By ") && paras.get(0).contains("First Posted"), "seed 000 starts with its byline");
        assertTrue(paras.get(1).contains("(Photo"), "seed 000's second paragraph is a photo caption");
        assertTrue(paras.get(paras.size() - 1).startsWith("\u00A9"), "seed 000 ends with a copyright line");

        NormalizedDocument doc = STANDARD.normalize(raw);
        assertEquals("", doc.title(), "seed 000 has no headline");
        assertTrue(doc.byline().startsWith("By ") && !doc.byline().contains("(") && !doc.byline().contains("Posted"),
                "byline: " + doc.byline());
        assertEquals("First Posted: Dec 28, 2012 11:41 PM EST", doc.date());
        assertKeeps(doc, paras.subList(2, paras.size() - 1));
        assertDrops(doc, List.of(paras.get(0), paras.get(1), paras.get(paras.size() - 1)));
        assertAbsent(doc, "(Photo", "Reuters", "All rights reserved", "Latinos Post", "First Posted");
        assertEquals(1, STANDARD.normalizeAll(raw).size(), "seed 000 is one item");
    }

    @Test
    void seed001_twoGluedItems_comeApart_withTheirTitles() {
        String raw = TestCorpora.seed("001_");
        List<String> paras = paragraphs(raw);
        assertEquals(4, paras.size(), "seed 001: headline, text, headline, text");

        List<NormalizedDocument> docs = STANDARD.normalizeAll(raw);
        assertEquals(2, docs.size(), () -> "seed 001 holds two items, got " + docs);
        NormalizedDocument first = docs.get(0);
        NormalizedDocument second = docs.get(1);
        assertEquals(words(paras.get(0)), words(first.title()), "first item's title is its headline");
        assertKeeps(first, List.of(paras.get(1)));
        assertDrops(first, List.of(paras.get(2), paras.get(3)));
        assertTrue(paras.get(2).endsWith("NYTimes.com"), "the second headline carries a site suffix");
        assertFalse(second.title().contains("NYTimes"), () -> "site suffix stays out of the title: " + second.title());
        assertTrue(words(paras.get(2)).startsWith(words(second.title())) && !second.title().isEmpty(),
                () -> "second item's title is its headline: " + second.title());
        assertKeeps(second, List.of(paras.get(3)));
        assertEquals(first, STANDARD.normalize(raw), "normalize() gives the first item");
    }

    @Test
    void seed002_moreOnThis_signOff_andFollowLines_go_theArticleAroundThemStays() {
        String raw = TestCorpora.seed("002_");
        List<String> paras = paragraphs(raw);
        int moreOnThis = paras.indexOf("More On This...");
        assertTrue(moreOnThis > 0, "seed 002 has a More On This... line");
        int signOff = paras.size() - 2;
        assertTrue(paras.get(signOff).startsWith("Based on reporting by"), "seed 002 signs off with its source");
        assertTrue(paras.get(signOff + 1).startsWith("Follow us"), "seed 002 ends with follow/like lines");

        NormalizedDocument doc = STANDARD.normalize(raw);
        assertEquals(words(paras.get(0)), words(doc.title()), "title is the headline");
        List<String> article = new ArrayList<>(paras.subList(1, signOff));
        article.remove("More On This...");
        assertKeeps(doc, article);
        assertDrops(doc, List.of(paras.get(signOff), paras.get(signOff + 1)));
        assertAbsent(doc, "More On This", "Based on reporting", "Follow us", "Like us", "foxnewslatino");
    }

    @Test
    void seed003_capitalizedRelatedHeadline_goes_everyOtherLineStays() {
        String raw = TestCorpora.seed("003_");
        List<String> lines = raw.lines().filter(l -> !l.isBlank()).toList();
        List<String> related = lines.stream().filter(l -> l.equals(l.toUpperCase(Locale.ROOT))).toList();
        assertEquals(1, related.size(), "seed 003 has one capitalized related-article line");

        NormalizedDocument doc = STANDARD.normalize(raw);
        assertEquals("", doc.title(), "seed 003 starts with article text");
        List<String> article = new ArrayList<>(lines);
        article.removeAll(related);
        assertKeeps(doc, article);
        assertDrops(doc, related);
        assertEquals(article.size(), doc.body().split("\n\n").length, "one paragraph per line of article text");
    }

    @Test
    void seed004_timestampAndTitleGoToFields_readMoreAndStrayFooterGo() {
        String raw = TestCorpora.seed("004_");
        List<String> paras = paragraphs(raw);
        assertEquals("Proud Partners", paras.get(paras.size() - 1).strip(), "seed 004 ends with a stray footer");
        int readMore = paras.size() - 2;
        assertTrue(paras.get(readMore).endsWith("Read more here."), "seed 004's last paragraph ends with Read more here.");

        NormalizedDocument doc = STANDARD.normalize(raw);
        assertEquals(paras.get(0).strip(), doc.date(), "the timestamp line is the date");
        assertEquals(words(paras.get(1)), words(doc.title()), "title is the headline");
        List<String> article = new ArrayList<>(paras.subList(2, readMore));
        article.add(paras.get(readMore).replace("Read more here.", ""));
        assertKeeps(doc, article);
        assertAbsent(doc, "Read more here", "Proud Partners", "2012-05-03");
    }

    @Test
    void everySeed_normalizesTheSameTwice_andExplainsEveryRemoval() {
        for (String prefix : List.of("000_", "001_", "002_", "003_", "004_")) {
            String raw = TestCorpora.seed(prefix);
            Explanation e = STANDARD.explain(raw);
            assertEquals(STANDARD.normalizeAll(raw), e.documents(), "explain gives the same documents for seed " + prefix);
            assertFalse(e.removals().isEmpty(), "seed " + prefix + " has noise to explain");
            NormalizedDocument doc = e.document();
            NormalizedDocument again = STANDARD.normalize(doc.text());
            assertEquals(doc.title(), again.title(), "title stable on a second pass over seed " + prefix);
            assertEquals(doc.body(), again.body(), "body stable on a second pass over seed " + prefix);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Paragraphs of a raw file: runs of lines between blank lines. */
    static List<String> paragraphs(String raw) {
        return Arrays.stream(raw.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");

    /** The words of a text after character normalization, lower-cased, space-separated. */
    static String words(String text) {
        Matcher m = WORD.matcher(CHARACTERS.normalize(text).body().toLowerCase(Locale.ROOT));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(m.group());
        }
        return sb.toString();
    }

    private static void assertKeeps(NormalizedDocument doc, List<String> article) {
        String body = " " + words(doc.body()) + " ";
        for (String p : article) {
            String w = words(p);
            assertTrue(body.contains(" " + w + " "), () -> "the body lost article text: \"" + w + "\"\nbody: " + doc.body());
        }
    }

    private static void assertDrops(NormalizedDocument doc, List<String> noise) {
        String body = " " + words(doc.body()) + " ";
        for (String p : noise) {
            String w = words(p);
            assertFalse(!w.isEmpty() && body.contains(" " + w + " "), () -> "the body kept \"" + p + "\"\nbody: " + doc.body());
        }
    }

    private static void assertAbsent(NormalizedDocument doc, String... boilerplate) {
        for (String b : Set.of(boilerplate)) {
            assertFalse(doc.body().contains(b), () -> "the body kept \"" + b + "\"\nbody: " + doc.body());
        }
    }
}

package org.docbench.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.docbench.core.text.Normalizer;
import org.docbench.core.text.TestCorpora;
import org.junit.jupiter.api.Test;

/**
 * The fast tokenizer gives exactly the reference tokenizer's tokens (start, end, term) on the whole
 * embedded corpus (raw and normalized), on the AllSides sample and on the random flood, and with
 * {@link FastTokenizer#tokenizeAll} the same offsets, with a key only on plain short words.
 */
class TokenizerEquivalenceTest {
    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern PLAIN_CASED_WORD = Pattern.compile("[A-Za-z0-9]+");

    @Test
    void fastEqualsReference_onTheEmbeddedCorpus_rawAndNormalized() {
        Map<String, String> docs = TestCorpora.embedded();
        long tokens = 0;
        for (Map.Entry<String, String> d : docs.entrySet()) {
            tokens += assertSameTokens(d.getValue(), "embedded " + d.getKey() + " (raw)");
            tokens += assertSameTokens(Normalizer.standard().normalize(d.getValue()).text(),
                    "embedded " + d.getKey() + " (normalized)");
        }
        System.err.println("[TokenizerEquivalenceTest] embedded corpus: " + docs.size() + " documents, " + tokens + " tokens equal");
        assertTrue(tokens > 0, "the embedded corpus gave no tokens");
    }

    @Test
    void tokenizeAll_keysNearlyEveryTokenOfTheEmbeddedCorpus() {
        // Plain words of at most sixteen chars are 96% of the corpus's tokens; the keys are the
        // fast path's point, so a tokenizer that stopped giving them would still be correct but slow.
        long tokens = 0;
        long keyed = 0;
        for (String text : TestCorpora.embedded().values()) {
            List<ReferenceTokenizer.RefToken> expected = ReferenceTokenizer.tokens(text);
            tokens += expected.size();
            keyed += assertSameSpans(text, expected, "embedded");
        }
        assertTrue(keyed >= 0.9 * tokens, keyed + " of " + tokens + " tokens keyed");
    }

    @Test
    void runsOf64WordCharsOrMore_areOneTokenOnEveryPath() {
        // A run that fills the 64 bits tokenizeAll reads at a token's start has no end in them;
        // at the end of the text the whole run is the token.
        for (int len : new int[] {63, 64, 65, 128, 200}) {
            for (int offset : new int[] {0, 1, 7, 63}) {
                String text = " ".repeat(offset) + "a".repeat(len) + ", 287(g) " + "B".repeat(len);
                assertSameTokens(text, "run of " + len + " after " + offset + " spaces");
            }
        }
    }

    @Test
    void tokenizeAll_givesTheRestAfterSomeAdvances() {
        // tokenizeAll starts where the cursor is: mid-text, mid-block of its bitmaps.
        long seed = RandomText.seed();
        Random r = new Random(seed);
        List<String> texts = new ArrayList<>(TestCorpora.embedded().values().stream().limit(50).toList());
        texts.addAll(RandomText.texts(seed, 500, 60));
        for (String text : texts) {
            List<ReferenceTokenizer.RefToken> expected = ReferenceTokenizer.tokens(text);
            int skip = expected.isEmpty() ? 0 : r.nextInt(expected.size() + 1);
            FastTokenizer fast = Tokenizers.fast();
            fast.reset(text);
            for (int i = 0; i < skip; i++) {
                assertTrue(fast.advance());
            }
            String where = "after " + skip + " tokens of \"" + RandomText.escape(text.substring(0, Math.min(80, text.length())))
                    + "\" (-Ddocbench.seed=" + seed + ")";
            assertSameSpans(fast, text, expected.subList(skip, expected.size()), where);
            assertTrue(!fast.advance(), where + ": the cursor is not at the end after tokenizeAll");
        }
    }

    @Test
    void fastEqualsReference_onTheAllSidesSample() {
        Map<String, String> docs = TestCorpora.allSides();
        long tokens = 0;
        for (Map.Entry<String, String> d : docs.entrySet()) {
            tokens += assertSameTokens(d.getValue(), "AllSides " + d.getKey());
        }
        System.err.println("[TokenizerEquivalenceTest] AllSides sample: " + docs.size() + " documents, " + tokens + " tokens equal");
        assertTrue(tokens > 0, "the AllSides sample gave no tokens");
    }

    @Test
    void fastEqualsReference_whereAWordStopsAtPunctuation() {
        // The fast path ends a word at a separator no joiner or e-mail address goes on through,
        // and at '.' or ',' before such a separator; every case it must leave to the scanner.
        String[] words = {"abc", "ABC", "a", "5", "2025", "x9"};
        String[] after = {" ", "\n", ".", ",", ";", ")", "\"", "\u201D", "\u2019", "'", "-", "\u2010", "(", "@", "_", "%", "+",
            "/", "&", "\u2014", "\u00AD", "\u0301", "\u00E9", "\uD835\uDFCE", "\uD835", ""};
        String[] then = {"", " ", "x", "5", "000", ".", "-", "@x.org", "_y@x.org", "-y@x.org", "%y@x.org", "+y@x.org", "\u201D", "\u0661", "\n", "s"};
        for (String w : words) {
            for (String a : after) {
                for (String t : then) {
                    assertSameTokens(w + a + t, "\"" + RandomText.escape(w + a + t) + "\"");
                    assertSameTokens("q " + w + a + a + t + " q", "\"" + RandomText.escape("q " + w + a + a + t + " q") + "\"");
                }
            }
        }
    }

    @Test
    void fastEqualsReference_whereAWordFollowsNonAsciiText() {
        // After a separator or letter outside ASCII the general scanner tries the fast path again,
        // which must decline a URL and a word the term buffer cannot hold, at the end of a text too.
        String[] before = {"\u201C", "\u2014", "\u00E9 ", "\uD83D\uDE00", "\u65E5\u672C", "\u00A0"};
        String[] words = {"a", "ab", "abc", "ht", "ww", "ft", "htt", "http://x.org/a", "www.x.org", "ftp://y.z", "HTTP://X.ORG",
            "x".repeat(63), "x".repeat(64), "x".repeat(65), "x".repeat(300)};
        String[] after = {"", " ", ".", "\u2019s", "\u201D", "-y", "@x.org"};
        for (String b : before) {
            for (String w : words) {
                for (String a : after) {
                    String text = b + w + a;
                    assertSameTokens(text, "\"" + RandomText.escape(text) + "\"");
                    assertSameTokens(text, "\"" + RandomText.escape(text) + "\" keeping case", false);
                }
            }
        }
    }

    @Test
    void fastEqualsReference_onTermsWithSurrogates() {
        // Every plane-1 letter with a lower case (the tokenizer lower-cases those pairs as code
        // points), beside pairs without one (an emoji, a math digit), lone surrogates and U+FFFF.
        StringBuilder cased = new StringBuilder();
        for (int cp = 0x10000; cp < 0x20000; cp++) {
            if (Character.toLowerCase(cp) != cp) {
                cased.appendCodePoint(cp);
            }
        }
        assertTrue(cased.length() > 0, "this JDK knows no cased letter in plane 1");
        String[] parts = {cased.toString(), "a" + cased.substring(0, 2) + "b", "\uD83D\uDE00", "x\uD835\uDFCEy", "\uD801",
            "a\uDC00b", "x\uFFFFy", "\uD801\uDC00\uD83D\uDE00ab", "don\u2019t\uD801\uDC00"};
        for (String p : parts) {
            for (String text : new String[] {p, "q " + p + " q", "q " + p + ".", "\u00E9" + p}) {
                assertSameTokens(text, "\"" + RandomText.escape(text) + "\"");
                assertSameTokens(text, "\"" + RandomText.escape(text) + "\" keeping case", false);
            }
        }
    }

    @Test
    void fastEqualsReference_onTheRandomFlood() {
        long seed = RandomText.seed();
        List<String> texts = RandomText.texts(seed, 5000, 60);
        for (String text : texts) {
            assertSameTokens(text, "flood with -Ddocbench.seed=" + seed);
        }
        assertSameTokens(RandomText.large(seed, 1 << 20), "1 MB flood text with -Ddocbench.seed=" + seed);
    }

    @Test
    void fastKeepingCaseEqualsReference_onTheEmbeddedCorpusTheAllSidesSampleAndTheFlood() {
        // Keeping case changes only the terms: the same offsets, and a term that is the text with
        // only the apostrophe and hyphen mapped, on every path (fast word, scanner, batch keys).
        long seed = RandomText.seed();
        long tokens = 0;
        long cased = 0;
        List<String> texts = new ArrayList<>(TestCorpora.embedded().values());
        texts.addAll(TestCorpora.allSides().values());
        texts.addAll(RandomText.texts(seed, 2000, 60));
        for (String text : texts) {
            tokens += assertSameTokens(text, "keeping case, -Ddocbench.seed=" + seed, false);
            for (ReferenceTokenizer.RefToken t : ReferenceTokenizer.tokens(text)) {
                cased += t.term().equals(ReferenceTokenizer.term(t.text(), false)) ? 0 : 1;
            }
        }
        assertTrue(cased > 0.05 * tokens, "only " + cased + " of " + tokens + " terms have upper case: the test would not see lowering");
    }

    /**
     * The word tables of the fast features read a name holding {@code _} as a unigram only when
     * {@link Tokenizers#mayBeUrlOrEmail} says its term can exist; a term it refused would lose
     * its features.
     */
    @Test
    void everyTermHoldingAnUnderscore_mayBeUrlOrEmail_andAPlainBigramsNameMayNot() {
        long seed = RandomText.seed();
        List<String> texts = new ArrayList<>(RandomText.texts(seed, 5000, 60));
        texts.addAll(TestCorpora.allSides().values());
        texts.add("snake_case __init__ first_last@example.org HTTPS://ice.gov/a_b www.x_y.org ftp://f_t Www.A_B");
        long holding = 0;
        for (String text : texts) {
            for (ReferenceTokenizer.RefToken t : ReferenceTokenizer.tokens(text)) {
                for (String term : List.of(t.term(), ReferenceTokenizer.term(t.text(), false))) {
                    if (term.indexOf('_') >= 0) {
                        holding++;
                        assertTrue(Tokenizers.mayBeUrlOrEmail(term), term + " in a text of -Ddocbench.seed=" + seed);
                    }
                }
            }
        }
        assertTrue(holding >= 10, "only " + holding + " terms hold _: the test would see nothing");
        for (String body : List.of("ice_detainers", "sanctuary_city", "www_", "http_x", "a_b_c")) {
            assertTrue(!Tokenizers.mayBeUrlOrEmail(body), body);
        }
    }

    @Test
    void fastKeepingCase_keepsTheCaseOfEveryKindOfTerm() {
        FastTokenizer fast = Tokenizers.fastKeepingCase();
        fast.reset("ICE\u2019s Border Patrol in Z\u00FCrich, I-95 and WWW.Example.ORG/Page x@Mail.COM \u00C9T\u00C9 \uD801\uDC00");
        List<String> terms = new ArrayList<>();
        while (fast.advance()) {
            terms.add(fast.term());
        }
        assertEquals(List.of("ICE's", "Border", "Patrol", "in", "Z\u00FCrich", "I-95", "and", "WWW.Example.ORG/Page", "x@Mail.COM",
                "\u00C9T\u00C9", "\uD801\uDC00"), terms);
        assertEquals("FastTokenizer(keeping case)", fast.clone().toString());
    }

    /** Asserts that both tokenizers give the same (start, end, term) sequence; returns the token count. */
    static int assertSameTokens(String text, String where) {
        return assertSameTokens(text, where, true);
    }

    /** {@link #assertSameTokens(String, String)} with terms lower-cased or keeping case. */
    static int assertSameTokens(String text, String where, boolean lowercase) {
        List<ReferenceTokenizer.RefToken> expected = ReferenceTokenizer.tokens(text);
        if (!lowercase) {
            expected = expected.stream().map(t -> new ReferenceTokenizer.RefToken(t.start(), t.end(), t.text(),
                    ReferenceTokenizer.term(t.text(), false))).toList();
        }
        FastTokenizer fast = Tokenizers.fast(lowercase);
        fast.reset(text);
        int i = 0;
        while (fast.advance()) {
            if (i >= expected.size()) {
                fail(where + ": fast has an extra token [" + fast.getStart() + ", " + fast.getEnd() + ") \""
                        + RandomText.escape(fast.getText()) + "\"" + context(text, fast.getStart()));
            }
            ReferenceTokenizer.RefToken e = expected.get(i);
            String term = fast.term();
            if (e.start() != fast.getStart() || e.end() != fast.getEnd() || !e.term().equals(term)) {
                fail(where + ": token " + i + " differs: reference [" + e.start() + ", " + e.end() + ") \""
                        + RandomText.escape(e.term()) + "\", fast [" + fast.getStart() + ", " + fast.getEnd() + ") \""
                        + RandomText.escape(term) + "\"" + context(text, e.start()));
            }
            i++;
        }
        if (i != expected.size()) {
            ReferenceTokenizer.RefToken e = expected.get(i);
            fail(where + ": fast misses reference token " + i + " [" + e.start() + ", " + e.end() + ") \""
                    + RandomText.escape(e.term()) + "\"" + context(text, e.start()));
        }
        FastTokenizer batch = Tokenizers.fast(lowercase);
        batch.reset(text);
        assertSameSpans(batch, text, expected, where);
        return i;
    }

    /**
     * Asserts that {@link FastTokenizer#tokenizeAll} gives the reference's offsets, and a key only
     * for a plain word of at most {@value FastTokenizer#KEY_CHARS} chars, equal to the one its chars
     * make; returns how many tokens got a key.
     */
    static int assertSameSpans(String text, List<ReferenceTokenizer.RefToken> expected, String where) {
        FastTokenizer fast = Tokenizers.fast();
        fast.reset(text);
        return assertSameSpans(fast, text, expected, where);
    }

    /**
     * {@link #assertSameSpans(String, List, String)} from wherever {@code fast}'s cursor stands:
     * {@code expected} are the reference's tokens left.
     */
    private static int assertSameSpans(FastTokenizer fast, String text, List<ReferenceTokenizer.RefToken> expected, String where) {
        TokenSpans spans = new TokenSpans();
        int n = fast.tokenizeAll(spans);
        if (n != expected.size()) {
            fail(where + ": tokenizeAll gave " + n + " tokens, the reference " + expected.size());
        }
        int keyed = 0;
        for (int i = 0; i < n; i++) {
            ReferenceTokenizer.RefToken e = expected.get(i);
            if (spans.starts()[i] != e.start() || spans.ends()[i] != e.end()) {
                fail(where + ": tokenizeAll token " + i + " is [" + spans.starts()[i] + ", " + spans.ends()[i] + "), the reference's ["
                        + e.start() + ", " + e.end() + ") \"" + RandomText.escape(e.term()) + "\"" + context(text, e.start()));
            }
            long key = spans.keys()[i];
            long high = spans.highKeys()[i];
            if (key == 0 && high == 0) {
                continue;
            }
            keyed++;
            String term = e.term();
            if (!(fast.lowercase() ? PLAIN_WORD : PLAIN_CASED_WORD).matcher(term).matches() || term.length() > FastTokenizer.KEY_CHARS
                    || key != FastTokenizer.termKey(term) || high != FastTokenizer.termKeyHigh(term)) {
                fail(where + ": tokenizeAll token " + i + " \"" + RandomText.escape(term) + "\" has key " + Long.toHexString(high)
                        + ":" + Long.toHexString(key) + "; a plain word of at most " + FastTokenizer.KEY_CHARS + " chars has "
                        + Long.toHexString(FastTokenizer.termKeyHigh(term)) + ":" + Long.toHexString(FastTokenizer.termKey(term))
                        + ", any other term none" + context(text, e.start()));
            }
        }
        return keyed;
    }

    private static String context(String text, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + 60);
        return "; around it: \"" + RandomText.escape(text.substring(from, to)) + "\"";
    }
}

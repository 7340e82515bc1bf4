package org.docbench.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.util.tokens.Tokenizer;

/**
 * The contract every tokenizer keeps, after Tribuo's {@code TokenizerTestBase} and Lucene's
 * {@code checkRandomData}: offsets give the token's text by {@code substring}, tokens are ordered,
 * non-empty and do not overlap, a reset instance gives the same tokens again, a clone gives the
 * same tokens without disturbing the original, and all of that holds on a seeded random flood
 * (all Unicode planes, lone surrogates, combining marks, empty and 1 MB inputs), replayed on two
 * threads with separate instances. A failure prints the seed and the escaped input.
 *
 * <p>Subclasses name the tokenizer.
 */
abstract class TokenizerContractTest {

    /** A new instance of the tokenizer under test. */
    protected abstract Tokenizer newTokenizer();

    /** How many random texts the flood holds (the 1 MB text comes on top). */
    protected int floodSize() {
        return 3000;
    }

    /** One token as the cursor reported it. */
    record Tok(int start, int end, String text) {
    }

    static Stream<String> examples() {
        return Stream.of("", " ", "word", "  two words  ", "ICE's 287(g) program, 1,255 agreements; 3.5 percent.",
                "a 48-hour hold on I-95 -- street-level", "Don\u2019t, don't! U.S. e.g. p.m.",
                "see https://ice.gov/287g. or mail press@example.org", "\u79FB\u6C11\u5C40 cafe\u0301 \uD83D\uDC4D\uD83C\uDFFD",
                "lone \uD800 high, lone \uDC00 low, pair \uD835\uDFCE", "\u0301leading mark", "trailing joiners '.,-(",
                "tab\tnew\nline\r\nnbsp\u00A0ideographic\u3000space");
    }

    @Test
    void emptyInput_givesNoTokens() {
        Tokenizer t = newTokenizer();
        t.reset("");
        assertFalse(t.advance(), "advance() on empty input");
        assertFalse(t.advance(), "advance() again after the end");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void tokens_matchSubstring_areOrdered_andDoNotOverlap(String text) {
        List<Tok> tokens = checkedTokens(newTokenizer(), text, "example");
        if (text.chars().anyMatch(Character::isLetterOrDigit)) {
            assertFalse(tokens.isEmpty(), () -> "no tokens for \"" + RandomText.escape(text) + "\"");
        }
    }

    @Test
    void reset_onAReusedInstance_givesIdenticalTokens() {
        Tokenizer t = newTokenizer();
        List<String> texts = examples().toList();
        List<List<Tok>> first = new ArrayList<>();
        for (String s : texts) {
            first.add(checkedTokens(t, s, "first pass"));
        }
        for (int i = texts.size() - 1; i >= 0; i--) { // other order, so no state leaks from the previous text
            assertEquals(first.get(i), checkedTokens(t, texts.get(i), "second pass"),
                    "tokens after reset for \"" + RandomText.escape(texts.get(i)) + "\"");
        }
    }

    @Test
    void reset_inTheMiddleOfAText_startsOver() {
        Tokenizer t = newTokenizer();
        String text = "one two three four";
        t.reset(text);
        assertTrue(t.advance());
        assertTrue(t.advance());
        assertEquals(checkedTokens(newTokenizer(), "five six", "fresh"), checkedTokens(t, "five six", "reset mid-way"));
    }

    @Test
    void clone_givesTheSameTokens_andLeavesTheOriginalAlone() throws CloneNotSupportedException {
        Tokenizer original = newTokenizer();
        String text = "The 287(g) program, I-95 and U.S. policy";
        List<Tok> expected = checkedTokens(newTokenizer(), text, "expected");
        original.reset(text);
        assertTrue(original.advance());
        Tokenizer copy = original.clone();
        assertNotSame(original, copy);
        assertEquals(expected, checkedTokens(copy, text, "clone"), "clone's tokens");
        List<Tok> rest = new ArrayList<>();
        while (original.advance()) {
            rest.add(new Tok(original.getStart(), original.getEnd(), original.getText()));
        }
        assertEquals(expected.subList(1, expected.size()), rest, "original after cloning mid-way");
    }

    @Test
    void randomFlood_keepsTheContract_andTwoThreadsAgree() throws Exception {
        long seed = RandomText.seed();
        List<String> texts = RandomText.texts(seed, floodSize(), 40);
        String where = "flood with -Ddocbench.seed=" + seed;
        List<List<Tok>> expected = new ArrayList<>(texts.size());
        Tokenizer t = newTokenizer();
        for (String s : texts) {
            expected.add(checkedTokens(t, s, where));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                Tokenizer own = newTokenizer().clone();
                results.add(pool.submit(() -> replay(own, texts, expected)));
            }
            for (Future<String> f : results) {
                String failure = f.get();
                if (failure != null) {
                    fail(where + ", replayed on a second thread: " + failure);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void largeInput_ofOneMegabyte_keepsTheContract_andResetGivesTheSameTokens() {
        long seed = RandomText.seed();
        String big = RandomText.large(seed, 1 << 20);
        Tokenizer t = newTokenizer();
        String where = "1 MB input with -Ddocbench.seed=" + seed;
        List<Tok> first = checkedTokens(t, big, where);
        assertTrue(first.size() > 10_000, () -> where + ": only " + first.size() + " tokens");
        assertEquals(first, checkedTokens(t, big, where), where + ": second pass after reset");
    }

    private static String replay(Tokenizer t, List<String> texts, List<List<Tok>> expected) {
        for (int i = 0; i < texts.size(); i++) {
            List<Tok> got;
            try {
                got = tokens(t, texts.get(i));
            } catch (RuntimeException e) {
                return e + " on \"" + RandomText.escape(texts.get(i)) + "\"";
            }
            if (!got.equals(expected.get(i))) {
                return "tokens differ on \"" + RandomText.escape(texts.get(i)) + "\": expected " + expected.get(i)
                        + " but got " + got;
            }
        }
        return null;
    }

    static List<Tok> tokens(Tokenizer t, String text) {
        List<Tok> out = new ArrayList<>();
        t.reset(text);
        while (t.advance()) {
            out.add(new Tok(t.getStart(), t.getEnd(), t.getText()));
        }
        return out;
    }

    /** Tokenizes {@code text}, failing with the escaped input when the contract breaks. */
    static List<Tok> checkedTokens(Tokenizer t, String text, String where) {
        List<Tok> out = new ArrayList<>();
        t.reset(text);
        int previousEnd = 0;
        while (t.advance()) {
            int start = t.getStart();
            int end = t.getEnd();
            String got = t.getText();
            String problem = null;
            if (start < previousEnd) {
                problem = "token starts at " + start + ", before the previous token's end " + previousEnd;
            } else if (end <= start || end > text.length()) {
                problem = "bad offsets [" + start + ", " + end + ") for a text of length " + text.length();
            } else if (!got.equals(text.substring(start, end))) {
                problem = "getText() \"" + RandomText.escape(got) + "\" != substring(" + start + ", " + end + ") \""
                        + RandomText.escape(text.substring(start, end)) + "\"";
            }
            if (problem != null) {
                fail(where + ": " + problem + "; input" + excerpt(text, start));
            }
            out.add(new Tok(start, end, got));
            previousEnd = end;
        }
        return out;
    }

    private static String excerpt(String text, int around) {
        if (text.length() <= 400) {
            return " \"" + RandomText.escape(text) + "\"";
        }
        int from = Math.max(0, around - 200);
        int to = Math.min(text.length(), around + 200);
        return " (length " + text.length() + ", chars " + from + " to " + to + ") \"" + RandomText.escape(text.substring(from, to)) + "\"";
    }
}

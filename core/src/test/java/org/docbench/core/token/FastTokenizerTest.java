package org.docbench.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;

import org.docbench.core.text.TestCorpora;
import org.junit.jupiter.api.Test;

/** What only the fast tokenizer promises: a reused term buffer and no allocation per token. */
class FastTokenizerTest {

    @Test
    void termBuffer_isReused_andHoldsTheLowerCasedTerm() {
        FastTokenizer t = Tokenizers.fast();
        t.reset("ICE Don\u2019t 287(G)");
        assertTrue(t.advance());
        char[] buffer = t.termBuffer();
        assertEquals("ice", new String(buffer, 0, t.termLength()));
        assertTrue(t.advance());
        assertSame(buffer, t.termBuffer(), "the term buffer is reused while terms fit");
        assertEquals("don't", new String(t.termBuffer(), 0, t.termLength()));
        assertEquals("Don\u2019t", t.getText(), "getText() is the input as written");
        assertTrue(t.advance());
        assertEquals("287(g)", t.term());
        assertFalse(t.advance());
    }

    @Test
    void termOf_aPastTokensOffsets_givesTheTermItHadThen() {
        FastTokenizer t = Tokenizers.fast();
        String text = "ICE\u2019s I\u201195 agents, ÉMIGRÉS \uD801\uDC00x and https://Example.org/A_B visit U.S. 287(G)";
        t.reset(text);
        java.util.List<int[]> offsets = new java.util.ArrayList<>();
        java.util.List<String> terms = new java.util.ArrayList<>();
        while (t.advance()) {
            offsets.add(new int[] {t.getStart(), t.getEnd()});
            terms.add(t.term());
        }
        assertEquals(10, terms.size(), terms.toString());
        char[] out = new char[200];
        for (int i = 0; i < terms.size(); i++) {
            int n = t.termOf(offsets.get(i)[0], offsets.get(i)[1], out, 7);
            assertEquals(terms.get(i), new String(out, 7, n), "token " + i);
        }
        assertTrue(terms.contains("\uD801\uDC28x"), "a supplementary letter is lower-cased: " + terms);
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> t.termOf(0, text.length() + 1, out, 0));
    }

    @Test
    void termBuffer_growsForALongToken() {
        FastTokenizer t = Tokenizers.fast();
        String word = "A".repeat(10_000);
        t.reset("x " + word + " y");
        t.advance();
        t.advance();
        assertEquals(word.toLowerCase(java.util.Locale.ROOT), t.term());
        assertTrue(t.advance());
        assertEquals("y", t.term());
    }

    @Test
    void reset_acceptsAnyCharSequence() {
        FastTokenizer t = Tokenizers.fast();
        t.reset(new StringBuilder("Secure Communities"));
        assertTrue(t.advance());
        assertEquals("Secure", t.getText());
        assertTrue(t.advance());
        assertEquals("communities", t.term());
    }

    @Test
    void reset_fromAPartOfAReusedCharBuffer_tokenizesAsTheStringDoes() {
        FastTokenizer fromString = Tokenizers.fast();
        FastTokenizer fromBuffer = Tokenizers.fast();
        java.nio.CharBuffer reused = java.nio.CharBuffer.allocate(8);
        int texts = 0;
        for (String text : TestCorpora.embedded().values()) {
            if (reused.capacity() < text.length() + 1) {
                reused = java.nio.CharBuffer.allocate(2 * (text.length() + 1));
            }
            // As classify's line reader leaves it: a BOM-like first char skipped by position, the rest of the buffer stale.
            reused.clear();
            reused.put('\uFEFF').put(text).flip().position(1);
            fromString.reset(text);
            fromBuffer.reset(reused);
            TokenSpans a = new TokenSpans();
            TokenSpans b = new TokenSpans();
            int n = fromString.tokenizeAll(a);
            assertEquals(n, fromBuffer.tokenizeAll(b), text);
            for (int i = 0; i < n; i++) {
                assertEquals(a.starts()[i], b.starts()[i]);
                assertEquals(a.ends()[i], b.ends()[i]);
                assertEquals(a.keys()[i], b.keys()[i]);
                assertEquals(a.highKeys()[i], b.highKeys()[i]);
            }
            texts++;
        }
        assertTrue(texts > 800, texts + " texts");
    }

    @Test
    void advance_inSteadyState_allocatesNothingPerToken() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        StringBuilder sb = new StringBuilder();
        Map<String, String> docs = TestCorpora.embedded();
        docs.values().forEach(d -> sb.append(d).append('\n'));
        sb.append("ICE's 287(g) I-95 1,255 3.5 U.S. https://ice.gov/x press@example.org \u79FB\u6C11 cafe\u0301 \uD83D\uDC4D\n");
        String text = sb.toString();
        FastTokenizer t = Tokenizers.fast();
        long tokens = 0;
        for (int i = 0; i < 20; i++) { // warm up: buffers reach their size, the JIT settles
            tokens = count(t, text);
        }
        long threadId = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(threadId);
        long counted = 0;
        for (int i = 0; i < 10; i++) {
            counted += count(t, text);
        }
        long allocated = mx.getThreadAllocatedBytes(threadId) - before;
        long perRound = tokens;
        assertTrue(allocated < 64 * 1024,
                () -> allocated + " bytes allocated for " + (10 * perRound) + " tokens (" + text.length() + " chars per round)");
        assertEquals(10 * tokens, counted);
    }

    private static long count(FastTokenizer t, String text) {
        t.reset(text);
        long n = 0;
        while (t.advance()) {
            n += t.termLength() > 0 ? 1 : 0;
        }
        return n;
    }
}

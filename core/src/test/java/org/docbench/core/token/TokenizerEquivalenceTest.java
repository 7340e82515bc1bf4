package org.docbench.core.token;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.docbench.core.features.FeatureHash;
import org.docbench.core.text.Normalizer;
import org.docbench.core.text.TestCorpora;
import org.junit.jupiter.api.Test;

/**
 * The fast tokenizer gives exactly the reference tokenizer's tokens (start, end, term) on the whole
 * embedded corpus (raw and normalized), on the AllSides sample and on the random flood, and with
 * each token the FNV-1a hash of its term, a plain-word flag only on terms of ASCII letters and
 * digits, and a plain short term's key.
 */
class TokenizerEquivalenceTest {
    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z0-9]+");

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
    void fastEqualsReference_onTheRandomFlood() {
        long seed = RandomText.seed();
        List<String> texts = RandomText.texts(seed, 5000, 60);
        for (String text : texts) {
            assertSameTokens(text, "flood with -Ddocbench.seed=" + seed);
        }
        assertSameTokens(RandomText.large(seed, 1 << 20), "1 MB flood text with -Ddocbench.seed=" + seed);
    }

    /** Asserts that both tokenizers give the same (start, end, term) sequence; returns the token count. */
    static int assertSameTokens(String text, String where) {
        List<ReferenceTokenizer.RefToken> expected = ReferenceTokenizer.tokens(text);
        FastTokenizer fast = Tokenizers.fast();
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
            int hash = FeatureHash.start();
            for (int k = 0; k < term.length(); k++) {
                hash = FeatureHash.update(hash, term.charAt(k));
            }
            if (fast.termHash() != hash) {
                fail(where + ": token " + i + " \"" + RandomText.escape(term) + "\" has termHash " + fast.termHash()
                        + ", FNV-1a of its term is " + hash + context(text, e.start()));
            }
            if (fast.termIsPlainWord() && !PLAIN_WORD.matcher(term).matches()) {
                fail(where + ": token " + i + " \"" + RandomText.escape(term) + "\" is called a plain word" + context(text, e.start()));
            }
            if (fast.termIsPlainWord() && term.length() <= FastTokenizer.KEY_CHARS && fast.termKey() != FastTokenizer.termKey(term)) {
                fail(where + ": token " + i + " \"" + RandomText.escape(term) + "\" has termKey " + Long.toHexString(fast.termKey())
                        + ", its chars make " + Long.toHexString(FastTokenizer.termKey(term)) + context(text, e.start()));
            }
            i++;
        }
        if (i != expected.size()) {
            ReferenceTokenizer.RefToken e = expected.get(i);
            fail(where + ": fast misses reference token " + i + " [" + e.start() + ", " + e.end() + ") \""
                    + RandomText.escape(e.term()) + "\"" + context(text, e.start()));
        }
        return i;
    }

    private static String context(String text, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + 60);
        return "; around it: \"" + RandomText.escape(text.substring(from, to)) + "\"";
    }
}

package org.docbench.core.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The normalizer must not lose article text. For each document this counts the words (letter and
 * digit runs, lower-cased) of the text after the character steps alone, and how many of them the
 * standard normalizer's document no longer holds in any field (title, byline, date, body): a
 * multiset difference, so a word removed once of three occurrences counts once. Boilerplate the
 * normalizer is meant to drop counts as lost too, and so do items glued after the first one;
 * the bound is on everything. Prints the total, the words each step took out, and the worst
 * documents.
 */
class WordLossTest {

    /** At most this share of all words may go. */
    static final double BOUND = 0.03;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");

    /** One document's count. */
    record Loss(String id, int words, int lost, Map<Step, Integer> byStep) {
        double share() {
            return words == 0 ? 0 : (double) lost / words;
        }
    }

    @Test
    void embeddedCorpus_losesAtMostThreePercentOfItsWords() {
        assertBounded("embedded corpus", TestCorpora.embedded());
    }

    @Test
    void allSidesSample_losesAtMostThreePercentOfItsWords() {
        assertBounded("AllSides sample", TestCorpora.allSides());
    }

    private static void assertBounded(String corpus, Map<String, String> docs) {
        List<Loss> losses = new ArrayList<>();
        for (Map.Entry<String, String> d : docs.entrySet()) {
            losses.add(loss(d.getKey(), d.getValue()));
        }
        long words = losses.stream().mapToLong(Loss::words).sum();
        long lost = losses.stream().mapToLong(Loss::lost).sum();
        double share = words == 0 ? 0 : (double) lost / words;
        Map<Step, Integer> byStep = new TreeMap<>();
        losses.forEach(l -> l.byStep().forEach((s, n) -> byStep.merge(s, n, Integer::sum)));
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "[WordLossTest] %s: %d documents, %d words, %d lost (%.2f%%, bound %.1f%%)%n",
                corpus, losses.size(), words, lost, 100 * share, 100 * BOUND));
        report.append("  words in what each step took out (moved to fields included): ").append(byStep).append('\n');
        losses.stream().sorted(Comparator.comparingDouble(Loss::share).reversed()).limit(8)
                .forEach(l -> report.append(String.format(Locale.ROOT, "  worst: %s lost %d of %d words (%.1f%%) %s%n",
                        l.id(), l.lost(), l.words(), 100 * l.share(), l.byStep())));
        System.err.print(report);
        assertTrue(share <= BOUND, report::toString);
    }

    /** Words of the character-normalized text that the normalized document no longer holds. */
    static Loss loss(String id, String raw) {
        Map<String, Integer> before = counts(Normalizer.standard().characterStepsOnly().normalize(raw).text());
        Explanation e = Normalizer.standard().explain(raw);
        NormalizedDocument doc = e.document();
        Map<String, Integer> after = counts(doc.title() + "\n" + doc.byline() + "\n" + doc.date() + "\n" + doc.body());
        int total = 0;
        int lost = 0;
        for (Map.Entry<String, Integer> w : before.entrySet()) {
            total += w.getValue();
            lost += Math.max(0, w.getValue() - after.getOrDefault(w.getKey(), 0));
        }
        Map<Step, Integer> byStep = new TreeMap<>();
        for (Removal r : e.removals()) {
            if (!r.step().isCharacterLevel() && r.replacement().isEmpty()) {
                int n = counts(r.removed()).values().stream().mapToInt(Integer::intValue).sum();
                if (n > 0) {
                    byStep.merge(r.step(), n, Integer::sum);
                }
            }
        }
        int glued = e.documents().stream().skip(1)
                .mapToInt(d -> counts(d.text()).values().stream().mapToInt(Integer::intValue).sum()).sum();
        if (glued > 0) {
            byStep.put(Step.SPLIT_GLUED, glued);
        }
        return new Loss(id, total, lost, byStep);
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return counts;
    }
}

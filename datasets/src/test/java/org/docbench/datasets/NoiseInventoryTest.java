package org.docbench.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.docbench.datasets.CorpusFiles.Furniture;
import org.docbench.datasets.CorpusFiles.Row;

/**
 * The noise inventory (noise.tsv) against the bytes of the documents, and the spread of the noise
 * over stances. Kinds that a few lines of code can recognise are checked in the file: a declared
 * kind must be there, and the purely byte-level kinds (BOM, CRLF, U+00A0, entities, missing final
 * newline, a copyright year other than the article's, an outlet's furniture) must not be there
 * undeclared. Kinds that need reading (glued, glued-related, cut-off, injected-word) are not
 * checked here.
 */
class NoiseInventoryTest {

    static final Set<String> KINDS = Set.of("byline", "byline-residue", "timestamp", "photo-credit", "copyright",
            "copyright-year", "more-on-this", "more-on-this-mid-body", "read-more", "share-follow", "glued",
            "glued-related", "cut-off", "html-entities", "curly-quotes", "nbsp", "injected-word", "hyphenation",
            "run-together", "lost-letters", "no-headline", "single-newline", "no-final-newline", "crlf", "bom", "furniture");

    static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z]{2,8}|#\\d{2,5}|#x[0-9a-fA-F]{2,4});");
    static final Pattern CURLY = Pattern.compile("[\u2018\u2019\u201C\u201D\u2013\u2014]");
    static final Pattern HYPHEN_BREAK = Pattern.compile("[A-Za-z]-\r?\n[a-z]");
    static final Pattern COPYRIGHT = Pattern.compile("(?i)\u00A9|\\(c\\)|copyright|all rights reserved");
    static final Pattern COPYRIGHT_YEAR = Pattern.compile("(?i)(?:\u00A9|\\(c\\)|copyright)\\s*(?:(?:19|20)\\d\\d\\s*[-\u2013]\\s*)?((?:19|20)\\d\\d)");
    static final Pattern BYLINE = Pattern.compile("(?i)^\\s*(?:by|posted by|written by|story by)\\s+\\S.*|.*\\b(?:staff writer|correspondent|reporter|editor)\\b.*|.*\\S\\s*\\|\\s*\\S.*");
    static final Pattern TIMESTAMP = Pattern.compile("(?i).*\\b(?:updated|posted|published)\\b.*|.*\\d{1,2}:\\d\\d\\s*(?:a\\.?m\\.?|p\\.?m\\.?).*|\\s*\\W?\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d.*"
            + "|.*\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d\\d\\b.*");
    static final Pattern RESIDUE_LINE = Pattern.compile("(?i)\\s*by\\s*\\|.*|\\s*\\(\\s*\\|.*|\\s*(?:by|posted|updated)?\\s*[|(),:\u2022\u00B7/-]+\\s*(?:by|posted|updated)?\\s*[|(),:\u2022\u00B7/-]*\\s*(?:by|posted|updated)?\\s*");
    static final Pattern MORE_ON_THIS = Pattern.compile("(?i)\\s*(?:more on this|related|see also|also read|more coverage|read also|more from|more stories)\\b.*");
    static final Pattern LIST_ITEM = Pattern.compile("\\s*(?:[-*\u2022]|\\d+[.)])\\s.*");

    static CorpusFiles corpus;
    static Map<String, Row> rows;
    /** Document frequency of every word, for the run-together and lost-letter detectors. */
    static Map<String, Integer> df;
    static Set<String> frequent;
    static Set<String> oneLetterShort;

    @BeforeAll
    static void load() {
        corpus = CorpusFiles.get();
        rows = corpus.rows;
        df = new HashMap<>();
        corpus.texts.values().forEach(t -> new HashSet<>(CorpusFiles.words(t)).forEach(w -> df.merge(w, 1, Integer::sum)));
        frequent = new HashSet<>();
        df.forEach((w, n) -> {
            if (n >= 3) {
                frequent.add(w);
            }
        });
        oneLetterShort = new HashSet<>();
        for (String w : frequent) {
            if (w.length() >= 5 && w.chars().allMatch(Character::isLetter)) {
                for (int k = 1; k < w.length() - 1; k++) {
                    oneLetterShort.add(w.substring(0, k) + w.substring(k + 1));
                }
            }
        }
    }

    static List<String> lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return List.of(t.replace("\r\n", "\n").split("\n", -1));
    }

    static int wordCount(String s) {
        return CorpusFiles.words(s).size();
    }

    static boolean anyLine(String text, Pattern p, int maxWords) {
        return lines(text).stream().anyMatch(l -> !l.isBlank() && wordCount(l) <= maxWords && p.matcher(l).matches());
    }

    /** A word found in this document only that is two frequent corpus words without the space between them. */
    static boolean runTogether(String text) {
        for (String w : new TreeSet<>(CorpusFiles.words(text))) {
            if (df.get(w) == 1 && w.length() >= 7 && w.chars().allMatch(Character::isLetter)) {
                for (int k = 2; k < w.length() - 1; k++) {
                    if (frequent.contains(w.substring(0, k)) && frequent.contains(w.substring(k))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A word found in this document only that is a frequent corpus word with one inner letter lost. */
    static boolean lostLetters(String text) {
        for (String w : new TreeSet<>(CorpusFiles.words(text))) {
            if (df.get(w) == 1 && oneLetterShort.contains(w) && !frequent.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Two or more pairs of adjacent long lines that are not list items: paragraphs without a blank line between. */
    static boolean singleNewline(String text) {
        List<String> ls = lines(text);
        int pairs = 0;
        for (int i = 0; i + 1 < ls.size(); i++) {
            if (wordCount(ls.get(i)) >= 15 && wordCount(ls.get(i + 1)) >= 15
                    && !LIST_ITEM.matcher(ls.get(i)).matches() && !LIST_ITEM.matcher(ls.get(i + 1)).matches()) {
                pairs++;
            }
        }
        return pairs >= 2;
    }

    /** A related-links line with a body paragraph (20+ words) somewhere after it. */
    static boolean moreOnThisMidBody(String text) {
        List<String> ls = lines(text);
        for (int i = 0; i < ls.size(); i++) {
            if (wordCount(ls.get(i)) <= 12 && MORE_ON_THIS.matcher(ls.get(i)).matches()) {
                for (String later : ls.subList(i + 1, ls.size())) {
                    if (wordCount(later) >= 20) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The first non-blank line reads as body text: 15+ words, or a finished sentence. */
    static boolean noHeadline(String text) {
        for (String l : lines(text)) {
            if (!l.isBlank()) {
                String s = l.strip();
                return wordCount(s) >= 15 || s.endsWith(".") || s.endsWith("\"") || s.endsWith("\u201D");
            }
        }
        return false;
    }

    static boolean copyrightYearDiffers(String text, Row row) {
        var m = COPYRIGHT_YEAR.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals(row.date().substring(0, 4))) {
                return true;
            }
        }
        return false;
    }

    boolean hasOwnFurniture(String text, Row row) {
        String t = text.replace("\r\n", "\n");
        return corpus.furniture.stream().anyMatch(f -> f.outlet().equals(row.outlet()) && t.contains(f.text()));
    }

    /** Detectors: a declared kind must make its detector true. */
    final Map<String, BiPredicate<String, Row>> detectors = detectors();

    private Map<String, BiPredicate<String, Row>> detectors() {
        Map<String, BiPredicate<String, Row>> d = new LinkedHashMap<>();
        d.put("bom", (t, r) -> t.startsWith("\uFEFF"));
        d.put("crlf", (t, r) -> t.contains("\r\n"));
        d.put("nbsp", (t, r) -> t.indexOf('\u00A0') >= 0);
        d.put("no-final-newline", (t, r) -> !t.endsWith("\n"));
        d.put("html-entities", (t, r) -> ENTITY.matcher(t).find());
        d.put("curly-quotes", (t, r) -> CURLY.matcher(t).find());
        d.put("hyphenation", (t, r) -> HYPHEN_BREAK.matcher(t).find());
        d.put("copyright", (t, r) -> COPYRIGHT.matcher(t).find());
        d.put("copyright-year", NoiseInventoryTest::copyrightYearDiffers);
        d.put("byline", (t, r) -> anyLine(t, BYLINE, 20));
        d.put("timestamp", (t, r) -> anyLine(t, TIMESTAMP, 20));
        d.put("byline-residue", (t, r) -> anyLine(t, RESIDUE_LINE, 6));
        d.put("run-together", (t, r) -> runTogether(t));
        d.put("lost-letters", (t, r) -> lostLetters(t));
        d.put("single-newline", (t, r) -> singleNewline(t));
        d.put("more-on-this-mid-body", (t, r) -> moreOnThisMidBody(t));
        d.put("no-headline", (t, r) -> noHeadline(t));
        d.put("furniture", this::hasOwnFurniture);
        return d;
    }

    @Test
    void everyDeclaredKindIsKnown_andEveryListedDocumentExists() {
        List<String> bad = new ArrayList<>();
        corpus.noise.forEach((id, kinds) -> {
            if (!rows.containsKey(id)) {
                bad.add(id + " (no such document)");
            }
            kinds.stream().filter(k -> !KINDS.contains(k)).forEach(k -> bad.add(id + ": unknown kind " + k));
        });
        assertTrue(bad.isEmpty(), "noise.tsv: " + bad);
    }

    @Test
    void everyMechanicallyDetectableDeclaredKind_isInTheBytes() {
        Map<String, List<String>> missing = new TreeMap<>();
        Map<String, Integer> checked = new TreeMap<>();
        corpus.noise.forEach((id, kinds) -> {
            for (String k : kinds) {
                BiPredicate<String, Row> d = detectors.get(k);
                if (d != null && rows.containsKey(id)) {
                    checked.merge(k, 1, Integer::sum);
                    if (!d.test(corpus.texts.get(id), rows.get(id))) {
                        missing.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
                    }
                }
            }
        });
        System.err.println("[NoiseInventoryTest] declared kinds checked against the bytes: " + checked);
        assertTrue(missing.isEmpty(), "declared in noise.tsv but not found in the file: " + missing);
    }

    @Test
    void byteLevelNoise_isPresentOnlyWhereDeclared() {
        Map<String, List<String>> undeclared = new TreeMap<>();
        for (String k : List.of("bom", "crlf", "nbsp", "no-final-newline", "html-entities", "curly-quotes", "copyright-year", "furniture")) {
            BiPredicate<String, Row> d = detectors.get(k);
            rows.forEach((id, r) -> {
                if (!corpus.noise.getOrDefault(id, Set.of()).contains(k) && d.test(corpus.texts.get(id), r)) {
                    undeclared.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
                }
            });
        }
        assertTrue(undeclared.isEmpty(), "present in the file but not declared in noise.tsv: " + undeclared);
    }

    @Test
    void atLeast45PercentOfDocumentsAreDeclaredNoisy() {
        long noisy = rows.keySet().stream().filter(id -> !corpus.noise.getOrDefault(id, Set.of()).isEmpty()).count();
        System.err.printf(Locale.ROOT, "[NoiseInventoryTest] %d of %d documents noisy (%.1f%%)%n", noisy, rows.size(), 100.0 * noisy / rows.size());
        assertTrue(noisy >= 0.45 * rows.size(), noisy + " noisy documents of " + rows.size() + ", want >= 45%");
    }

    @Test
    void everyNoiseKindOnAtLeast20Documents_hasStanceRatesWithin15Points() {
        Map<String, Integer> perStance = new HashMap<>();
        rows.values().forEach(r -> perStance.merge(r.stance(), 1, Integer::sum));
        Map<String, Map<String, List<String>>> byKind = new TreeMap<>();
        corpus.noise.forEach((id, kinds) -> kinds.forEach(k ->
                byKind.computeIfAbsent(k, x -> new TreeMap<>()).computeIfAbsent(rows.get(id).stance(), x -> new ArrayList<>()).add(id)));
        List<String> uneven = new ArrayList<>();
        StringBuilder table = new StringBuilder("[NoiseInventoryTest] documents per kind and stance (pro / anti / neutral):\n");
        byKind.forEach((k, byStance) -> {
            double[] rate = CorpusFiles.STANCES.stream()
                    .mapToDouble(s -> 100.0 * byStance.getOrDefault(s, List.of()).size() / perStance.get(s)).toArray();
            int total = byStance.values().stream().mapToInt(List::size).sum();
            double spread = java.util.Arrays.stream(rate).max().orElse(0) - java.util.Arrays.stream(rate).min().orElse(0);
            table.append(String.format(Locale.ROOT, "  %-22s %4d  %5.1f%% / %5.1f%% / %5.1f%%  spread %4.1f%n", k, total, rate[0], rate[1], rate[2], spread));
            if (total >= 20 && spread > 15) {
                uneven.add(String.format(Locale.ROOT, "%s %.1f/%.1f/%.1f%% (pro %s, anti %s, neutral %s)", k, rate[0], rate[1], rate[2],
                        byStance.get("pro-enforcement"), byStance.get("anti-enforcement"), byStance.get("neutral")));
            }
        });
        System.err.print(table);
        assertTrue(uneven.isEmpty(), "noise kinds whose stance rates differ by more than 15 points: " + uneven);
    }

    @Test
    void everyOutletHasAShareLineFooterAndRelatedBlock_onAQuarterToTwoFifthsOfItsPages() {
        Map<String, Set<String>> pieces = new TreeMap<>();
        for (Furniture f : corpus.furniture) {
            pieces.computeIfAbsent(f.outlet(), x -> new TreeSet<>()).add(f.piece());
        }
        Map<String, int[]> pages = new TreeMap<>();
        rows.forEach((id, r) -> {
            int[] c = pages.computeIfAbsent(r.outlet(), x -> new int[2]);
            c[0]++;
            if (corpus.noise.getOrDefault(id, Set.of()).contains("furniture")) {
                c[1]++;
            }
        });
        List<String> bad = new ArrayList<>();
        pages.forEach((o, c) -> {
            if (!pieces.getOrDefault(o, Set.of()).containsAll(Set.of("share", "footer", "related"))) {
                bad.add(o + " has furniture pieces " + pieces.get(o));
            }
            if (c[1] < 0.25 * c[0] || c[1] > 0.40 * c[0]) {
                bad.add(o + " shows its furniture on " + c[1] + " of " + c[0] + " pages");
            }
        });
        assertTrue(bad.isEmpty(), "furniture.tsv / noise.tsv: " + bad);
    }
}

package org.docbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.docbench.datasets.CorpusFiles.Row;
import org.docbench.testing.RequiredData;

/**
 * Guards the embedded corpus: labels and files agree, every topic x stance cell is filled,
 * documents are distinct from each other and from the seed articles, and the splits are sound.
 * Reads the source folder itself, so a broken corpus fails before it is packaged.
 */
class ImmigrationCorpusTest {

    static final Path ROOT = CorpusFiles.ROOT;
    static final List<String> TOPICS = CorpusFiles.TOPICS;
    static final List<String> STANCES = CorpusFiles.STANCES;

    static CorpusFiles corpus;
    static Map<String, Row> rows;
    static Map<String, String> texts;

    @BeforeAll
    static void load() {
        corpus = CorpusFiles.get();
        rows = corpus.rows;
        texts = corpus.texts;
    }

    static List<String> words(String text) {
        return CorpusFiles.words(text);
    }

    static Set<String> shingles(List<String> words, int n) {
        return CorpusFiles.shingles(words, n);
    }

    @Test
    void everyDocumentHasExactlyOneValidLabelRow_andEveryRowADocument() {
        Set<String> noRow = new TreeSet<>(texts.keySet());
        noRow.removeAll(rows.keySet());
        Set<String> noDoc = new TreeSet<>(rows.keySet());
        noDoc.removeAll(texts.keySet());
        assertTrue(noRow.isEmpty(), "documents without a label row: " + noRow);
        assertTrue(noDoc.isEmpty(), "label rows without a document: " + noDoc);
        for (Row r : rows.values()) {
            assertTrue(TOPICS.contains(r.topic()), r.id() + ": unknown topic " + r.topic());
            assertTrue(STANCES.contains(r.stance()), r.id() + ": unknown stance " + r.stance());
            LocalDate d = LocalDate.parse(r.date());
            assertTrue(d.getYear() >= 2008 && d.getYear() <= 2026, r.id() + ": date out of 2008..2026: " + d);
            assertFalse(r.outlet().isBlank(), r.id() + ": no outlet");
            assertFalse(r.kind().isBlank(), r.id() + ": no kind");
        }
    }

    @Test
    void everyTopicStanceCellHasAtLeast48Documents_andTheCorpusAtLeast864() {
        Map<String, Integer> cells = new TreeMap<>();
        rows.values().forEach(r -> cells.merge(r.topic() + " x " + r.stance(), 1, Integer::sum));
        for (String t : TOPICS) {
            for (String s : STANCES) {
                int n = cells.getOrDefault(t + " x " + s, 0);
                assertTrue(n >= 48, "cell " + t + " x " + s + " has " + n + " documents, want >= 48; all: " + cells);
            }
        }
        assertTrue(rows.size() >= 864, "corpus has " + rows.size() + " documents, want >= 864");
    }

    @Test
    void lengthsRunFrom40To1000Words_withMedianAtLeast180() {
        List<Integer> lengths = new ArrayList<>();
        texts.forEach((id, t) -> {
            int n = words(t).size();
            assertTrue(n >= 40 && n <= 1000, id + " has " + n + " words, want 40..1000");
            lengths.add(n);
        });
        lengths.sort(null);
        int median = lengths.get(lengths.size() / 2);
        assertTrue(median >= 180, "median length " + median + " words, want >= 180");
    }

    @Test
    void outletsAreManyAndNoneGivesTheLabelAway() {
        Map<String, Set<String>> topics = new TreeMap<>();
        Map<String, Set<String>> stances = new TreeMap<>();
        for (Row r : rows.values()) {
            topics.computeIfAbsent(r.outlet(), k -> new TreeSet<>()).add(r.topic());
            stances.computeIfAbsent(r.outlet(), k -> new TreeSet<>()).add(r.stance());
        }
        assertTrue(topics.size() >= 24, "only " + topics.size() + " outlets: " + topics.keySet());
        topics.forEach((o, t) -> assertTrue(t.size() >= 3, o + " writes on " + t + ", want >= 3 topics"));
        stances.forEach((o, s) -> assertTrue(s.size() >= 2, o + " writes with stances " + s + ", want >= 2"));
    }

    /** Above this 5-gram shingle Jaccard two documents are near-duplicates; only a declared wire group may hold such a pair. */
    static final double NEAR_DUPLICATE = 0.25;

    @Test
    void noTwoDocumentsAreNearDuplicates_exceptInsideADeclaredWireGroup() {
        List<String> ids = new ArrayList<>(texts.keySet());
        List<Set<String>> sh = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Set<String> s = shingles(words(texts.get(ids.get(i))), 5);
            sh.add(s);
            for (String g : s) {
                index.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            }
        }
        Map<Long, Integer> shared = new HashMap<>();
        for (List<Integer> docs : index.values()) {
            for (int a = 0; a < docs.size(); a++) {
                for (int b = a + 1; b < docs.size(); b++) {
                    shared.merge(((long) docs.get(a) << 32) | docs.get(b), 1, Integer::sum);
                }
            }
        }
        double worst = 0;
        String worstPair = "";
        List<String> tooClose = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : shared.entrySet()) {
            String a = ids.get((int) (e.getKey() >>> 32));
            String b = ids.get((int) (long) e.getKey());
            int inter = e.getValue();
            double j = inter / (double) (sh.get((int) (e.getKey() >>> 32)).size() + sh.get((int) (long) e.getKey()).size() - inter);
            String ga = corpus.wireGroup.get(a);
            if (ga != null && ga.equals(corpus.wireGroup.get(b))) {
                continue;
            }
            if (j > NEAR_DUPLICATE) {
                tooClose.add(String.format(Locale.ROOT, "%s ~ %s (%.3f)", a, b, j));
            }
            if (j > worst) {
                worst = j;
                worstPair = a + " ~ " + b;
            }
        }
        System.err.printf(Locale.ROOT, "[ImmigrationCorpusTest] highest 5-gram Jaccard outside declared wire groups: %.3f (%s)%n", worst, worstPair);
        assertTrue(tooClose.isEmpty(), "pairs above " + NEAR_DUPLICATE + " 5-gram Jaccard that no wire group declares: " + tooClose);
    }

    @Test
    void wireGroups_areAtLeast30_eachTwoOrMoreOutletsWithOneLabel_andReallyReprints() {
        Map<String, List<String>> groups = corpus.wireMembers;
        List<String> problems = new ArrayList<>();
        groups.forEach((g, ids) -> {
            for (String id : ids) {
                if (!rows.containsKey(id)) {
                    problems.add(g + ": unknown document " + id);
                    return;
                }
            }
            Set<String> outlets = new TreeSet<>();
            Set<String> labels = new TreeSet<>();
            ids.forEach(id -> {
                outlets.add(rows.get(id).outlet());
                labels.add(rows.get(id).topic() + "/" + rows.get(id).stance());
            });
            if (ids.size() < 2 || outlets.size() < 2) {
                problems.add(g + ": " + ids + " at outlets " + outlets + ", want >= 2 documents at >= 2 outlets");
            }
            if (labels.size() != 1) {
                problems.add(g + ": members " + ids + " carry different labels " + labels);
            }
            String lead = ids.stream().min(String::compareTo).orElseThrow();
            Set<String> leadShingles = shingles(words(texts.get(lead)), 5);
            for (String id : ids) {
                double j = CorpusFiles.jaccard(leadShingles, shingles(words(texts.get(id)), 5));
                if (!id.equals(lead) && j < 0.30) {
                    problems.add(String.format(Locale.ROOT, "%s: %s shares only %.3f of its 5-grams with %s; not a light-edit reprint", g, id, j, lead));
                }
            }
        });
        assertTrue(problems.isEmpty(), "wire.tsv: " + problems);
        assertTrue(groups.size() >= 30, "wire.tsv declares " + groups.size() + " groups, want >= 30: " + groups.keySet());
    }

    @Test
    void noDocumentSharesAnEightWordRunWithASeedArticle() throws IOException {
        Path seeds = Path.of(System.getProperty("docbench.shared", "../../shared"), "seeds");
        if (!Files.isDirectory(seeds)) {
            RequiredData.skipLoudly("seed folder " + seeds.toAbsolutePath() + " is absent; the seed-copy check did not run");
        }
        Set<String> seed = new HashSet<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                seed.addAll(shingles(words(Files.readString(p, StandardCharsets.UTF_8)), 8));
            }
        }
        assertFalse(seed.isEmpty(), "no seed text read from " + seeds);
        texts.forEach((id, t) -> {
            Set<String> s = shingles(words(t), 8);
            s.retainAll(seed);
            assertTrue(s.isEmpty(), id + " shares an 8-word run with a seed article: " + s);
        });
    }

    @Test
    void noBodyNamesAStanceLabel() {
        texts.forEach((id, t) -> {
            String low = t.toLowerCase(Locale.ROOT);
            for (String label : List.of("pro-enforcement", "anti-enforcement")) {
                assertFalse(low.contains(label), id + " contains the label word " + label);
            }
        });
    }

    @Test
    void layoutNamesTheRandomOutletAndWriterSplits() {
        assertEquals(List.of("random", "outlet", "writer"), corpus.schemes, "splits in layout.properties");
    }

    @Test
    void everySplitCoversTheCorpus_andKeepsEachWireGroupOnOneSide() {
        corpus.splits.forEach((scheme, part) -> {
            Set<String> missing = new TreeSet<>(rows.keySet());
            missing.removeAll(part.keySet());
            Set<String> extra = new TreeSet<>(part.keySet());
            extra.removeAll(rows.keySet());
            assertTrue(missing.isEmpty() && extra.isEmpty(), scheme + " split: missing " + missing + ", unknown " + extra);
            assertTrue(part.containsValue("train") && part.containsValue("test"), scheme + " needs both parts");
            List<String> split = new ArrayList<>();
            corpus.wireMembers.forEach((g, ids) -> {
                Set<String> sides = new TreeSet<>();
                ids.forEach(id -> sides.add(part.get(id)));
                if (sides.size() > 1) {
                    split.add(g + " " + ids + " -> " + ids.stream().map(part::get).toList());
                }
            });
            assertTrue(split.isEmpty(), scheme + " split puts wire groups on both sides: " + split);
        });
    }

    @Test
    void outletSplit_holdsOutWholeOutlets() {
        Map<String, String> part = corpus.splits.get("outlet");
        Map<String, Set<String>> partsOfOutlet = new TreeMap<>();
        part.forEach((id, p) -> partsOfOutlet.computeIfAbsent(rows.get(id).outlet(), k -> new TreeSet<>()).add(p));
        partsOfOutlet.forEach((o, ps) -> assertEquals(1, ps.size(), "outlet " + o + " is in " + ps));
    }

    @Test
    void writerSplit_holdsOutWholeWriters_andAReprintGoesWithItsGroup() {
        Map<String, String> part = corpus.splits.get("writer");
        Map<String, Set<String>> partsOfWriter = new TreeMap<>();
        Map<String, List<String>> idsOfWriter = new TreeMap<>();
        part.forEach((id, p) -> {
            partsOfWriter.computeIfAbsent(corpus.writerUnit(id), k -> new TreeSet<>()).add(p);
            idsOfWriter.computeIfAbsent(corpus.writerUnit(id) + "/" + p, k -> new ArrayList<>()).add(id);
        });
        partsOfWriter.forEach((w, ps) -> assertEquals(1, ps.size(), "writer " + w + " is in " + ps + ": test "
                + idsOfWriter.get(w + "/test") + ", train " + idsOfWriter.get(w + "/train")));
        long test = part.values().stream().filter("test"::equals).count();
        assertTrue(test >= 0.2 * part.size() && test <= 0.4 * part.size(), "writer split has " + test + " of " + part.size() + " in test, want 20-40%");
    }

    @Test
    void everyFileIsValidUtf8() throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            for (Path p : files.toList()) {
                try {
                    decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)));
                } catch (java.nio.charset.CharacterCodingException e) {
                    fail(p + " is not valid UTF-8");
                }
            }
        }
    }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the embedded corpus: labels and files agree, every topic x stance cell is filled,
 * documents are distinct from each other and from the seed articles, and the splits are sound.
 * Reads the source folder itself, so a broken corpus fails before it is packaged.
 */
class ImmigrationCorpusTest {

    static final Path ROOT = Path.of("immigration-enforcement");
    static final List<String> TOPICS = List.of("287g", "secure-communities", "detainers", "sanctuary",
            "state-enforcement", "enforcement-priorities");
    static final List<String> STANCES = List.of("pro-enforcement", "anti-enforcement", "neutral");
    static final Pattern WORD = Pattern.compile("[a-z0-9']+");

    record Row(String id, String topic, String stance, String outlet, String date, String kind) {
    }

    static Map<String, Row> rows;
    static Map<String, String> texts;

    @BeforeAll
    static void load() throws IOException {
        rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(ROOT.resolve("labels.tsv"), StandardCharsets.UTF_8);
        assertEquals("id\ttopic\tstance\toutlet\tdate\tkind", lines.get(0), "labels.tsv header");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            assertEquals(6, f.length, "labels.tsv:" + (i + 1) + " fields: " + lines.get(i));
            Row row = new Row(f[0], f[1], f[2], f[3], f[4], f[5]);
            assertTrue(rows.put(row.id(), row) == null, "labels.tsv:" + (i + 1) + " duplicate id " + row.id());
        }
        texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                assertTrue(name.endsWith(".txt"), "only .txt files in docs/, found " + name);
                texts.put(name.substring(0, name.length() - 4), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static Set<String> shingles(List<String> words, int n) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + n)));
        }
        return out;
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
    void everyTopicStanceCellHasAtLeast25Documents_andTheCorpusAtLeast600() {
        Map<String, Integer> cells = new TreeMap<>();
        rows.values().forEach(r -> cells.merge(r.topic() + " x " + r.stance(), 1, Integer::sum));
        for (String t : TOPICS) {
            for (String s : STANCES) {
                int n = cells.getOrDefault(t + " x " + s, 0);
                assertTrue(n >= 25, "cell " + t + " x " + s + " has " + n + " documents, want >= 25; all: " + cells);
            }
        }
        assertTrue(rows.size() >= 600, "corpus has " + rows.size() + " documents, want >= 600");
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

    @Test
    void noTwoDocumentsShareMoreThan35PercentOfTheirFiveWordShingles() {
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
        for (Map.Entry<Long, Integer> e : shared.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            int inter = e.getValue();
            double j = inter / (double) (sh.get(a).size() + sh.get(b).size() - inter);
            if (j > worst) {
                worst = j;
                worstPair = ids.get(a) + " ~ " + ids.get(b);
            }
        }
        assertTrue(worst <= 0.35, "shingle Jaccard " + worst + " for " + worstPair + ", want <= 0.35");
    }

    @Test
    void noDocumentSharesAnEightWordRunWithASeedArticle() throws IOException {
        Path seeds = Path.of(System.getProperty("docbench.shared", "../../shared"), "seeds");
        if (!Files.isDirectory(seeds)) {
            System.err.println("SKIPPED: seed folder " + seeds.toAbsolutePath() + " is absent; the seed-copy check did not run");
        }
        Assumptions.assumeTrue(Files.isDirectory(seeds), "seed folder " + seeds + " is absent");
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
    void splitsAreDisjoint_coverTheCorpus_andTheOutletSplitKeepsOutletsApart() throws IOException {
        for (String scheme : List.of("random", "outlet")) {
            List<String> lines = Files.readAllLines(ROOT.resolve("splits/" + scheme + ".tsv"), StandardCharsets.UTF_8);
            assertEquals("id\tsplit", lines.get(0), scheme + ".tsv header");
            Map<String, String> part = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                assertTrue(Set.of("train", "test").contains(f[1]), scheme + ": bad part in " + line);
                assertTrue(part.put(f[0], f[1]) == null, scheme + ": " + f[0] + " listed twice");
            }
            assertEquals(rows.keySet(), part.keySet(), scheme + " split must cover exactly the corpus");
            assertTrue(part.containsValue("train") && part.containsValue("test"), scheme + " needs both parts");
            if (scheme.equals("outlet")) {
                Map<String, Set<String>> partsOfOutlet = new TreeMap<>();
                part.forEach((id, p) -> partsOfOutlet.computeIfAbsent(rows.get(id).outlet(), k -> new TreeSet<>()).add(p));
                partsOfOutlet.forEach((o, ps) -> assertEquals(1, ps.size(), "outlet " + o + " is in " + ps));
            }
        }
    }

    @Test
    void atLeast40PercentOfFilesCarryInventoriedNoise_andTheByteLevelNoiseIsReallyThere() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("noise.tsv"), StandardCharsets.UTF_8);
        assertEquals("id\tnoise", lines.get(0), "noise.tsv header");
        Map<String, Set<String>> noise = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertTrue(rows.containsKey(f[0]), "noise.tsv names unknown document " + f[0]);
            noise.put(f[0], new TreeSet<>(List.of(f[1].split(","))));
        }
        assertTrue(noise.size() >= 0.4 * rows.size(), noise.size() + " noisy files of " + rows.size() + ", want >= 40%");
        for (Map.Entry<String, Set<String>> e : noise.entrySet()) {
            byte[] raw = Files.readAllBytes(ROOT.resolve("docs/" + e.getKey() + ".txt"));
            String text = new String(raw, StandardCharsets.UTF_8);
            if (e.getValue().contains("bom")) {
                assertTrue(text.startsWith("\uFEFF"), e.getKey() + " is listed with a BOM but has none");
            }
            if (e.getValue().contains("crlf")) {
                assertTrue(text.contains("\r\n"), e.getKey() + " is listed with CRLF line ends but has none");
            }
            if (e.getValue().contains("nbsp")) {
                assertTrue(text.contains("\u00A0"), e.getKey() + " is listed with non-breaking spaces but has none");
            }
        }
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

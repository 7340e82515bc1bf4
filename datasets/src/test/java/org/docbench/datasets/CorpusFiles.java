package org.docbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The corpus folder as the guard tests read it: label rows, raw texts, the noise inventory, the
 * declared wire groups, the outlets' furniture and every split scheme named in layout.properties.
 * Read once from the source folder (so a broken corpus fails before it is packaged); not
 * thread-safe to mutate, and nobody does.
 */
final class CorpusFiles {

    static final Path ROOT = Path.of("immigration-enforcement");
    static final List<String> TOPICS = List.of("287g", "secure-communities", "detainers", "sanctuary",
            "state-enforcement", "enforcement-priorities");
    static final List<String> STANCES = List.of("pro-enforcement", "anti-enforcement", "neutral");
    static final Pattern WORD = Pattern.compile("[a-z0-9']+");

    /** The word groups of the writers' checker (corpus-plan/check.py), copied into tools/measure.py too. */
    static final Set<String> FAMILY = Set.of(("family families wife husband son sons daughter daughters children child kids kid "
            + "mother father mom dad parent parents grandmother grandfather grandson granddaughter sister brother toddler "
            + "baby spouse nephew niece").split(" "));
    static final Pattern CRIME = Pattern.compile("\\b(convicted|conviction|convictions|felony|felonies|felon|assault|assaulted"
            + "|murder|murdered|homicide|rape|robbery|violent|reoffend\\w*|re-offend\\w*|rearrest\\w*|re-arrest\\w*"
            + "|repeat offender|been deported|dui|drunk driving|gang|trafficking|burglary|stabbing|shooting|manslaughter)\\b");

    record Row(String id, String topic, String stance, String outlet, String date, String kind) {
        /** The writer is the letter after "ie-": a..f wrote the first edition, g..j the second. */
        String writer() {
            return id.substring(3, 4);
        }
    }

    /** A piece of an outlet's page furniture (share line, footer, related-links block). */
    record Furniture(String outlet, String piece, String text) {
    }

    final Map<String, Row> rows = new LinkedHashMap<>();
    final Map<String, String> texts = new TreeMap<>();
    final Map<String, Set<String>> noise = new TreeMap<>();
    /** id -> wire group, for documents in a declared group only. */
    final Map<String, String> wireGroup = new TreeMap<>();
    final Map<String, List<String>> wireMembers = new TreeMap<>();
    final List<Furniture> furniture = new ArrayList<>();
    final List<String> schemes = new ArrayList<>();
    /** scheme -> id -> part. */
    final Map<String, Map<String, String>> splits = new TreeMap<>();

    private static CorpusFiles loaded;

    static synchronized CorpusFiles get() {
        if (loaded == null) {
            try {
                loaded = new CorpusFiles();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    private CorpusFiles() throws IOException {
        List<String> lines = read("labels.tsv");
        assertEquals("id\ttopic\tstance\toutlet\tdate\tkind", lines.get(0), "labels.tsv header");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            assertEquals(6, f.length, "labels.tsv:" + (i + 1) + " fields: " + lines.get(i));
            Row row = new Row(f[0], f[1], f[2], f[3], f[4], f[5]);
            assertTrue(rows.put(row.id(), row) == null, "labels.tsv:" + (i + 1) + " duplicate id " + row.id());
        }
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                assertTrue(name.endsWith(".txt"), "only .txt files in docs/, found " + name);
                texts.put(name.substring(0, name.length() - 4), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        lines = read("noise.tsv");
        assertEquals("id\tnoise", lines.get(0), "noise.tsv header");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            assertEquals(2, f.length, "noise.tsv line: " + line);
            assertTrue(noise.put(f[0], new TreeSet<>(List.of(f[1].split(",")))) == null, "noise.tsv lists " + f[0] + " twice");
        }
        if (Files.exists(ROOT.resolve("wire.tsv"))) {
            lines = read("wire.tsv");
            assertEquals("group\tid", lines.get(0), "wire.tsv header");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                assertEquals(2, f.length, "wire.tsv line: " + line);
                assertTrue(wireGroup.put(f[1], f[0]) == null, "wire.tsv puts " + f[1] + " in two groups");
                wireMembers.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
            }
        }
        if (Files.exists(ROOT.resolve("furniture.tsv"))) {
            lines = read("furniture.tsv");
            assertEquals("outlet\tpiece\ttext", lines.get(0), "furniture.tsv header");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                assertEquals(3, f.length, "furniture.tsv line: " + line);
                furniture.add(new Furniture(f[0], f[1], f[2].replace("\\n", "\n")));
            }
        }
        Properties layout = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve("layout.properties"), StandardCharsets.UTF_8)) {
            layout.load(r);
        }
        for (String s : layout.getProperty("splits", "").split(",")) {
            if (!s.isBlank()) {
                schemes.add(s.trim());
            }
        }
        for (String scheme : schemes) {
            lines = read("splits/" + scheme + ".tsv");
            assertEquals("id\tsplit", lines.get(0), scheme + ".tsv header");
            Map<String, String> part = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                assertTrue(f.length == 2 && Set.of("train", "test").contains(f[1]), scheme + ": bad line " + line);
                assertTrue(part.put(f[0], f[1]) == null, scheme + ": " + f[0] + " listed twice");
            }
            splits.put(scheme, part);
        }
    }

    private static List<String> read(String rel) throws IOException {
        return Files.readAllLines(ROOT.resolve(rel), StandardCharsets.UTF_8);
    }

    /** The writer a split must keep together: a wire group's members go with its lowest id (the original). */
    String writerUnit(String id) {
        String g = wireGroup.get(id);
        String lead = g == null ? id : wireMembers.get(g).stream().min(String::compareTo).orElseThrow();
        return rows.get(lead).writer();
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

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int inter = 0;
        for (String s : a) {
            if (b.contains(s)) {
                inter++;
            }
        }
        return inter / (double) (a.size() + b.size() - inter);
    }

    static boolean hasFamilyWord(String text) {
        return words(text).stream().anyMatch(FAMILY::contains);
    }

    static boolean hasCrimeWord(String text) {
        return CRIME.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}

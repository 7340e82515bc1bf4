package org.docbench.core.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.docbench.core.document.Part;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes the published splits of a corpus in docbench's layout from its {@code labels.tsv}:
 * {@code splits/random.tsv} (stratified by topic x stance, 20% test),
 * {@code splits/outlet.tsv} (whole outlets held out, about 25% of documents in test) and
 * {@code splits/writer.tsv} (whole writers held out, about 25% in test; the writer is the id
 * without its trailing number, {@code ie-a017} -> {@code ie-a}).
 *
 * <p>If the corpus has a {@code wire.tsv} (header {@code group id}: stories reprinted by several
 * outlets), every group stays on one side of every split: in the random and writer splits a
 * group goes where its lowest id (the original) goes; the outlet split cannot move a reprint
 * without moving its outlet, so it fails if a group straddles it.
 *
 * <p>Run after adding documents; the seeds are fixed, so the same labels give the same files:
 * {@code mvn -q -pl core exec:java -Dexec.mainClass=org.docbench.core.corpus.MakeSplits -Dexec.args=datasets/immigration-enforcement}
 */
public final class MakeSplits {
    /** Seeds of the published splits; changing them changes every reported figure. */
    public static final long RANDOM_SEED = 20081001L;
    public static final long OUTLET_SEED = 20120101L;
    public static final long WRITER_SEED = 20250101L;

    private MakeSplits() {
    }

    record Row(String id, String topic, String stance, String outlet) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: MakeSplits CORPUS_FOLDER");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).get();
        try (Reader r = Files.newBufferedReader(root.resolve("labels.tsv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, format)) {
            for (CSVRecord rec : parser) {
                rows.add(new Row(rec.get("id"), rec.get("topic"), rec.get("stance"), rec.get("outlet")));
            }
        }
        Map<String, String> lead = wireLeads(root);
        Map<String, String> writerOf = new HashMap<>();
        rows.forEach(row -> writerOf.put(row.id(), row.id().replaceFirst("\\d+$", "")));
        Map<String, Part> random = Splits.stratified(rows, Row::id, row -> row.topic() + "|" + row.stance(), 0.2, RANDOM_SEED);
        lead.forEach((id, l) -> random.put(id, random.get(l)));
        Map<String, Part> outlet = Splits.groupHeldOut(rows, Row::id, Row::outlet, 0.25, OUTLET_SEED);
        lead.forEach((id, l) -> {
            if (!outlet.get(id).equals(outlet.get(l))) {
                throw new IllegalStateException("wire group of " + l + " straddles the outlet split: " + id + " is in "
                        + outlet.get(id) + ", " + l + " in " + outlet.get(l) + "; reprint it at an outlet on the same side");
            }
        });
        Map<String, Part> writer = Splits.groupHeldOut(rows, Row::id, row -> writerOf.get(lead.getOrDefault(row.id(), row.id())),
                0.25, WRITER_SEED);
        Files.createDirectories(root.resolve("splits"));
        write(root.resolve("splits/random.tsv"), random);
        write(root.resolve("splits/outlet.tsv"), outlet);
        write(root.resolve("splits/writer.tsv"), writer);
        System.out.println("random " + Splits.sizes(random) + ", outlet " + Splits.sizes(outlet) + ", writer " + Splits.sizes(writer));
    }

    /** Member id -> the lowest id of its wire group, for every document in a group of {@code wire.tsv} (none if absent). */
    static Map<String, String> wireLeads(Path root) throws IOException {
        Map<String, String> lead = new HashMap<>();
        Path wire = root.resolve("wire.tsv");
        if (!Files.exists(wire)) {
            return lead;
        }
        Map<String, String> first = new TreeMap<>();
        Map<String, String> groupOf = new HashMap<>();
        CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).get();
        try (Reader r = Files.newBufferedReader(wire, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(r, format)) {
            for (CSVRecord rec : parser) {
                String g = rec.get("group");
                String id = rec.get("id");
                groupOf.put(id, g);
                first.merge(g, id, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        groupOf.forEach((id, g) -> lead.put(id, first.get(g)));
        return lead;
    }

    private static void write(Path file, Map<String, Part> split) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id\tsplit\n");
            for (Map.Entry<String, Part> e : split.entrySet()) {
                w.write(e.getKey() + "\t" + e.getValue().spelling() + "\n");
            }
        }
    }
}

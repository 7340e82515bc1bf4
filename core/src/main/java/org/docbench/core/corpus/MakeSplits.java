package org.docbench.core.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes the published splits of a corpus in docbench's layout from its {@code labels.tsv}:
 * {@code splits/random.tsv} (stratified by topic x stance, 20% test) and
 * {@code splits/outlet.tsv} (whole outlets held out, about 25% of documents in test).
 *
 * <p>Run after adding documents; the seeds are fixed, so the same labels give the same files:
 * {@code mvn -q -pl core exec:java -Dexec.mainClass=org.docbench.core.corpus.MakeSplits -Dexec.args=datasets/immigration-enforcement}
 */
public final class MakeSplits {
    /** Seeds of the published splits; changing them changes every reported figure. */
    public static final long RANDOM_SEED = 20081001L;
    public static final long OUTLET_SEED = 20120101L;

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
        Map<String, String> random = Splits.stratified(rows, Row::id, row -> row.topic() + "|" + row.stance(), 0.2, RANDOM_SEED);
        Map<String, String> outlet = Splits.groupHeldOut(rows, Row::id, Row::outlet, 0.25, OUTLET_SEED);
        Files.createDirectories(root.resolve("splits"));
        write(root.resolve("splits/random.tsv"), random);
        write(root.resolve("splits/outlet.tsv"), outlet);
        System.out.println("random " + Splits.sizes(random) + ", outlet " + Splits.sizes(outlet));
    }

    private static void write(Path file, Map<String, String> split) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id\tsplit\n");
            for (Map.Entry<String, String> e : split.entrySet()) {
                w.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        }
    }
}

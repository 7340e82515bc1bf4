package org.docbench.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.docbench.classifiers.inference.Scorer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The single-process reference of the scale benchmark: the same model, loaded by the same scorer
 * ({@code docbench classify}'s), classifying the same documents on one thread with no Spark: the articles of
 * {@code allsides.jsonl} held in memory, one warm-up pass, then {@code copies} timed passes
 * (as many documents as the Parquet file holds). Prints one line: documents, seconds, docs/s.
 * Usage: {@code FastPathBaseline MODEL ALLSIDES_JSONL COPIES}.
 */
public final class FastPathBaseline {
    private FastPathBaseline() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: FastPathBaseline MODEL ALLSIDES_JSONL COPIES");
            System.exit(2);
        }
        Scorer model = Scorer.load(Path.of(args[0]));
        Scorer.Session session = model.newSession();
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (Stream<String> lines = Files.lines(Path.of(args[1]))) {
            for (String line : (Iterable<String>) lines::iterator) {
                texts.add(json.readTree(line).get("text").asText());
            }
        }
        int copies = Integer.parseInt(args[2]);
        long sink = 0;
        for (String t : texts) {
            sink += session.score(t);
        }
        long t0 = System.nanoTime();
        for (int c = 0; c < copies; c++) {
            for (String t : texts) {
                sink += session.score(t);
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long n = (long) copies * texts.size();
        System.out.printf(Locale.ROOT, "single process, one thread, %s: %,d documents, %.1f s, %,.0f docs/s (checksum %d)%n",
                model.path() == Scorer.Path.FAST ? "fast path" : "Tribuo predict", n, s, n / s, sink);
    }
}

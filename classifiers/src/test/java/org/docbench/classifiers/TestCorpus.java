package org.docbench.classifiers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.docbench.core.document.LabeledDocument;

/** A small synthetic corpus with learnable topics, for tests that need real training. */
public final class TestCorpus {
    public static final List<String> TOPICS = List.of("detainers", "sanctuary", "287g");
    private static final Map<String, List<String>> WORDS = Map.of(
            "detainers", List.of("detainer", "jail", "hold", "release", "warrant", "request"),
            "sanctuary", List.of("sanctuary", "city", "council", "ordinance", "shelter", "policy"),
            "287g", List.of("agreement", "deputies", "sheriff", "training", "delegated", "authority"));
    private static final List<String> COMMON = List.of("the", "county", "officials", "said", "on", "immigration", "a", "new");

    private TestCorpus() {
    }

    /** {@code perTopic} documents per topic; split "random" puts every fifth document in test. */
    public static List<LabeledDocument> documents(int perTopic, long seed) {
        Random rng = new Random(seed);
        List<LabeledDocument> docs = new ArrayList<>();
        for (String topic : TOPICS) {
            for (int i = 0; i < perTopic; i++) {
                StringBuilder sb = new StringBuilder();
                for (int w = 0; w < 30; w++) {
                    List<String> pool = rng.nextDouble() < 0.4 ? WORDS.get(topic) : COMMON;
                    if (rng.nextDouble() < 0.1) {
                        pool = WORDS.get(TOPICS.get(rng.nextInt(TOPICS.size()))); // some noise
                    }
                    sb.append(pool.get(rng.nextInt(pool.size()))).append(' ');
                }
                String id = topic + "-" + String.format("%03d", i);
                String stance = i % 2 == 0 ? "pro" : "anti";
                docs.add(new LabeledDocument(id, sb.toString().strip(), Map.of("topic", topic, "stance", stance),
                        Map.of("random", i % 5 == 0 ? "test" : "train"), Map.of()));
            }
        }
        return docs;
    }

    /** Writes {@code docs} as a docbench layout folder (labels.tsv, docs/, splits/random.tsv). */
    public static Path writeLayout(Path root, List<LabeledDocument> docs) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.createDirectories(root.resolve("splits"));
        StringBuilder labels = new StringBuilder("id\ttopic\tstance\n");
        StringBuilder split = new StringBuilder("id\tsplit\n");
        for (LabeledDocument d : docs) {
            labels.append(d.id()).append('\t').append(d.label("topic")).append('\t').append(d.label("stance")).append('\n');
            split.append(d.id()).append('\t').append(d.split("random")).append('\n');
            Files.writeString(root.resolve("docs/" + d.id() + ".txt"), d.text(), StandardCharsets.UTF_8);
        }
        Files.writeString(root.resolve("labels.tsv"), labels, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("splits/random.tsv"), split, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("layout.properties"), "name=synthetic\ntasks=topic,stance\nsplits=random\n",
                StandardCharsets.UTF_8);
        return root;
    }
}

package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.docbench.classifiers.train.Experiment;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;

/** Our AllSides topic split: topics from train and valid only, every topic in test, the published test never used. */
class AllSidesTopicsTest {

    /**
     * Published parts shaped like AllSides: "elections" frequent in train and valid but absent from
     * the published test part, "politics" everywhere, "fbi" frequent only in the published test part.
     */
    private static List<LabeledDocument> corpus() {
        List<LabeledDocument> docs = new ArrayList<>();
        add(docs, "elections", "train", 80);
        add(docs, "elections", "valid", 20);
        add(docs, "politics", "train", 40);
        add(docs, "politics", "valid", 10);
        add(docs, "politics", "test", 60);
        add(docs, "healthcare", "train", 30);
        add(docs, "healthcare", "valid", 10);
        add(docs, "fbi", "test", 200);
        add(docs, "fbi", "train", 5);
        add(docs, "guns", null, 50); // in no part of the random scheme
        return docs;
    }

    private static void add(List<LabeledDocument> docs, String topic, String part, int n) {
        for (int i = 0; i < n; i++) {
            String id = topic + "-" + part + "-" + i;
            docs.add(new LabeledDocument(id, "text " + i, Map.of("topic", topic, "stance", "left"),
                    part == null ? Map.of() : Map.of("random", part), Map.of()));
        }
    }

    @Test
    void of_choosesTopicsFromTrainAndValidOnly_mostFrequentFirst() {
        AllSidesTopics t = AllSidesTopics.of(corpus(), 3, 0.15, 42);
        assertEquals(List.of("elections", "politics", "healthcare"), t.topics(), "topics");
        assertEquals(List.of("elections", "healthcare"), t.missingFromPublishedTest(), "missing from the published test");
        assertEquals(Map.of("elections", 0, "politics", 60, "healthcare", 0), t.publishedTest(), "published test counts");
    }

    @Test
    void of_neverUsesThePublishedTestPart_andPutsEveryTopicInTest() {
        AllSidesTopics t = AllSidesTopics.of(corpus(), 3, 0.15, 42);
        Experiment e = t.experiment();
        for (List<LabeledDocument> part : List.of(e.train(), e.valid(), e.test())) {
            for (LabeledDocument d : part) {
                assertTrue(!"test".equals(d.split("random")) && d.split("random") != null,
                        d.id() + " is in the published test part or in none");
            }
        }
        // round(0.15 * n) per topic: elections 100 -> 15, politics 50 -> 8 (7.5 rounds up), healthcare 40 -> 6
        List<Integer> elections = t.counts().get("elections");
        assertEquals(85, elections.get(0) + elections.get(1), "elections train + valid: " + elections);
        assertEquals(15, elections.get(2), "elections test: " + elections);
        assertEquals(8, t.counts().get("politics").get(2), "politics test");
        assertEquals(6, t.counts().get("healthcare").get(2), "healthcare test");
        assertEquals(15 + 8 + 6, e.test().size(), "test size");
        assertEquals(190, e.train().size() + e.valid().size() + e.test().size(), "every topical train/valid document is used once");
        for (LabeledDocument d : e.valid()) {
            assertEquals("valid", d.split("random"), d.id() + " in our valid part but published " + d.split("random"));
        }
        assertEquals("allsides/topic/stratified-top3", e.id());
    }

    @Test
    void of_sameSplitWhateverTheInputOrder() {
        List<LabeledDocument> docs = corpus();
        List<LabeledDocument> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(7));
        Experiment a = AllSidesTopics.of(docs, 3, 0.15, 42).experiment();
        Experiment b = AllSidesTopics.of(shuffled, 3, 0.15, 42).experiment();
        assertEquals(ids(a.test()), ids(b.test()), "test ids");
        assertEquals(ids(a.valid()), ids(b.valid()), "valid ids");
        Experiment c = AllSidesTopics.of(docs, 3, 0.15, 43).experiment();
        assertTrue(!ids(a.test()).equals(ids(c.test())), "another seed draws another test part");
    }

    @Test
    void design_saysTheSplitIsOurs_withCountsPerTopic() {
        AllSidesTopics t = AllSidesTopics.of(corpus(), 3, 0.15, 42);
        String design = t.experiment().design();
        List<Integer> c = t.counts().get("elections");
        assertTrue(design.startsWith("ours, not published."), design);
        assertTrue(design.contains("elections " + c.get(0) + " / " + c.get(1) + " / 15"), design);
        assertTrue(design.contains("politics 60"), design);
    }

    @Test
    void of_tooFewTopics_saysHowMany() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllSidesTopics.of(corpus(), 5, 0.15, 42));
        assertEquals("the random train and valid parts have 4 topics, fewer than k = 5", e.getMessage());
    }

    private static List<String> ids(List<LabeledDocument> docs) {
        return docs.stream().map(LabeledDocument::id).sorted().toList();
    }
}

package org.docbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;

class BenchCorpusTest {

    @Test
    void load_keepsOneTopic_whenATopicIsGiven() {
        List<LabeledDocument> sanctuary = BenchCorpus.load("embedded", 10_000, "all", "sanctuary");
        assertEquals(144, sanctuary.size()); // 48 documents in each of the three sanctuary cells
        assertTrue(sanctuary.stream().allMatch(d -> d.label("topic").equals("sanctuary")));
        assertEquals(864, BenchCorpus.load("embedded", 10_000, "all").size());
    }

    @Test
    void load_namesTheCorpusBucketAndTopic_whenNothingIsLeft() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchCorpus.load("embedded", 10, "all", "no-such-topic"));
        assertEquals("no documents of embedded in bucket all with topic no-such-topic", e.getMessage());
    }

    @Test
    void inBucket_splitsByUtf8Size() {
        assertTrue(BenchCorpus.inBucket("a".repeat(2047), "small"));
        assertTrue(BenchCorpus.inBucket("\u00e9".repeat(1024), "medium"), "1,024 two-byte chars are 2,048 bytes");
        assertTrue(BenchCorpus.inBucket("a".repeat(6144), "large"));
        assertThrows(IllegalArgumentException.class, () -> BenchCorpus.inBucket("a", "huge"));
    }
}

package org.docbench.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.docbench.testing.RequiredData;

/** The real Article-Bias-Prediction corpus, where the build has it (CI unpacks it under target/). */
class AllSidesCorpusTest {

    @Test
    void wholeCorpus_streamsEveryPublishedArticle_withThePublishedLabelCounts() {
        Optional<Path> dir = AllSidesReader.locate(System.getProperty("docbench.allsides", ""),
                Path.of(System.getProperty("docbench.root", ".")));
        if (dir.isEmpty()) {
            RequiredData.skipLoudly("AllSides corpus not found; set -Ddocbench.allsides=DIR or unpack it to target/allsides");
        }
        AllSidesReader reader = AllSidesReader.fromFolder(dir.get(), OnError.SKIP_AND_REPORT);
        CorpusManifest m = CorpusManifest.of(reader);
        assertEquals(0, m.skipped(), "problems: " + reader.problems().list().stream().limit(5).toList());
        assertEquals(37_554, m.documents());
        assertEquals(Map.of("left", 13_005, "center", 10_815, "right", 13_734), m.counts().get("stance"));
        assertEquals(1_547, m.counts().get("topic").get("immigration"));
        assertTrue(m.counts().get("topic").size() >= 100, "topics: " + m.counts().get("topic").size());
    }
}

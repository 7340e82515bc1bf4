package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;

/** How the study reads AllSides before any experiment runs. */
class AllSidesStudyTest {

    @Test
    void ideology_allSidesLabelIsRenamed_andNothingElseChanges() {
        LabeledDocument d = new LabeledDocument("a1", "text", Map.of("stance", "left", "topic", "elections"),
                Map.of("random", "train"), Map.of("source", "x"));
        LabeledDocument r = AllSidesStudy.ideology(List.of(d)).get(0);
        assertEquals(Map.of("ideology", "left", "topic", "elections"), r.labels());
        assertEquals(d.splits(), r.splits());
        assertEquals(d.text(), r.text());
    }
}

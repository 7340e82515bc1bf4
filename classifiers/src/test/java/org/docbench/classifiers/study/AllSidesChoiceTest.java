package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class AllSidesChoiceTest {

    @Test
    void theSample_keepsValidAndTestWhole_andDrawsTheSameTrainingDocumentsEveryTime() {
        List<org.docbench.core.document.LabeledDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            String part = i < 5_500 ? "train" : i < 5_800 ? "valid" : "test";
            docs.add(new org.docbench.core.document.LabeledDocument("d" + i, "text " + i,
                    java.util.Map.of("ideology", i % 3 == 0 ? "left" : "right"), java.util.Map.of("random", part),
                    java.util.Map.of()));
        }
        var exp = org.docbench.classifiers.train.Experiment.of("allsides", "ideology", "random", docs);
        var s1 = AllSidesChoice.sampled(exp, 42);
        var s2 = AllSidesChoice.sampled(exp, 42);
        assertEquals(AllSidesChoice.CHAR_SAMPLE, s1.train().size());
        assertEquals(s1.train(), s2.train());
        assertEquals(exp.valid(), s1.valid());
        assertEquals(exp.test(), s1.test());
    }
}

package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

/**
 * The valid part's view of the training data shares it: a sample or a chi-square selection of the
 * shared training part is made once, so grid search and the final model train on the very same
 * examples (and the trainer trains each configuration once on them).
 */
class FeaturizedTest {
    @Test
    void samplesAndSelections_ofTheValidPartsView_shareTheTrainingPart_andRestrictTheValidPart() {
        Experiment exp = ExperimentTrainerTest.embeddedByIndex();
        List<LabeledDocument> valid = exp.valid();
        Featurized full = Featurized.of(FeatureSpec.defaults(), exp.task(), exp.train(), exp.test());
        Featurized onValid = full.against(valid);
        assertSame(full.train, onValid.train);
        assertSame(full.trainDataset("t"), onValid.trainDataset("t"));

        Featurized selected = onValid.select(200);
        assertSame(full.select(200).train, selected.train, "one chi-square selection of the shared training part");
        assertSame(full.select(200).trainDataset("t"), selected.trainDataset("t"));
        assertNotSame(full.train, selected.train);
        assertEquals(valid.size(), selected.test.size());
        assertEquals(selected.testDocs, valid);
        java.util.Set<String> kept = FeatureSelection.chiSquareTop(full.train, 200);
        for (int i = 0; i < valid.size(); i++) {
            List<String> names = new ArrayList<>();
            for (Feature f : selected.test.get(i)) {
                names.add(f.getName());
                assertTrue(kept.contains(f.getName()), f.getName());
            }
            List<String> expected = new ArrayList<>();
            for (Feature f : FeatureSelection.restrict(onValid.test.get(i), kept)) {
                expected.add(f.getName());
            }
            assertEquals(expected, names, "valid document " + i);
        }

        int n = full.train.size() / 2;
        Featurized sampled = onValid.sample(n, 7).select(200);
        assertSame(full.sample(n, 7).select(200).train, sampled.train, "one sample, one selection of it");
        assertEquals(valid, sampled.testDocs);
        java.util.Set<String> keptOfSample = FeatureSelection.chiSquareTop(full.sample(n, 7).train, 200);
        for (Example<Label> e : sampled.test) {
            for (Feature f : e) {
                assertTrue(keptOfSample.contains(f.getName()), f.getName());
            }
        }
    }
}

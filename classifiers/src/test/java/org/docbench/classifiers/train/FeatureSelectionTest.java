package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class FeatureSelectionTest {

    @Test
    void chiSquare_perfectAssociation_isN() {
        assertEquals(20.0, FeatureSelection.chiSquare(10, 0, 0, 10), 1e-12);
        assertEquals(0.0, FeatureSelection.chiSquare(5, 5, 5, 5), 1e-12);
    }

    @Test
    void chiSquareTop_keepsTheFeatureThatSeparatesLabels() {
        List<Example<Label>> train = List.of(
                ex("a", "good", "the"), ex("a", "good", "the"), ex("b", "bad", "the"), ex("b", "bad", "the"));
        Set<String> top2 = FeatureSelection.chiSquareTop(train, 2);
        assertEquals(Set.of("good", "bad"), top2);
        assertEquals(1, FeatureSelection.chiSquareTop(train, 1).size());
        assertEquals(Set.of("bad"), FeatureSelection.chiSquareTop(train, 1), "ties are broken by name");
    }

    private static Example<Label> ex(String label, String... features) {
        double[] v = new double[features.length];
        java.util.Arrays.fill(v, 1.0);
        return new ArrayExample<>(new Label(label), features, v);
    }
}

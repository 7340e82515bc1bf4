package org.docbench.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one weighting: values by spec, scikit-learn's smoothed idf, and L2 only under TF-IDF. */
class WeightsTest {

    static Stream<Arguments> values() {
        FeatureSpec base = FeatureSpec.defaults();
        return Stream.of(
                Arguments.of(base.withWeighting(FeatureSpec.Weighting.BINARY), 3, 2.0, 1.0),
                Arguments.of(base.withWeighting(FeatureSpec.Weighting.BINARY).withSublinearTf(true), 3, 2.0, 1.0),
                Arguments.of(base.withWeighting(FeatureSpec.Weighting.COUNT), 3, 2.0, 3.0),
                Arguments.of(base.withWeighting(FeatureSpec.Weighting.COUNT).withSublinearTf(true), 3, 2.0, 1.0 + Math.log(3)),
                Arguments.of(base.withWeighting(FeatureSpec.Weighting.TFIDF), 3, 2.0, 6.0),
                Arguments.of(base.withWeighting(FeatureSpec.Weighting.TFIDF).withSublinearTf(true), 1, 2.0, 2.0));
    }

    @ParameterizedTest
    @MethodSource("values")
    void value_followsTheSpec(FeatureSpec spec, int count, double idf, double want) {
        assertEquals(want, Weights.value(spec, count, idf), 1e-15, spec.describe() + " count " + count);
    }

    @Test
    void idf_isSmoothedAsScikitLearn() {
        assertEquals(Math.log(4.0 / 2.0) + 1.0, Weights.idf(3, 1), 1e-15);
        assertEquals(1.0, Weights.idf(3, 3), 1e-15);
    }

    @Test
    void normalize_scalesToUnitLength_underTfidfOnly() {
        double[] tfidf = {3, 4, 99};
        Weights.normalize(FeatureSpec.Weighting.TFIDF, tfidf, 2, 25);
        assertArrayEquals(new double[] {0.6, 0.8, 99}, tfidf, 1e-15);
        double[] counts = {3, 4};
        Weights.normalize(FeatureSpec.Weighting.COUNT, counts, 2, 25);
        assertArrayEquals(new double[] {3, 4}, counts);
    }

    @Test
    void normalizer_ofADocumentWithNoFeature_isOne() {
        assertEquals(1.0, Weights.normalizer(FeatureSpec.Weighting.TFIDF, 0));
        assertEquals(0.2, Weights.normalizer(FeatureSpec.Weighting.TFIDF, 25), 1e-15);
        assertEquals(1.0, Weights.normalizer(FeatureSpec.Weighting.BINARY, 25));
    }
}

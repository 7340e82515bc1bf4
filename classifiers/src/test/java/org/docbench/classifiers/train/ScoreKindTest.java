package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each family's scores are named for what they are, not "score" for everything that is not a probability. */
class ScoreKindTest {

    static Stream<Arguments> families() {
        return Stream.of(
                // family, Tribuo says probabilities, kind
                Arguments.of("majority", false, ScoreKind.NONE),
                Arguments.of("stratified", false, ScoreKind.NONE),
                Arguments.of("naive-bayes", true, ScoreKind.PROBABILITY),
                Arguments.of("liblinear-lr", true, ScoreKind.PROBABILITY),
                Arguments.of("liblinear-svm", false, ScoreKind.MARGIN),
                Arguments.of("nb-svm", false, ScoreKind.MARGIN),
                Arguments.of("svm-sgd", false, ScoreKind.MARGIN),
                Arguments.of("libsvm-linear", false, ScoreKind.VOTES),
                Arguments.of("random-forest", true, ScoreKind.VOTE_SHARE),
                Arguments.of("cart", false, ScoreKind.LEAF_SHARE),
                Arguments.of("someone-elses", false, ScoreKind.SCORE));
    }

    @ParameterizedTest
    @MethodSource("families")
    void of_namesEachFamilysScores(String family, boolean probabilities, ScoreKind expected) {
        assertEquals(expected, ScoreKind.of(family, probabilities), family);
    }

    @ParameterizedTest
    @MethodSource("families")
    void spelling_isLowerCaseWithHyphens(String family, boolean probabilities, ScoreKind kind) {
        assertEquals(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), kind.spelling(), kind.name());
    }
}

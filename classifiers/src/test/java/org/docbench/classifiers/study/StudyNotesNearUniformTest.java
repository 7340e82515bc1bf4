package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.docbench.classifiers.eval.TestPredictions;
import org.docbench.classifiers.train.ScoreKind;
import org.junit.jupiter.api.Test;

/** A model whose probabilities never leave uniform gets a note, so its good-looking calibration error is not taken at its word. */
class StudyNotesNearUniformTest {
    private static final List<String> LABELS = List.of("a", "b", "c");

    private static TestPredictions answers(ScoreKind kind, double[][] scores) {
        return new TestPredictions(LABELS, List.of("d1", "d2"), new int[] {0, 1},
                List.of(new TestPredictions.Answers("peer:fastText", kind, new int[] {0, 1}, scores)));
    }

    @Test
    void probabilitiesWithinOnePercentOfUniform_getANote_namingTheModelAndRange() {
        double[][] flat = {{0.3340, 0.3330, 0.3330}, {0.3331, 0.3361, 0.3308}};
        List<String> notes = StudyNotes.nearUniform("news/topic/random", answers(ScoreKind.PROBABILITY, flat));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("news/topic/random: peer:fastText's probabilities stay within 0.010 of uniform (1/3")
                && notes.get(0).contains("0.3340 to 0.3361"), notes.get(0));
    }

    @Test
    void confidentProbabilities_orMargins_getNoNote() {
        double[][] sure = {{0.9, 0.05, 0.05}, {0.3331, 0.3361, 0.3308}};
        assertTrue(StudyNotes.nearUniform("x", answers(ScoreKind.PROBABILITY, sure)).isEmpty());
        double[][] margins = {{0.001, 0.0, -0.001}, {0.0, 0.001, 0.0}};
        assertTrue(StudyNotes.nearUniform("x", answers(ScoreKind.MARGIN, margins)).isEmpty(), "margins are no probabilities");
    }
}

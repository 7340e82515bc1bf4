package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.docbench.core.corpus.AllSidesReader.Scheme;
import org.junit.jupiter.api.Test;

/** The notes point only at sections the run has. */
class StudyNotesTest {
    private static final Map<String, Long> MEDIA_VALID = Map.of("right", 2000L, "left", 300L, "center", 50L);

    @Test
    void allSidesChoice_withoutAblation_pointsAtNoAblationSection_andSaysWhy() {
        String note = StudyNotes.allSidesChoice(AllSidesChoice.chosen(), MEDIA_VALID, Set.of());
        assertFalse(note.contains("ablation section shows"), note);
        assertTrue(note.contains("no ablation section (-Ddocbench.allsides.full=false)"), note);
        assertTrue(note.contains("2,000 right, 300 left, 50 center"), note);
    }

    @Test
    void allSidesChoice_withBothAblations_pointsAtThem() {
        String note = StudyNotes.allSidesChoice(AllSidesChoice.chosen(), MEDIA_VALID, Set.of(Scheme.RANDOM, Scheme.MEDIA));
        assertTrue(note.contains("Its ablation section shows the valid score that chose it, and the same switches on the media split"),
                note);
        assertFalse(note.contains("mediaAblation"), note);
    }

    @Test
    void allSidesChoice_withTheRandomAblationOnly_saysHowToAskForTheMediaOne() {
        String note = StudyNotes.allSidesChoice(AllSidesChoice.chosen(), MEDIA_VALID, Set.of(Scheme.RANDOM));
        assertTrue(note.contains("Its ablation section shows the valid score that chose it;"), note);
        assertFalse(note.contains("the same switches on the media split,"), note);
        assertTrue(note.contains("runs with -Ddocbench.allsides.mediaAblation=true"), note);
    }

    @Test
    void ablated_isRandomByDefault_bothOnRequest_andNoneWithoutTheFullAllSidesPart() {
        assertEquals(Set.of(Scheme.RANDOM), AccuracyReport.ablated(true, false));
        assertEquals(Set.of(Scheme.RANDOM, Scheme.MEDIA), AccuracyReport.ablated(true, true));
        assertEquals(Set.of(), AccuracyReport.ablated(false, true));
    }
}

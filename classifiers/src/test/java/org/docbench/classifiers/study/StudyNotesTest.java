package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The notes point only at sections the run has. */
class StudyNotesTest {
    private static final Map<String, Long> MEDIA_VALID = Map.of("right", 2000L, "left", 300L, "center", 50L);

    @Test
    void allSidesChoice_withoutAblation_pointsAtNoAblationSection_andSaysWhy() {
        String note = StudyNotes.allSidesChoice(AllSidesChoice.chosen(), MEDIA_VALID, false);
        assertFalse(note.contains("ablation section shows"), note);
        assertTrue(note.contains("no ablation section (-Ddocbench.allsides.full=false)"), note);
        assertTrue(note.contains("2,000 right, 300 left, 50 center"), note);
    }

    @Test
    void allSidesChoice_withAblation_pointsAtIt() {
        String note = StudyNotes.allSidesChoice(AllSidesChoice.chosen(), MEDIA_VALID, true);
        assertTrue(note.contains("Its ablation section shows the valid score that chose it"), note);
    }
}

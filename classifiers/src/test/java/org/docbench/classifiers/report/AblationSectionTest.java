package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AblationSectionTest {

    @Test
    void aSampledDecision_isComparedWithTheChosenConfigurationOnTheSameSample() {
        Ablation a = new Ablation("allsides/ideology/random", "svm", "title + body", List.of(
                new Ablation.Row(Ablation.CHOSEN, "cased", 0.90, 0.85, 0.84, 600_000, 1, 27_978),
                new Ablation.Row("case", "lower-cased", 0.89, 0.83, 0.82, 570_000, 1, 27_978),
                new Ablation.Row(Ablation.CHOSEN, "cased", 0.80, 0.75, 0.74, 200_000, 1, 5_000),
                new Ablation.Row("char n-grams", "cased char2-5", 0.83, 0.79, 0.78, 900_000, 1, 5_000)));
        Block.Table table = AblationSection.blocks(List.of(a)).stream().filter(Block.Table.class::isInstance)
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        List<List<String>> rows = table.rows();
        assertEquals(List.of("**chosen**", "cased", "90.00", "85.00", "84.00", "600,000"), rows.get(0));
        assertEquals(List.of("case switched", "lower-cased", "89.00 (-1.00)", "83.00 (-2.00)", "82.00", "570,000"), rows.get(1));
        assertEquals("**chosen** (on a seeded sample of 5,000 training documents)", rows.get(2).get(0));
        assertEquals(List.of("char n-grams switched (on a seeded sample of 5,000 training documents)", "cased char2-5",
                "83.00 (+3.00)", "79.00 (+4.00)", "78.00", "900,000"), rows.get(3));
    }

    /** The paragraph speaks of the media split's ablation only when the report has it, and otherwise says how to ask for it. */
    @Test
    void theMediaSplitsAblation_isDescribedWhenPresent_andOfferedWhenNot() {
        Ablation random = new Ablation("allsides/ideology/random", "svm", "c", List.of(
                new Ablation.Row(Ablation.CHOSEN, "cased", 0.90, 0.85, 0.84, 600_000, 1, 27_978)));
        Ablation media = new Ablation("allsides/ideology/media", "svm", "c", random.rows());
        String randomOnly = paragraph(List.of(random));
        assertTrue(randomOnly.contains("run with -Ddocbench.allsides.mediaAblation=true"), randomOnly);
        assertFalse(randomOnly.contains("On the media split the same switches show"), randomOnly);
        String both = paragraph(List.of(random, media));
        assertTrue(both.contains("On the media split the same switches show"), both);
        assertFalse(both.contains("mediaAblation"), both);
    }

    private static String paragraph(List<Ablation> ablations) {
        return AblationSection.blocks(ablations).stream().filter(Block.Paragraph.class::isInstance)
                .map(Block.Paragraph.class::cast).findFirst().orElseThrow().text();
    }
}

package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class FamilyTest {

    @Test
    void everyFamilyTheReportRuns_isAFamily_inTheReportsOrder() {
        List<String> spellings = Arrays.stream(Family.values()).map(Family::spelling).toList();
        assertEquals(Trainers.names(), spellings);
        for (ModelFamily f : Trainers.families()) {
            assertTrue(f.is(Family.valueOf(f.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_'))), f.name());
        }
    }

    @Test
    void spelling_isTheCommandLinesName() {
        assertEquals("liblinear-lr", Family.LIBLINEAR_LR.spelling());
        assertEquals("random-forest", Family.RANDOM_FOREST.toString());
        assertTrue(Family.MAJORITY.is("majority"));
        assertFalse(Family.MAJORITY.is("peer:majority"), "a peer's row is no docbench family");
    }

    @Test
    void slowFamilies_areTheKernelSvmAndTheTreeEnsembles() {
        List<String> slow = Trainers.families().stream().filter(Trainers::slow).map(ModelFamily::name).toList();
        assertEquals(List.of("libsvm-linear", "xgboost", "random-forest"), slow);
        assertEquals(List.of("majority", "stratified"),
                Trainers.families().stream().filter(ModelFamily::baseline).map(ModelFamily::name).toList());
    }
}

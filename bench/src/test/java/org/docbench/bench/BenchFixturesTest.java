package org.docbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BenchFixturesTest {

    @Test
    void trainer_namesTheTrainersSpec_forEachModelParameter() {
        assertEquals("logreg-sgd(loss=log, optimiser=AdaGrad, lr=0.5, epochs=5, minibatch=1)", BenchFixtures.trainer("logreg").name());
        assertEquals("svm-sgd(loss=hinge, optimiser=AdaGrad, lr=0.5, epochs=5, minibatch=1)", BenchFixtures.trainer("svm").name());
        assertEquals("naive-bayes(alpha=1)", BenchFixtures.trainer("nb").name());
    }

    @Test
    void trainer_namesTheChoices_whenTheModelIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchFixtures.trainer("forest"));
        assertEquals("model must be logreg, svm, nb or best, got forest", e.getMessage());
    }

    @Test
    void utf8Lengths_countBytesNotChars() {
        assertArrayEquals(new int[] {3, 4}, BenchFixtures.utf8Lengths(new String[] {"abc", "\u00e9\u00e9"}));
    }

    @Test
    void documentCycle_returnsEveryIndexInOrder_thenStartsAgain() {
        DocumentCycle c = new DocumentCycle(3);
        int[] seen = new int[7];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = c.next();
        }
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0}, seen);
        assertThrows(IllegalArgumentException.class, () -> new DocumentCycle(0));
    }
}

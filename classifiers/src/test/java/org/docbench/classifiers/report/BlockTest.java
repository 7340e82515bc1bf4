package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class BlockTest {

    @Test
    void table_fromAlignmentFlags_isTheTableOfThoseColumns() {
        Block.Table flags = new Block.Table(List.of("model", "accuracy"), List.of(List.of("svm", "90.0")), new boolean[] {false, true});
        Block.Table columns = new Block.Table(List.of(Block.Column.left("model"), Block.Column.right("accuracy")),
                List.of(List.of("svm", "90.0")));
        assertEquals(columns, flags);
        assertEquals(List.of("model", "accuracy"), flags.header());
    }

    @Test
    void table_rowWithAnotherCellCount_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Block.Table(
                List.of(Block.Column.left("model"), Block.Column.right("accuracy")), List.of(List.of("svm"))));
        assertEquals("row [svm] has 1 cells, the table 2 columns", e.getMessage());
    }
}

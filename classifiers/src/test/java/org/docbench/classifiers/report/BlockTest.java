package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class BlockTest {

    @Test
    void table_header_isItsColumnNamesInOrder() {
        Block.Table t = new Block.Table(List.of(Block.Column.left("model"), Block.Column.right("accuracy")),
                List.of(List.of("svm", "90.0")));
        assertEquals(List.of("model", "accuracy"), t.header());
        assertEquals(false, t.rightAligned(0), "model is text");
        assertEquals(true, t.rightAligned(1), "accuracy is a number");
    }

    @Test
    void table_rowWithAnotherCellCount_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Block.Table(
                List.of(Block.Column.left("model"), Block.Column.right("accuracy")), List.of(List.of("svm"))));
        assertEquals("row [svm] has 1 cells, the table 2 columns", e.getMessage());
    }
}

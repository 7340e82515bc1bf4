package org.docbench.classifiers.report;

import java.util.List;
import java.util.Objects;

import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.ExperimentResult;

/** The parts of a rendered report; Markdown and HTML render the same blocks (charts in HTML only). */
sealed interface Block {

    record Heading(int level, String text, String anchor) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** How a column's cells line up: numbers right, text left. */
    enum Align { LEFT, RIGHT }

    /**
     * A table column: its header, its alignment, and whether report.html sets the header upright
     * (read bottom to top) so that a narrow column of numbers under a long name stays narrow.
     */
    record Column(String name, Align align, boolean upright) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(align, "align");
        }

        public Column(String name, Align align) {
            this(name, align, false);
        }

        /** A column of counts headed by a corpus label, as a confusion matrix's predicted labels: ten of them fit across the page. */
        static Column count(String label) {
            return new Column(label, Align.RIGHT, true);
        }

        static Column left(String name) {
            return new Column(name, Align.LEFT);
        }

        /** A column of numbers. */
        static Column right(String name) {
            return new Column(name, Align.RIGHT);
        }
    }

    /** A table: its columns and rows of cells, one cell per column. */
    record Table(List<Column> columns, List<List<String>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, the table "
                            + columns.size() + " columns");
                }
            }
        }

        List<String> header() {
            return columns.stream().map(Column::name).toList();
        }

        boolean rightAligned(int column) {
            return columns.get(column).align() == Align.RIGHT;
        }

        boolean upright(int column) {
            return columns.get(column).upright();
        }
    }

    record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A chart of an experiment's results (HTML only). */
    record ExperimentChart(Kind kind, ExperimentResult experiment) implements Block {
    }

    /** A chart of a cross-validation (HTML only). */
    record CvChart(CrossValidation cv) implements Block {
    }

    /** Macro-F1 against training time and against docs/s, every model and peer of an experiment (HTML only); see {@link org.docbench.classifiers.report.CostChart}. */
    record CostChart(ExperimentResult experiment) implements Block {
    }

    enum Kind { SCORES, CONFUSION, CALIBRATION, LEARNING_CURVE }
}

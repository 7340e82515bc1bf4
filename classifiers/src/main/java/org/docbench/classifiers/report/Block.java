package org.docbench.classifiers.report;

import java.util.List;

import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.ExperimentResult;

/** The parts of a rendered report; Markdown and HTML render the same blocks (charts in HTML only). */
sealed interface Block {

    record Heading(int level, String text, String anchor) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** A table; {@code right[i]} right-aligns column i (numbers). */
    record Table(List<String> header, List<List<String>> rows, boolean[] right) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
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

    /** Macro-F1 against training time and docs/s for every model and peer (HTML only); see {@link CostChart}. */
    record CostChart(ExperimentResult experiment) implements Block {
    }

    enum Kind { SCORES, CONFUSION, ACCURACY_VS_TIME, CALIBRATION, LEARNING_CURVE }
}

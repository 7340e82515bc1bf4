package org.docbench.classifiers.study;

import java.util.List;

import org.docbench.classifiers.report.Report;
import org.docbench.core.corpus.AllSidesReader;

/**
 * The published AllSides figures the report prints beside ours: Baly et al., EMNLP 2020, Table 3.
 * No other published figure is shown, since none other can be cited to a table and column.
 */
final class PublishedBaselines {
    static final String SOURCE = "Baly et al., EMNLP 2020, Table 3 (columns Acc. and Macro F1)";

    private PublishedBaselines() {
    }

    /** The majority class and BERT on the ideology experiment {@code experimentId} of split scheme {@code scheme}. */
    static List<Report.Published> allSides(String experimentId, AllSidesReader.Scheme scheme) {
        Report.Published majority = Report.Published.percent(experimentId, "majority class", 46.08, 21.03, SOURCE);
        Report.Published bert = scheme == AllSidesReader.Scheme.RANDOM
                ? Report.Published.percent(experimentId, "BERT", 79.83, 80.19, SOURCE)
                : Report.Published.percent(experimentId, "BERT", 36.75, 35.53, SOURCE);
        return List.of(majority, bert);
    }
}

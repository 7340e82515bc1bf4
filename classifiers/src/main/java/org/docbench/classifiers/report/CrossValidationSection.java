package org.docbench.classifiers.report;

import static org.docbench.classifiers.report.Block.Column.left;
import static org.docbench.classifiers.report.Block.Column.right;
import static org.docbench.classifiers.report.Cells.fmt2;
import static org.docbench.classifiers.report.Cells.lit;
import static org.docbench.classifiers.report.Cells.mark;
import static org.docbench.classifiers.report.Cells.pct;
import static org.docbench.classifiers.report.Cells.pval;

import java.util.ArrayList;
import java.util.List;

import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.Significance;

/**
 * The report's cross-validation section, one table and chart per corpus and task, as blocks both
 * writers render. Its own class because it reads the run's folds, which no other section does.
 * Stateless.
 */
final class CrossValidationSection {
    private CrossValidationSection() {
    }

    /** The section's blocks; none when the run cross-validated nothing. */
    static List<Block> blocks(Report r) {
        List<Block> b = new ArrayList<>();
        if (r.crossValidation().isEmpty()) {
            return b;
        }
        b.add(new Block.Heading(2, "Cross-validation", "cv"));
        b.add(new Block.Paragraph("Stratified k-fold cross-validation over all labeled documents, repeated once per fold seed "
                + r.provenance().cvSeeds() + ". Scores are means over every fold of every repeat; p is the Nadeau-Bengio corrected "
                + "resampled t-test of macro-F1 against the best family over those r x k folds (r x k - 1 degrees of freedom), and `≈` "
                + "marks p ≥ " + Significance.ALPHA + ". The test pairs the folds: a family a little lower on average but behind the best "
                + "by about the same amount on every fold can differ significantly where one a little higher but less even does not."));
        for (CrossValidation cv : r.crossValidation()) {
            b.add(new Block.Heading(3, lit(cv.corpus() + "/" + cv.task()) + ": " + cv.k() + " folds x " + cv.seeds().size()
                    + (cv.seeds().size() == 1 ? " repeat" : " repeats"), "cv-" + cv.corpus() + "-" + cv.task()));
            List<List<String>> rows = new ArrayList<>();
            for (CrossValidation.Model m : cv.ranked()) {
                boolean best = m.family().equals(cv.best());
                rows.add(List.of(mark(m.family(), best, m.notWorseThanBest()), pct(m.meanAccuracy()),
                        pct(m.meanMacroF1()) + " ± " + pct(m.sdMacroF1()),
                        m.vsBest() == null ? "—" : fmt2(m.vsBest().t()), m.vsBest() == null ? "—" : pval(m.vsBest().p())));
            }
            b.add(new Block.Table(List.of(left("model"), right("accuracy"), right("macro-F1 ± sd"), right("t vs best"), right("p")),
                    rows));
            b.add(new Block.CvChart(cv));
        }
        return b;
    }
}

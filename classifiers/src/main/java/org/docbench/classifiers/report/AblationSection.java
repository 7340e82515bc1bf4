package org.docbench.classifiers.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's ablation tables, one per ablated experiment, as blocks both writers render. Stateless. */
final class AblationSection {
    private AblationSection() {
    }

    static List<Block> blocks(List<Ablation> ablations) {
        List<Block> b = new ArrayList<>();
        if (ablations.isEmpty()) {
            return b;
        }
        b.add(new Block.Heading(2, "AllSides: the chosen configuration and its ablation", "ablation"));
        b.add(new Block.Paragraph("The AllSides stance experiments run one configuration, chosen by macro-F1 on the published "
                + "valid parts of both splits (the README lists every configuration tried and the command). Each row below "
                + "switches one decision of it and trains the same model again on the train part: the valid column is what "
                + "the choice looked at, the test column is shown beside it and chose nothing. Peers never choose anything."));
        for (Ablation a : ablations) {
            b.add(new Block.Heading(3, a.experiment() + ": " + a.chosen(), "ablation-" + a.experiment().replace('/', '-')));
            List<List<String>> rows = new ArrayList<>();
            double validChosen = a.rows().get(0).validMacroF1();
            double testChosen = a.rows().get(0).testMacroF1();
            for (Ablation.Row r : a.rows()) {
                boolean chosen = r == a.rows().get(0);
                rows.add(List.of(chosen ? "**chosen**" : r.decision() + " switched", r.setting(),
                        pct(r.validMacroF1()) + (chosen ? "" : " (" + delta(r.validMacroF1() - validChosen) + ")"),
                        pct(r.testMacroF1()) + (chosen ? "" : " (" + delta(r.testMacroF1() - testChosen) + ")"),
                        pct(r.testAccuracy()), String.format(Locale.ROOT, "%,d", r.features())));
            }
            b.add(new Block.Table(List.of("decision", "configuration", "valid macro-F1", "test macro-F1", "test accuracy", "features"),
                    rows, new boolean[] {false, false, true, true, true, true}));
        }
        return b;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    private static String delta(double v) {
        return String.format(Locale.ROOT, "%+.2f", 100 * v);
    }
}

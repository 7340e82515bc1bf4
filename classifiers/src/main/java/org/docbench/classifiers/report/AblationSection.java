package org.docbench.classifiers.report;

import static org.docbench.classifiers.report.Block.Column.left;
import static org.docbench.classifiers.report.Block.Column.right;

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
        boolean media = ablations.stream().anyMatch(a -> a.experiment().endsWith("/media"));
        b.add(new Block.Paragraph("The AllSides ideology experiments run one configuration, chosen by macro-F1 on the published "
                + "valid part of the random split (bench/RESULTS.md lists every configuration tried and the command). Each row below "
                + "switches one decision of it and trains the same model again on the train part (the NB scaling row trains "
                + "LibLinear's plain SVM at the same C on the same features instead): the valid column is what "
                + "the choice looked at, the test column is shown beside it and chose nothing; the difference to the chosen "
                + "row is in brackets. "
                + (media ? "On the media split the same switches show which decisions hold for outlets the model never saw; "
                        + "its valid part (skewed: the notes give its counts) chose nothing. "
                        : "The same switches on the media split (outlets the model never saw) run with "
                        + "-D" + Ablation.MEDIA_PROPERTY + "=true. ")
                + "Character n-grams multiply the features per document by about four, and with them "
                + "every row's time and memory, so that decision is measured on a seeded sample of the train part, against "
                + "the chosen configuration trained on the same sample. A switch within 0.1 points of the chosen row on valid "
                + "is a tie, and a tie keeps the setting the choice started from. Peers never choose "
                + "anything."));
        for (Ablation a : ablations) {
            b.add(new Block.Heading(3, a.experiment() + ": " + a.chosen(), "ablation-" + a.experiment().replace('/', '-')));
            List<List<String>> rows = new ArrayList<>();
            Ablation.Row reference = a.rows().get(0);
            for (Ablation.Row r : a.rows()) {
                boolean chosen = r.decision().equals(Ablation.CHOSEN);
                if (chosen) {
                    reference = r; // a sampled decision is compared with the chosen configuration on the same sample
                }
                String docs = r.trainDocs() == a.rows().get(0).trainDocs() ? "" : String.format(Locale.ROOT,
                        " (on a seeded sample of %,d training documents)", r.trainDocs());
                rows.add(List.of((chosen ? "**chosen**" : r.decision() + " switched") + docs, r.setting(),
                        pct(r.validMacroF1()) + (chosen ? "" : " (" + delta(r.validMacroF1() - reference.validMacroF1()) + ")"),
                        pct(r.testMacroF1()) + (chosen ? "" : " (" + delta(r.testMacroF1() - reference.testMacroF1()) + ")"),
                        pct(r.testAccuracy()), String.format(Locale.ROOT, "%,d", r.features())));
            }
            b.add(new Block.Table(List.of(left("decision"), left("configuration"), right("valid macro-F1"),
                    right("test macro-F1"), right("test accuracy"), right("features")), rows));
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

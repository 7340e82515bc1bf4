package org.docbench.classifiers.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.study.AccuracyReport;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.CorpusException;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

/**
 * A LibLinear C grid on AllSides stance, published random split: each configuration is trained
 * once on the train part and scored on the published valid part (where a choice would be made)
 * and on the test part (shown, never used to choose). Not a test: the report runs C = 1 only,
 * and this is how the figures for other C values in bench/RESULTS.md were measured.
 *
 * <pre>
 * mvn -q -pl classifiers -am test-compile
 * mvn -q -pl classifiers dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx10g -cp classifiers/target/test-classes:classifiers/target/classes:core/target/classes:datasets/target/classes:$(cat cp.txt) \
 *      org.docbench.classifiers.train.AllSidesCGrid target/allsides/article-bias-prediction svm:1,svm:3,lr:10
 * </pre>
 *
 * {@code svm:C} is L2-loss SVM (dual), {@code lr:C} L2 logistic regression (dual), as the report
 * runs them on AllSides; features are the report's AllSides features (word 1-2, TF-IDF, min df 5).
 */
public final class AllSidesCGrid {
    private AllSidesCGrid() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: AllSidesCGrid ALLSIDES_DIR svm:C|lr:C[,...]   e.g. target/allsides/article-bias-prediction svm:1,svm:3");
            System.exit(2);
        }
        List<TrainerSpec> specs = new ArrayList<>();
        for (String a : args[1].split(",")) {
            String[] kc = a.split(":");
            double c;
            try {
                c = kc.length == 2 ? Double.parseDouble(kc[1]) : Double.NaN;
            } catch (NumberFormatException e) {
                c = Double.NaN;
            }
            if (!(c > 0) || !(kc[0].equals("svm") || kc[0].equals("lr"))) {
                System.err.println("AllSidesCGrid: bad configuration '" + a + "', expected svm:C or lr:C with C > 0");
                System.exit(2);
            }
            specs.add(kc[0].equals("svm") ? Trainers.liblinearSvm(c) : Trainers.liblinearLogisticDual(c));
        }
        org.docbench.classifiers.train.TrainerLogging.quiet();
        ProgressMeter meter = ProgressMeter.forStderr();
        long t0 = System.nanoTime();
        List<LabeledDocument> all;
        try {
            AllSidesReader reader = AllSidesReader.fromFolder(Path.of(args[0]), OnError.SKIP_AND_REPORT);
            all = meter.toList(reader.documents(), "read", 0, "docs");
        } catch (CorpusException e) {
            System.err.println("AllSidesCGrid: " + e.problem().message());
            System.exit(3);
            return;
        }
        Experiment exp = Experiment.of("allsides", "stance", "random", all);
        FeatureSpec spec = FeatureSpec.defaults().withMinDf(5);
        ExperimentTrainer r = new ExperimentTrainer(exp, spec, AccuracyReport.SEED, meter);
        Featurized full = r.full();
        Featurized valid = full.against(exp.valid());
        System.out.printf(Locale.ROOT, "featurized in %.0f s: train %d, valid %d, test %d documents, %d features%n",
                (System.nanoTime() - t0) / 1e9, exp.train().size(), exp.valid().size(), exp.test().size(), full.featureCount());
        for (TrainerSpec ts : specs) {
            TrainedModel t = r.train(ts, full);
            Metrics v = Metrics.of(r.labels(), r.truth(valid.testDocs), t.predict(valid.test, true).predicted());
            Metrics te = Metrics.of(r.labels(), r.truth(full.testDocs), t.predict(full.test, true).predicted());
            System.out.printf(Locale.ROOT, "%-62s valid acc %.2f macro-F1 %.2f | test acc %.2f macro-F1 %.2f | train %.1f s%n",
                    ts.name(), 100 * v.accuracy(), 100 * v.macroF1(), 100 * te.accuracy(), 100 * te.macroF1(), t.nanos / 1e9);
        }
    }
}

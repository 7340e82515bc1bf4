package org.docbench.classifiers.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.study.AccuracyReport;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

/**
 * A grid of feature configurations and LibLinear models on AllSides stance, one published split:
 * each configuration is trained once on the train part and scored on the valid part (where the
 * choice is made) and on the test part (printed, never used to choose). Not a test; how the
 * exploration behind the report's chosen AllSides configuration was measured.
 *
 * <pre>
 * mvn -q -pl classifiers -am test-compile
 * mvn -q -pl classifiers dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx10g -cp classifiers/target/test-classes:classifiers/target/classes:core/target/classes:datasets/target/classes:$(cat cp.txt) \
 *      org.docbench.classifiers.train.AllSidesGrid target/allsides/article-bias-prediction random \
 *      'title=1,sub=1,norm=0,n=2,df=5,char=0;svm:0.3,svm:1,lr:10' 'title=0,sub=0,norm=1,n=2,df=5;svm:1'
 * </pre>
 *
 * Each argument after the split is {@code FEATURES;MODELS}: features {@code title} (0/1, headline
 * as first paragraph), {@code sub} (sublinear TF), {@code norm} (standard normalizer), {@code n}
 * (word n-grams 1..n), {@code df} (min document frequency), {@code case} (1 keeps the case of terms), {@code char} (e.g. {@code 3-5}, 0 for
 * none); models {@code svm:C} (L2-loss SVM, dual), {@code nbsvm:C} (the same on naive Bayes log-count ratios) or {@code lr:C} (logistic regression, dual).
 */
public final class AllSidesGrid {
    private AllSidesGrid() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: AllSidesGrid ALLSIDES_DIR random|media 'FEATURES;MODELS' ...");
            System.exit(2);
        }
        org.docbench.classifiers.train.TrainerLogging.quiet();
        ProgressMeter meter = ProgressMeter.off();
        AllSidesReader reader = AllSidesReader.fromFolder(Path.of(args[0]), OnError.SKIP_AND_REPORT);
        List<LabeledDocument> plain = reader.documents().toList();
        List<LabeledDocument> titled = plain.stream().map(AllSidesReader::titled).toList();
        for (int a = 2; a < args.length; a++) {
            String[] fm = args[a].split(";");
            Map<String, String> kv = new HashMap<>();
            for (String p : fm[0].split(",")) {
                String[] x = p.split("=");
                kv.put(x[0], x[1]);
            }
            FeatureSpec spec = spec(kv);
            boolean title = kv.getOrDefault("title", "1").equals("1");
            Experiment exp = Experiment.of("allsides", "stance", args[1], title ? titled : plain);
            long t0 = System.nanoTime();
            ExperimentTrainer r = new ExperimentTrainer(exp, spec, AccuracyReport.SEED, meter);
            Featurized full = r.full();
            Featurized valid = full.against(exp.valid());
            double fs = (System.nanoTime() - t0) / 1e9;
            for (String m : fm[1].split(",")) {
                String[] kc = m.split(":");
                double c = Double.parseDouble(kc[1]);
                TrainerSpec ts = switch (kc[0]) {
                    case "svm" -> Trainers.liblinearSvm(c);
                    case "nbsvm" -> Trainers.nbSvm(c);
                    default -> Trainers.liblinearLogisticDual(c);
                };
                TrainedModel t = r.train(ts, full);
                Metrics v = Metrics.of(r.labels(), r.truth(valid.testDocs), t.predict(valid.test, true).predicted());
                Metrics te = Metrics.of(r.labels(), r.truth(full.testDocs), t.predict(full.test, true).predicted());
                System.out.printf(Locale.ROOT, "%s %s title=%s %s %s | valid macro-F1 %.2f | test acc %.2f macro-F1 %.2f | %d features, featurize %.0f s, train %.0f s%n",
                        args[1], fm[0], title, spec.describe(), m, 100 * v.macroF1(), 100 * te.accuracy(), 100 * te.macroF1(),
                        full.featureCount(), fs, t.nanos / 1e9);
            }
        }
    }

    static FeatureSpec spec(Map<String, String> kv) {
        FeatureSpec s = FeatureSpec.defaults().withMaxNgram(Integer.parseInt(kv.getOrDefault("n", "2")))
                .withMinDf(Integer.parseInt(kv.getOrDefault("df", "5")))
                .withSublinearTf(kv.getOrDefault("sub", "1").equals("1"))
                .withNormalize(kv.getOrDefault("norm", "0").equals("1"))
                .withLowercase(!kv.getOrDefault("case", "0").equals("1"));
        String ch = kv.getOrDefault("char", "0");
        if (!ch.equals("0")) {
            String[] mm = ch.split("-");
            s = s.withCharNgrams(Integer.parseInt(mm[0]), Integer.parseInt(mm[1]));
        }
        return s;
    }
}

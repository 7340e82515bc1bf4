package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * NB-SVM's scores must be those of the method as Wang and Manning state it, computed here the
 * long way: naive Bayes log-count ratios from the training examples, then for each class Tribuo's
 * own LibLinear SVM of the class against the rest on the scaled examples. Both solve to a tight
 * tolerance, so the unique optimum, not the solver's visiting order, decides the weights.
 */
class NbSvmTrainerTest {
    private static final LabelFactory LABELS = new LabelFactory();
    private static final double C = 1.0;
    private static final double EPS = 1e-5;

    @Test
    void scores_equalOneVsRestSvmsOnLogCountRatioScaledFeatures() {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll().stream()
                .filter(d -> d.label("stance") != null).toList();
        List<LabeledDocument> train = docs.stream().filter(d -> "train".equals(d.split("random"))).toList();
        FeatureSpec spec = FeatureSpec.defaults().withSublinearTf(true).withNormalize(false);
        FeatureExtractor fx = FeatureExtractor.fit(spec, train.stream().map(LabeledDocument::text).toList());
        List<Example<Label>> examples = train.stream().map(d -> fx.example(d.text(), new Label(d.label("stance")))).toList();
        Model<Label> nbsvm = new NbSvmTrainer(C, 100_000, EPS, 1.0, 7L).train(dataset(examples));

        List<String> classes = examples.stream().map(e -> e.getOutput().getLabel()).distinct().sorted().toList();
        assertTrue(classes.size() >= 3, "the stance task should have at least three classes, got " + classes);
        int compared = 0;
        for (String c : classes) {
            Map<String, Double> r = logCountRatio(examples, c);
            List<Example<Label>> scaled = new ArrayList<>();
            for (Example<Label> e : examples) {
                scaled.add(scaledCopy(e, r, new Label(e.getOutput().getLabel().equals(c) ? "in" : "out")));
            }
            Model<Label> svm = new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL), C, 100_000, EPS, 7L)
                    .train(dataset(scaled));
            for (LabeledDocument d : docs) {
                Example<Label> plain = fx.example(d.text(), LabelFactory.UNKNOWN_LABEL);
                if (plain.size() == 0) {
                    continue;
                }
                double want = svm.predict(scaledCopy(plain, r, LabelFactory.UNKNOWN_LABEL)).getOutputScores().get("in").getScore();
                double got = nbsvm.predict(plain).getOutputScores().get(c).getScore();
                assertEquals(want, got, 1e-3, "score of " + c + " for " + d.id());
                compared++;
            }
        }
        assertTrue(compared >= classes.size() * docs.size() * 0.99, "compared only " + compared);
    }

    @Test
    void alpha_mustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NbSvmTrainer(1, 10, 0.1, 0, 1L));
        assertTrue(e.getMessage().contains("alpha must be > 0, got 0.0"), e.getMessage());
    }

    /** ln((p / |p|_1) / (q / |q|_1)), p and q counting documents with the feature in and outside {@code c}, plus one. */
    private static Map<String, Double> logCountRatio(List<Example<Label>> examples, String c) {
        Map<String, double[]> counts = new HashMap<>(); // name -> {in, out}
        for (Example<Label> e : examples) {
            int side = e.getOutput().getLabel().equals(c) ? 0 : 1;
            for (Feature f : e) {
                if (f.getValue() != 0) {
                    counts.computeIfAbsent(f.getName(), k -> new double[2])[side]++;
                }
            }
        }
        double pSum = 0;
        double qSum = 0;
        for (double[] pq : counts.values()) {
            pSum += pq[0] + 1;
            qSum += pq[1] + 1;
        }
        Map<String, Double> r = new HashMap<>();
        for (Map.Entry<String, double[]> en : counts.entrySet()) {
            r.put(en.getKey(), Math.log(((en.getValue()[0] + 1) / pSum) / ((en.getValue()[1] + 1) / qSum)));
        }
        return r;
    }

    private static Example<Label> scaledCopy(Example<Label> e, Map<String, Double> r, Label output) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Feature f : e) {
            Double ratio = r.get(f.getName());
            if (ratio != null) {
                names.add(f.getName());
                values.add(f.getValue() * ratio);
            }
        }
        return new ArrayExample<>(output, names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static MutableDataset<Label> dataset(List<Example<Label>> examples) {
        return new MutableDataset<>(new ListDataSource<>(examples, LABELS, new SimpleDataSourceProvenance("test", LABELS)));
    }
}

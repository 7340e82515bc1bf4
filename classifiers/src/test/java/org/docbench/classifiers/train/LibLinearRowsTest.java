package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

/** Ablation rows without a Tribuo dataset give the predictions Tribuo's path gives, document by document. */
class LibLinearRowsTest {

    private static final long SEED = 42L;

    /** The embedded corpus in three parts by position, plus a valid document with no word any model knows. */
    private static Experiment experiment(String task) {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        List<LabeledDocument> train = new ArrayList<>();
        List<LabeledDocument> valid = new ArrayList<>();
        List<LabeledDocument> test = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            (i % 5 == 0 ? test : i % 5 == 1 ? valid : train).add(docs.get(i));
        }
        valid.add(new LabeledDocument("unknown-words", "qqqzx vvvkj", Map.of(task, docs.get(0).label(task)), Map.of(), Map.of()));
        return new Experiment("embedded", task, "by-position", train, valid, test);
    }

    private static void assertSamePredictions(Experiment exp, FeatureSpec features, TrainerSpec spec) {
        ExperimentTrainer.ValidAndTest tribuo = new ExperimentTrainer(exp, features, SEED).validAndTest(spec);
        // Straight to the rows path: through validAndTestOnce a fallback to Tribuo's would compare Tribuo with itself.
        ExperimentTrainer.ValidAndTest rows = LibLinearRows.validAndTest(new ExperimentTrainer(exp, features, SEED), features,
                (LibLinearOnEveryCore) spec.create(SEED), ProgressMeter.off());
        String where = exp.task() + " " + spec.name() + " " + features.describe();
        assertEquals(tribuo.features(), rows.features(), where);
        assertEquals(tribuo.valid().labels(), rows.valid().labels(), where);
        assertArrayEquals(tribuo.valid().truth(), rows.valid().truth(), where);
        assertArrayEquals(tribuo.valid().predicted(), rows.valid().predicted(), where + " valid");
        assertArrayEquals(tribuo.test().truth(), rows.test().truth(), where);
        assertArrayEquals(tribuo.test().predicted(), rows.test().predicted(), where + " test");
    }

    @Test
    void nbSvmAndSvm_predictWhatTribuosPathPredicts() {
        FeatureSpec chosen = FeatureSpec.defaults().withMinDf(2).withSublinearTf(true).withNormalize(false).withLowercase(false);
        for (String task : List.of("stance", "topic")) {
            Experiment exp = experiment(task);
            assertSamePredictions(exp, chosen, Trainers.nbSvm(3));
            assertSamePredictions(exp, chosen, Trainers.liblinearSvm(1));
        }
        Experiment stance = experiment("stance");
        assertSamePredictions(stance, FeatureSpec.defaults().withMaxNgram(1), Trainers.nbSvm(0.3));
        assertSamePredictions(stance, chosen.withCharNgrams(2, 4), Trainers.nbSvm(3));
        assertSamePredictions(stance, chosen, Trainers.liblinearLogisticDual(10));
    }

    @Test
    void validAndTestOnce_onAFreshRunner_givesTheRowsPathsPredictions() {
        Experiment exp = experiment("topic");
        FeatureSpec features = FeatureSpec.defaults().withMaxNgram(1).withMinDf(3);
        ExperimentTrainer.ValidAndTest once = new ExperimentTrainer(exp, features, SEED).validAndTestOnce(Trainers.liblinearSvm(1));
        ExperimentTrainer.ValidAndTest rows = LibLinearRows.validAndTest(new ExperimentTrainer(exp, features, SEED), features,
                (LibLinearOnEveryCore) Trainers.liblinearSvm(1).create(SEED), ProgressMeter.off());
        assertEquals(rows.features(), once.features());
        assertArrayEquals(rows.valid().predicted(), once.valid().predicted());
        assertArrayEquals(rows.test().predicted(), once.test().predicted());
    }

    @Test
    void aDocumentWithNoKnownWord_getsTheTrainingMajority() {
        Experiment exp = experiment("stance");
        ExperimentTrainer.ValidAndTest rows = LibLinearRows.validAndTest(new ExperimentTrainer(exp, FeatureSpec.defaults(), SEED),
                FeatureSpec.defaults(), (LibLinearOnEveryCore) Trainers.nbSvm(3).create(SEED), ProgressMeter.off());
        int last = exp.valid().size() - 1;
        String majority = Majority.of(exp.train().stream().map(d -> d.label("stance")).toList());
        assertEquals(majority, rows.valid().labels().get(rows.valid().predicted()[last]));
    }

    @Test
    void indexed_holdsTheExamplesFeaturesInIndexOrder() {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        FeatureExtractor fx = FeatureExtractor.fit(FeatureSpec.defaults().withCharNgrams(2, 3),
                docs.stream().map(LabeledDocument::text).toList());
        for (LabeledDocument d : docs.subList(0, 50)) {
            Example<Label> e = fx.example(d.text(), new Label("x"));
            FeatureExtractor.Indexed x = fx.indexed(d.text());
            assertEquals(e.size(), x.indices().length, d.id());
            assertFalse(x.indices().length == 0, d.id());
            int j = 0;
            for (Feature f : e) {
                assertEquals(f.getName(), fx.featureName(x.indices()[j]), d.id());
                assertEquals(f.getValue(), x.values()[j], 0.0, d.id());
                j++;
            }
        }
    }
}

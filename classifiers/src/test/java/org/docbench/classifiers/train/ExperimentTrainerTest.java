package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class ExperimentTrainerTest {
    static final String TASK = "stance";

    /** The embedded corpus's stance documents, every fifth from the first valid, from the second test, the rest train. */
    static Experiment embeddedByIndex() {
        List<LabeledDocument> train = new ArrayList<>();
        List<LabeledDocument> valid = new ArrayList<>();
        List<LabeledDocument> test = new ArrayList<>();
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll().stream().filter(d -> d.label(TASK) != null).toList();
        for (int i = 0; i < docs.size(); i++) {
            (i % 5 == 0 ? valid : i % 5 == 1 ? test : train).add(docs.get(i));
        }
        return new Experiment("embedded", TASK, "by-index", train, valid, test);
    }

    /**
     * The ablation's rows come from validAndTest: one model trained on the train part, its
     * predictions on valid and on test, each beside that part's truth in document order. The
     * oracle is the same trainer run by hand on an extractor fitted on the train part.
     */
    @Test
    void validAndTest_givesOneTrainPartModelsPredictions_onValidAndOnTest_inDocumentOrder() {
        Experiment exp = embeddedByIndex();
        List<LabeledDocument> train = exp.train();
        List<LabeledDocument> valid = exp.valid();
        List<LabeledDocument> test = exp.test();
        FeatureSpec spec = FeatureSpec.defaults();
        TrainerSpec model = Trainers.liblinearSvm(1);
        ExperimentTrainer runner = new ExperimentTrainer(exp, spec, 7);
        ExperimentTrainer.ValidAndTest vt = runner.validAndTest(model);

        LabelFactory labels = new LabelFactory();
        FeatureExtractor fx = FeatureExtractor.fit(spec, train.stream().map(LabeledDocument::text).toList());
        List<Example<Label>> examples = train.stream().map(d -> fx.example(d.text(), new Label(d.label(TASK)))).toList();
        Model<Label> oracle = model.create(7).train(new MutableDataset<>(
                new ListDataSource<>(examples, labels, new SimpleDataSourceProvenance("oracle", labels))));
        assertHeldOut(runner.labels(), vt.valid(), valid, fx, oracle, "valid");
        assertHeldOut(runner.labels(), vt.test(), test, fx, oracle, "test");
        assertEquals(fx.featureCount(), vt.features());
    }

    private static void assertHeldOut(List<String> labels, ExperimentTrainer.HeldOut got, List<LabeledDocument> part,
                                      FeatureExtractor fx, Model<Label> oracle, String what) {
        assertEquals(labels, got.labels());
        int[] truth = part.stream().mapToInt(d -> labels.indexOf(d.label(TASK))).toArray();
        int[] predicted = part.stream().mapToInt(d -> labels.indexOf(
                oracle.predict(fx.example(d.text(), LabelFactory.UNKNOWN_LABEL)).getOutput().getLabel())).toArray();
        assertArrayEquals(truth, got.truth(), what + " truth");
        assertArrayEquals(predicted, got.predicted(), what + " predictions");
    }

    /**
     * Predicting on every core (valid parts, grids, ablation rows) gives what one thread gives, in
     * order: LibLinear's models, which go on every core, and the stratified baseline, whose predict
     * draws from a random stream and so stays on one thread.
     */
    @Test
    void predictOnEveryCore_equalsPredictOnOneThread() {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll().stream().filter(d -> d.label(TASK) != null).toList();
        ExperimentTrainer runner = new ExperimentTrainer(Experiment.of("embedded", TASK, "random", docs), FeatureSpec.defaults(), 7);
        Featurized data = runner.full();
        assertTrue(data.train.size() > 2 * 256, "the examples span several slices");
        for (TrainerSpec spec : List.of(Trainers.liblinearLogistic(1), Trainers.liblinearLogisticDual(1), Trainers.liblinearSvm(1),
                Trainers.nbSvm(1), Trainers.stratified(), Trainers.naiveBayes(1))) {
            // A fresh model per call: the stratified baseline's answers depend on the calls before.
            String fallback = runner.labels().get(0);
            TrainedModel.Predicted one = new TrainedModel(spec.create(7).train(data.trainDataset("t")), 0, fallback, runner.labels())
                    .predict(data.train, false);
            TrainedModel.Predicted all = new TrainedModel(spec.create(7).train(data.trainDataset("t")), 0, fallback, runner.labels())
                    .predict(data.train, true);
            assertArrayEquals(one.predicted(), all.predicted(), spec.name());
            assertArrayEquals(one.confidence(), all.confidence(), 0.0, spec.name());
            for (int i = 0; i < one.scores().length; i++) {
                assertArrayEquals(one.scores()[i], all.scores()[i], 0.0, spec.name() + " example " + i);
            }
        }
    }
}

package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** Train ms measures training: the feature index is built once, outside every model's clock. */
class IndexedDatasetTest {

    private static List<Example<Label>> examples() {
        return List.of(new ArrayExample<>(new Label("a"), new String[] {"w=x", "w=y"}, new double[] {1, 2}),
                new ArrayExample<>(new Label("b"), new String[] {"w=y", "w=z"}, new double[] {3, 1}));
    }

    @Test
    void featureIdMap_isBuiltOnce_withTheSameIdsAsTribuos() {
        MutableDataset<Label> indexed = Featurized.dataset("t", examples());
        MutableDataset<Label> plain = new MutableDataset<>(examples(), indexed.getProvenance(), Featurized.LABELS);
        ImmutableFeatureMap first = indexed.getFeatureIDMap();
        assertSame(first, indexed.getFeatureIDMap(), "the index is not rebuilt per call");
        assertNotSame(plain.getFeatureIDMap(), plain.getFeatureIDMap(), "Tribuo's own dataset rebuilds it per call");
        for (String f : List.of("w=x", "w=y", "w=z")) {
            assertEquals(plain.getFeatureIDMap().getID(f), first.getID(f), f);
        }
        assertSame(indexed.getOutputIDInfo(), indexed.getOutputIDInfo());
    }

    @Test
    void featureIdMap_afterAnAdd_knowsTheNewFeature() {
        MutableDataset<Label> indexed = Featurized.dataset("t", examples());
        ImmutableFeatureMap before = indexed.getFeatureIDMap();
        indexed.add(new ArrayExample<>(new Label("c"), new String[] {"w=new"}, new double[] {1}));
        assertTrue(indexed.getFeatureIDMap().getID("w=new") >= 0, "index rebuilt after a change");
        assertEquals(-1, before.getID("w=new"));
        assertEquals(3, indexed.getOutputIDInfo().size());
    }

    @Test
    void runner_everyModelSharesOneIndex_soNoTrainCallBuildsIt() {
        Experiment exp = Experiment.of("synthetic", "topic", "random", TestCorpus.documents(20, 4));
        ExperimentTrainer runner = new ExperimentTrainer(exp, FeatureSpec.defaults(), 42);
        Featurized data = runner.full();
        TrainedModel majority = runner.train(Trainers.majority(), data);
        TrainedModel lr = runner.train(Trainers.liblinearLogistic(1), data);
        assertSame(majority.model.getFeatureIDMap(), lr.model.getFeatureIDMap(),
                "both models got the index built before their clocks started");
        assertTrue(runner.featurePreparationMillis() > 0, "feature fitting is timed on its own");
    }
}

package org.docbench.classifiers.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.CategoricalIDInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.RealIDInfo;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class OnceReflectedFeatureMapTest {

    /**
     * The map's protobuf is Tribuo's own, byte for byte, on features of both kinds a corpus
     * gives: categorical (few distinct values) and real (more than CategoricalInfo.THRESHOLD).
     */
    @Test
    void serialize_isByteForByteTribuosOwn_forCategoricalAndRealFeatures() {
        List<LabeledDocument> docs = TestCorpus.documents(80, 5);
        FeatureExtractor fx = FeatureExtractor.fit(FeatureSpec.defaults(), docs.stream().map(LabeledDocument::text).toList());
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new ListDataSource<>(
                docs.stream().map(d -> fx.example(d.text(), new Label(d.label("topic")))).toList(), labels,
                new SimpleDataSourceProvenance("test", labels)));
        ImmutableFeatureMap tribuo = new ImmutableFeatureMap(data.getFeatureMap());
        ImmutableFeatureMap ours = new OnceReflectedFeatureMap(data.getFeatureMap());
        boolean categorical = false;
        boolean real = false;
        for (VariableInfo info : ours) {
            categorical |= info instanceof CategoricalIDInfo;
            real |= info instanceof RealIDInfo;
        }
        assertTrue(categorical && real, "the corpus gives both kinds of feature");
        assertArrayEquals(tribuo.serialize().toByteArray(), ours.serialize().toByteArray(),
                "the protobuf differs from Tribuo's own");
    }

    /** A model trained and saved by SavedModel reads back with Tribuo's own reader and answers as before. */
    @Test
    void savedModel_loadsBack_withTheSameFeaturesAndAnswers(@TempDir Path dir) throws Exception {
        List<LabeledDocument> docs = TestCorpus.documents(30, 2);
        SavedModel m = SavedModel.train(docs, "topic", Trainers.liblinearSvm(1), FeatureSpec.defaults(), 42, null);
        assertInstanceOf(OnceReflectedFeatureMap.class, m.model().getFeatureIDMap(), "the fast map is the model's");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.model().serializeToStream(bytes);
        Model<?> back = Model.deserializeFromStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(ImmutableFeatureMap.class, back.getFeatureIDMap().getClass());
        ImmutableFeatureMap written = m.model().getFeatureIDMap();
        assertEquals(written.size(), back.getFeatureIDMap().size());
        for (VariableInfo info : written) {
            VariableIDInfo read = back.getFeatureIDMap().get(info.getName());
            assertEquals(List.of(info.getClass(), written.getID(info.getName()), info.getCount()),
                    List.of(read.getClass(), read.getID(), read.getCount()), info.getName());
        }
        Path file = dir.resolve("m.model");
        m.save(file);
        SavedModel loaded = SavedModel.load(file);
        for (LabeledDocument d : docs) {
            assertEquals(m.classify(d.text()), loaded.classify(d.text()), d.id());
        }
    }
}

package org.docbench.classifiers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearTrainer;

import de.bwaldvogel.liblinear.FeatureNode;

/** Converting the examples on every core changes nothing: Tribuo's rows, Tribuo's models, to the last bit. */
class LibLinearOnEveryCoreTest {

    private static final List<LabeledDocument> DOCS = LayoutCorpusReader.embedded().readAll();
    private static final FeatureExtractor FX = FeatureExtractor.fit(FeatureSpec.defaults(),
            DOCS.stream().map(LabeledDocument::text).toList());

    private static List<Example<Label>> examples() {
        return DOCS.stream().map(d -> FX.example(d.text(), new Label(d.label("topic")))).toList();
    }

    @Test
    void extractData_givesEachExampleTribuosRowInExampleOrder() {
        MutableDataset<Label> data = Featurized.dataset("t", examples());
        var rows = new LibLinearOnEveryCore(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL, 1, 10, 0.1, 7L)
                .extractData(data, data.getOutputIDInfo(), data.getFeatureIDMap());
        assertEquals(data.size(), rows.getA().length);
        List<FeatureNode> scratch = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            FeatureNode[] want = LibLinearTrainer.exampleToNodes(data.getExample(i), data.getFeatureIDMap(), scratch);
            FeatureNode[] got = rows.getA()[i];
            assertEquals(want.length, got.length, "row " + i);
            for (int j = 0; j < want.length; j++) {
                assertEquals(want[j].index, got[j].index, "row " + i + " node " + j);
                assertEquals(want[j].value, got[j].value, 0.0, "row " + i + " node " + j);
            }
            assertEquals(data.getOutputIDInfo().getID(data.getExample(i).getOutput()), (int) rows.getB()[0][i], "row " + i);
        }
    }

    @Test
    void everyLibLinearType_trainsTribuosModel() {
        for (LinearClassificationType.LinearType type : List.of(LinearClassificationType.LinearType.L2R_LR,
                LinearClassificationType.LinearType.L2R_LR_DUAL, LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL)) {
            MutableDataset<Label> data = Featurized.dataset("t", examples());
            Model<Label> ours = new LibLinearOnEveryCore(type, 3, 1000, 0.1, 11L).train(data);
            Model<Label> tribuos = new LibLinearClassificationTrainer(new LinearClassificationType(type), 3, 1000, 0.1, 11L).train(data);
            List<Example<Label>> probe = examples();
            List<Prediction<Label>> a = ours.predict(probe);
            List<Prediction<Label>> b = tribuos.predict(probe);
            for (int i = 0; i < probe.size(); i++) {
                String where = type + " document " + DOCS.get(i).id();
                assertEquals(b.get(i).getOutput().getLabel(), a.get(i).getOutput().getLabel(), where);
                for (var e : b.get(i).getOutputScores().entrySet()) {
                    assertEquals(e.getValue().getScore(), a.get(i).getOutputScores().get(e.getKey()).getScore(), 0.0, where);
                }
            }
        }
    }
}

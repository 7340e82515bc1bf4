package org.docbench.classifiers.eval;

import java.util.ArrayList;
import java.util.List;

import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Trains and evaluates trainer specs on experiments. Stateless. */
public final class Runner {
    private static final LabelFactory LABELS = new LabelFactory();

    private Runner() {
    }

    /** Fits features on the training documents, trains {@code spec} with {@code seed}, scores the test set. */
    public static Evaluation run(Experiment exp, TrainerSpec spec, FeatureSpec features, long seed) {
        long t0 = System.nanoTime();
        FeatureExtractor fx = FeatureExtractor.fit(features, exp.train().stream().map(LabeledDocument::text)::iterator);
        var train = dataset(exp, exp.train(), fx);
        Model<Label> model = spec.create(seed).train(train);
        long t1 = System.nanoTime();
        var test = dataset(exp, exp.test(), fx);
        List<Prediction<Label>> predictions = model.predict(test);
        long t2 = System.nanoTime();
        LabelEvaluation ev = new LabelEvaluator().evaluate(model, predictions, test.getProvenance());
        return new Evaluation(exp.id(), spec.name(), ev.accuracy(), ev.macroAveragedF1(), fx.featureCount(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, exp.test().size());
    }

    private static MutableDataset<Label> dataset(Experiment exp, List<LabeledDocument> docs, FeatureExtractor fx) {
        List<org.tribuo.Example<Label>> examples = new ArrayList<>(docs.size());
        for (LabeledDocument d : docs) {
            examples.add(fx.example(d.text(), new Label(d.label(exp.task()))));
        }
        var source = new ListDataSource<>(examples, LABELS, new SimpleDataSourceProvenance(exp.id(), LABELS));
        return new MutableDataset<>(source);
    }
}

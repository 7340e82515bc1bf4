package org.docbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.docbench.classifiers.eval.Experiment;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * End-to-end inference, raw text to label, with docbench's feature extraction feeding a Tribuo
 * logistic regression trained once in setup on the stratified split of the topic task.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PredictBenchmark {

    private List<String> texts;
    private FeatureExtractor features;
    private Model<Label> model;
    private int next;

    @Setup
    public void setup() {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        Experiment exp = Experiment.of("embedded", "topic", "random", docs);
        features = FeatureExtractor.fit(FeatureSpec.defaults(), exp.train().stream().map(LabeledDocument::text).toList());
        LabelFactory factory = new LabelFactory();
        var examples = exp.train().stream().map(d -> features.example(d.text(), new Label(d.label("topic")))).toList();
        var data = new MutableDataset<>(new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("train", factory)));
        model = Trainers.logisticRegression().create(1234L).train(data);
        texts = exp.test().stream().map(LabeledDocument::text).toList();
    }

    /** One document per operation, cycling through the test set. */
    @Benchmark
    public Label predictOne() {
        String text = texts.get(next++ % texts.size());
        return model.predict(features.example(text, LabelFactory.UNKNOWN_LABEL)).getOutput();
    }
}

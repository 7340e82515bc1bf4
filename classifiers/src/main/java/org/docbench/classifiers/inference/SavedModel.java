package org.docbench.classifiers.inference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.docbench.classifiers.progress.Progress;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.train.Family;
import org.docbench.classifiers.train.Majority;
import org.docbench.classifiers.train.ScoreKind;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierModel;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;


/**
 * A trained Tribuo model with the fitted features that feed it and its provenance: everything
 * needed to classify raw text the same way it was trained. Saved as one zip file holding
 * {@code model.tribuo} (Tribuo's protobuf format), {@code features.json} and {@code provenance.json}.
 *
 * <p>Immutable and thread-safe after construction.
 */
public final class SavedModel {
    private static final LabelFactory LABELS = new LabelFactory();

    private final Model<Label> model;
    private final FeatureExtractor features;
    private final Map<String, Object> provenance;
    private final String fallback;
    /** The majority baseline's answer to every text (the recorded training majority), else null. */
    private final String majorityAnswer;

    private SavedModel(Model<Label> model, FeatureExtractor features, Map<String, Object> provenance, String fallback) {
        this.model = model;
        this.features = features;
        this.provenance = provenance;
        this.fallback = fallback;
        // Files saved before the majority baseline was docbench's own (Trainers.majority) hold Tribuo's
        // most-frequent model, which breaks a tie by a HashMap's order of the label names: docbench answers
        // the majority the file records, as evaluate's fallback and the Spark job's count take it.
        this.majorityAnswer = Family.MAJORITY.is(String.valueOf(provenance.get("family"))) ? fallback : null;
    }

    /**
     * One classification.
     *
     * @param label      predicted label
     * @param confidence probability of the label for probabilistic models, else the model's score;
     *                   0 when the text had no known feature and the training majority was answered
     * @param scores     every label's score, sorted by label
     */
    public record Classification(String label, double confidence, Map<String, Double> scores) {
    }

    /** Fits features on {@code docs} (those labeled for {@code task}), trains {@code spec} with {@code seed}. */
    public static SavedModel train(List<LabeledDocument> docs, String task, TrainerSpec spec, FeatureSpec featureSpec,
                                   long seed, CorpusManifest corpus) {
        return train(docs, task, spec, featureSpec, seed, corpus, ProgressMeter.off());
    }

    /** As {@link #train(List, String, TrainerSpec, FeatureSpec, long, CorpusManifest)}, showing each pass on {@code meter}. */
    public static SavedModel train(List<LabeledDocument> docs, String task, TrainerSpec spec, FeatureSpec featureSpec,
                                   long seed, CorpusManifest corpus, ProgressMeter meter) {
        return train(docs, task, spec, featureSpec, 0, seed, corpus, meter);
    }

    /**
     * As {@link #train(List, String, TrainerSpec, FeatureSpec, long, CorpusManifest, ProgressMeter)},
     * the model learning from the top {@code selectFeatures} features by chi-square when that is
     * positive, as the report's rows of the same family do ({@link org.docbench.classifiers.train.ModelFamily#selectFeatures}).
     * The extractor keeps every feature; the model's own feature map holds the selected ones, and
     * Tribuo's {@code predict} reads no other.
     */
    public static SavedModel train(List<LabeledDocument> docs, String task, TrainerSpec spec, FeatureSpec featureSpec,
                                   int selectFeatures, long seed, CorpusManifest corpus, ProgressMeter meter) {
        List<LabeledDocument> labeled = docs.stream().filter(d -> d.label(task) != null).toList();
        if (labeled.isEmpty()) {
            throw new IllegalArgumentException("no document has a '" + task + "' label");
        }
        FeatureExtractor fx;
        try (Progress p = meter.start("fit features", labeled.size(), "docs")) {
            fx = FeatureExtractor.fit(featureSpec, labeled.stream().map(LabeledDocument::text).toList(), p::stepFromAnyThread);
        }
        List<Example<Label>> examples = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        try (Progress p = meter.start("featurize", labeled.size(), "docs")) {
            for (LabeledDocument d : labeled) {
                Example<Label> e = fx.example(d.text(), new Label(d.label(task)));
                // A document with no term the vocabulary kept (each in fewer than min-df documents)
                // teaches nothing, and Tribuo refuses an example without features.
                if (e.size() > 0) {
                    examples.add(e);
                    counts.merge(d.label(task), 1, Integer::sum);
                }
                p.step();
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training document has a term that occurs in at least "
                    + featureSpec.minDf() + " documents (the features' min df); give more documents");
        }
        int selected = 0;
        if (selectFeatures > 0 && fx.fitted().names().size() > selectFeatures) {
            java.util.Set<String> keep = org.docbench.classifiers.train.FeatureSelection.chiSquareTop(examples, selectFeatures);
            examples = examples.stream().map(e -> org.docbench.classifiers.train.FeatureSelection.restrict(e, keep)).toList();
            selected = keep.size();
        }
        Model<Label> model;
        try (Progress p = meter.start("training " + spec.family(), 0, "")) { // one opaque step: progress shows elapsed time
            model = spec.create(seed).train(savable(examples, task));
        }
        // The majority of the documents the model learned from, as docbench evaluate's runner takes it: the
        // majority baseline answers it, and so does any model for a document with no feature it knows.
        String majority = Majority.of(counts);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("format", ModelFile.FORMAT);
        prov.put("task", task);
        prov.put("family", spec.family());
        prov.put("spec", spec.name());
        prov.put("hyperparameters", spec.hyperparameters());
        prov.put("seed", seed);
        prov.put("features", featureSpec.describe());
        if (selected > 0) {
            prov.put("selectedFeatures", "top " + selected + " by chi-square");
        }
        prov.put("labels", counts);
        prov.put("majority", majority);
        prov.put("trainingDocuments", examples.size());
        if (examples.size() < labeled.size()) {
            prov.put("withoutFeatures", labeled.size() - examples.size());
        }
        if (corpus != null) {
            // In this order in every file: Map.of iterates in an order that changes from run to run.
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", corpus.name());
            c.put("sha256", corpus.sha256());
            c.put("documents", corpus.documents());
            prov.put("corpus", c);
        }
        prov.put("tribuo", org.tribuo.Tribuo.VERSION);
        return new SavedModel(model, fx, prov, majority);
    }

    /**
     * The training data as Tribuo would make it ({@code MutableDataset}'s features, ids, labels and
     * examples), immutable, with a feature map that Tribuo's protobuf serializes in a fraction of
     * the time ({@link OnceReflectedFeatureMap}): the model keeps its training data's map, and
     * {@link #save} writes it. The model trained is the same; its provenance names an
     * {@code ImmutableDataset}.
     */
    private static ImmutableDataset<Label> savable(List<Example<Label>> examples, String task) {
        ListDataSource<Label> source = new ListDataSource<>(examples, LABELS, new SimpleDataSourceProvenance(task, LABELS));
        MutableDataset<Label> mutable = new MutableDataset<>(source);
        return new ImmutableDataset<>(mutable, source.getProvenance(), LABELS,
                new OnceReflectedFeatureMap(mutable.getFeatureMap()), mutable.getOutputIDInfo(), false);
    }

    public Map<String, Object> provenance() {
        return provenance;
    }

    public String task() {
        return (String) provenance.get("task");
    }

    public Model<Label> model() {
        return model;
    }

    /** The fitted features that turn raw text into this model's examples. */
    public FeatureExtractor features() {
        return features;
    }

    /** What the scores are: probabilities when the model gives them, margins for a linear SVM, else scores. */
    public ScoreKind scoreKind() {
        // The report's definition, so classify and the predictions files name a family's scores alike.
        return ScoreKind.of(String.valueOf(provenance.get("family")), model.generatesProbabilities());
    }

    /** Classifies raw text. */
    public Classification classify(String rawText) {
        Example<Label> e = features.example(rawText, LabelFactory.UNKNOWN_LABEL);
        // The baselines read no feature, so every text has an answer from them.
        boolean baseline = model instanceof DummyClassifierModel;
        if (!baseline && !org.docbench.classifiers.train.KnownFeatures.any(e, model.getFeatureIDMap())) {
            return new Classification(fallback, 0.0, Map.of());
        }
        Prediction<Label> p = model.predict(e);
        Map<String, Double> scores = new TreeMap<>();
        p.getOutputScores().forEach((k, v) -> scores.put(k, v.getScore()));
        String label = p.getOutput().getLabel();
        if (majorityAnswer != null) {
            label = majorityAnswer;
        }
        if (scores.isEmpty()) { // a baseline scores nothing: one vote for its answer
            model.getOutputIDInfo().getDomain().forEach(l -> scores.put(l.getLabel(), 0.0));
            scores.put(label, 1.0);
            return new Classification(label, 1.0, scores);
        }
        return new Classification(label, p.getOutput().getScore(), scores);
    }

    /**
     * Writes the zip to {@code file} atomically (a temporary sibling, then a rename); see
     * {@link ModelFile} for what it holds.
     */
    public void save(Path file) throws IOException {
        ModelFile.write(file, provenance, features, model);
    }

    /** Reads a model saved by {@link #save}; a file that is not one gives an {@link IllegalArgumentException} naming it. */
    public static SavedModel load(Path file) throws IOException {
        return fromEntries(ModelFile.read(file, false), file.toString());
    }

    /** Reads a model saved by {@link #save} from a stream (a classpath resource, say); {@code file} names it in errors. */
    public static SavedModel load(InputStream in, String file) throws IOException {
        return fromEntries(ModelFile.entries(in, file, false), file);
    }

    /** The model of a zip's entries, as {@link ModelFile#entries} read them. */
    @SuppressWarnings("unchecked")
    public static SavedModel fromEntries(Map<String, byte[]> entries, String file) {
        Map<String, Object> prov = ModelFile.provenance(entries, file);
        ModelFile.require(entries, file, "features.json", "model.tribuo");
        try {
            FeatureExtractor fx = ModelFile.features(entries.get("features.json"));
            Model<?> raw = Model.deserializeFromStream(new ByteArrayInputStream(entries.get("model.tribuo")));
            if (!raw.validate(Label.class)) {
                throw new IllegalArgumentException("model file " + file + " does not hold a classification model");
            }
            return new SavedModel((Model<Label>) raw, fx, prov, (String) prov.get("majority"));
        } catch (IOException | RuntimeException e) {
            throw ModelFile.damaged(file, e);
        }
    }
}

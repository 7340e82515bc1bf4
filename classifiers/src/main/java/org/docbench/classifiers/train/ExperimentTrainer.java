package org.docbench.classifiers.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.core.corpus.Splits;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;
import org.docbench.core.features.FeatureSpec;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Trains model families on an experiment: chooses each family's configuration on validation
 * data (the experiment's own valid part, or a seeded stratified 20% of its training part; never
 * the test part), trains the choice on the training part and predicts the test part.
 *
 * <p>The trainer produces predictions and never scores them itself: the score a grid is searched
 * by is the caller's {@link Criterion}, so the metrics live with evaluation, which uses training
 * and is never used by it.
 *
 * <p>Featurization is done once per experiment and shared by all families; what a model does once
 * trained (predicting, its top features) is {@link TrainedModel}'s. Not thread-safe.
 */
public final class ExperimentTrainer {
    /** Fraction of the training part held out for inner validation when the experiment has no valid part. */
    public static final double INNER_VALIDATION = 0.2;

    private final Experiment experiment;
    private final FeatureSpec features;
    private final long seed;
    private final ProgressMeter meter;
    private final List<String> labels;
    private Featurized selection;
    /** Inner-train and inner-valid documents when the experiment has no valid part; made on first use. */
    private List<List<LabeledDocument>> inner;
    private Featurized full;
    /**
     * Models by the training examples they trained on (by identity) and spec name, kept when the
     * experiment has a valid part: a grid point chosen on valid is not trained twice.
     */
    private final Map<List<Example<Label>>, Map<String, TrainedModel>> trained = new IdentityHashMap<>();

    public ExperimentTrainer(Experiment experiment, FeatureSpec features, long seed) {
        this(experiment, features, seed, ProgressMeter.off());
    }

    /** A runner that shows each pass over the documents (fitting, featurizing) on {@code meter}. */
    public ExperimentTrainer(Experiment experiment, FeatureSpec features, long seed, ProgressMeter meter) {
        this.experiment = experiment;
        this.features = features;
        this.seed = seed;
        this.meter = meter;
        TreeSet<String> all = new TreeSet<>();
        for (List<LabeledDocument> part : List.of(experiment.train(), experiment.valid(), experiment.test())) {
            part.forEach(d -> all.add(d.label(experiment.task())));
        }
        this.labels = List.copyOf(all);
    }

    public Experiment experiment() {
        return experiment;
    }

    public List<String> labels() {
        return labels;
    }

    /** Training and test data, featurized once. */
    Featurized full() {
        if (full == null) {
            full = Featurized.of(features, experiment.task(), experiment.train(), experiment.test(), meter, experiment.id());
            if (full.featureCount() == 0 || full.train.isEmpty()) {
                throw new NoFeatures(experiment.id(), experiment.train().size());
            }
            full.trainDataset(experiment.id()); // built and indexed here, before any model's clock starts
        }
        return full;
    }

    /**
     * A training part whose documents share no word often enough to become a feature (a corpus of a
     * few short documents): no model can learn from it. Bad input, said with the experiment.
     */
    public static final class NoFeatures extends IllegalArgumentException {
        NoFeatures(String experiment, int documents) {
            super(experiment + ": the " + documents + " training documents give no feature (no word is in enough of "
                    + "them; see the features' min df): too few documents to learn from");
        }
    }

    /** Fits the features and featurizes both parts now, so each pass shows on its own before any model's progress. */
    public void featurize() {
        full();
    }

    /**
     * How a configuration's predictions on validation data are scored when a family's grid is
     * searched; higher is better. Arrays hold label indices into {@code labels}, one per document.
     */
    @FunctionalInterface
    public interface Criterion {
        double score(List<String> labels, int[] truth, int[] predicted);
    }

    /**
     * Predictions of one model on a held-out part beside the truth, indexed like the part's
     * documents; label indices refer to {@code labels}, every label of the experiment.
     *
     * @param labels    label order of {@code truth} and {@code predicted}
     * @param truth     true label index of each document
     * @param predicted predicted label index of each document
     */
    public record HeldOut(List<String> labels, int[] truth, int[] predicted) {
    }

    /**
     * Trains {@code spec} on the training part (its top {@code selectFeatures} features when
     * positive) and predicts the test part; no choice is made: what a learning-curve point shows.
     */
    public HeldOut testPredictions(TrainerSpec spec, int selectFeatures) {
        Featurized data = full().select(selectFeatures);
        TrainedModel t = train(spec, data);
        return new HeldOut(labels, truth(data.testDocs), t.predict(data.test, true).predicted());
    }

    /**
     * Milliseconds of the work done once per experiment before any model trains, and charged to
     * none: fitting the features on the training part, featurizing it, building the Tribuo dataset.
     */
    public double featurePreparationMillis() {
        return full().preparationNanos() / 1e6;
    }

    /**
     * The documents a family's grid is scored on: the experiment's valid part, or else a seeded
     * stratified {@link #INNER_VALIDATION} of each label's training documents. That inner part is
     * empty when every label has at most two training documents (20% of two rounds to none); then
     * no configuration can be chosen on validation data and {@link #run} takes the family's default.
     */
    public List<LabeledDocument> validationDocuments() {
        return experiment.valid().isEmpty() ? innerSplit().get(1) : experiment.valid();
    }

    /** Inner-train and inner-valid documents, in training-part order. */
    private List<List<LabeledDocument>> innerSplit() {
        if (inner == null) {
            String task = experiment.task();
            Map<String, Part> parts = Splits.stratified(experiment.train(), LabeledDocument::id,
                    d -> d.label(task), INNER_VALIDATION, seed);
            List<LabeledDocument> tr = new ArrayList<>();
            List<LabeledDocument> va = new ArrayList<>();
            for (LabeledDocument d : experiment.train()) {
                (parts.get(d.id()) == Part.TEST ? va : tr).add(d);
            }
            inner = List.of(List.copyOf(tr), List.copyOf(va));
        }
        return inner;
    }

    /** Data for choosing hyperparameters: train vs valid, or inner-train vs inner-valid. */
    private Featurized selection() {
        if (selection == null) {
            if (!experiment.valid().isEmpty()) {
                selection = full().against(experiment.valid()); // same training features, scored on valid
            } else {
                selection = Featurized.of(features, experiment.task(), innerSplit().get(0), innerSplit().get(1), meter,
                        experiment.id() + " inner validation");
            }
        }
        return selection;
    }

    /**
     * Chooses, trains and predicts one family: the grid configuration with the highest
     * {@code criterion} on validation data (ties keep the earlier), or the only one.
     *
     * <p>With no validation document at all ({@link #validationDocuments()} empty) the grid's
     * first, default configuration runs and the run's {@link ModelRun#validation()} stays empty:
     * choosing on the test part would leak it, and on the training part would favour the
     * configuration that overfits most. A validation part that lacks some labels is still used:
     * macro-F1 there is the mean over the labels it holds, held-out data all the same.
     */
    public ModelRun run(ModelFamily family, Criterion criterion) {
        Map<String, Double> validation = new LinkedHashMap<>();
        TrainerSpec chosen = family.grid().get(0);
        if (family.grid().size() > 1 && !validationDocuments().isEmpty()) {
            Featurized sel = selection().sample(family.maxTrainDocuments(), seed).select(family.selectFeatures());
            double best = Double.NEGATIVE_INFINITY;
            for (TrainerSpec spec : family.grid()) {
                TrainedModel t = train(spec, sel);
                double score = criterion.score(labels, truth(sel.testDocs), t.predict(sel.test, true).predicted());
                validation.put(spec.name(), score);
                if (score > best) { // strict: ties keep the earlier, preferred configuration
                    best = score;
                    chosen = spec;
                }
            }
        }
        Featurized data = full().sample(family.maxTrainDocuments(), seed).select(family.selectFeatures());
        TrainedModel t = train(chosen, data);
        long p0 = System.nanoTime();
        // Restricted copies were made outside the clock; featurizing the test part is charged in full.
        TrainedModel.Predicted p = t.predict(data.test, false);
        long p1 = System.nanoTime();
        ScoreKind kind = ScoreKind.of(family.name(), t.model.generatesProbabilities());
        Map<String, List<Map.Entry<String, Double>>> top = family.linear() ? t.topFeatures(10) : Map.of();
        return new ModelRun(family, chosen, validation, labels, data.testDocs.stream().map(LabeledDocument::id).toList(),
                truth(data.testDocs), p.predicted(), p.confidence(), t.model.generatesProbabilities(), kind, p.scores(),
                data.featureCount(), data.train.size(),
                t.nanos, (p1 - p0) + data.testFeaturizeNanos, top);
    }

    int[] truth(List<LabeledDocument> docs) {
        int[] y = new int[docs.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.indexOf(docs.get(i).label(experiment.task()));
        }
        return y;
    }

    TrainedModel train(TrainerSpec spec, Featurized data) {
        // With a valid part, selection trains on the very examples the final model trains on (the
        // full training part, or the same sample and selection of it): each configuration trains once.
        // Without one, selection trains on an inner split whose models nothing reuses: none is kept.
        if (experiment.valid().isEmpty()) {
            return trainNow(spec, data);
        }
        Map<String, TrainedModel> onThese = trained.computeIfAbsent(data.train, k -> new HashMap<>());
        TrainedModel t = onThese.get(spec.name());
        if (t == null) {
            t = trainNow(spec, data);
            onThese.put(spec.name(), t);
        }
        return t;
    }

    /**
     * Trains {@code spec} on the training part and predicts the valid part and the test part:
     * what an ablation row shows. The valid part is what a choice may look at; the test part is
     * shown beside it, never used to choose. Shares the fitted model with {@link #run}.
     *
     * @throws IllegalStateException when the experiment has no valid part
     */
    public ValidAndTest validAndTest(TrainerSpec spec) {
        if (experiment.valid().isEmpty()) {
            throw new IllegalStateException(experiment.id() + " has no valid part");
        }
        TrainedModel t = train(spec, full());
        Featurized valid = selection();
        HeldOut v = new HeldOut(labels, truth(valid.testDocs), t.predict(valid.test, true).predicted());
        HeldOut te = new HeldOut(labels, truth(full.testDocs), t.predict(full.test, true).predicted());
        return new ValidAndTest(v, te, full.featureCount(), t.nanos / 1e6);
    }

    /**
     * As {@link #validAndTest}, for a runner nothing else uses: a LibLinear family trains and
     * predicts on rows built without Tribuo examples or a Tribuo dataset ({@link LibLinearRows}),
     * with the same predictions in less time and memory. What an ablation row needs.
     */
    public ValidAndTest validAndTestOnce(TrainerSpec spec) {
        if (full == null && !experiment.valid().isEmpty() && spec.create(seed) instanceof LibLinearOnEveryCore trainer) {
            return LibLinearRows.validAndTest(this, features, trainer, meter);
        }
        return validAndTest(spec);
    }

    /**
     * Predictions of one configuration on both held-out parts.
     *
     * @param valid       predictions on the valid part
     * @param test        predictions on the test part
     * @param features    features the model saw
     * @param trainMillis training time
     */
    public record ValidAndTest(HeldOut valid, HeldOut test, int features, double trainMillis) {
    }

    private TrainedModel trainNow(TrainerSpec spec, Featurized data) {
        var dataset = data.trainDataset(experiment.id()); // built once per data, outside every model's clock
        long t0 = System.nanoTime();
        Model<Label> model = spec.create(seed).train(dataset);
        long t1 = System.nanoTime();
        return new TrainedModel(model, t1 - t0, Majority.of(data.train.stream().map(e -> e.getOutput().getLabel()).toList()),
                labels);
    }
}

package org.docbench.classifiers.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.report.Ablation;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.Family;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

/**
 * The AllSides stance configuration the report runs, chosen on the published valid parts with
 * {@code AllSidesGrid} (its javadoc has the command; bench/RESULTS.md lists every configuration tried),
 * and its ablation: each decision switched on its own. Immutable.
 *
 * @param title    the headline as the first paragraph of the text ({@link AllSidesReader#titled})
 * @param features the feature spec
 * @param model    the model every ablation row trains but the model's own row (the chosen NB-SVM configuration)
 */
public record AllSidesChoice(boolean title, FeatureSpec features, TrainerSpec model) {

    /** The report's choice. */
    public static AllSidesChoice chosen() {
        return new AllSidesChoice(true, FeatureSpec.defaults().withMinDf(5).withSublinearTf(true).withNormalize(false)
                .withLowercase(false), Trainers.nbSvm(AccuracyReport.ALLSIDES_NBSVM_C));
    }

    /** The documents as this configuration reads them. */
    public List<LabeledDocument> documents(List<LabeledDocument> all) {
        return title ? all.stream().map(AllSidesReader::titled).toList() : all;
    }

    /** In words, for the report. */
    public String describe() {
        return (title ? "title + body" : "body only") + ", `" + features.describe() + "`, `" + model.name() + "`";
    }

    /** A switched decision: its name and the configuration with it switched. */
    record Switch(String decision, AllSidesChoice config) {
    }

    /** Each decision switched on its own, in the report's order, but character n-grams ({@link #charSwitch}). */
    List<Switch> switches() {
        List<Switch> s = new ArrayList<>();
        s.add(new Switch("title", new AllSidesChoice(!title, features, model)));
        s.add(new Switch("sublinear TF", new AllSidesChoice(title, features.withSublinearTf(!features.sublinearTf()), model)));
        s.add(new Switch("word n-grams", new AllSidesChoice(title, features.withMaxNgram(features.maxNgram() == 1 ? 2 : 1), model)));
        s.add(new Switch("min df", new AllSidesChoice(title, features.withMinDf(features.minDf() == 2 ? 5 : 2), model)));
        s.add(new Switch("normalizer", new AllSidesChoice(title, features.withNormalize(!features.normalize()), model)));
        s.add(new Switch("case", new AllSidesChoice(title, features.withLowercase(!features.lowercase()), model)));
        return s;
    }

    /**
     * The naive Bayes scaling switched: NB-SVM becomes LibLinear's plain SVM at the same C, or
     * the other way round. Same features, so its row reuses the chosen runner's.
     */
    Switch modelSwitch() {
        double c = Double.parseDouble(model.hyperparameters().get("C"));
        return new Switch("NB scaling", new AllSidesChoice(title, features,
                Family.NB_SVM.is(model.family()) ? Trainers.liblinearSvm(c) : Trainers.nbSvm(c)));
    }

    /** Character n-grams switched: 2-5 added (scikit-learn's char_wb range), or removed. */
    Switch charSwitch() {
        return new Switch("char n-grams", new AllSidesChoice(title,
                features.maxCharNgram() > 0 ? features.withCharNgrams(0, 0) : features.withCharNgrams(2, 5), model));
    }

    /** Training documents of the sample the character n-gram decision is measured on. */
    static final int CHAR_SAMPLE = 5_000;

    /**
     * Runs the ablation on {@code scheme}; the chosen row comes from {@code chosenRunner}, whose
     * fitted features and model the experiment itself then reuses.
     */
    Ablation ablate(ExperimentTrainer chosenRunner, List<LabeledDocument> all, String scheme, long seed, ProgressMeter meter,
                    Consumer<String> log) {
        // The switched rows first, each runner dropped after its row: the chosen runner's features
        // stay in memory for the experiment.
        List<Ablation.Row> rows = new ArrayList<>();
        for (Switch sw : switches()) {
            Experiment exp = Experiment.of(AllSidesReader.NAME, AccuracyReport.IDEOLOGY, scheme, sw.config().documents(all));
            rows.add(row(sw.decision(), sw.config(), new ExperimentTrainer(exp, sw.config().features(), seed, meter), true, log));
        }
        Switch plain = modelSwitch();
        rows.add(row(plain.decision(), plain.config(), chosenRunner, false, log));
        Switch chars = charSwitch();
        Experiment sample = sampled(Experiment.of(AllSidesReader.NAME, AccuracyReport.IDEOLOGY, scheme, documents(all)), seed);
        rows.add(row(Ablation.CHOSEN, this, new ExperimentTrainer(sample, features, seed, meter), true, log));
        Experiment charSample = sampled(Experiment.of(AllSidesReader.NAME, AccuracyReport.IDEOLOGY, scheme,
                chars.config().documents(all)), seed);
        rows.add(row(chars.decision(), chars.config(), new ExperimentTrainer(charSample, chars.config().features(), seed, meter),
                true, log));
        rows.add(0, row(Ablation.CHOSEN, this, chosenRunner, false, log));
        return new Ablation(chosenRunner.experiment().id(), model.name(), describe(), rows);
    }

    /** {@code exp} with a seeded sample of {@value #CHAR_SAMPLE} training documents; valid and test whole. */
    static Experiment sampled(Experiment exp, long seed) {
        List<LabeledDocument> train = new ArrayList<>(exp.train());
        java.util.Collections.shuffle(train, new java.util.Random(seed));
        return new Experiment(exp.corpus(), exp.task(), exp.split(), train.subList(0, Math.min(CHAR_SAMPLE, train.size())),
                exp.valid(), exp.test(), exp.design());
    }

    /** One row; {@code once} says nothing else uses {@code runner}, so it may skip Tribuo's dataset. */
    private static Ablation.Row row(String decision, AllSidesChoice c, ExperimentTrainer runner, boolean once,
                                    Consumer<String> log) {
        long t0 = System.nanoTime();
        ExperimentTrainer.ValidAndTest s = once ? runner.validAndTestOnce(c.model()) : runner.validAndTest(c.model());
        Metrics valid = Metrics.of(s.valid());
        Metrics test = Metrics.of(s.test());
        log.accept(String.format(Locale.ROOT, "%-45s ablation %-13s valid macro-F1 %.3f  test macro-F1 %.3f  (%s; %.1f s)",
                runner.experiment().id(), decision, valid.macroF1(), test.macroF1(), c.describe(), (System.nanoTime() - t0) / 1e9));
        return new Ablation.Row(decision, c.describe(), valid.macroF1(), test.macroF1(), test.accuracy(), s.features(),
                s.trainMillis(), runner.experiment().train().size());
    }
}

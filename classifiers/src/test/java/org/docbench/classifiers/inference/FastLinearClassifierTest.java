package org.docbench.classifiers.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.docbench.classifiers.study.AllSidesChoice;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.docbench.core.text.Normalizer;
import org.docbench.core.token.FastTokenizer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.docbench.testing.RequiredData;

/**
 * The fast path is a compilation, not an approximation: for every document it must predict the
 * label Tribuo predicts, with every score within 1e-5.
 */
class FastLinearClassifierTest {
    private static final LabelFactory LABELS = new LabelFactory();

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("logistic regression", Trainers.logisticRegression(0.5, 5).create(7L), FeatureSpec.defaults()),
                Arguments.of("linear SVM", Trainers.linearSvmSgd(0.5, 5).create(7L), FeatureSpec.defaults()),
                Arguments.of("LR, counts, char n-grams", Trainers.logisticRegression(0.1, 3).create(7L),
                        new FeatureSpec(2, 3, 4, FeatureSpec.Weighting.COUNT, 2, 0)),
                Arguments.of("naive Bayes", new MultinomialNaiveBayesTrainer(1.0), FeatureSpec.defaults()),
                Arguments.of("naive Bayes, counts, light smoothing", new MultinomialNaiveBayesTrainer(0.01),
                        FeatureSpec.defaults().withWeighting(FeatureSpec.Weighting.COUNT)),
                Arguments.of("LR, hashed", Trainers.logisticRegression(0.5, 5).create(7L),
                        FeatureSpec.defaults().withHashBits(16)),
                Arguments.of("LR, sublinear TF-IDF", Trainers.logisticRegression(0.5, 5).create(7L),
                        FeatureSpec.defaults().withSublinearTf(true)),
                Arguments.of("LibLinear SVM", liblinear(LinearType.L2R_L2LOSS_SVC_DUAL, 1), FeatureSpec.defaults()),
                Arguments.of("LibLinear SVM, sublinear TF-IDF, unnormalized", liblinear(LinearType.L2R_L2LOSS_SVC_DUAL, 0.3),
                        SUBLINEAR_RAW),
                Arguments.of("LibLinear SVM, sublinear TF-IDF, unnormalized, cased", liblinear(LinearType.L2R_L2LOSS_SVC_DUAL, 1),
                        SUBLINEAR_RAW.withLowercase(false)),
                Arguments.of("LibLinear LR (dual), sublinear, word 1-3", liblinear(LinearType.L2R_LR_DUAL, 10),
                        SUBLINEAR_RAW.withMaxNgram(3)),
                Arguments.of("LibLinear LR (primal), sublinear counts, char n-grams", liblinear(LinearType.L2R_LR, 1),
                        SUBLINEAR_RAW.withWeighting(FeatureSpec.Weighting.COUNT).withCharNgrams(2, 4)),
                Arguments.of("LibLinear SVM, sublinear TF-IDF, char n-grams", liblinear(LinearType.L2R_L2LOSS_SVC_DUAL, 1),
                        SUBLINEAR_RAW.withCharNgrams(3, 5)),
                Arguments.of("NB-SVM, sublinear TF-IDF, unnormalized, cased", Trainers.nbSvm(1).create(7L),
                        SUBLINEAR_RAW.withLowercase(false)));
    }

    /** The AllSides choice's kind of spec: sublinear TF-IDF on text as it comes. */
    private static final FeatureSpec SUBLINEAR_RAW = FeatureSpec.defaults().withSublinearTf(true).withNormalize(false);

    private static Trainer<Label> liblinear(LinearType type, double c) {
        return new LibLinearClassificationTrainer(new LinearClassificationType(type), c, 1000, 0.01, 7L);
    }

    /** LibLinear keeps one weight vector for two classes; the second class scores its negation. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryModels")
    void fastPath_equalsTribuoPredict_onTwoClasses(String name, Trainer<Label> trainer) {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll().stream()
                .filter(d -> d.label("stance") != null).toList();
        String first = docs.get(0).label("stance");
        List<LabeledDocument> two = docs.stream().map(d -> new LabeledDocument(d.id(), d.text(),
                java.util.Map.of("stance", d.label("stance").equals(first) ? first : "other"), d.splits(), d.metadata())).toList();
        List<LabeledDocument> train = two.stream().filter(d -> d.part("random") == Part.TRAIN).toList();
        assertEquivalent(name, trainer, SUBLINEAR_RAW, "stance", train, two);
    }

    static Stream<Arguments> binaryModels() {
        return Stream.of(Arguments.of("LibLinear SVM, two classes", liblinear(LinearType.L2R_L2LOSS_SVC_DUAL, 1)),
                Arguments.of("LibLinear LR, two classes", liblinear(LinearType.L2R_LR_DUAL, 1)),
                Arguments.of("NB-SVM, two classes", Trainers.nbSvm(1).create(7L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void fastPath_equalsTribuoPredict_onEveryEmbeddedDocument(String name, Trainer<Label> trainer, FeatureSpec spec) {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        for (String task : List.of("topic", "stance")) {
            List<LabeledDocument> train = docs.stream().filter(d -> d.part("random") == Part.TRAIN).toList();
            assertEquivalent(name + "/" + task, trainer, spec, task, train, docs);
        }
    }

    @Test
    void fastPath_equalsTribuoPredict_onAnAllSidesSample() {
        Optional<Path> dir = AllSidesReader.locate(System.getProperty("docbench.allsides", ""),
                Path.of(System.getProperty("docbench.root", ".")));
        if (dir.isEmpty()) {
            RequiredData.skipLoudly("AllSides corpus not found (set -Ddocbench.allsides or unpack it under target/allsides)");
        }
        List<LabeledDocument> sample;
        try (Stream<LabeledDocument> all = AllSidesReader.fromFolder(dir.get(), OnError.FAIL_FAST).documents()) {
            sample = all.limit(2000).toList();
        }
        List<LabeledDocument> train = sample.subList(0, 1500);
        assertEquivalent("allsides/stance", Trainers.logisticRegression(0.5, 3).create(7L),
                FeatureSpec.defaults(), "stance", train, sample);
        FeatureExtractor raw = FeatureExtractor.fit(FeatureSpec.defaults(), Normalizer.none(), FastTokenizer::new,
                train.stream().map(LabeledDocument::text).toList());
        assertEquivalent("allsides/stance/raw", Trainers.logisticRegression(0.5, 3).create(7L),
                raw, "stance", train, sample);
        // The report's AllSides choice (InferenceBenchmark's model=best): its documents, features and model.
        AllSidesChoice best = AllSidesChoice.chosen();
        List<LabeledDocument> chosen = best.documents(sample);
        assertEquivalent("allsides/stance/best", best.model().create(7L), best.features(), "stance", chosen.subList(0, 1500), chosen);
        assertEquivalent("allsides/stance/best-features-lr", liblinear(LinearType.L2R_LR_DUAL, 10), best.features(),
                "stance", chosen.subList(0, 1500), chosen);
    }

    /**
     * With {@link Normalizer#none()} the fast path skips the normalizer and tokenizes the raw
     * text; Tribuo's examples come from the normalizer's output. Equal labels and scores on
     * every document mean the normalizer's line trimming never changed a token.
     */
    @Test
    void fastPath_withoutNormalizer_tokenizesRawText_andEqualsTribuoPredict() {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        List<LabeledDocument> train = docs.stream().filter(d -> d.part("random") == Part.TRAIN).toList();
        FeatureExtractor fx = FeatureExtractor.fit(FeatureSpec.defaults(), Normalizer.none(), FastTokenizer::new,
                train.stream().map(LabeledDocument::text).toList());
        assertEquivalent("raw/stance", Trainers.logisticRegression(0.5, 5).create(7L),
                fx, "stance", train, docs);
    }

    @Test
    void compile_rejectsModelsItCannotCompile_namingThem() {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        FeatureExtractor fx = FeatureExtractor.fit(FeatureSpec.defaults(), docs.stream().map(LabeledDocument::text).toList());
        Model<Label> dummy = DummyClassifierTrainer.createMostFrequentTrainer().train(dataset(fx, docs, "topic"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FastLinearClassifier.compile(fx, dummy));
        assertTrue(e.getMessage().contains("cannot compile a DummyClassifierModel"), e.getMessage());
    }

    private static void assertEquivalent(String what, Trainer<Label> trainer, FeatureSpec spec, String task,
                                         List<LabeledDocument> train, List<LabeledDocument> all) {
        assertEquivalent(what, trainer, FeatureExtractor.fit(spec, train.stream().map(LabeledDocument::text).toList()),
                task, train, all);
    }

    private static void assertEquivalent(String what, Trainer<Label> trainer, FeatureExtractor fx, String task,
                                         List<LabeledDocument> train, List<LabeledDocument> all) {
        Model<Label> model = trainer.train(dataset(fx, train, task));
        FastLinearClassifier fast = FastLinearClassifier.compile(fx, model);
        FastLinearClassifier.Session session = fast.newSession();
        int compared = 0;
        for (LabeledDocument d : all) {
            var example = fx.example(d.text(), LabelFactory.UNKNOWN_LABEL);
            if (example.size() == 0) {
                continue; // Tribuo refuses examples with no known feature; nothing to compare
            }
            Prediction<Label> want = model.predict(example);
            int got = session.classify(d.text());
            assertEquals(want.getOutput().getLabel(), fast.labelName(got), what + " " + d.id() + " label");
            for (int l = 0; l < fast.labelCount(); l++) {
                double tribuo = want.getOutputScores().get(fast.labelName(l)).getScore();
                assertEquals(tribuo, session.scores()[l], 1e-5, what + " " + d.id() + " score of " + fast.labelName(l));
            }
            compared++;
        }
        assertTrue(compared >= all.size() * 0.99, what + ": compared only " + compared + " of " + all.size());
    }

    private static MutableDataset<Label> dataset(FeatureExtractor fx, List<LabeledDocument> docs, String task) {
        var examples = docs.stream().map(d -> fx.example(d.text(), new Label(d.label(task)))).toList();
        return new MutableDataset<>(new ListDataSource<>(examples, LABELS, new SimpleDataSourceProvenance("test", LABELS)));
    }
}

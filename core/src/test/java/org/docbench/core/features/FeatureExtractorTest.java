package org.docbench.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.fast.FastFeatures;
import org.docbench.core.features.fast.Scratch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

class FeatureExtractorTest {

    static final List<String> TRAIN = List.of(
            "ICE detainers end in Lane County.",
            "The county ends ICE detainers.",
            "Sheriff signs 287(g) agreement.");

    @Test
    void countWeighting_countsWordUnigramsAndBigrams_keepingOnlyFeaturesSeenMinDfTimes() {
        FeatureExtractor fx = FeatureExtractor.fit(new FeatureSpec(2, 0, 0, FeatureSpec.Weighting.COUNT, 2, 0), TRAIN);
        Map<String, Double> f = fx.features("ICE detainers, ICE detainers! county");
        assertEquals(Map.of("w=ice", 2.0, "w=detainers", 2.0, "w=ice_detainers", 2.0, "w=county", 1.0), f);
    }

    /**
     * Fitting counts documents on every core; the vocabulary and idf must be what counting one
     * document at a time gives: each name the features of at least min-df documents, with the
     * idf of its document frequency.
     */
    @Test
    void fit_keepsExactlyTheNamesOfMinDfDocuments_withTheIdfOfTheirDocumentFrequency() {
        List<String> texts = LayoutCorpusReader.embedded().readAll().stream().map(LabeledDocument::text).toList();
        FeatureSpec spec = FeatureSpec.defaults().withCharNgrams(2, 3);
        FeatureExtractor all = FeatureExtractor.fit(spec.withMinDf(1), texts);
        Map<String, Integer> df = new TreeMap<>();
        for (String t : texts) {
            all.features(t).keySet().forEach(name -> df.merge(name, 1, Integer::sum));
        }
        FeatureExtractor fx = FeatureExtractor.fit(spec.withMinDf(3), texts);
        FeatureExtractor.Fitted fitted = fx.fitted();
        List<String> expected = df.entrySet().stream().filter(e -> e.getValue() >= 3).map(Map.Entry::getKey).toList();
        assertEquals(expected.size(), fitted.names().size(), "vocabulary size");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), fitted.names().get(i), "name at index " + i);
        }
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Weights.idf(texts.size(), df.get(expected.get(i))), fitted.idf()[i], 0.0, expected.get(i));
        }
        assertEquals(texts.size(), fx.trainingDocuments());
    }

    @Test
    void tfidf_isL2Normalized_andRarerFeaturesWeighMore() {
        FeatureExtractor fx = FeatureExtractor.fit(FeatureSpec.defaults().withMinDf(1), TRAIN);
        Map<String, Double> f = fx.features("sheriff county");
        double norm = f.values().stream().mapToDouble(v -> v * v).sum();
        assertEquals(1.0, norm, 1e-12);
        assertTrue(f.get("w=sheriff") > f.get("w=county"), "sheriff (df 1) must outweigh county (df 2): " + f);
    }

    @Test
    void example_carriesTheLabelAndTheSameFeaturesAsFeatures() {
        FeatureExtractor fx = FeatureExtractor.fit(FeatureSpec.defaults().withMinDf(1), TRAIN);
        Example<Label> ex = fx.example("The sheriff signs.", new Label("287g"));
        Map<String, Double> fromExample = new TreeMap<>();
        for (Feature feat : ex) {
            fromExample.put(feat.getName(), feat.getValue());
        }
        assertEquals(fx.features("The sheriff signs."), fromExample);
        assertEquals("287g", ex.getOutput().getLabel());
    }

    @Test
    void example_takesAMultiLabel_forDocumentsWithSeveralTopics() {
        FeatureExtractor fx = FeatureExtractor.fit(FeatureSpec.defaults().withMinDf(1), TRAIN);
        MultiLabel topics = new MultiLabelFactory().generateOutput("detainers,sanctuary");
        Example<MultiLabel> ex = fx.example("The county ends ICE detainers.", topics);
        assertEquals(java.util.Set.of("detainers", "sanctuary"), ex.getOutput().getNameSet());
        assertTrue(ex.size() > 0, "features present");
    }

    @Test
    void keepingCase_makesTwoWordsOfBorderAndborder_andLowercaseMakesOne() {
        List<String> train = List.of("Border agents at the border.", "The Border county.");
        FeatureExtractor cased = FeatureExtractor.fit(FeatureSpec.defaults().withMinDf(1).withNormalize(false).withLowercase(false), train);
        FeatureExtractor lower = FeatureExtractor.fit(FeatureSpec.defaults().withMinDf(1).withNormalize(false), train);
        assertTrue(cased.features("Border border").containsKey("w=Border"), cased.features("Border border").toString());
        assertEquals(2, cased.features("Border border").keySet().stream().filter(k -> !k.contains("_")).count());
        assertEquals(Map.of("w=border", 1.0), lower.features("Border BORDER border").entrySet().stream()
                .filter(e -> !e.getKey().contains("_")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> 1.0)));
        assertEquals("word1-2 tfidf mindf1 unnormalized cased", cased.spec().describe());
    }

    @Test
    void spec_rejectsOutOfRangeValues_namingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureSpec.defaults().withMaxNgram(0));
        assertEquals("maxNgram must be in [1, 5], got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.defaults().withHashBits(3));
    }

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of(FeatureSpec.defaults()),
                Arguments.of(new FeatureSpec(3, 2, 4, FeatureSpec.Weighting.COUNT, 1, 0)),
                Arguments.of(new FeatureSpec(1, 0, 0, FeatureSpec.Weighting.BINARY, 3, 0)),
                Arguments.of(FeatureSpec.defaults().withHashBits(12)),
                Arguments.of(FeatureSpec.defaults().withLowercase(false).withNormalize(false).withSublinearTf(true)),
                Arguments.of(new FeatureSpec(3, 2, 4, FeatureSpec.Weighting.COUNT, 1, 0).withLowercase(false)));
    }

    /** The fast path must see exactly what Tribuo sees, on every document of the embedded corpus. */
    @ParameterizedTest
    @MethodSource("specs")
    void fastFeatures_equalExtractorFeatures_onTheEmbeddedCorpus(FeatureSpec spec) {
        List<LabeledDocument> docs = LayoutCorpusReader.embedded().readAll();
        List<String> texts = docs.stream().map(LabeledDocument::text).toList();
        FeatureExtractor fx = FeatureExtractor.fit(spec, texts.subList(0, texts.size() / 2));
        assertSameFeatures(fx, docs);
    }

    /**
     * Terms hold {@code _} only inside URLs, and then a name like {@code w=www.a_www.b_c} is the
     * bigram of two different term pairs; the fast path looks such n-grams up by name. Bigrams
     * (the word-id loop) and trigrams (the general loop) take different code.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void fastFeatures_matchBigramsOfTermsHoldingUnderscores_whicheverWayTheNameSplits(int maxNgram) {
        String a = "see www.a_www.b c and x www.y_z";
        FeatureExtractor fx = FeatureExtractor.fit(new FeatureSpec(maxNgram, 0, 0, FeatureSpec.Weighting.COUNT, 2, 0), List.of(a, a));
        String b = "www.a www.b_c then see x www.y_z c";
        assertTrue(fx.features(b).containsKey("w=www.a_www.b_c"), "the other split of the same name");
        List<LabeledDocument> docs = Stream.of(a, b, "c www.a www.b_c x", "www.y_z c see")
                .map(t -> new LabeledDocument("t" + t.length(), t, Map.of(), Map.of(), Map.of()))
                .toList();
        assertSameFeatures(fx, docs);
    }

    /**
     * A URL or e-mail address holding {@code _} is a unigram whose name reads like a bigram
     * ({@code w=first_last@example.org} is also the bigram of {@code first} and
     * {@code last@example.org}); the word tables take it both ways, with no lookup by name.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void fastFeatures_matchUrlsAndEmailsHoldingUnderscores_asUnigramsAndInBigrams(int maxNgram) {
        String a = "mail first_last@example.org or see https://ice.gov/a_b_c today; first last@example.org";
        FeatureExtractor fx = FeatureExtractor.fit(new FeatureSpec(maxNgram, 0, 0, FeatureSpec.Weighting.COUNT, 2, 0), List.of(a, a));
        assertTrue(fx.features(a).containsKey("w=first_last@example.org"));
        List<LabeledDocument> docs = Stream.of(a, "first_last@example.org", "https://ice.gov/a_b_c https://ice.gov/a_b_c",
                        "see https://ice.gov/a_b c today first", "FIRST_LAST@EXAMPLE.ORG mail")
                .map(t -> new LabeledDocument("t" + t.length(), t, Map.of(), Map.of(), Map.of()))
                .toList();
        assertSameFeatures(fx, docs);
    }

    /**
     * Checks the compiled features and the same tables written and read back, as a model file
     * holds them: both must give the extractor's features on every document.
     */
    private static void assertSameFeatures(FeatureExtractor fx, List<LabeledDocument> docs) {
        FastFeatures compiled = FastFeatures.of(fx);
        assertSameFeatures(fx, docs, compiled, "compiled");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            compiled.write(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        FastFeatures read;
        try {
            read = FastFeatures.read(in, fx.spec());
            assertEquals(-1, in.read(), "read stops where write stopped");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertSameFeatures(fx, docs, read, "written and read");
    }

    private static void assertSameFeatures(FeatureExtractor fx, List<LabeledDocument> docs, FastFeatures fast, String which) {
        Scratch scratch = fast.newScratch();
        Map<Integer, String> names = new TreeMap<>();
        for (LabeledDocument d : docs) {
            Map<String, Double> want = fx.features(d.text());
            want.keySet().forEach(n -> names.put(fx.featureIndex(n), n));
            int n = fast.extract(fx.normalizer().normalize(d.text()).text(), scratch);
            Map<String, Double> got = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String name = names.getOrDefault(scratch.indices()[i], "#" + scratch.indices()[i]);
                got.put(name, scratch.values()[i]);
            }
            assertEquals(want.keySet(), got.keySet(), which + ": " + d.id() + " feature names");
            for (String k : want.keySet()) {
                assertEquals(want.get(k), got.get(k), 1e-12, which + ": " + d.id() + " " + k);
            }
        }
    }
}

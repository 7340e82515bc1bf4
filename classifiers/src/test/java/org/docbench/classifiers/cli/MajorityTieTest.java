package org.docbench.classifiers.cli;

import static org.docbench.classifiers.cli.DocbenchCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.docbench.classifiers.cli.DocbenchCliTest.Result;
import org.docbench.classifiers.inference.SavedModel;
import org.docbench.classifiers.train.Majority;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two labels equally frequent: the majority is one label wherever docbench picks it (the
 * baseline {@code train} saves and {@code classify} answers, the provenance, {@code evaluate}'s
 * baseline and its answer for a document with no known word), the first in name order.
 */
class MajorityTieTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The embedded corpus's stance task is balanced (288 of each); two of its labels make a tied two-label corpus. */
    private static final List<String> TIED = List.of("anti-enforcement", "pro-enforcement");

    @TempDir
    static Path dir;
    static List<LabeledDocument> docs;
    static Path corpus;

    @BeforeAll
    static void setUp() throws Exception {
        docs = LayoutCorpusReader.embedded().readAll().stream().filter(d -> TIED.contains(d.label("stance"))).toList();
        StringBuilder sb = new StringBuilder();
        for (LabeledDocument d : docs) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("text", d.text());
            m.put("stance", d.label("stance"));
            sb.append(JSON.writeValueAsString(m)).append('\n');
        }
        corpus = Files.writeString(dir.resolve("tied.jsonl"), sb, StandardCharsets.UTF_8);
    }

    @Test
    void balancedTwoLabelCorpus_trainClassifyEvaluateAndProvenance_nameTheFirstLabelByName() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        docs.forEach(d -> counts.merge(d.label("stance"), 1L, Long::sum));
        assertEquals(Map.of("anti-enforcement", 288L, "pro-enforcement", 288L), counts, "the corpus is balanced");

        Path model = dir.resolve("majority.model");
        Result train = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "stance=stance",
                "--task", "stance", "--model", "majority", "--out", model.toString());
        assertEquals(0, train.code(), train.err());
        Map<String, Object> prov = SavedModel.load(model).provenance();
        assertEquals(Map.of("anti-enforcement", 288, "pro-enforcement", 288), prov.get("labels"), "every document trained: " + prov);
        assertEquals("anti-enforcement", prov.get("majority"), "the provenance's majority: " + prov);

        for (String text : List.of("Sheriff signs a 287(g) agreement with ICE.", "zzqx vvkw")) {
            Result r = DocbenchCliTest.runWithStdin(text, "classify", "--model", model.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            assertEquals("anti-enforcement", JSON.readTree(r.out()).get("label").asText(), text + " -> " + r.out());
        }

        Path out = dir.resolve("report");
        Result eval = run("evaluate", "--corpus", corpus.toString(), "--text-field", "text", "--label", "stance=stance",
                "--models", "majority", "--out", out.toString());
        assertEquals(0, eval.code(), eval.err());
        JsonNode experiment = JSON.readTree(out.resolve("report.json").toFile()).get("experiments").get(0);
        assertEquals(experiment.get("testCounts").get("anti-enforcement"), experiment.get("testCounts").get("pro-enforcement"),
                "the seeded stratified split keeps the training part tied: " + experiment.get("testCounts"));
        TreeSet<String> answered = new TreeSet<>();
        for (String line : Files.readAllLines(out.resolve(experiment.get("predictions").get("file").asText()))) {
            answered.add(JSON.readTree(line).get("models").get("majority").get("label").asText());
        }
        assertEquals(new TreeSet<>(List.of("anti-enforcement")), answered, "evaluate's majority baseline answers");
    }

    /** What a model answers for a document with no known word: the recorded majority, the same label. */
    @Test
    void balancedTwoLabelCorpus_documentWithNoKnownWord_getsTheRecordedMajority() {
        SavedModel nb = SavedModel.train(docs, "stance", Trainers.naiveBayes(1.0),
                FeatureSpec.defaults(), 42L, null);
        assertEquals("anti-enforcement", nb.provenance().get("majority"), nb.provenance().toString());
        assertEquals("anti-enforcement", nb.classify("zzqx vvkw").label(), "the fallback of a model that reads words");
        assertEquals("anti-enforcement", Majority.of(docs.stream().map(d -> d.label("stance")).toList()),
                "evaluate's fallback (Majority.of)");
    }

    /**
     * A file saved before the majority baseline was docbench's own holds Tribuo's most-frequent
     * model, which on this tie answers by a HashMap's order of the names: docbench answers the
     * majority the file records all the same.
     */
    @Test
    void modelOfTribuosMostFrequentTrainer_onATie_answersTheRecordedMajority() {
        TrainerSpec tribuos = new TrainerSpec("majority", "majority", Map.of(), seed -> DummyClassifierTrainer.createMostFrequentTrainer());
        SavedModel old = SavedModel.train(docs, "stance", tribuos, FeatureSpec.defaults(), 42L, null);
        Example<Label> any = old.features().example("Sheriff signs a 287(g) agreement with ICE.", LabelFactory.UNKNOWN_LABEL);
        String tribuo = old.model().predict(any).getOutput().getLabel();
        assertNotEquals("anti-enforcement", tribuo, "Tribuo breaks this tie otherwise, or this test shows nothing");
        assertEquals("anti-enforcement", old.provenance().get("majority"));
        assertEquals("anti-enforcement", old.classify("Sheriff signs a 287(g) agreement with ICE.").label(),
                "docbench answers the recorded majority, not Tribuo's tie-break " + tribuo);
    }

    /**
     * Documents with no term the vocabulary kept teach the model nothing and are left out of its
     * training: they are left out of the recorded majority too, as evaluate's runner leaves them out
     * of its fallback, so the file does not name a label the baseline does not answer.
     */
    @Test
    void documentsLeftOutOfTraining_doNotCountTowardTheRecordedMajority() {
        List<LabeledDocument> small = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            small.add(doc("a" + i, "sheriff jail detainer hold", "a"));
            small.add(doc("b" + i, "sanctuary city council ordinance", "b"));
        }
        small.add(doc("b-alone-1", "qqxz", "b")); // each word in one document: under min df, no feature
        small.add(doc("b-alone-2", "vvkw", "b"));
        SavedModel m = SavedModel.train(small, "t", Trainers.majority(), FeatureSpec.defaults(), 42L, null);
        assertEquals(2, m.provenance().get("withoutFeatures"), m.provenance().toString());
        assertEquals("a", m.provenance().get("majority"), "3 a and 3 b trained: a tie, to the first by name");
        assertEquals("a", m.classify("sheriff city").label(), "the baseline answers the recorded majority");
    }

    private static LabeledDocument doc(String id, String text, String label) {
        return new LabeledDocument(id, text, Map.of("t", label), Map.of(), Map.of());
    }

    @Test
    void majority_tiesGoToTheFirstLabelByName() {
        assertEquals("a", Majority.of(List.of("b", "a", "b", "a")));
        assertEquals("a", Majority.of(Map.of("b", 2, "a", 2, "c", 1)));
        assertEquals("c", Majority.of(Map.of("b", 2L, "a", 2L, "c", 3L)));
        assertEquals("only", Majority.of(Map.of("only", 0)), "a single label, whatever its count");
    }
}

package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Notes the report computes from an experiment's parts and answers, in report.md, report.html and report.json alike. */
class ResultNotesTest {
    private static final List<ModelFamily> FAMILIES = List.of(Trainers.family("majority"), Trainers.family("naive-bayes"),
            Trainers.family("liblinear-lr"));

    private static Report report(List<LabeledDocument> docs) {
        Suite suite = new Suite(FeatureSpec.defaults(), 42, line -> { });
        suite.experiment(Experiment.of("news", "topic", "random", docs), FAMILIES, false);
        return suite.report("test", null, List.of(), FAMILIES, List.of(CorpusManifest.of("news", "x", docs, 0)), List.of(),
                List.of("given note"), System.nanoTime());
    }

    /** The one note starting with {@code prefix}, checked to be in all three renderings. */
    private static String note(Report r, String prefix) {
        List<String> found = r.notes().stream().filter(n -> n.startsWith(prefix)).toList();
        assertEquals(1, found.size(), "one note starting " + prefix + " in " + r.notes());
        String note = found.get(0);
        assertTrue(MarkdownReport.render(r).contains("\n- " + note + "\n"), "report.md carries " + note);
        assertTrue(HtmlReport.render(r).contains("<li>" + HtmlReport.inline(note) + "</li>"), "report.html carries " + note);
        List<String> json = new ArrayList<>();
        JsonReport.tree(r).get("notes").forEach((JsonNode n) -> json.add(n.asText()));
        assertTrue(json.contains(note) && json.get(0).equals("given note"), "report.json carries " + note + ": " + json);
        return note;
    }

    private static List<LabeledDocument> relabeled(java.util.function.Function<LabeledDocument, LabeledDocument> f) {
        return TestCorpus.documents(15, 4).stream().map(f).toList();
    }

    @Test
    void taskWithOneLabel_isNoted_everyModelTriviallyRight() {
        Report r = report(relabeled(d -> new LabeledDocument(d.id(), d.text(), Map.of("topic", "immigration"), d.splits(),
                d.metadata())));
        String note = note(r, "news/topic/random: every document is labeled immigration");
        assertTrue(note.contains("trivially right"), note);
    }

    @Test
    void testLabelWithNoTrainingDocument_isNamedInTheNotes() {
        Report r = report(relabeled(d -> {
            Map<String, String> splits = new HashMap<>(d.splits());
            if (d.label("topic").equals("detainers")) {
                splits.put("random", "test"); // a split file putting every detainers document in test
            }
            return new LabeledDocument(d.id(), d.text(), d.labels(), splits, d.metadata());
        }));
        String note = note(r, "news/topic/random: detainers (15 test documents) has no training document");
        assertTrue(note.contains("error for every model"), note);
        assertTrue(r.notes().stream().noneMatch(n -> n.contains("sanctuary") || n.contains("287g")), "only detainers: " + r.notes());
    }

    @Test
    void testDocumentsWithNoKnownWord_areCountedInTheNotes() {
        List<LabeledDocument> docs = new ArrayList<>(TestCorpus.documents(15, 4));
        for (int i = 0; i < 2; i++) {
            docs.add(new LabeledDocument("junk-" + i, "qzxv wplk", Map.of("topic", "sanctuary"), Map.of("random", "test"), Map.of()));
        }
        Report r = report(docs);
        String note = note(r, "news/topic/random: 2 of 11 test documents had no word the model knew (every model)");
        assertTrue(note.contains("training majority's label") && note.contains("\"fallback\":true"), note);
    }

    @Test
    void experimentWithNothingToSay_addsNoNote() {
        Report r = report(TestCorpus.documents(15, 4));
        assertEquals(List.of("given note"), r.notes());
    }
}

package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.Significance;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the report says about its own figures: data notes, column definitions, units, predictions. */
class ReportContentTest {
    private static Report report;
    private static String md;
    private static JsonNode json;

    /** Topic on the synthetic corpus, with every 287g document moved to training: a label with no test document. */
    @BeforeAll
    static void build() throws IOException {
        List<LabeledDocument> docs = new ArrayList<>();
        for (LabeledDocument d : TestCorpus.documents(25, 3)) {
            Map<String, String> splits = new HashMap<>(d.splits());
            if (d.label("topic").equals("287g")) {
                splits.put("random", "train");
            }
            docs.add(new LabeledDocument(d.id(), d.text(), d.labels(), splits, d.metadata()));
        }
        // Synthetic documents standing for the shipped corpus, so under its name and its classpath location.
        report = ReportFixture.report(DataNotes.EMBEDDED, org.docbench.core.corpus.LayoutCorpusReader.embedded().location(), docs,
                "topic", List.of("random"), true,
                List.of(Report.Published.percent("immigration-enforcement/topic/random", "someone's model", 46.08, 21.03, "a paper")),
                List.of());
        md = MarkdownReport.render(report);
        json = JsonReport.tree(report);
    }

    @Test
    void aboutThisData_embeddedCorpus_saysItWasWrittenForTheProject() {
        assertTrue(md.contains("## About this data"), md);
        String note = DataNotes.about(report.provenance().corpora().get(0));
        assertTrue(note.contains("written for this project by ten AI writers") && note.contains("fictional outlets")
                && note.contains("not accuracy on real news") && note.contains("**writer** (whole writers held out"), note);
        // The note's count of writers is the corpus's: a writer is the letter after "ie-" in an id.
        long writers = org.docbench.core.corpus.LayoutCorpusReader.embedded().readAll().stream()
                .map(d -> d.id().substring(0, 4)).distinct().count();
        assertEquals(10, writers, "the embedded corpus's writers; the note says ten");
        assertTrue(md.contains(note), "the note is in report.md");
        String about = json.get("provenance").get("corpora").get(0).get("about").asText();
        assertTrue(about.startsWith("immigration-enforcement (embedded") && about.contains("AI writers"), about);
    }

    /** An AllSides manifest: {@code articles} articles rated left/center/right as given, under {@code task}. */
    private static org.docbench.core.corpus.CorpusManifest allSides(int articles, String task, int left, int center, int right) {
        java.util.SortedMap<String, java.util.SortedMap<String, Integer>> counts = new java.util.TreeMap<>();
        counts.put(task, new java.util.TreeMap<>(Map.of("left", left, "center", center, "right", right)));
        return new org.docbench.core.corpus.CorpusManifest("allsides", "x", "0", articles, 0, counts);
    }

    /** The published corpus's counts are the ones core's AllSidesCorpusTest pins for the reader. */
    @Test
    void aboutThisData_publishedAllSides_isTheRatingOfThePublisher_namedAsTheExperimentsNameIt() {
        String study = DataNotes.about(allSides(37_554, "ideology", 13_005, 10_815, 13_734));
        assertTrue(study.contains("real news") && study.contains("**ideology**") && study.contains("rating of the article's publisher")
                && study.contains("comparable with the published ones"), study);
        assertFalse(study.contains("stance"), "the study's experiments are allsides/ideology/...: " + study);
        String evaluate = DataNotes.about(allSides(37_554, "stance", 13_005, 10_815, 13_734));
        assertTrue(evaluate.contains("**stance**") && evaluate.contains("comparable with the published ones"), evaluate);
        assertFalse(evaluate.contains("ideology"), "docbench evaluate's experiments are allsides/stance/...: " + evaluate);
        String other = DataNotes.about(new org.docbench.core.corpus.CorpusManifest.Builder().build("mine", "x", 0));
        assertTrue(other.contains("knows nothing about how"), other);
    }

    @Test
    void aboutThisData_homeMadeFolderInTheAllSidesLayout_isNotCalledComparableWithThePublishedFigures() {
        for (var m : List.of(allSides(173, "stance", 60, 50, 63), allSides(37_554, "stance", 13_004, 10_816, 13_734))) {
            String note = DataNotes.about(m);
            assertFalse(note.contains("comparable with the published") || note.contains("Baly et al., EMNLP"), note);
            assertTrue(note.contains("not the published corpus") && note.contains("**stance**")
                    && note.contains("not comparable"), note);
            assertFalse(DataNotes.isPublishedAllSides(m), m.toString());
        }
        assertTrue(DataNotes.isPublishedAllSides(allSides(37_554, "ideology", 13_005, 10_815, 13_734)));
    }

    @Test
    void aboutThisData_theShippedCorpusReadFromItsFolder_isTheEmbeddedCorpus() {
        var shipped = org.docbench.core.corpus.CorpusManifest.of(org.docbench.core.corpus.LayoutCorpusReader.embedded());
        var fromFolder = new org.docbench.core.corpus.CorpusManifest(shipped.name(), "datasets/immigration-enforcement",
                shipped.sha256(), shipped.documents(), 0, shipped.counts());
        assertTrue(DataNotes.about(fromFolder).contains("written for this project"), DataNotes.about(fromFolder));
    }

    @Test
    void aboutThisData_aFolderThatKeptTheEmbeddedName_isNotTheEmbeddedCorpus() {
        String copy = DataNotes.about(new org.docbench.core.corpus.CorpusManifest.Builder()
                .build(DataNotes.EMBEDDED, "/home/someone/my-corpus", 0));
        assertFalse(copy.contains("written for this project"), copy);
        assertTrue(copy.contains("knows nothing about how"), copy);
    }

    @Test
    void columns_everyColumnOfTheModelTableIsDefined() {
        assertTrue(md.contains("## What the columns mean"), md);
        String header = md.lines().filter(l -> l.startsWith("| model | accuracy")).findFirst().orElseThrow();
        List<String> glossary = Glossary.columns();
        for (String column : List.of("accuracy", "macro-F1", "weighted F1", "McNemar p vs best", "ECE", "train ms", "docs/s",
                "features", "train docs")) {
            assertTrue(header.contains(column), "column " + column + " in " + header);
            assertTrue(glossary.stream().anyMatch(g -> g.startsWith("**" + column + "**")), "no definition of " + column);
        }
        String train = glossary.stream().filter(g -> g.startsWith("**train ms**")).findFirst().orElseThrow();
        assertTrue(train.contains("Feature fitting is separate"), train);
        String docs = glossary.stream().filter(g -> g.startsWith("**docs/s**")).findFirst().orElseThrow();
        assertTrue(docs.contains("featurizing the whole test part") && docs.contains("predict"), docs);
    }

    @Test
    void experiment_givesFeatureFittingTime_andWhereThePredictionsAre() {
        ExperimentResult e = report.experiments().get(0);
        assertTrue(e.featureMillis() > 0, "feature fitting timed: " + e.featureMillis());
        assertTrue(md.contains("Features fitted once on the training part in "), md);
        assertTrue(md.contains("`predictions/immigration-enforcement.topic.random.jsonl`"), md);
    }

    @Test
    void labelWithNoTestDocument_isNamed_leftOutOfMacroF1_andListedInJson() {
        ExperimentResult e = report.experiments().get(0);
        assertEquals(List.of("287g", "detainers", "sanctuary"), e.labels());
        assertTrue(md.contains("No test document is labeled 287g: it is left out of macro-F1, the mean over the 2 labels with "
                + "test documents"), md);
        var best = e.model(e.best()).metrics();
        double mean = (best.perClass().get(1).f1() + best.perClass().get(2).f1()) / 2;
        assertEquals(mean, best.macroF1(), 1e-12, "macro-F1 over detainers and sanctuary only: " + best.perClass());
        assertEquals("[\"287g\"]", json.get("experiments").get(0).get("labelsWithoutTestDocuments").toString());
    }

    @Test
    void json_scoresAreFractions_publishedRowsToo() {
        JsonNode pub = json.get("published").get(0);
        assertEquals(0.4608, pub.get("accuracy").asDouble(), 1e-12);
        assertEquals(0.2103, pub.get("macroF1").asDouble(), 1e-12);
        for (JsonNode r : json.get("records")) {
            for (String f : List.of("accuracy", "accuracyLow", "accuracyHigh", "macroF1", "weightedF1")) {
                double v = r.get(f).asDouble();
                assertTrue(v >= 0 && v <= 1, f + " = " + v + " in " + r);
            }
        }
        assertTrue(md.contains("| 46.1 | 21.0 |"), "percentages in report.md: " + md);
        var best = report.experiments().get(0).model(report.experiments().get(0).best());
        assertTrue(md.contains("| immigration-enforcement/topic/random | majority (ours) |")
                && md.contains(Cells.shortName(best, report.provenance().families()) + " (ours, highest on test)")
                && md.contains(Sections.PUBLISHED_ROWS), "our rows beside it, the one picked on test marked: " + md);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Report.Published("x", "m", 46.08, 21.03, "s"));
        assertTrue(e.getMessage().contains("fractions in [0, 1], got 46.08"), e.getMessage());
    }

    @Test
    void units_eceInPercentLikeTheScores_trainMsWithADecimalBelowTen_countsWhole() {
        ExperimentResult e = report.experiments().get(0);
        var lr = e.model("liblinear-lr");
        String row = md.lines().filter(l -> l.startsWith("| " + Cells.shortName(lr, report.provenance().families()) + " |")
                || l.startsWith("| **" + Cells.shortName(lr, report.provenance().families()) + "** |")
                || l.startsWith("| ≈ " + Cells.shortName(lr, report.provenance().families()) + " |")).findFirst().orElseThrow();
        assertTrue(row.contains("| " + Cells.pct(lr.calibration().ece()) + " |"), "ECE in percent: " + row);
        String ece = Glossary.columns().stream().filter(g -> g.startsWith("**ECE**")).findFirst().orElseThrow();
        assertTrue(ece.contains("in percent"), ece);
        assertEquals("0.2", Cells.millis(0.23));
        assertEquals("3.2", Cells.millis(3.16));
        assertEquals("14204", Cells.millis(14_204.4));
        var styler = Charts.confusion(e).getStyler();
        // XChart would print the share it colours by, and its colour bar 100.0: HeatmapCells prints the count, report.html the scale.
        assertTrue(!styler.isShowValue() && !styler.isLegendVisible(), "counts drawn over the cells, no colour bar reading 100.0");
    }

    @Test
    void published_andSummary_printTheSameFigureAlike_oneDecimal_publishedOnesRoundedToo() {
        ExperimentResult e = report.experiments().get(0);
        var best = e.model(e.best());
        String name = Cells.shortName(best, report.provenance().families());
        List<String> summary = cells(md.lines().filter(l -> l.startsWith("| immigration-enforcement/topic/random | ")
                && l.contains("| " + name + " |")).findFirst().orElseThrow());
        List<String> ours = cells(md.lines().filter(l -> l.contains("| " + name + " (ours, highest on test) |")).findFirst().orElseThrow());
        // summary: experiment, train / test, best model, accuracy, macro-F1 [interval], ...; published: experiment, model, accuracy, macro-F1, source
        assertEquals(summary.get(3), ours.get(2), "accuracy of " + name + " in the summary " + summary + " and beside the published " + ours);
        assertEquals(summary.get(4).substring(0, summary.get(4).indexOf(" [")), ours.get(3),
                "macro-F1 of " + name + " in the summary " + summary + " and beside the published " + ours);
        assertEquals(Cells.pct(best.metrics().macroF1()), ours.get(3), "one decimal");
        var majority = e.model("majority");
        assertTrue(md.contains("| immigration-enforcement/topic/random | majority (ours) | " + Cells.pct(majority.metrics().accuracy())
                + " | " + Cells.pct(majority.metrics().macroF1()) + " | this run |"), md);
        assertTrue(md.contains("| someone's model (published) | 46.1 | 21.0 | a paper |"), "46.08 and 21.03 to one decimal: " + md);
        assertTrue(Glossary.columns().get(0).contains("has one decimal, in every table, the published figures") && md.contains("(79.83 reads 79.8)"),
                "the definitions say so");
    }

    @Test
    void pctPublished_roundsHalfUpFromThePrintedFigure_notFromItsDouble() {
        assertEquals(List.of("79.8", "27.5", "6.9", "21.0", "46.1", "0.0", "100.0"),
                java.util.stream.DoubleStream.of(79.83, 27.45, 6.85, 21.03, 46.08, 0, 100)
                        .mapToObj(p -> Cells.pctPublished(Report.Published.percent("x", "m", p, p, "s").accuracy())).toList());
        assertEquals("27.4", Cells.pct(Report.Published.percent("x", "m", 27.45, 27.45, "s").accuracy()),
                "why: the double nearest 27.45% is a hair under it, and pct rounds that down");
    }

    /** The cells of a Markdown table row, trimmed, without the empty ends. */
    private static List<String> cells(String row) {
        return java.util.Arrays.stream(row.substring(1, row.length() - 1).split(" \\| ", -1)).map(String::trim).toList();
    }

    @Test
    void perClass_labelWithNoTestDocument_hasNoRecallOrF1() {
        String row = md.lines().filter(l -> l.startsWith("| 287g |") && l.endsWith("| 0 |")).findFirst().orElseThrow();
        assertTrue(row.endsWith("| — | — | 0 |"), "recall and F1 of a label without test documents: " + row);
    }

    @Test
    void features_modelWithoutACount_showsADash() {
        ExperimentResult e = report.experiments().get(0);
        List<org.docbench.classifiers.eval.ModelResult> models = new ArrayList<>(e.models());
        // A row the summary and the published table do not look up by name.
        int i = models.indexOf(models.stream().filter(x -> !List.of(e.best(), "majority", "liblinear-lr").contains(x.family()))
                .findFirst().orElseThrow());
        var m = models.get(i);
        models.set(i, new org.docbench.classifiers.eval.ModelResult("peer:fastText", m.spec(), m.hyperparameters(), m.validation(), 0,
                m.metrics(), m.accuracyCi(), m.macroF1Ci(), m.vsBest(), m.notWorseThanBest(), m.calibration(), m.confused(),
                m.topFeatures(), 0, m.trainDocuments(), m.timing()));
        Report r = new Report(report.schema(), report.provenance(), List.of(HtmlReportTest.copy(e, models)), List.of(), List.of(),
                List.of(), report.timing());
        String row = MarkdownReport.render(r).lines().filter(l -> l.contains("peer:fastText |")).findFirst().orElseThrow();
        assertTrue(row.endsWith("| — | " + m.trainDocuments() + " |"), "no feature count, not 0: " + row);
    }

    @Test
    void topFeatures_sayHowTheyAreChosen_whatASignMeans_andWhatTheirPrefixIs() {
        assertTrue(md.contains("features with the largest absolute weight, the " + ExperimentSection.TOP_FEATURES + " highest")
                && md.contains("a negative one against it; `w=` marks a word n-gram"), md);
        assertTrue(HtmlReport.render(report).contains("font-family:ui-monospace"), "code in a font list, not the 13/16 generic monospace");
    }

    @Test
    void terms_areDefinedBeforeTheSummaryUsesThem_andNotesAreWholeSentences() {
        assertTrue(md.indexOf("## What the columns mean") < md.indexOf("## Summary"), "definitions first");
        assertTrue(md.contains(Sections.MAJORITY_COLUMN) && !md.contains("; — where"), "the column note is a sentence");
        assertTrue(md.contains("(r x k - 1 degrees of freedom)") && !md.contains("(J - 1"), "no J before Notes defines it");
    }

    @Test
    void json_pValuesAreNumbersAtOrAboveTheStatedFloor() {
        assertEquals(Significance.P_FLOOR, json.get("pValueFloor").asDouble(), 0.0);
        List<JsonNode> ps = new ArrayList<>(json.findValues("mcnemarP"));
        ps.addAll(json.findValues("p"));
        assertTrue(ps.size() > 5, "p-values found: " + ps.size());
        for (JsonNode p : ps) {
            assertTrue(p.isNull() || (p.isNumber() && p.asDouble() >= Significance.P_FLOOR && p.asDouble() <= 1), "p = " + p);
        }
        assertTrue(json.get("units").get("scores").asText().contains("fractions"), json.get("units").toString());
    }

    @Test
    void json_timingSectionsAreObjects() {
        JsonNode sections = json.get("timing").get("sections");
        assertEquals(2, sections.size(), sections.toString());
        assertEquals("immigration-enforcement/topic/random", sections.get(0).get("name").asText());
        assertTrue(sections.get(0).get("seconds").isNumber(), sections.toString());
        assertEquals("immigration-enforcement/topic/cv", sections.get(1).get("name").asText());
        assertEquals("docbench-accuracy/3", json.get("schema").asText());
    }

    @Test
    void predictions_oneLinePerTestDocument_everyModel_andTheyReproduceTheScores(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("accuracy");
        ReportWriter.write(report, out);
        ExperimentResult e = report.experiments().get(0);
        assertEquals("predictions/immigration-enforcement.topic.random.jsonl",
                json.get("experiments").get(0).get("predictions").get("file").asText());
        List<String> lines = Files.readAllLines(out.resolve("predictions/immigration-enforcement.topic.random.jsonl"));
        assertEquals(e.testDocs(), lines.size());
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Integer> correct = new HashMap<>();
        for (String line : lines) {
            JsonNode doc = mapper.readTree(line);
            assertTrue(doc.get("id").asText().matches("(detainers|sanctuary)-\\d{3}"), line);
            assertEquals(ReportFixture.FAMILIES, iterable(doc.get("models").fieldNames()), line);
            for (String family : ReportFixture.FAMILIES) {
                JsonNode m = doc.get("models").get(family);
                if (m.get("label").asText().equals(doc.get("gold").asText())) {
                    correct.merge(family, 1, Integer::sum);
                }
            }
            JsonNode majority = doc.get("models").get("majority");
            assertEquals("none", majority.get("scoreKind").asText(), line);
            assertTrue(majority.has("scores") && majority.get("scores").isNull(), "no score is null, not 0 or \"NaN\": " + line);
            for (String family : ReportFixture.FAMILIES) {
                JsonNode m = doc.get("models").get(family);
                assertTrue(m.has("scoreKind") && !m.has("confidence"), "every row names its scores' kind, and no margin is a "
                        + "confidence: " + line);
                if (!m.get("scores").isNull()) {
                    assertEquals(3, m.get("scores").size(), family + " scores every label: " + line);
                }
            }
            JsonNode svm = doc.get("models").get("liblinear-svm");
            assertEquals("margin", svm.get("scoreKind").asText(), line);
            assertTrue(!line.contains("NaN") && !line.contains("Infinity"), line);
            JsonNode lr = doc.get("models").get("liblinear-lr");
            assertEquals(3, lr.get("scores").size(), "every label scored: " + line);
            double sum = 0;
            for (JsonNode v : lr.get("scores")) {
                sum += v.asDouble();
            }
            assertEquals(1.0, sum, 1e-6, "probabilities: " + line);
        }
        for (String family : ReportFixture.FAMILIES) {
            assertEquals(e.model(family).metrics().accuracy(), correct.getOrDefault(family, 0) / (double) lines.size(), 1e-12,
                    family + " accuracy from predictions.jsonl");
        }
        assertEquals("probability", json.get("experiments").get(0).get("predictions").get("scoreKinds").get("liblinear-lr").asText());
        assertEquals("margin", json.get("experiments").get(0).get("predictions").get("scoreKinds").get("liblinear-svm").asText());
        assertEquals("leaf-share", json.get("experiments").get(0).get("predictions").get("scoreKinds").get("cart").asText());
        assertEquals("none", json.get("experiments").get(0).get("predictions").get("scoreKinds").get("majority").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}

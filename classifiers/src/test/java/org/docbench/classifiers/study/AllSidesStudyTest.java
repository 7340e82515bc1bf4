package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.docbench.classifiers.train.Family;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;

/** How the study reads AllSides before any experiment runs. */
class AllSidesStudyTest {

    @Test
    void forAllSides_naiveBayesGetsChiSquare_liblinearATwoPointGrid_nbSvmTheChosenC_othersUnchanged() {
        for (ModelFamily f : Trainers.families()) {
            ModelFamily a = AllSidesStudy.forAllSides(f);
            String grid = a.grid().stream().map(TrainerSpec::name).toList().toString();
            if (f.is(Family.NAIVE_BAYES)) {
                assertEquals(AccuracyReport.ALLSIDES_NB_FEATURES, a.selectFeatures(), f.name());
            } else if (f.is(Family.LIBLINEAR_LR)) {
                assertEquals(1, a.grid().size(), f.name() + " " + grid);
            } else if (f.is(Family.NB_SVM)) {
                assertEquals(List.of(Trainers.nbSvm(AccuracyReport.ALLSIDES_NBSVM_C).name()), a.grid().stream().map(TrainerSpec::name).toList(),
                        "NB-SVM runs at the chosen C only");
            } else if (f.is(Family.LIBLINEAR_SVM)) {
                assertEquals(List.of(Trainers.liblinearSvm(AccuracyReport.ALLSIDES_SVM_C).name(),
                        Trainers.liblinearSvm(AccuracyReport.ALLSIDES_SVM_OTHER_C).name()), a.grid().stream().map(TrainerSpec::name).toList());
            } else {
                assertEquals(f, a, f.name() + " changed on AllSides: " + grid);
            }
        }
    }

    @Test
    void thePublishedCorpus_asTheStudyReadsIt_isRecognised_soItsPublishedFiguresStayInTheReport() {
        java.util.Optional<java.nio.file.Path> dir = org.docbench.core.corpus.AllSidesReader.locate(
                System.getProperty("docbench.allsides", ""), java.nio.file.Path.of(System.getProperty("docbench.root", ".")));
        if (dir.isEmpty()) {
            org.docbench.testing.RequiredData.skipLoudly("AllSides corpus not found (set -Ddocbench.allsides or unpack it under target/allsides)");
        }
        org.docbench.core.corpus.AllSidesReader reader = org.docbench.core.corpus.AllSidesReader.fromFolder(dir.get(),
                org.docbench.core.corpus.OnError.SKIP_AND_REPORT);
        List<LabeledDocument> all = AllSidesStudy.ideology(reader.readAll());
        org.docbench.core.corpus.CorpusManifest read = org.docbench.core.corpus.CorpusManifest.of(reader, all);
        org.junit.jupiter.api.Assertions.assertTrue(org.docbench.classifiers.report.DataNotes.isPublishedAllSides(read),
                read.documents() + " documents, " + read.skipped() + " skipped, " + read.counts());
        // What the note says of the media split, recounted: outlet names shared with training, and the parts' ratings.
        java.util.Map<String, Long> trainOutlets = new java.util.HashMap<>();
        java.util.Map<String, Long> testOutlets = new java.util.HashMap<>();
        long validLeft = 0;
        long valid = 0;
        long testRight = 0;
        for (LabeledDocument d : all) {
            String part = d.splits().get("media");
            String outlet = d.metadata().getOrDefault("source", "");
            if ("train".equals(part)) {
                trainOutlets.merge(outlet, 1L, Long::sum);
            } else if ("test".equals(part)) {
                testOutlets.merge(outlet, 1L, Long::sum);
                testRight += d.label("ideology").equals("right") ? 1 : 0;
            } else if ("valid".equals(part)) {
                valid++;
                validLeft += d.label("ideology").equals("left") ? 1 : 0;
            }
        }
        long shared = testOutlets.entrySet().stream().filter(e -> trainOutlets.containsKey(e.getKey()))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        long test = testOutlets.values().stream().mapToLong(Long::longValue).sum();
        String note = org.docbench.classifiers.report.DataNotes.about(read);
        assertEquals(1300, test);
        org.junit.jupiter.api.Assertions.assertTrue(note.contains(shared + " of its 1,300 test articles")
                && note.contains(String.format(java.util.Locale.ROOT, "CNN (Web News): %d in test, %,d in training",
                        testOutlets.get("CNN (Web News)"), trainOutlets.get("CNN (Web News)")))
                && note.contains(Math.round(100.0 * validLeft / valid) + "% left-rated")
                && note.contains(Math.round(100.0 * testRight / test) + "% right"), note);
    }

    @Test
    void ideology_allSidesLabelIsRenamed_andNothingElseChanges() {
        LabeledDocument d = new LabeledDocument("a1", "text", Map.of("stance", "left", "topic", "elections"),
                Map.of("random", "train"), Map.of("source", "x"));
        LabeledDocument r = AllSidesStudy.ideology(List.of(d)).get(0);
        assertEquals(Map.of("ideology", "left", "topic", "elections"), r.labels());
        assertEquals(d.splits(), r.splits());
        assertEquals(d.text(), r.text());
    }
}

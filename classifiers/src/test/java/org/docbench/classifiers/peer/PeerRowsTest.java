package org.docbench.classifiers.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelRun;
import org.docbench.classifiers.train.ScoreKind;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.docbench.testing.RequiredData;

/** Peers run on exactly an experiment's parts and come back as rows docbench's metric code scores. */
class PeerRowsTest {

    private static Experiment embeddedTopic() {
        return Experiment.of("embedded", "topic", "random", LayoutCorpusReader.embedded().readAll());
    }

    @Test
    void installedPeers_predictAndScoreEveryLabelOfEveryTestDocument_andLearnTheTopics(@TempDir Path work) {
        List<Peer> installed = Peer.all().stream().filter(p -> p.missing().isEmpty()).toList();
        if (installed.isEmpty()) {
            RequiredData.skipLoudly("no peer installed (apt-get install fasttext python3-sklearn)");
        }
        // Each missing peer is data this test could not check: skipped loudly on a laptop, a failure in CI.
        Peer.all().forEach(p -> p.missing().ifPresent(why -> RequiredData.reportMissing(p.name() + ": " + why)));
        Experiment exp = embeddedTopic();
        List<String> labels = exp.train().stream().map(d -> d.label("topic")).distinct().sorted().toList();
        List<ModelRun> rows = new PeerRows(installed, work).run(exp, labels, 2, line -> { });
        assertEquals(installed.size(), rows.size(), "one row per installed peer: " + rows.stream().map(r -> r.family().name()).toList());
        for (ModelRun r : rows) {
            assertTrue(r.family().name().startsWith(Peer.PREFIX), r.family().name());
            assertEquals(exp.test().size(), r.predicted().length, r.family().name());
            // Six balanced topics: chance is 0.17; fastText gets about 0.5 from 522 documents, scikit-learn about 0.9.
            assertTrue(Metrics.of(r).macroF1() > 0.35, r.family().name() + " macro-F1 " + Metrics.of(r).macroF1());
            assertTrue(r.trainNanos() > 0 && r.predictNanos() > 0, r.family().name() + " times");
            if (r.family().name().endsWith("fastText")) {
                // Its epochs are chosen on a share of the training part, as docbench's settings are: at 10 it stays uniform.
                assertEquals(FastTextPeer.EPOCHS.size(), r.validation().size(), "one valid score per epoch: " + r.validation());
                assertTrue(java.util.Arrays.stream(r.confidence()).max().orElseThrow() > 0.5,
                        "fastText's top probabilities leave uniform (1/6): " + r.chosen().hyperparameters());
            }
            // Every label's score, named for what it is: LinearSVC's margins, fastText's probabilities.
            assertEquals(r.family().name().endsWith("fastText") ? ScoreKind.PROBABILITY : ScoreKind.MARGIN, r.scoreKind(),
                    r.family().name());
            assertEquals(r.scoreKind() == ScoreKind.PROBABILITY, r.probabilistic(), r.family().name());
            for (int i = 0; i < r.scores().length; i++) {
                double[] row = r.scores()[i];
                String where = r.family().name() + " document " + r.docIds().get(i) + ": " + java.util.Arrays.toString(row);
                assertEquals(labels.size(), row.length, where);
                assertTrue(java.util.Arrays.stream(row).noneMatch(Double::isNaN), "every label scored: " + where);
                assertEquals(row[r.predicted()[i]], java.util.Arrays.stream(row).max().orElseThrow(), 1e-6,
                        "the predicted label scores highest: " + where);
                if (r.scoreKind() == ScoreKind.PROBABILITY) {
                    assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-3, "probabilities: " + where);
                }
            }
        }
    }

    @Test
    void missingPeer_isOneNote_andNoRow(@TempDir Path work) {
        Peer absent = new Peer() {
            @Override
            public String name() {
                return PREFIX + "absent";
            }

            @Override
            public String settings() {
                return "none";
            }

            @Override
            public Optional<String> missing() {
                return Optional.of("absent peer not run: not installed");
            }

            @Override
            public Predictions run(Experiment exp, Function<LabeledDocument, String> text, int minDf, Path dir) {
                throw new AssertionError("a missing peer must not run");
            }
        };
        PeerRows rows = new PeerRows(List.of(absent), work);
        Experiment exp = embeddedTopic();
        assertTrue(rows.run(exp, List.of("a"), 2, line -> { }).isEmpty(), "no row");
        assertEquals(List.of("absent peer not run: not installed"), rows.notes());
    }

    @Test
    void failingPeer_isANote_notAFailure(@TempDir Path work) {
        Peer failing = new Peer() {
            @Override
            public String name() {
                return PREFIX + "failing";
            }

            @Override
            public String settings() {
                return "fails";
            }

            @Override
            public Optional<String> missing() {
                return Optional.empty();
            }

            @Override
            public Predictions run(Experiment exp, Function<LabeledDocument, String> text, int minDf, Path dir)
                    throws java.io.IOException {
                throw new java.io.IOException("peer command exited with 1: boom");
            }
        };
        PeerRows rows = new PeerRows(List.of(failing), work);
        assertTrue(rows.run(embeddedTopic(), List.of("a"), 2, line -> { }).isEmpty(), "no row");
        assertTrue(rows.notes().stream().anyMatch(n -> n.contains("failed on embedded/topic/random") && n.contains("boom")),
                "notes: " + rows.notes());
    }
}

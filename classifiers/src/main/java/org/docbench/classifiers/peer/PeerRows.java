package org.docbench.classifiers.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.eval.Metrics;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.ModelRun;
import org.docbench.classifiers.train.ScoreKind;
import org.docbench.classifiers.train.TrainerSpec;
import org.docbench.core.document.LabeledDocument;

/**
 * The peers as rows of every experiment: each available {@link Peer} trained and tested on the
 * experiment's parts, its predictions turned into a {@link ModelRun} that docbench's metric code
 * scores like its own (bootstrap intervals, McNemar against docbench's best, calibration when it
 * gives probabilities, times). A missing peer is one note, a failing one a note per experiment;
 * neither fails the report. Not thread-safe.
 */
public final class PeerRows implements ExperimentResult.Peers {
    private final List<Peer> peers;
    private final Path work;
    private final Set<String> notes = new LinkedHashSet<>();

    /** Runs {@code peers} with their files under {@code work} (one folder per experiment and peer). */
    public PeerRows(List<Peer> peers, Path work) {
        this.peers = List.copyOf(peers);
        this.work = work.toAbsolutePath(); // peers run with their folder as working directory
        for (Peer p : peers) {
            p.missing().ifPresentOrElse(notes::add, () -> notes.add("Peer " + p.name() + ": " + p.settings() + "."));
        }
    }

    /** What the report says about the peers: settings of each that ran, one line for each missing or failing one. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public List<ModelRun> run(Experiment exp, List<String> labels, int minDf, Consumer<String> log) {
        List<ModelRun> out = new ArrayList<>();
        for (Peer p : peers) {
            if (p.missing().isPresent()) {
                continue;
            }
            Path dir = work.resolve(exp.id().replace('/', '-')).resolve(p.name().substring(Peer.PREFIX.length()));
            try {
                Peer.Predictions pr = p.run(exp, LabeledDocument::text, minDf, dir);
                ModelRun run = toRun(p, exp, labels, pr);
                out.add(run);
                Metrics m = Metrics.of(run);
                log.accept(String.format(Locale.ROOT, "%-45s %-15s acc %.3f  macro-F1 %.3f  (train %.1f s, predict %.1f s)",
                        exp.id(), p.name(), m.accuracy(), m.macroF1(), pr.trainSeconds(), pr.predictSeconds()));
            } catch (IOException | RuntimeException e) {
                notes.add("Peer " + p.name() + " failed on " + exp.id() + " (no row): " + e.getMessage().lines().findFirst().orElse(""));
                log.accept(exp.id() + " " + p.name() + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + p.name(), e);
            }
        }
        return out;
    }

    private static ModelRun toRun(Peer p, Experiment exp, List<String> labels, Peer.Predictions pr) {
        List<LabeledDocument> test = exp.test();
        if (pr.labels().size() != test.size()) {
            throw new IllegalStateException(p.name() + " predicted " + pr.labels().size() + " of " + test.size() + " test documents");
        }
        if (pr.scores().size() != test.size()) {
            throw new IllegalStateException(p.name() + " scored " + pr.scores().size() + " of " + test.size() + " test documents");
        }
        int[] truth = new int[test.size()];
        int[] predicted = new int[test.size()];
        double[] confidence = new double[test.size()];
        double[][] scores = new double[test.size()][];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = labels.indexOf(test.get(i).label(exp.task()));
            predicted[i] = labels.indexOf(pr.labels().get(i));
            if (predicted[i] < 0) {
                throw new IllegalStateException(p.name() + " predicted unknown label '" + pr.labels().get(i) + "'");
            }
            scores[i] = new double[labels.size()];
            for (int c = 0; c < labels.size(); c++) {
                Double v = pr.scores().get(i).get(labels.get(c));
                scores[i][c] = v == null ? Double.NaN : v; // a label the peer never saw in training has no score
            }
            confidence[i] = scores[i][predicted[i]];
        }
        TrainerSpec spec = new TrainerSpec(p.name(), p.name(), pr.chosen(), seed -> {
            throw new UnsupportedOperationException(p.name() + " runs outside Tribuo");
        });
        ModelFamily family = new ModelFamily(p.name(), p.settings(), List.of(spec), false, 0);
        boolean probabilistic = pr.scoreKind() == ScoreKind.PROBABILITY;
        return new ModelRun(family, spec, pr.validation(), labels, test.stream().map(LabeledDocument::id).toList(), truth,
                predicted, confidence, probabilistic, pr.scoreKind(), scores, pr.features(),
                exp.train().size(), Math.round(pr.trainSeconds() * 1e9), Math.round(pr.predictSeconds() * 1e9), Map.of());
    }
}

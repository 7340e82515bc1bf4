package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.docbench.classifiers.peer.Peer;
import org.docbench.classifiers.train.Experiment;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;

/** Under -Ddocbench.requireData=true the report refuses to start without its data, before any work. */
class AccuracyReportRequireDataTest {

    private static Peer peer(String name, Optional<String> missing) {
        return new Peer() {
            @Override
            public String name() {
                return PREFIX + name;
            }

            @Override
            public String settings() {
                return "none";
            }

            @Override
            public Optional<String> missing() {
                return missing;
            }

            @Override
            public Predictions run(Experiment exp, Function<LabeledDocument, String> text, int minDf, Path work) {
                throw new AssertionError("the check runs no peer");
            }
        };
    }

    @Test
    void required_withoutAllSides_refusesAndSaysHowToFindIt() {
        AccuracyReport.MissingData e = assertThrows(AccuracyReport.MissingData.class,
                () -> AccuracyReport.requireData(true, false, List.of(peer("a", Optional.empty()))));
        assertTrue(e.getMessage().contains("AllSides corpus") && e.getMessage().contains("-Ddocbench.allsides=DIR"), e.getMessage());
    }

    @Test
    void required_withAMissingPeer_refusesAndNamesIt() {
        AccuracyReport.MissingData e = assertThrows(AccuracyReport.MissingData.class, () -> AccuracyReport.requireData(true, true,
                List.of(peer("here", Optional.empty()), peer("gone", Optional.of("gone is not installed")))));
        assertTrue(e.getMessage().contains("peer:gone: gone is not installed") && !e.getMessage().contains("peer:here")
                && !e.getMessage().contains("AllSides"), e.getMessage());
    }

    @Test
    void required_withEverything_orNotRequired_goesAhead() {
        assertDoesNotThrow(() -> AccuracyReport.requireData(true, true, List.of(peer("here", Optional.empty()))));
        assertDoesNotThrow(() -> AccuracyReport.requireData(false, false, List.of(peer("gone", Optional.of("not installed")))));
    }
}

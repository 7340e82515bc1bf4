package org.docbench.classifiers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data flows one way: train -> eval -> report, train -> inference, and the study (what is run)
 * and the command line sit on top. Reads each package's main sources and fails on any use, imported or fully
 * qualified, of a package it must not reach.
 */
class PackageDependenciesTest {
    static final Path MAIN = Path.of("src/main/java/org/docbench/classifiers");

    static Stream<Arguments> rules() {
        return Stream.of(
                // The report holds sections and writers: it renders results, never decides what is run.
                Arguments.of("report", List.of("study", "cli", "inference", "peer")),
                Arguments.of("eval", List.of("report", "study", "cli", "inference")),
                // Training produces predictions; evaluation drives it and scores them, so the arrow points one way.
                Arguments.of("train", List.of("eval", "report", "study", "cli", "inference", "peer")),
                Arguments.of("study", List.of("cli")),
                // Saved and compiled models: trained by train, read by the command line and Spark, never by the study.
                Arguments.of("inference", List.of("eval", "report", "study", "cli", "peer")),
                // Peers come back as rows of an experiment, as docbench's own models do.
                Arguments.of("peer", List.of("report", "study", "cli", "inference")),
                Arguments.of("progress", List.of("train", "eval", "report", "study", "cli")),
                Arguments.of("output", List.of("progress", "train", "eval", "report", "study", "cli", "inference", "peer")));
    }

    @org.junit.jupiter.api.Test
    void eval_scoresAndNeverTrains() throws IOException {
        List<String> trains = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("eval"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                if (text.contains("new ExperimentTrainer(") || text.contains(".train(")) {
                    trains.add(MAIN.relativize(f).toString());
                }
            }
        }
        assertTrue(trains.isEmpty(), "eval trains in " + trains + "; study runs the experiments");
    }

    @ParameterizedTest(name = "{0} never uses {1}")
    @MethodSource("rules")
    void aPackage_neverUsesThePackagesAboveIt(String pkg, List<String> forbidden) throws IOException {
        Path dir = MAIN.resolve(pkg);
        assertTrue(Files.isDirectory(dir), "no package folder " + dir.toAbsolutePath());
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    for (String other : forbidden) {
                        if (lines.get(i).contains("org.docbench.classifiers." + other + ".")) {
                            uses.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertTrue(uses.isEmpty(), pkg + " must not use " + forbidden + ", but:\n" + String.join("\n", uses));
    }
}

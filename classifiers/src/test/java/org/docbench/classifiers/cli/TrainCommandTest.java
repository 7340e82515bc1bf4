package org.docbench.classifiers.cli;

import static org.docbench.classifiers.cli.DocbenchCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.cli.DocbenchCliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docbench train} given names and corpora a new user might give it. */
class TrainCommandTest {

    /** With --label, the tasks are those it names: another --task is a usage error before the corpus is read. */
    @Test
    void train_taskThatLabelDoesNotDefine_isAUsageError_beforeReading(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 3, 5);
        Result r = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--task", "stance", "--out", dir.resolve("m.model").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--task stance is not a task --label defines (topic)"), r.err());
        assertFalse(r.err().contains("reading"), "the corpus was read first: " + r.err());
    }

    /** A task the folder does not have: the message lists the tasks there, not "labels". */
    @Test
    void train_unknownTaskOfAFolder_namesTheTasksThere(@TempDir Path dir) throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(5, 3));
        Result r = run("train", "--corpus", corpus.toString(), "--task", "nosuch", "--out", dir.resolve("m.model").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("has a 'nosuch' label; tasks there: [stance, topic]"), r.err());
    }

    /**
     * The embedded corpus and a folder have labels of their own: --label there said "add --label
     * stance=FIELD" for a task it did not define, and once added, "drop --label". Now any --label
     * is refused first, with "drop --label", whatever --task names; in train and evaluate alike.
     */
    @Test
    void labelWithTheEmbeddedCorpusOrAFolder_isToldToDropLabel_notToAddOne(@TempDir Path dir) throws Exception {
        Path folder = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(5, 3));
        for (String corpus : List.of("embedded", folder.toString())) {
            for (String label : List.of("x=y", "stance=foo")) {
                for (Result r : List.of(
                        run("train", "--corpus", corpus, "--label", label, "--task", "stance", "--out", dir.resolve("m.model").toString()),
                        run("evaluate", "--corpus", corpus, "--label", label, "--task", "stance", "--out", dir.resolve("r").toString()))) {
                    assertEquals(2, r.code(), corpus + " --label " + label + ": " + r.err());
                    assertTrue(r.err().contains("docbench: --label names a field of a .jsonl/.csv/.tsv corpus file, but the corpus is ")
                            && r.err().contains("whose labels and splits are its own files: drop --label"), corpus + " --label " + label + ": " + r.err());
                    assertFalse(r.err().contains("add --label"), r.err());
                }
            }
        }
        assertFalse(Files.exists(dir.resolve("m.model")) || Files.exists(dir.resolve("r")));
    }

    /**
     * A corpus none of whose documents has a label said "tasks there: []", and evaluate with no
     * --task wrote a report of nothing with exit 0. Both now say the corpus has no task, and where
     * its labels should have come from.
     */
    @Test
    void corpusWithNoLabelAtAll_saysItHasNoTask_andWhereLabelsComeFrom(@TempDir Path dir) throws Exception {
        Path file = EvaluateCommandTest.jsonl(dir, 2, 5);
        Result train = run("train", "--corpus", file.toString(), "--text-field", "text", "--label", "topic=nosuch",
                "--task", "topic", "--out", dir.resolve("m.model").toString());
        assertEquals(3, train.code(), train.err());
        assertTrue(train.err().contains("docbench: no document of " + file + " has a 'topic' label, nor any other: the corpus has no task; "
                + "is --label topic=nosuch the field holding the labels?"), train.err());
        assertFalse(train.err().contains("[]"), train.err());
        Result evaluate = run("evaluate", "--corpus", file.toString(), "--text-field", "text", "--label", "topic=nosuch",
                "--models", "majority", "--out", dir.resolve("report").toString());
        assertEquals(3, evaluate.code(), evaluate.err());
        assertTrue(evaluate.err().contains("docbench: no document of " + file + " has a label: the corpus has no task to evaluate; "
                + "is --label topic=nosuch the field holding the labels?"), evaluate.err());
        assertFalse(Files.exists(dir.resolve("report")), "a report of nothing was written");

        Path folder = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(5, 3));
        String ids = String.join("\n", Files.readAllLines(folder.resolve("labels.tsv")).stream().map(l -> l.split("\t")[0]).toList());
        Files.writeString(folder.resolve("labels.tsv"), ids + "\n");
        Files.deleteIfExists(folder.resolve("layout.properties"));
        Result layout = run("evaluate", "--corpus", folder.toString(), "--models", "majority", "--out", dir.resolve("report").toString());
        assertEquals(3, layout.code(), layout.err());
        assertTrue(layout.err().contains("docbench: no document of " + folder + " has a label: the corpus has no task to evaluate; give "
                + folder.resolve("labels.tsv") + " a column per task after id, with each document's label in it"), layout.err());
        Result trainLayout = run("train", "--corpus", folder.toString(), "--task", "topic", "--out", dir.resolve("m.model").toString());
        assertEquals(3, trainLayout.code(), trainLayout.err());
        assertTrue(trainLayout.err().contains("has a 'topic' label, nor any other: the corpus has no task; give "), trainLayout.err());
    }

    /**
     * --text-field '' or --id-field '' (an unset shell variable) is a mistake in the command line,
     * as --out '' is: exit 2 with the usage hint, before anything is read, not exit 3 from the reader.
     */
    @Test
    void emptyTextOrIdField_isAUsageError_inTrainAndEvaluate(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 2, 5);
        for (String[] field : List.of(new String[] {"--text-field", "", "--text-field is '', an empty field name (an unset shell "
                        + "variable?); name the field holding the text"},
                new String[] {"--text-field", " ", "--text-field is ' ', an empty field name"},
                new String[] {"--id-field", "", "--id-field is '', an empty field name (an unset shell variable?); name the id field, "
                        + "or leave --id-field out to use 'id' or line numbers"})) {
            List<String> fields = field[0].equals("--text-field") ? List.of(field[0], field[1])
                    : List.of("--text-field", "text", field[0], field[1]);
            List<String> train = new java.util.ArrayList<>(List.of("train", "--corpus", corpus.toString(), "--label", "topic=label",
                    "--task", "topic", "--out", dir.resolve("m.model").toString()));
            train.addAll(fields);
            List<String> evaluate = new java.util.ArrayList<>(List.of("evaluate", "--corpus", corpus.toString(), "--label", "topic=label",
                    "--out", dir.resolve("report").toString()));
            evaluate.addAll(fields);
            for (List<String> args : List.of(train, evaluate)) {
                Result r = run(args.toArray(String[]::new));
                assertEquals(2, r.code(), args + ": " + r.err());
                assertTrue(r.err().contains("docbench: " + field[2]), args + ": " + r.err());
                assertTrue(r.err().contains("Try 'docbench " + args.get(0) + " --help'"), args + ": " + r.err());
                assertFalse(r.err().contains("must not be empty") || r.err().contains("reading"), args + ": " + r.err());
            }
        }
    }

    /**
     * A header-only CSV and an empty JSON Lines file hold no documents: said so, with the file, not
     * "no 'topic' label". An empty CSV (or one of blank lines) too, not "no column 'text' in header []".
     */
    @Test
    void train_corpusWithoutDocuments_saysItHoldsNone(@TempDir Path dir) throws Exception {
        for (Path corpus : List.of(Files.writeString(dir.resolve("header.csv"), "id,text,label\n"),
                Files.writeString(dir.resolve("empty.jsonl"), ""), Files.writeString(dir.resolve("empty.csv"), ""),
                Files.writeString(dir.resolve("blank.tsv"), "\n\n"))) {
            Result r = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                    "--task", "topic", "--out", dir.resolve("m.model").toString());
            assertEquals(3, r.code(), corpus + ": " + r.err());
            assertTrue(r.err().contains("the corpus " + corpus + " holds no documents"), corpus + ": " + r.err());
            assertFalse(Files.exists(dir.resolve("m.model")));
        }
    }

    /** A corpus of one label trains a model that can answer nothing else: saved, with a warning. */
    @Test
    void train_oneLabelCorpus_warnsThatTheModelAnswersThatLabelForEverything(@TempDir Path dir) throws Exception {
        Result r = trainNaiveBayes(dir, 1);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("a one-label model answers 'L0' for every document"), r.err());
        assertTrue(Files.exists(dir.resolve("m.model")));
    }

    /** Two labels: no such warning. */
    @Test
    void train_twoLabelCorpus_doesNotWarnOfOneLabel(@TempDir Path dir) throws Exception {
        Result r = trainNaiveBayes(dir, 2);
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("one-label"), r.err());
        assertFalse(r.err().contains("its own label"), r.err());
    }

    /** A label field that names each document (here the id) teaches nothing: train and evaluate say so. */
    @Test
    void labelsUniquePerDocument_warnThatEveryDocumentHasItsOwnLabel(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 2, 6);
        Result train = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=id",
                "--task", "topic", "--model", "majority", "--out", dir.resolve("m.model").toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("docbench: warning: 12 of 12 labeled documents of " + corpus + " have a topic label no "
                + "other document has (12 labels in all): every document has its own label: is --label topic=id right?"), train.err());
        Result evaluate = run("evaluate", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=id",
                "--models", "majority", "--out", dir.resolve("report").toString());
        assertTrue(evaluate.err().contains("every document has its own label: is --label topic=id right?"), evaluate.err());
    }

    /**
     * 'L1' and 'l1' are two labels to every model, and a document of one counts as an error when
     * the other is answered: train and evaluate say that labels differ only in case, with counts.
     */
    @Test
    void labelsDifferingOnlyInCase_warnThatTheyAreDifferentLabels(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 2, 6);
        String records = Files.readString(corpus);
        int last = records.lastIndexOf("\"label\":\"L1\"");
        Files.writeString(corpus, records.substring(0, last) + "\"label\":\"l1\"" + records.substring(last + 12));
        Result train = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--task", "topic", "--model", "majority", "--out", dir.resolve("m.model").toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("docbench: warning: topic labels of " + corpus + " differ only in case: 'L1' (5) and"
                + " 'l1' (1): every model takes them as different labels; spell each label one way to make them one"), train.err());
        Result evaluate = run("evaluate", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--models", "majority", "--out", dir.resolve("report").toString());
        assertTrue(evaluate.err().contains("differ only in case: 'L1' (5) and 'l1' (1)"), evaluate.err());
        Path plain = Files.createDirectory(dir.resolve("plain"));
        assertFalse(trainNaiveBayes(plain, 2).err().contains("differ only in case"), "L0 and L1 differ in more than case");
    }

    /**
     * The same training twice writes the same model file but for the times Tribuo records inside
     * its own entry (when the model and its data were made): entry names, order and times, the
     * compiled weights, the vocabulary and docbench's provenance are byte for byte the same.
     */
    @Test
    void train_twice_writesTheSameBytes_butTribuosRecordedTimes(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 2, 6);
        List<java.util.Map<String, Object>> runs = new java.util.ArrayList<>();
        for (String name : List.of("a.model", "b.model")) {
            Result r = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                    "--task", "topic", "--model", "logreg-sgd", "--out", dir.resolve(name).toString());
            assertEquals(0, r.code(), r.err());
            java.util.Map<String, Object> entries = new java.util.LinkedHashMap<>();
            try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(dir.resolve(name)))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    byte[] bytes = zip.readAllBytes();
                    entries.put(e.getName() + " time", e.getTimeLocal());
                    entries.put(e.getName(), e.getName().equals("model.tribuo") ? bytes.length : java.util.HexFormat.of().formatHex(bytes));
                }
            }
            runs.add(entries);
        }
        assertEquals(List.of("provenance.json time", "provenance.json", "compiled-2.bin time", "compiled-2.bin", "features.json time",
                "features.json", "model.tribuo time", "model.tribuo"), List.copyOf(runs.get(0).keySet()));
        assertEquals(runs.get(0), runs.get(1));
        // Not the clock's time, which two quick trainings could share within a zip's two-second step.
        assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), runs.get(0).get("model.tribuo time"));
    }

    /** A file name may hold a newline; the line that names the output writes it as {@code \n}, as classify writes ids. */
    @Test
    void train_toANameHoldingANewline_namesItOnOneLine(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 2, 6);
        Result r = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--task", "topic", "--model", "majority", "--out", dir.resolve("m\nx.model").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("saved " + dir + "/m\\nx.model ("), r.out());
        assertEquals(1, r.out().lines().count(), r.out());
    }

    /** Trains naive Bayes into {@code dir/m.model} on a JSON Lines corpus of {@code labels} labels, six documents each. */
    private static Result trainNaiveBayes(Path dir, int labels) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, labels, 6);
        return run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--task", "topic", "--model", "naive-bayes", "--out", dir.resolve("m.model").toString());
    }

    /** Runs {@code args} as if the environment variable DOCBENCH_PROGRESS were {@code setting}. */
    static Result runWithProgress(String setting, String... args) {
        var old = DocbenchCli.environment;
        DocbenchCli.environment = name -> name.equals("DOCBENCH_PROGRESS") ? setting : System.getenv(name);
        try {
            return run(args);
        } finally {
            DocbenchCli.environment = old;
        }
    }

    /** DOCBENCH_PROGRESS=off: no "reading" or "training" line; warnings and the result line stay. */
    @Test
    void train_progressOff_printsOnlyWarningsAndTheResult(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 1, 6);
        Result r = runWithProgress("off", "train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--task", "topic", "--model", "naive-bayes", "--out", dir.resolve("m.model").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("docbench: every labeled document of " + corpus + " is topic 'L0': a one-label model answers 'L0'"
                + " for every document"), r.err().lines().toList(), "stderr");
        assertTrue(r.out().startsWith("saved "), r.out());
    }

    /** An invalid DOCBENCH_PROGRESS is how the command was invoked: a usage error (exit 2), before any work. */
    @Test
    void train_invalidProgressSetting_isAUsageError_beforeReading(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 2, 6);
        Result r = runWithProgress("loud", "train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--task", "topic", "--out", dir.resolve("m.model").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("docbench: the environment variable DOCBENCH_PROGRESS is 'loud'; it must be bar, lines or off"),
                r.err());
        assertFalse(r.err().contains("reading"), r.err());
    }

    /** A layout folder of 15 documents whose labels.tsv row {@code line} (2 = the first document) is replaced by {@code row}. */
    private static Path layoutWithRow(Path dir, int line, String row) throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(5, 3));
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(corpus.resolve("labels.tsv")));
        rows.set(line - 1, row.replace("ID", rows.get(line - 1).split("\t")[0]));
        Files.write(corpus.resolve("labels.tsv"), rows);
        return corpus;
    }

    /** --skip-bad: a bad labels.tsv row is one skipped document, not two (its docs/ID.txt is not also an orphan). */
    @Test
    void train_skipBad_aBadLabelRow_isOneSkippedDocument(@TempDir Path dir) throws Exception {
        Path corpus = layoutWithRow(dir, 5, "ID\tsanctuary");
        Result r = run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "majority", "--skip-bad",
                "--out", dir.resolve("m.model").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("skipped 1 bad document of " + corpus + " (--skip-bad); the first: " + corpus.resolve("labels.tsv")
                + ":5"), r.err());
        assertTrue(r.out().contains("14 documents"), r.out());
    }

    /** A row without its stance label still trains topic; a note says the row is left out of stance. */
    @Test
    void train_rowWithoutAStanceLabel_trainsTopicOnEveryRow_andNotesTheRowLeftOutOfStance(@TempDir Path dir) throws Exception {
        Path corpus = layoutWithRow(dir, 5, "ID\tsanctuary\t");
        Result r = run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "majority",
                "--out", dir.resolve("m.model").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("15 documents"), r.out());
        assertTrue(r.err().contains("docbench: note: " + corpus.resolve("labels.tsv") + ":5 [document ")
                && r.err().contains("1 row has no stance label"), r.err());
        Result stance = run("train", "--corpus", corpus.toString(), "--task", "stance", "--model", "majority",
                "--out", dir.resolve("s.model").toString());
        assertEquals(0, stance.code(), stance.err());
        assertTrue(stance.out().contains("14 documents"), stance.out());
    }

    /** As the report's cart rows do: the top 1,000 features by chi-square, recorded in the provenance. */
    @Test
    void train_cart_learnsFromTheTopFeaturesByChiSquare_asTheReportsCartRows(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cart.model");
        Result r = run("train", "--corpus", "embedded", "--task", "stance", "--model", "cart", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        org.docbench.classifiers.inference.SavedModel m = org.docbench.classifiers.inference.SavedModel.load(out);
        assertEquals("top " + org.docbench.classifiers.train.Trainers.SLOW_MODEL_FEATURES + " by chi-square",
                m.provenance().get("selectedFeatures"));
        int modelFeatures = m.model().getFeatureIDMap().size();
        assertTrue(modelFeatures <= org.docbench.classifiers.train.Trainers.SLOW_MODEL_FEATURES,
                "the tree knows " + modelFeatures + " features");
        assertTrue(m.features().fitted().names().size() > modelFeatures, "the extractor keeps every feature");
        Result classified = DocbenchCliTest.runWithStdin("The county jail will no longer honor ICE detainer requests.",
                "classify", "--model", out.toString());
        assertEquals(0, classified.code(), classified.err());
        Result linear = run("train", "--corpus", "embedded", "--task", "stance", "--model", "naive-bayes", "--out",
                dir.resolve("nb.model").toString());
        assertEquals(0, linear.code(), linear.err());
        assertFalse(org.docbench.classifiers.inference.SavedModel.load(dir.resolve("nb.model")).provenance().containsKey("selectedFeatures"),
                "naive Bayes learns from every feature, as its report rows do");
    }
}

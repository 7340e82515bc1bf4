package org.docbench.classifiers.cli;

import static org.docbench.classifiers.cli.DocbenchCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.cli.DocbenchCliTest.Result;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code docbench evaluate} on corpora a new user might bring: tiny ones, and bad names given on the command line. */
class EvaluateCommandTest {

    /** {@code perLabel} JSON Lines records of each of {@code labels} labels, each label with words of its own. */
    static Path jsonl(Path dir, int labels, int perLabel) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < labels; l++) {
            for (int i = 0; i < perLabel; i++) {
                sb.append("{\"id\":\"d").append(l).append('-').append(i).append("\",\"text\":\"word").append(l)
                        .append(" common text about thing").append(l).append(" number ").append(i)
                        .append("\",\"label\":\"L").append(l).append("\"}\n");
            }
        }
        return Files.writeString(dir.resolve("small.jsonl"), sb.toString());
    }

    /**
     * Eight records of three labels: the 80/20 split leaves at most two training documents per
     * label, and a stratified 20% of two rounds to none, so no grid can be searched. Each family
     * with a grid runs its default configuration and the report says so, instead of failing
     * with "no predictions to score" after the models before it were trained.
     */
    @Test
    void evaluate_trainingPartTooSmallToHoldOutValidation_runsEachFamilysDefault_andSaysSo(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String label = "L" + i % 3;
            sb.append("{\"id\":\"d").append(i).append("\",\"text\":\"word").append(label).append(" common text ").append(i)
                    .append(" about ").append(label).append("\",\"label\":\"").append(label).append("\"}\n");
        }
        Path corpus = Files.writeString(dir.resolve("small8.jsonl"), sb.toString());
        Path out = dir.resolve("report");
        Result r = run("evaluate", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--models", "majority,naive-bayes,liblinear-lr,cart", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> notes = new ArrayList<>();
        json.get("notes").forEach(n -> notes.add(n.asText()));
        String note = notes.stream().filter(n -> n.startsWith("small8/topic/random: no validation part")).findFirst()
                .orElseThrow(() -> new AssertionError("no note on the missing validation part: " + notes));
        assertTrue(note.contains("naive-bayes, liblinear-lr, cart ran their default configuration"), note);
        assertFalse(note.contains("majority"), "the majority baseline has no grid to choose from: " + note);
        JsonNode experiment = json.get("experiments").get(0);
        assertTrue(experiment.get("selection").asText().startsWith("no configuration chosen"), experiment.toString());
        for (JsonNode m : experiment.get("models")) {
            assertEquals(0, m.get("validation").size(), "nothing was scored on validation data: " + m);
        }
    }

    /**
     * Six short documents: the learning curve's smaller fractions give no feature (no word in two
     * of their documents) and are left out; the report is written. Documents that share no word
     * at all give no feature even in full, which is bad input, said once.
     */
    @Test
    void evaluate_aCorpusOfAFewShortDocuments_writesItsReport_andOneWithNoSharedWordIsBadInput(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("t.csv"), "id,text,stance\n1,sheriff detainers jail law order,pro\n"
                + "2,jail law order sheriff county,pro\n3,law order jail county sheriff,pro\n4,families cruel raids sanctuary fear,anti\n"
                + "5,sanctuary families fear raids cruel,anti\n6,raids fear families sanctuary,anti\n");
        Result r = run("evaluate", "--corpus", corpus.toString(), "--text-field", "text", "--label", "stance=stance",
                "--models", "majority,naive-bayes", "--out", dir.resolve("report").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("report/report.html")));
        Path apart = Files.writeString(dir.resolve("apart.csv"), "id,text,stance\n1,aa,pro\n2,bb,pro\n3,cc,pro\n4,dd,anti\n"
                + "5,ee,anti\n6,ff,anti\n");
        Result none = run("evaluate", "--corpus", apart.toString(), "--text-field", "text", "--label", "stance=stance",
                "--models", "majority", "--out", dir.resolve("none").toString());
        assertEquals(3, none.code(), none.err());
        assertTrue(none.err().contains("training documents give no feature"), none.err());
        assertFalse(Files.exists(dir.resolve("none")), "no report folder is left");
    }

    @Test
    void evaluate_aCorpusOfOneLabel_warnsThatItsScoresMeasureNothing(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one.csv"), "id,text,stance\n1,sheriff jail law,pro\n2,raids jail law,pro\n"
                + "3,county law jail,pro\n4,law jail sheriff,pro\n5,jail law county,pro\n");
        Result r = run("evaluate", "--corpus", one.toString(), "--text-field", "text", "--label", "stance=stance",
                "--models", "majority", "--out", dir.resolve("r1").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("docbench: warning: every document of " + one + " has the stance label 'pro'"), r.err());
    }

    /** 300 labels of three documents each: one test document and two training documents per label. */
    @Test
    void evaluate_manyLabelsOfThreeDocuments_runsEachFamilysDefault(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        Result r = run("evaluate", "--corpus", jsonl(dir, 300, 3).toString(), "--text-field", "text", "--label", "topic=label",
                "--models", "majority,naive-bayes", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("report.md")).contains("naive-bayes ran its default configuration"),
                "report.md lacks the note");
    }

    /** A bad --split name is found right after reading, before the experiments named before it run. */
    @Test
    void evaluate_unknownSplitScheme_isRefusedBeforeAnyExperimentRuns(@TempDir Path dir) throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(10, 1));
        Result r = run("evaluate", "--corpus", corpus.toString(), "--task", "topic", "--split", "random,nosuch",
                "--models", "majority", "--out", dir.resolve("report").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("carries split scheme 'nosuch'; schemes there: [random]"), r.err());
        assertFalse(r.err().contains("experiment "), "an experiment ran first: " + r.err());
        assertFalse(Files.exists(dir.resolve("report")));
    }

    /** A split scheme with no test part is found before the experiments before it run, and named. */
    @Test
    void evaluate_splitSchemeWithoutTestDocuments_isRefusedBeforeAnyExperimentRuns(@TempDir Path dir) throws Exception {
        List<LabeledDocument> docs = TestCorpus.documents(10, 1);
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), docs);
        StringBuilder split = new StringBuilder("id\tsplit\n");
        docs.forEach(d -> split.append(d.id()).append("\ttrain\n"));
        Files.writeString(corpus.resolve("splits/alltrain.tsv"), split);
        Files.writeString(corpus.resolve("layout.properties"), "name=synthetic\ntasks=topic,stance\nsplits=random,alltrain\n");
        Result r = run("evaluate", "--corpus", corpus.toString(), "--task", "topic", "--split", "random,alltrain",
                "--models", "majority", "--out", dir.resolve("report").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("cannot evaluate topic on split 'alltrain'") && r.err().contains("30 training and 0 test documents"),
                r.err());
        assertFalse(r.err().contains("experiment "), "an experiment ran first: " + r.err());
    }

    /**
     * evaluate or train out of memory said "a document takes about 40 times its size while it is
     * classified ... cut the longest documents", classify's advice; they hold the whole corpus and
     * its models, and say so.
     */
    @Test
    void outOfMemory_inEvaluateOrTrain_namesWhatTheyHold_notClassifysDocuments() {
        picocli.CommandLine cl = DocbenchCli.commandLine();
        cl.parseArgs("evaluate", "--corpus", "c.csv", "--out", "report");
        String evaluate = DocbenchCli.outOfMemory(cl, 40);
        assertTrue(evaluate.startsWith("docbench: out of memory (the JVM's heap is 40 MB, and evaluate holds the whole corpus,"
                + " its features and the models it trains): give java more with -Xmx (java -Xmx8g -jar docbench.jar evaluate ...)"),
                evaluate);
        assertFalse(evaluate.contains("classified"), evaluate);
        cl = DocbenchCli.commandLine();
        cl.parseArgs("train", "--corpus", "c.csv", "--task", "topic", "--out", "m.model");
        assertTrue(DocbenchCli.outOfMemory(cl, 40).contains("and train holds the whole corpus"));
        cl = DocbenchCli.commandLine();
        cl.parseArgs("classify", "--task", "topic", "a.txt");
        assertTrue(DocbenchCli.outOfMemory(cl, 40).contains("while it is classified"));
    }

    /**
     * "--task 'topic, stance'" (a space after the comma) named the task ' stance', which no corpus
     * has, while --models and --split read 'majority, naive-bayes' as two names; train's --task
     * ' topic' too.
     */
    @Test
    void evaluateAndTrain_taskNamesWithSpacesAroundThem_areTheTasks(@TempDir Path dir) throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(10, 1));
        Result r = run("evaluate", "--corpus", corpus.toString(), "--task", "topic, stance", "--models", "majority",
                "--out", dir.resolve("report").toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(dir.resolve("report/report.md"));
        assertTrue(md.contains("## synthetic/topic/random") && md.contains("## synthetic/stance/random"), md);
        Result t = run("train", "--corpus", corpus.toString(), "--task", " topic ", "--model", "majority",
                "--out", dir.resolve("m.model").toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("(topic, majority"), t.out());
    }

    /** With --label, the tasks are those it names: another --task is a usage error before the corpus is read. */
    @Test
    void evaluate_taskThatLabelDoesNotDefine_isAUsageError_beforeReading(@TempDir Path dir) throws Exception {
        Result r = run("evaluate", "--corpus", jsonl(dir, 3, 5).toString(), "--text-field", "text", "--label", "topic=label",
                "--task", "topic,stance", "--out", dir.resolve("report").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--task stance is not a task --label defines (topic)"), r.err());
        assertFalse(r.err().contains("reading"), "the corpus was read first: " + r.err());
    }

    /** DOCBENCH_PROGRESS=off: stderr holds nothing but warnings; the result line is on stdout. */
    @Test
    void evaluate_progressOff_printsNoStatusLines(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        Result r = TrainCommandTest.runWithProgress("off", "evaluate", "--corpus", jsonl(dir, 3, 10).toString(), "--text-field", "text",
                "--label", "topic=label", "--models", "majority,naive-bayes", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "stderr");
        assertTrue(r.out().startsWith("wrote "), r.out());
        Result bad = TrainCommandTest.runWithProgress("loud", "evaluate", "--corpus", jsonl(dir, 3, 10).toString(), "--text-field", "text",
                "--label", "topic=label", "--out", dir.resolve("other").toString());
        assertEquals(2, bad.code(), bad.err());
    }

    /**
     * Eight records, of which four have a u label: every split experiment and t's cross-validation
     * ran, then u's fifth fold had no test document and the run ended with exit 3 and no report.
     * The folds are dealt round-robin over all labels, so a task needs as many labeled documents as
     * folds: fewer is refused after reading, before any model trains; five is enough.
     */
    @Test
    void evaluateCv_aTaskWithFewerLabeledDocumentsThanFolds_isRefusedBeforeAnyTraining_andOnePerFoldIsEnough(@TempDir Path dir)
            throws Exception {
        Path four = cvCorpus(dir.resolve("cv.jsonl"), 4);
        Result r = run("evaluate", "--corpus", four.toString(), "--text-field", "text", "--label", "t=t", "--label", "u=u",
                "--split-field", "fixed=sp", "--models", "majority,naive-bayes", "--cv", "--out", dir.resolve("r4").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("docbench: --cv needs at least 5 labeled documents per task (one per fold); task u has 4 in "
                + four + ": drop --cv, leave u out (--task t), or label more documents"), r.err());
        assertFalse(r.err().contains("experiment ") || r.err().contains("cross-validate"), "a model trained first: " + r.err());
        assertFalse(Files.exists(dir.resolve("r4")), "no report folder is left");

        // One more u label: one labeled document per fold, and the report holds u's five folds.
        Path five = cvCorpus(dir.resolve("cv5.jsonl"), 5);
        Path out = dir.resolve("r5");
        Result ok = run("evaluate", "--corpus", five.toString(), "--text-field", "text", "--label", "t=t", "--label", "u=u",
                "--split-field", "fixed=sp", "--models", "majority,naive-bayes", "--cv", "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        JsonNode cv = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("crossValidation");
        assertEquals(2, cv.size(), cv.toString());
        assertEquals("u", cv.get(1).get("task").asText(), cv.toString());
        assertEquals(5, cv.get(1).get("models").get(0).get("macroF1").size(), cv.toString());
    }

    /**
     * Eight records labeled t (a, b, a, b, ...), the first {@code withU} of them also u, the same
     * label; split 'fixed' puts records 2 and 3 in test, the others in train.
     */
    private static Path cvCorpus(Path file, int withU) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String l = i % 2 == 0 ? "a" : "b";
            sb.append("{\"id\":\"").append(i).append("\",\"text\":\"ICE jail ").append(l).append(i).append("\",\"t\":\"").append(l)
                    .append(i < withU ? "\",\"u\":\"" + l : "").append("\",\"sp\":\"").append(i == 2 || i == 3 ? "test" : "train")
                    .append("\"}\n");
        }
        return Files.writeString(file, sb.toString());
    }

    /** A split file with no rows: the seeded split runs, and the report says the file was there and why it was not used. */
    @Test
    void evaluate_splitFileWithoutRows_fallsBackToTheSeededSplit_withANoteInTheReportNamingTheFile(@TempDir Path dir) throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(5, 3));
        Files.writeString(corpus.resolve("splits/random.tsv"), "id\tsplit\n");
        Path out = dir.resolve("report");
        Result r = run("evaluate", "--corpus", corpus.toString(), "--task", "topic", "--models", "majority", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String note = corpus.resolve("splits/random.tsv") + ": the split file holds no rows, so no document carries the scheme 'random'";
        assertTrue(r.err().contains("docbench: note: " + note), r.err());
        List<String> notes = new ArrayList<>();
        new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("notes").forEach(n -> notes.add(n.asText()));
        assertTrue(notes.stream().anyMatch(n -> n.startsWith(note)), notes.toString());
        // The seeded split's note names the experiment as its tables do: corpus/task/split.
        String experiment = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("experiments").get(0).get("id").asText();
        assertTrue(notes.contains(experiment + ": the corpus has no split; a seeded stratified 80/20 split (seed 42) was made."),
                experiment + " in " + notes);
    }
}

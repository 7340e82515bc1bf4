package org.docbench.classifiers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every command run in-process through picocli, with its output and exit code. */
class DocbenchCliTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DocbenchCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result runWithStdin(String stdin, String... args) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(old);
        }
    }

    /** Stdout that takes {@code room} bytes, then fails every write with {@code message}. */
    private static final class FailingAfter extends java.io.OutputStream {
        private int room;
        private final String message;

        FailingAfter(int room, String message) {
            this.room = room;
            this.message = message;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            if (room-- <= 0) {
                throw new java.io.IOException(message);
            }
        }
    }

    /** Classifies 20,000 lines into a stdout whose writes fail after 100 bytes with {@code message}. */
    private static Result classifyInto(String message) {
        StdoutStream stdout = new StdoutStream(new FailingAfter(100, message));
        StringWriter err = new StringWriter();
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream("jail detainer hold request\n".repeat(20_000).getBytes(StandardCharsets.UTF_8)));
        try {
            int code = DocbenchCli.run(new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true),
                    new PrintWriter(err), stdout, "classify", "--task", "stance", "--lines");
            return new Result(code, "", err.toString());
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void aReaderThatStopsReading_endsTheRunQuietly_with141() {
        Result r = classifyInto("Broken pipe");
        assertEquals(DocbenchCli.READER_GONE, r.code(), r.err());
        assertFalse(r.err().contains("docbench:"), "nothing to report when the reader chose to stop: " + r.err());
    }

    @Test
    void normalize_aReaderThatStopsReading_stopsTheReadingToo(@TempDir Path news) throws Exception {
        for (int i = 0; i < 600; i++) {
            Files.writeString(news.resolve(String.format(java.util.Locale.ROOT, "%03d.txt", i)), "Sheriff ends jail deal " + i);
        }
        Files.write(news.resolve("999.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9}); // reached only if reading goes on
        StdoutStream stdout = new StdoutStream(new FailingAfter(100, "Broken pipe"));
        StringWriter err = new StringWriter();
        int code = DocbenchCli.run(new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true),
                new PrintWriter(err), stdout, "normalize", news.toString());
        assertEquals(DocbenchCli.READER_GONE, code, err.toString());
        assertEquals("", err.toString(), "nothing read after the reader left, so no complaint about the last file");
    }

    @Test
    void outputThatFailsOtherwise_isReportedAsIncomplete() {
        Result r = classifyInto("No space left on device");
        assertEquals(DocbenchCli.FAILURE, r.code(), r.err());
        assertTrue(r.err().contains("docbench: writing the output failed (No space left on device)") && r.err().contains("incomplete"),
                "the system's reason, not a guess: " + r.err());
    }

    @Test
    void everyOptionsHelp_isOneParagraph_thatPicocliWraps() {
        // An option described by several strings starts a help line at each, leaving ragged lines
        // (a line holding only "whose") wherever the column is narrower than the strings.
        for (picocli.CommandLine sub : DocbenchCli.commandLine().getSubcommands().values()) {
            for (picocli.CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                assertEquals(1, o.description().length, sub.getCommandName() + " " + o.longestName());
            }
        }
    }

    @Test
    void aFileNameTheLocaleCannotSpell_saysToUseAUtf8Locale() {
        String m = DocbenchCli.unspellableName(new java.nio.file.InvalidPathException("\u00e9.txt",
                "Malformed input or input contains unmappable characters"), "ANSI_X3.4-1968");
        assertEquals("docbench: a file name holds characters this locale cannot spell (Malformed input or input contains "
                + "unmappable characters; file names are ANSI_X3.4-1968 here): run docbench under a UTF-8 locale, e.g. "
                + "LC_ALL=C.UTF-8", m);
    }

    @Test
    void help_listsEveryCommandAndTheExitCodes() {
        Result r = run("--help");
        assertEquals(0, r.code());
        for (String s : List.of("train", "evaluate", "normalize", "classify", "Exit codes")) {
            assertTrue(r.out().contains(s), "help lacks " + s + ": " + r.out());
        }
    }

    @Test
    void aMistypedCommand_isNamedUnknown_withTheCommandsThereAre() {
        Result r = run("clasify", "--task", "stance", "a.txt");
        assertEquals(2, r.code(), r.err());
        assertEquals("docbench: unknown command 'clasify'; the commands are train, evaluate, normalize, classify, help",
                r.err().lines().findFirst().orElseThrow());
        Result option = run("--nope");
        assertEquals(2, option.code(), option.err());
        assertTrue(option.err().contains("Unknown option: '--nope'"), "an option is picocli's own words: " + option.err());
    }

    /** What normalize shows is what trained models read, and not what the shipped default models read: its help says both. */
    @Test
    void normalizeHelp_saysWhichModelsReadTheNormalizedText() {
        String help = run("normalize", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Models trained with 'docbench train' read this text; the shipped default models of "
                + "'classify --task' read the text as it comes."), help);
    }

    @Test
    void helpExamples_copyWhole_noCommandBrokenByWrapping() {
        for (String command : List.of("", "classify", "evaluate", "train", "normalize")) {
            Result r = command.isEmpty() ? run("--help") : run(command, "--help");
            List<String> lines = r.out().lines().toList();
            int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("Example")).findFirst().orElseThrow());
            for (int i = at + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
                String line = lines.get(i);
                boolean continues = lines.get(i - 1).endsWith(" \\");
                assertTrue(line.startsWith("  docbench ") || line.startsWith("  cat ") || continues,
                        (command.isEmpty() ? "docbench" : command) + " help, a wrapped example line: '" + line + "'");
            }
        }
    }

    @Test
    void everyHelpParagraph_isOneStringThatPicocliWraps_endingASentence() {
        // A paragraph given as several strings starts a help line at each, leaving ragged lines
        // ("when docbench was" / "built") wherever the width falls before a string ends.
        picocli.CommandLine top = DocbenchCli.commandLine();
        List<picocli.CommandLine> commands = new java.util.ArrayList<>(List.of(top));
        commands.addAll(top.getSubcommands().values());
        for (picocli.CommandLine c : commands) {
            var usage = c.getCommandSpec().usageMessage();
            List<String> paragraphs = new java.util.ArrayList<>(List.of(usage.description()));
            // The footer's examples are commands, one per line or continued with a backslash.
            List.of(usage.footer()).stream().filter(l -> !l.startsWith("  ")).forEach(paragraphs::add);
            for (String given : paragraphs) {
                String p = given.replaceAll("(%n)+$", ""); // picocli's own help command ends its lines with a format newline
                assertTrue(p.isEmpty() || p.endsWith(".") || p.endsWith(":"), c.getCommandName() + ": a paragraph cut short: '" + p + "'");
            }
            String help = run(c == top ? new String[] {"--help"} : new String[] {c.getCommandName(), "--help"}).out();
            assertFalse(help.lines().anyMatch(l -> l.endsWith("(default:")), c.getCommandName() + ": a default cut from its value: " + help);
        }
        String top80 = run("--help").out().replaceAll("\\s+", " ");
        assertTrue(top80.contains("3 bad input (corpus, document, model file or output path), 141 "), top80);
    }

    @Test
    void version_onEveryCommand_printsWhatTheTopLevelPrints() {
        Result top = run("--version");
        assertEquals(0, top.code(), top.err());
        assertTrue(top.out().startsWith("docbench "), top.out());
        for (String command : List.of("classify", "train", "evaluate", "normalize")) {
            for (String flag : List.of("-V", "--version")) {
                Result r = run(command, flag);
                assertEquals(0, r.code(), command + " " + flag + ": " + r.err());
                assertEquals(top.out(), r.out(), command + " " + flag);
            }
        }
    }

    @Test
    void noCommand_printsTheUsageToStderr_withExitTwo() {
        Result r = run();
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Usage: docbench") && r.err().contains("classify"), r.err());
    }

    @Test
    void topLevelHelp_summarizesEachCommandInAWholeSentence() {
        // picocli lists a command by the first line of its description, so that line must end a sentence.
        for (var e : DocbenchCli.commandLine().getSubcommands().entrySet()) {
            String[] description = e.getValue().getCommandSpec().usageMessage().description();
            if (description.length > 0) {
                assertTrue(description[0].endsWith("."), e.getKey() + "'s summary is cut: '" + description[0] + "'");
            }
        }
    }

    @Test
    void closedStdin_isSaidToBeClosed_notReadAsTheJvmsOwnFile() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assertTrue(DocbenchCli.isJvmsOwnFile(javaHome.resolve("lib/modules").toRealPath(), javaHome, List.of()));
        assertFalse(DocbenchCli.isJvmsOwnFile(Path.of("/tmp/article.txt"), javaHome, List.of(Path.of("/tmp/docbench.jar"))));
        // The real thing: a process whose stdin is closed, in which the JVM gives descriptor 0 to a file of its own.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isDirectory(Path.of("/proc/self/fd")),
                "needs /bin/sh and /proc");
        for (List<String> command : List.of(List.of("normalize"), List.of("classify", "--task", "topic"),
                List.of("classify", "--task", "topic", "--lines"))) {
            List<String> argv = new java.util.ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" <&-", "sh",
                    javaHome.resolve("bin/java").toString(), "-cp", System.getProperty("java.class.path"), DocbenchCli.class.getName()));
            argv.addAll(command);
            Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, p.waitFor(), command + ": " + err);
            assertTrue(err.contains("docbench: cannot read stdin: it is closed"), command + ": " + err);
        }
    }

    @Test
    void anEmptyPath_isRefusedAsAnEmptyFileName_notReadAsTheWorkingFolder(@TempDir Path dir) {
        String model = dir.resolve("m.model").toString();
        List<List<String>> commands = List.of(
                List.of("classify", "--task", "topic", ""),
                List.of("classify", "--task", "topic", "--lines", "-", ""),
                List.of("normalize", ""),
                List.of("classify", "--model", "", "-"),
                List.of("train", "--corpus", "", "--task", "topic", "--model", "majority", "--out", model),
                List.of("evaluate", "--corpus", "", "--task", "topic", "--models", "majority", "--out", dir.resolve("rep").toString()));
        for (List<String> args : commands) {
            Result r = runWithStdin("jail detainer", args.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertTrue(r.err().contains("empty file name"), args + ": " + r.err());
            assertEquals("", r.out(), args + " printed: " + r.out());
        }
        assertFalse(Files.exists(dir.resolve("m.model")), "no model from the working folder");
    }

    @Test
    void fieldOptions_forACorpusWithItsOwnLabels_areRefused_notIgnored(@TempDir Path dir) {
        Result r = run("train", "--corpus", "embedded", "--task", "topic", "--label", "topic=section", "--out",
                dir.resolve("m.model").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--label names a field of a .jsonl/.csv/.tsv corpus file, but the corpus is the embedded corpus"),
                r.err());
        assertFalse(Files.exists(dir.resolve("m.model")));
    }

    @Test
    void train_withASplitField_saysItLearnsFromEveryPart(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append("{\"text\":\"").append(i % 2 == 0 ? "jail detainer hold " : "sanctuary city council ").append(i)
                    .append("\",\"topic\":\"").append(i % 2 == 0 ? "detainers" : "sanctuary").append("\",\"part\":\"")
                    .append(i < 8 ? "train" : "test").append("\"}\n");
        }
        Path corpus = Files.writeString(dir.resolve("c.jsonl"), sb.toString());
        Result r = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=topic", "--split-field",
                "random=part", "--task", "topic", "--model", "naive-bayes", "--out", dir.resolve("m.model").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("train learns from every labeled document, whatever its --split-field part"), r.err());
        assertTrue(r.out().contains("12 documents"), r.out());
    }

    @Test
    void unknownOption_isExitTwoWithOneLineAndAHint() {
        Result r = run("classify", "--task", "topic", "--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("docbench: Unknown option: '--bogus'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aModelGivenTwice_orBothModelAndTask_isOneLineOfOurOwn() {
        for (String[] args : new String[][] {{"classify", "--task", "topic", "--task", "stance", "-"},
                {"classify", "--model", "m.model", "--task", "topic", "-"}}) {
            Result r = runWithStdin("jail", args);
            assertEquals(2, r.code(), r.err());
            assertEquals("docbench: give one of --model FILE or --task TASK, once", r.err().lines().findFirst().orElse(""), r.err());
            assertFalse(r.err().contains("expected only one match"), r.err());
        }
    }

    @Test
    void aModelThatIsNotARegularFile_isSaidSo_notThatItDoesNotExist() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")), "needs /dev/null");
        Result r = runWithStdin("jail", "classify", "--model", "/dev/null", "-");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("model file /dev/null is not a regular file"), r.err());
        assertFalse(r.err().contains("does not exist"), r.err());
    }

    @Test
    void aModelFileWhoseReadFails_saysItCannotBeRead_withTheSystemsReason_notThatItIsNoModel() {
        // Linux's /proc/self/mem is a regular file, open to its own process even as root, whose first
        // bytes (an unmapped page) fail to read with the kernel's EIO: a real read error, as a failing disk gives.
        Path mem = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(mem) && readFails(mem), "needs Linux's /proc/self/mem");
        Result r = runWithStdin("jail", "classify", "--model", mem.toString(), "-");
        assertEquals(3, r.code(), r.err());
        assertEquals("docbench: cannot read model file /proc/self/mem: Input/output error", r.err().strip(), r.err());
        assertEquals("", r.out());
    }

    private static boolean readFails(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            in.read(new byte[16]);
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Test
    void aModelFileCutShort_isRefusedAsDamaged_evenWhereItsCompiledWeightsAreWhole(@TempDir Path dir) throws Exception {
        byte[] whole;
        try (java.io.InputStream in = org.docbench.classifiers.inference.DefaultModels.open("stance")) {
            whole = in.readAllBytes();
        }
        Path copy = dir.resolve("stance.model");
        Files.write(copy, whole);
        assertEquals(0, runWithStdin("jail", "classify", "--model", copy.toString(), "-").code(), "the whole copy classifies");
        // The compiled weights come first in the zip; cut well after them, in Tribuo's model.
        Path half = dir.resolve("half.model");
        Files.write(half, java.util.Arrays.copyOf(whole, whole.length - 1000));
        Result r = runWithStdin("jail", "classify", "--model", half.toString(), "-");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("model file " + half + " is cut short or damaged"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void trainThenClassify_filesAndStdin_printIdLabelConfidence(@TempDir Path dir) throws Exception {
        List<LabeledDocument> docs = TestCorpus.documents(20, 1);
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), docs);
        Path model = dir.resolve("topic.model");
        Result t = run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "liblinear-lr", "--out", model.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(Files.size(model) > 0);
        assertEquals(1, t.out().lines().count(), "stdout holds the result only: " + t.out());
        assertTrue(t.out().startsWith("saved "), t.out());
        assertFalse(t.err().contains("\r") || t.err().contains("\u001b"), "no bar drawn off a terminal: " + t.err());

        Path doc = dir.resolve("a.txt");
        Files.writeString(doc, "the sanctuary city council passed a shelter ordinance and policy");
        Result c = run("classify", "--model", model.toString(), doc.toString());
        assertEquals(0, c.code(), c.err());
        String[] fields = c.out().strip().split("\t");
        assertEquals(3, fields.length, c.out());
        assertEquals(doc.toString(), fields[0], "the id is the path as given");
        assertEquals("sanctuary", fields[1]);
        double confidence = Double.parseDouble(fields[2]);
        assertTrue(confidence > 0.34 && confidence <= 1, c.out());

        Result s = runWithStdin("the sheriff signed a delegated authority agreement for deputies training\n\n"
                + "jail detainer hold request warrant\n", "classify", "--model", model.toString(), "--json", "--lines");
        assertEquals(0, s.code(), s.err());
        List<String> lines = s.out().lines().toList();
        assertEquals(2, lines.size(), "blank lines are skipped: " + s.out());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("line-1", first.get("id").asText());
        assertEquals("287g", first.get("label").asText());
        assertEquals("detainers", new ObjectMapper().readTree(lines.get(1)).get("label").asText());
        assertEquals(3, first.get("scores").size());
    }

    @Test
    void classify_notAModel_isExitThreeWithOneLine(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.model"), "not a zip");
        Result r = run("classify", "--model", bogus.toString(), "-");
        assertEquals(3, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("is not a docbench model"), r.err());
    }

    @Test
    void classify_missingDocument_isExitThree(@TempDir Path dir) throws Exception {
        List<LabeledDocument> docs = TestCorpus.documents(10, 2);
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), docs);
        Path model = dir.resolve("m.model");
        assertEquals(0, run("train", "--corpus", corpus.toString(), "--task", "stance", "--model", "naive-bayes",
                "--out", model.toString()).code());
        Result r = run("classify", "--model", model.toString(), dir.resolve("nope.txt").toString());
        assertEquals(3, r.code());
        assertEquals("docbench: no such document or folder: " + dir.resolve("nope.txt"), r.err().strip());
    }

    @Test
    void train_unknownTaskOrModel_explainsWhatExists(@TempDir Path dir) throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(5, 3));
        Result task = run("train", "--corpus", corpus.toString(), "--task", "sentiment", "--out", dir.resolve("m").toString());
        assertEquals(3, task.code(), task.err());
        assertTrue(task.err().contains("no document") && task.err().contains("stance"), task.err());
        Result model = run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "bert", "--out", dir.resolve("m").toString());
        assertEquals(2, model.code(), model.err());
        assertTrue(model.err().contains("unknown model 'bert'"), model.err());
    }

    @Test
    void normalize_decodesEntities_andPrintsTheFields(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("d.txt"), "ICE &amp; the county\r\n\r\n\r\n\r\nsecond   paragraph");
        Result r = run("normalize", doc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ICE & the county") && r.out().contains("second paragraph"), r.out());
        Result j = run("normalize", "--json", doc.toString());
        var json = new ObjectMapper().readTree(j.out());
        assertEquals("ICE & the county", json.get("title").asText(), j.out());
        assertEquals("second paragraph", json.get("body").asText(), j.out());
    }

    @Test
    void normalizeExplain_listsWhatEachStepRemoved(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("d.txt"),
                "Headline here\n\nThe sheriff signed the agreement on Monday.\n\nFollow us on twitter.com/example\n");
        Result r = run("normalize", "--explain", doc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SHARE_FOLLOW") && r.out().contains("Follow us on twitter.com/example"), r.out());
        assertTrue(!r.out().split("changes")[0].contains("Follow us"), "the body keeps no follow line: " + r.out());
        Result j = run("normalize", "--json", "--explain", doc.toString());
        assertTrue(j.out().contains("{\"step\":\"SHARE_FOLLOW\",\"removed\":"), "each change's keys in one order on every run: " + j.out());
    }

    @Test
    void normalize_invalidUtf8_isExitThree(@TempDir Path dir) throws Exception {
        Path doc = Files.write(dir.resolve("bad.txt"), new byte[] {'a', (byte) 0xC3, (byte) 0x28});
        Result r = run("normalize", doc.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("not valid UTF-8"), r.err());
        Path folder = Files.createDirectories(dir.resolve("news"));
        Files.writeString(folder.resolve("1.txt"), "Sanctuary vote\n\nThe council voted.");
        Files.writeString(folder.resolve("2.txt"), "Jail hold\n\nThe sheriff spoke.");
        Files.copy(doc, folder.resolve("3.txt"));
        Result some = run("normalize", folder.toString());
        assertEquals(3, some.code(), some.err());
        assertTrue(some.out().contains("==> " + folder.resolve("1.txt") + " <==") && some.out().contains("==> " + folder.resolve("2.txt")
                + " <==") && some.out().contains("The sheriff spoke."), "the documents before the bad one: " + some.out());
    }

    @Test
    void evaluate_csvCorpusWithoutSplits_writesTheThreeReportFiles(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("doc,body,section\n");
        for (LabeledDocument d : TestCorpus.documents(15, 4)) {
            csv.append(d.id()).append(",\"").append(d.text()).append("\",").append(d.label("topic")).append('\n');
        }
        Path file = Files.writeString(dir.resolve("news.csv"), csv);
        Path out = dir.resolve("report");
        Result r = run("evaluate", "--corpus", file.toString(), "--text-field", "body", "--id-field", "doc",
                "--label", "topic=section", "--models", "majority,naive-bayes,liblinear-lr", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("report.md", "report.json", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(3, json.get("records").size());
        assertEquals("news/topic/random", json.get("records").get(0).get("experiment").asText());
    }

    @Test
    void evaluate_missingCorpus_isExitThree(@TempDir Path dir) {
        Result r = run("evaluate", "--corpus", dir.resolve("none.jsonl").toString(), "--out", dir.resolve("o").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test
    void evaluateHelp_printsNoPicocliWarning() {
        Result r = run("evaluate", "--help");
        assertEquals(0, r.code());
        assertFalse(r.out().contains("WARN") || r.err().contains("WARN"), r.out() + r.err());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("20% of the training part"), r.out()); // wherever picocli wraps it
    }

    @Test
    void labelWithoutField_saysOptionOnce() {
        Result r = run("evaluate", "--corpus", "x.csv", "--label", "section", "--out", "o");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--label") && !r.err().contains("option option"), r.err());
    }

    @Test
    void outputThatCannotBeWritten_isExit1_notASilentlyShortFile(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("a.txt"), "Sheriff ends the jail agreement. ".repeat(200));
        java.io.OutputStream full = new java.io.OutputStream() { // a disk that fills after 100 bytes
            private int written;

            @Override
            public void write(int b) throws java.io.IOException {
                if (++written > 100) {
                    throw new java.io.IOException("No space left on device");
                }
            }
        };
        StringWriter err = new StringWriter();
        int code = DocbenchCli.run(new PrintWriter(full), new PrintWriter(err), "normalize", doc.toString());
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("writing the output failed"), err.toString());
    }

    @Test
    void aTrainingDocumentWithNoSharedWord_isLeftOutAndSaidSo_notATribuoError(@TempDir Path dir) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        List<LabeledDocument> docs = TestCorpus.documents(8, 4);
        for (LabeledDocument d : docs) {
            jsonl.append("{\"id\":\"").append(d.id()).append("\",\"body\":\"").append(d.text()).append("\",\"section\":\"")
                    .append(d.label("topic")).append("\"}\n");
        }
        jsonl.append("{\"id\":\"odd\",\"body\":\"Zzqxyplorth\",\"section\":\"").append(docs.get(0).label("topic")).append("\"}\n");
        Path corpus = Files.writeString(dir.resolve("c.jsonl"), jsonl);
        Result train = run("train", "--corpus", corpus.toString(), "--text-field", "body", "--label", "topic=section",
                "--task", "topic", "--model", "majority", "--out", dir.resolve("m.model").toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("1 training documents have no term that occurs in 2 or more documents"), train.err());
        Result eval = run("evaluate", "--corpus", corpus.toString(), "--text-field", "body", "--label", "topic=section",
                "--models", "majority, majority,naive-bayes", "--task", "topic,topic", "--out", dir.resolve("rep").toString());
        assertEquals(0, eval.code(), eval.err());
        String md = Files.readString(dir.resolve("rep").resolve("report.md"));
        assertEquals(1, md.lines().filter(l -> l.startsWith("## ") && l.contains("/topic/")).count(),
                "one experiment section for --task topic,topic: " + md.lines().filter(l -> l.startsWith("## ")).toList());
    }

    @Test
    void documentsASplitFileLeavesOut_areCountedAndSaid(@TempDir Path dir) throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("c"), TestCorpus.documents(8, 4));
        Path split = corpus.resolve("splits/random.tsv");
        List<String> rows = Files.readAllLines(split);
        Files.write(split, rows.subList(0, rows.size() - 1)); // the last document loses its part
        Result r = run("evaluate", "--corpus", corpus.toString(), "--models", "majority", "--task", "topic",
                "--out", dir.resolve("rep").toString());
        assertEquals(0, r.code(), r.err());
        String note = "topic/random: 1 of " + (rows.size() - 1) + " labeled documents have no part in this split and are left out of it.";
        assertTrue(r.err().contains(note), r.err());
        assertTrue(Files.readString(dir.resolve("rep").resolve("report.md")).contains(note), "the report says it too");
    }

    @Test
    void aTaskLabeledTwice_isRefused(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("c.jsonl"), "{\"text\":\"a b c\",\"bias\":\"left\",\"id\":\"1\"}\n");
        Result r = run("evaluate", "--corpus", corpus.toString(), "--text-field", "text", "--label", "bias=bias",
                "--label", "bias=id", "--models", "majority", "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--label names the task 'bias' more than once"), r.err());
    }

    @Test
    void labelWithAnEmptyTaskOrField_isRefusedBeforeTheWork(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("c.jsonl"), "{\"text\":\"a b c\",\"bias\":\"left\"}\n");
        for (String label : List.of("=bias", "stance=")) {
            Path out = dir.resolve("out");
            Result r = run("evaluate", "--corpus", corpus.toString(), "--text-field", "text", "--label", label,
                    "--models", "majority", "--out", out.toString());
            assertEquals(2, r.code(), "a command-line mistake: " + r.err());
            assertTrue(r.err().contains("--label " + label + " needs both a task and a field"), r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void aPageFragmentOnStdin_isReadAsHtml_likeTheSameBytesInAnHtmlFile(@TempDir Path dir) throws Exception {
        String fragment = "\n  <div class=\"story\"><p>sanctuary city</p><p>more text about detainers</p></div>";
        Path page = Files.writeString(dir.resolve("frag.html"), fragment);
        Result file = run("normalize", "--json", page.toString());
        Result stdin = runWithStdin(fragment, "normalize", "--json");
        assertEquals(0, stdin.code(), stdin.err());
        JsonNode fromFile = new ObjectMapper().readTree(file.out());
        JsonNode fromStdin = new ObjectMapper().readTree(stdin.out());
        assertEquals("sanctuary city", fromStdin.get("title").asText(), stdin.out());
        assertEquals(fromFile.get("body"), fromStdin.get("body"), stdin.out());
        for (String text : List.of("<3 to the county jail staff", "<jail> detainers are held", "a <p> tag later on")) {
            assertFalse(DocumentInputs.startsWithPageTag(text), text);
        }
        for (String text : List.of("<P class=lead>x", "<!DOCTYPE html>", " <h2>x</h2>", "<section>x", "<p/>",
                "<span class=\"dateline\">WASHINGTON</span> ICE", "<a href=\"https://news.example/a\">ICE</a> raids",
                "<strong>ICE</strong> raids", "<img src=\"a.jpg\"><br>ICE")) {
            assertTrue(DocumentInputs.startsWithPageTag(text), text);
        }
    }

    @Test
    void normalize_htmlPage_isItsTextWithoutTags(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), "<!doctype html><html><head><title>County ends jail deal</title>"
                + "<style>p {color: red}</style></head><body><nav>Home | News</nav><article><p>The board voted 3&ndash;2.</p>"
                + "<p>Deputies <b>stop</b> screening.</p></article><div role=\"navigation\">Sections</div>"
                + "<footer>Contact the news desk</footer><div role=\"contentinfo\">Terms of use</div></body></html>");
        Result r = run("normalize", page.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("title:  County ends jail deal"), r.out());
        assertTrue(r.out().contains("The board voted 3") && r.out().contains("Deputies stop screening."), r.out());
        for (String dropped : List.of("<", "color", "Home | News", "Sections", "news desk", "Terms of use")) {
            assertFalse(r.out().contains(dropped), dropped + ": " + r.out());
        }
    }

    @Test
    void csvSavedWithABom_andJsonlWithAnIdField_readTheirIds(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFFid,body,section\n");
        StringBuilder jsonl = new StringBuilder();
        for (LabeledDocument d : TestCorpus.documents(8, 4)) {
            csv.append(d.id()).append(",\"").append(d.text()).append("\",").append(d.label("topic")).append('\n');
            jsonl.append("{\"id\":\"").append(d.id()).append("\",\"body\":\"").append(d.text()).append("\",\"section\":\"")
                    .append(d.label("topic")).append("\"}\n");
        }
        for (Path f : List.of(Files.writeString(dir.resolve("excel.csv"), csv), Files.writeString(dir.resolve("n.jsonl"), jsonl))) {
            Path out = dir.resolve("report-" + f.getFileName());
            Result r = run("evaluate", "--corpus", f.toString(), "--text-field", "body", "--label", "topic=section",
                    "--models", "majority", "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            String md = Files.readString(out.resolve("report.md"));
            assertFalse(md.contains("line-"), "ids come from the id field: " + f);
        }
    }

    @Test
    void skipBad_saysHowManyItSkipped(@TempDir Path dir) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (LabeledDocument d : TestCorpus.documents(8, 4)) {
            jsonl.append("{\"id\":\"").append(d.id()).append("\",\"body\":\"").append(d.text()).append("\",\"section\":\"")
                    .append(d.label("topic")).append("\"}\n");
        }
        jsonl.append("{broken\n{\"id\":\"x\"}\n");
        Path f = Files.writeString(dir.resolve("n.jsonl"), jsonl);
        Result r = run("train", "--corpus", f.toString(), "--text-field", "body", "--label", "topic=section", "--skip-bad",
                "--task", "topic", "--out", dir.resolve("m.model").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("skipped 2 bad documents"), r.err());
    }
}

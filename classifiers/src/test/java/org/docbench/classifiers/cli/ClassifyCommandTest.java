package org.docbench.classifiers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.cli.DocbenchCliTest.Result;
import org.docbench.classifiers.inference.DefaultModels;
import org.docbench.classifiers.inference.ModelFile;
import org.docbench.classifiers.inference.SavedModel;
import org.docbench.classifiers.inference.Scorer;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code docbench classify}: inputs, outputs, the fast path and documents that get no label. */
class ClassifyCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainModel() throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(20, 1));
        model = dir.resolve("topic.model");
        Result t = DocbenchCliTest.run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "logreg-sgd",
                "--out", model.toString());
        assertEquals(0, t.code(), t.err());
    }

    static Result classify(String stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "classify";
        all[1] = "--model";
        all[2] = model.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return DocbenchCliTest.runWithStdin(stdin, all);
    }

    /** {@link #classify} with stdin as raw bytes, which may not be UTF-8. */
    static Result classifyBytes(byte[] stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "classify";
        all[1] = "--model";
        all[2] = model.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        java.io.InputStream old = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdin));
        try {
            return DocbenchCliTest.run(all);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void badInput_stopsTheRun_afterPrintingEveryDocumentBeforeIt() throws Exception {
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= 3000; i++) {
            lines.write((i == 2500 ? "jail \u00ff" : "jail detainer hold " + i + "\n").getBytes(StandardCharsets.UTF_8));
            if (i == 2500) {
                lines.write(new byte[] {(byte) 0xC3, '\n'}); // a lead byte with nothing to follow it
            }
        }
        for (String threads : new String[] {"1", "2"}) {
            Result r = classifyBytes(lines.toByteArray(), "--lines", "--threads", threads);
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().contains("docbench: stdin:2500: not valid UTF-8"), r.err());
            List<String> out = r.out().lines().toList();
            assertEquals(2499, out.size(), "every line before the bad one, on " + threads + " thread(s)");
            assertTrue(out.get(2498).startsWith("line-2499\t"), out.get(2498));
        }
        StringBuilder records = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            records.append(i == 40 ? "{not json\n" : "{\"id\":\"r" + i + "\",\"text\":\"jail detainer\"}\n");
        }
        Result json = classify(records.toString(), "--jsonl");
        assertEquals(3, json.code(), json.err());
        assertEquals(39, json.out().lines().count(), json.out());
        Path good = Files.writeString(dir.resolve("good.txt"), "jail detainer hold");
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'j', (byte) 0xC3});
        Result files = classify("", good.toString(), bad.toString(), good.toString());
        assertEquals(3, files.code(), files.err());
        assertEquals(List.of(good.toString()), files.out().lines().map(l -> l.split("\t")[0]).toList());
    }

    @Test
    void defaultModels_areShippedTrainedOnTheCurrentEmbeddedCorpus() throws Exception {
        LayoutCorpusReader reader = LayoutCorpusReader.embedded();
        String sha = CorpusManifest.of(reader.name(), reader.location(), reader.readAll(), 0).sha256();
        for (String task : reader.tasks()) {
            SavedModel m = DefaultModels.load(task);
            assertEquals(task, m.task());
            assertEquals(sha, ((Map<?, ?>) m.provenance().get("corpus")).get("sha256"), "the " + task + " model is from this corpus");
            assertEquals(List.of("name", "sha256", "documents"), List.copyOf(((Map<?, ?>) m.provenance().get("corpus")).keySet()),
                    "provenance.json keeps one key order from build to build");
            assertEquals(Scorer.Path.FAST, Scorer.of(m).path(), "the default " + task + " model runs on the fast path");
            assertTrue(m.features().normalizer().steps().isEmpty(), "the default model reads raw text; a saved model keeps its normalizer");
        }
        Result r = DocbenchCliTest.runWithStdin("The county jail will no longer honor ICE detainer requests without a judicial warrant.",
                "classify", "--task", "topic");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("stdin\tdetainers\t"), r.out());
        assertTrue(r.err().contains("fast path") && r.err().contains("probabilit"), r.err());
    }

    @Test
    void unknownDefaultTask_namesTheTasksThereAre() {
        Result r = DocbenchCliTest.run("classify", "--task", "sentiment", "-");
        assertEquals(2, r.code(), "a bad option value is a bad command line: " + r.err());
        assertTrue(r.err().contains("no default model for task 'sentiment'; tasks: topic, stance"), r.err());
    }

    @Test
    void stdin_isOneDocumentByDefault_andLinesSplitsIt() {
        String article = "the sheriff signed a delegated authority agreement\nfor deputies training on the county\n";
        Result whole = classify(article);
        assertEquals(0, whole.code(), whole.err());
        assertEquals(List.of("stdin\t287g"), whole.out().lines().map(l -> l.substring(0, l.lastIndexOf('\t'))).toList());
        Result lines = classify(article, "--lines");
        assertEquals(2, lines.out().lines().count(), lines.out());
        assertTrue(lines.out().startsWith("line-1\t") && lines.out().contains("\nline-2\t"), lines.out());
    }

    @Test
    void emptyText_getsNoLabel_saysSo_andExitsThreeWhenNothingWasLabeled() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path blank = Files.writeString(dir.resolve("blank.txt"), " \n\t\n");
        Path real = Files.writeString(dir.resolve("real.txt"), "jail detainer hold request warrant");
        Result none = classify("", empty.toString(), blank.toString());
        assertEquals(3, none.code(), none.err());
        assertEquals(List.of(empty + "\t-\t-", blank + "\t-\t-"), none.out().lines().toList());
        assertTrue(none.err().contains("empty.txt: no label: the text is empty"), none.err());
        Result mixed = classify("", empty.toString(), real.toString(), "--json");
        assertEquals(0, mixed.code(), mixed.err());
        List<String> out = mixed.out().lines().toList();
        assertTrue(JSON.readTree(out.get(0)).get("label").isNull(), out.get(0));
        assertEquals("detainers", JSON.readTree(out.get(1)).get("label").asText());
    }

    @Test
    void json_aDocumentWithoutALabel_hasEveryKeyALabeledOneHas_withNulls() throws Exception {
        for (String top : List.of("1", "2")) {
            Result r = classify("jail detainer hold\n\nzzzz qqqq\n", "--lines", "--json", "--top", top);
            List<String> out = r.out().lines().toList();
            JsonNode labeled = JSON.readTree(out.get(0));
            JsonNode none = JSON.readTree(out.get(1));
            List<String> keys = new ArrayList<>();
            labeled.fieldNames().forEachRemaining(keys::add);
            keys.add("reason");
            List<String> noneKeys = new ArrayList<>();
            none.fieldNames().forEachRemaining(noneKeys::add);
            assertEquals(keys, noneKeys, "--top " + top + ": " + r.out());
            assertTrue(none.get("label").isNull() && none.get("score").isNull() && none.get("scores").isNull(), r.out());
            assertEquals(labeled.get("scoreKind"), none.get("scoreKind"), r.out());
        }
    }

    @Test
    void textWithNoKnownWord_getsNoLabel() {
        Result r = classify("zzzz qqqq");
        assertEquals(3, r.code(), r.out());
        assertTrue(r.err().contains("no word of the text is known"), r.err());
    }

    @Test
    void json_hasEveryLabelsScore_theirKind_andTopK() throws Exception {
        Result r = classify("jail detainer hold request warrant", "--json", "--top", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode n = JSON.readTree(r.out());
        assertEquals("probability", n.get("scoreKind").asText());
        assertEquals(3, n.get("scores").size());
        double sum = 0;
        for (JsonNode s : n.get("scores")) {
            sum += s.asDouble();
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(2, n.get("top").size());
        assertEquals(n.get("label").asText(), n.get("top").get(0).get("label").asText());
        assertTrue(n.get("top").get(0).get("score").asDouble() >= n.get("top").get(1).get("score").asDouble());
        List<String> fields = new ArrayList<>();
        n.get("top").get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("label", "score"), fields, "every run prints a top entry's fields in one order: " + r.out());
        List<String> names = new ArrayList<>();
        n.get("scores").fieldNames().forEachRemaining(names::add);
        assertEquals(names.stream().sorted().toList(), names, "scores in the labels' alphabetical order, whatever the path");
        Result tsv = classify("jail detainer hold request warrant", "--top", "3");
        assertEquals(7, tsv.out().strip().split("\t").length, tsv.out());
    }

    @Test
    void tsvRows_escapeLabelsLikeIds_andAllHaveOnePlusTwoKColumns() throws Exception {
        Path corpus = dir.resolve("tab-labels.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String label = i % 2 == 0 ? "two\\teighty" : "sanc\\ntuary";
            String text = i % 2 == 0 ? "jail detainer hold request warrant " + i : "sanctuary city council ordinance " + i;
            sb.append("{\"id\":\"d").append(i).append("\",\"text\":\"").append(text).append("\",\"section\":\"").append(label)
                    .append("\"}\n");
        }
        Files.writeString(corpus, sb.toString());
        Path tabModel = dir.resolve("tab-labels.model");
        Result t = DocbenchCliTest.run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=section",
                "--task", "topic", "--model", "naive-bayes", "--out", tabModel.toString());
        assertEquals(0, t.code(), t.err());
        Result r = DocbenchCliTest.runWithStdin("jail detainer hold\nzzzz qqqq\n", "classify", "--model", tabModel.toString(),
                "--lines", "--top", "2");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals(2, rows.size(), r.out());
        assertEquals(List.of("line-1", "two\\teighty", "sanc\\ntuary"),
                List.of(rows.get(0).split("\t")[0], rows.get(0).split("\t")[1], rows.get(0).split("\t")[3]), rows.get(0));
        assertEquals("line-2\t-\t-\t-\t-", rows.get(1), "a row with no label has as many columns as one with");
    }

    @Test
    void svmScores_areCalledMargins() throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("svm-corpus"), TestCorpus.documents(10, 2));
        Path svm = dir.resolve("svm.model");
        assertEquals(0, DocbenchCliTest.run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "svm-sgd",
                "--out", svm.toString()).code());
        Result r = DocbenchCliTest.runWithStdin("sanctuary city council", "classify", "--model", svm.toString(), "--json");
        assertEquals("margin", JSON.readTree(r.out()).get("scoreKind").asText(), r.out());
        assertTrue(r.err().contains("scores are margins"), r.err());
    }

    @Test
    void baselinesAndTrees_answerEveryText_withScoresNamedAsTheReportNamesThem() throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("base-corpus"), TestCorpus.documents(10, 2));
        for (String family : List.of("majority", "cart")) {
            Path model = dir.resolve("baseline-" + family + ".model");
            assertEquals(0, DocbenchCliTest.run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", family,
                    "--out", model.toString()).code());
            Result r = DocbenchCliTest.runWithStdin("sanctuary city council", "classify", "--model", model.toString(), "--json");
            assertEquals(0, r.code(), family + ": " + r.err());
            JsonNode n = JSON.readTree(r.out());
            assertFalse(n.get("label").isNull(), family + ": " + r.out());
            if (family.equals("majority")) {
                assertEquals("none", n.get("scoreKind").asText(), r.out());
                assertTrue(r.err().contains("scores are absent"), r.err());
                assertTrue(n.get("score").isNull() && n.get("scores").isNull(), "a baseline scores nothing: " + r.out());
                Result tsv = DocbenchCliTest.runWithStdin("sanctuary city council", "classify", "--model", model.toString());
                assertTrue(tsv.out().strip().endsWith("\t-"), "no score in its column: " + tsv.out());
                Result top2 = DocbenchCliTest.runWithStdin("sanctuary city council", "classify", "--model", model.toString(),
                        "--top", "2");
                assertEquals(n.get("label").asText() + "\t-\t-\t-", top2.out().strip().split("\t", 2)[1],
                        "no runner-up: the other labels would come in index order: " + top2.out());
                assertTrue(top2.err().contains("--top 2: the majority baseline answers one label and ranks no other"), top2.err());
                Result json2 = DocbenchCliTest.runWithStdin("sanctuary city council", "classify", "--model", model.toString(),
                        "--top", "2", "--json");
                assertEquals(1, JSON.readTree(json2.out()).get("top").size(), json2.out());
            } else {
                assertEquals("leaf-share", n.get("scoreKind").asText(), r.out());
                assertTrue(r.err().contains("scores are shares of the leaf's training documents"), r.err());
                double sum = 0;
                for (JsonNode v : n.get("scores")) {
                    sum += v.asDouble();
                }
                assertEquals(1.0, sum, 1e-9, "a leaf's shares add up to one: " + r.out());
            }
        }
        Result unknownWords = DocbenchCliTest.runWithStdin("zzqx vvkw", "classify", "--model", dir.resolve("baseline-majority.model").toString());
        assertEquals(0, unknownWords.code(), "the majority answers a text of unknown words too: " + unknownWords.err());
    }

    @Test
    void stratifiedBaseline_givesTheSameLabelsOnTwoThreadsAsOnOne() throws Exception {
        Path corpus = TestCorpus.writeLayout(dir.resolve("strat-corpus"), TestCorpus.documents(10, 3));
        Path model = dir.resolve("stratified.model");
        assertEquals(0, DocbenchCliTest.run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "stratified",
                "--out", model.toString()).code());
        // Several blocks of lines, so two workers would draw at once.
        String lines = "jail detainer hold request\n".repeat(3 * DocumentInputs.BLOCK_BYTES / 27);
        Result one = DocbenchCliTest.runWithStdin(lines, "classify", "--model", model.toString(), "--lines");
        Result two = DocbenchCliTest.runWithStdin(lines, "classify", "--model", model.toString(), "--lines", "--threads", "2");
        assertEquals(0, two.code(), two.err());
        assertTrue(one.out().equals(two.out()), "the same draws in the same order");
        assertTrue(two.err().contains("the stratified baseline draws its labels in input order, so it runs on one thread, not 2"),
                two.err());
    }

    @Test
    void topBeyondTheLabels_showsThemAll_andSaysSo() {
        Result r = classify("jail detainer hold", "--top", "99");
        assertEquals(0, r.code(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--top 99: the model has (\\d+) labels").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertEquals(1 + 2 * Integer.parseInt(m.group(1)), r.out().strip().split("\t").length, "every label: " + r.out());
    }

    @Test
    void tsvField_escapesWhatWouldBreakALine_andNothingElse() {
        assertEquals("plain id.txt", TsvCells.field("plain id.txt"));
        assertEquals("a\\tb\\nc\\rd\\\\e", TsvCells.field("a\tb\nc\rd\\e"));
        assertEquals("a\\x00b\\x1bc\\x7f", TsvCells.field("a\u0000b\u001bc\u007f"), "other control chars as \\xNN");
        assertEquals("caf\u00e9 \u65e5\u672c", TsvCells.field("caf\u00e9 \u65e5\u672c"));
        assertEquals("a\\x85b\\u2028c\\u2029", TsvCells.field("a\u0085b\u2028c\u2029"), "C1 controls and Unicode line breaks");
        assertEquals("a\\ud800b\\udc00", TsvCells.field("a\ud800b\udc00"), "lone surrogates, which UTF-8 would print as ?");
        assertEquals("\\udc00\ud83d\ude00\\ud800", TsvCells.field("\udc00\ud83d\ude00\ud800"), "a pair stays, lone halves around it do not");
        assertEquals("emoji \ud83d\ude00", TsvCells.field("emoji \ud83d\ude00"));
    }

    @Test
    void json_anIdWithALoneSurrogate_isValidUtf8Json_thatGivesBackTheExactId() throws Exception {
        List<String> ids = List.of("\ud800x", "a\udc00", "\udc00\ud83d\ude00\ud800", "caf\u00e9 \ud83d\ude00", "tab\tquote\"");
        // As JSON has them in a file: the lone halves escaped, since UTF-8 has no bytes for them.
        List<String> spelled = List.of("\\ud800x", "a\\udc00", "\\udc00\ud83d\ude00\\ud800", "caf\u00e9 \ud83d\ude00",
                "tab\\tquote\\\"");
        StringBuilder records = new StringBuilder();
        for (String id : spelled) {
            records.append("{\"id\":\"").append(id).append("\",\"text\":\"jail detainer hold\"}\n");
        }
        for (String top : List.of("1", "2")) {
            // Stdout as main has it: UTF-8 bytes, which hold no lone surrogate (a writer puts '?' in its place).
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.StringWriter err = new java.io.StringWriter();
            java.io.InputStream old = System.in;
            System.setIn(new java.io.ByteArrayInputStream(records.toString().getBytes(StandardCharsets.UTF_8)));
            int code;
            try {
                code = DocbenchCli.run(new java.io.PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8)),
                        new java.io.PrintWriter(err), "classify", "--model", model.toString(), "--jsonl", "--json", "--top", top);
            } finally {
                System.setIn(old);
            }
            assertEquals(0, code, err.toString());
            String out = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
            List<String> lines = out.lines().toList();
            assertEquals(ids.size(), lines.size(), out);
            for (int i = 0; i < ids.size(); i++) {
                String got = JSON.readTree(lines.get(i)).get("id").asText();
                assertEquals(ids.get(i), got, "--top " + top + ", line " + lines.get(i) + " gives back "
                        + got.chars().mapToObj(c -> String.format(Locale.ROOT, "%04x", c)).toList());
            }
            assertTrue(lines.get(0).startsWith("{\"id\":\"\\ud800x\""), "escaped as JSON's own \\u: " + lines.get(0));
            assertTrue(lines.get(3).startsWith("{\"id\":\"caf\u00e9 \ud83d\ude00\""), "other chars as they are: " + lines.get(3));
        }
    }

    @Test
    void zeroThreadsOrTop_isAUsageError_namingTheOptionThatIsWrong() {
        Result threads = classify("jail detainer", "--threads", "0");
        assertEquals(2, threads.code(), threads.err());
        assertTrue(threads.err().contains("--threads must be at least 1, got 0") && !threads.err().contains("--top"), threads.err());
        // 2 x 2^30 pending chunks overflowed an int: a hang, or every row printed and then exit 1.
        for (String many : List.of("1025", "1073741824", "2147483647")) {
            Result huge = classify("jail detainer", "--threads", many);
            assertEquals(2, huge.code(), huge.err());
            assertTrue(huge.err().contains("--threads must be at most 1024, got " + many), huge.err());
        }
        assertEquals(0, classify("jail detainer", "--threads", "1024").code());
        Result top = classify("jail detainer", "--top", "-1");
        assertEquals(2, top.code(), top.err());
        assertTrue(top.err().contains("--top must be at least 1, got -1") && !top.err().contains("--threads"), top.err());
    }

    @Test
    void aLineThatIsAWholeWebPage_isReadAsThePagesText_asAJsonlRecordIs() {
        String page = "<!DOCTYPE html><html><body><script>sanctuary sanctuary sanctuary</script>ICE detainer jail</body></html>";
        Result line = classify("plain words about a jail\n" + page + "\n", "--lines", "--json");
        Result record = classify("{\"id\":\"line-2\",\"text\":\"" + page + "\"}\n", "--jsonl", "--json");
        assertEquals(0, line.code(), line.err());
        assertEquals(0, record.code(), record.err());
        assertEquals(record.out().strip(), line.out().strip().lines().skip(1).findFirst().orElseThrow(),
                "the script's words are not the document's");
        Result text = classify("ICE detainer jail\n", "--lines", "--json");
        assertEquals(text.out().strip().replace("line-1", "line-2"), record.out().strip(), "the page reads as its visible text");
    }

    @Test
    void anEmptyJsonlFieldName_isAUsageError() {
        for (String field : List.of("--text-field", "--id-field")) {
            Result r = classify("{\"id\":\"a\",\"text\":\"jail\"}", "--jsonl", field, "");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(field + " is empty; name a field of the records"), r.err());
        }
    }

    @Test
    void aJsonlFieldOption_withoutJsonl_isAUsageError() {
        Result r = classify("jail detainer", "--text-field", "body");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--text-field names a field of --jsonl records; add --jsonl"), r.err());
    }

    @Test
    void noDocumentAtAll_isExit3_andSaysSo() {
        Result r = DocbenchCliTest.runWithStdin("\n   \n\n", "classify", "--task", "topic", "--lines");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("no document in the input: every line is blank"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void folder_isEveryTxtAndHtmlFileUnderIt_sorted() throws Exception {
        Path news = Files.createDirectories(dir.resolve("news/sub"));
        Files.writeString(news.resolve("../b.txt"), "sanctuary city council ordinance");
        Files.writeString(news.resolve("a.html"), "<!DOCTYPE html><html><head><title>Jail</title><script>var x = 'sanctuary';</script>"
                + "</head><body><p>detainer hold request</p><p>warrant &amp; jail</p></body></html>");
        Files.writeString(news.resolve("notes.md"), "not a document");
        Result r = classify("", dir.resolve("news").toString());
        assertEquals(0, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        assertEquals(2, out.size(), r.out());
        assertTrue(out.get(0).startsWith(dir.resolve("news/b.txt") + "\tsanctuary\t"), r.out());
        assertTrue(out.get(1).startsWith(dir.resolve("news/sub/a.html") + "\tdetainers\t"), r.out());
    }

    @Test
    void jsonl_readsNamedFields_skipsABom_andNamesABadLine() throws Exception {
        Path f = dir.resolve("docs.jsonl");
        Files.writeString(f, "\uFEFF{\"id\":\"a1\",\"body\":\"jail detainer hold\"}\n{\"body\":\"sanctuary city council\"}\n",
                StandardCharsets.UTF_8);
        Result r = classify("", "--jsonl", "--text-field", "body", f.toString());
        assertEquals(0, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        assertTrue(out.get(0).startsWith("a1\tdetainers\t"), r.out());
        assertTrue(out.get(1).startsWith(f + ":2\tsanctuary\t"), r.out());
        Files.writeString(f, "{\"body\":\"jail\"}\n{not json\n");
        Result bad = classify("", "--jsonl", "--text-field", "body", f.toString());
        assertEquals(3, bad.code());
        assertTrue(bad.err().contains("docs.jsonl:2: not a JSON record"), bad.err());
    }

    @Test
    void jsonl_anIdFieldThatIsThere_mustHoldAStringNumberOrBoolean_asTheCorpusReadersSay() throws Exception {
        Path f = dir.resolve("ids.jsonl");
        Files.writeString(f, "{\"id\":7,\"text\":\"jail detainer hold\"}\n{\"text\":\"sanctuary city council\"}\n");
        Result ok = classify("", "--jsonl", f.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(List.of("7", f + ":2"), ok.out().lines().map(l -> l.split("\t")[0]).toList());
        String[][] cases = {{"{\"a\":1}", "an object; an id is a string, number or boolean"}, {"[1]", "an array; an id is"},
            {"null", "null; give the record an id"}, {"\" \"", "empty; give the record an id"}};
        for (String[] c : cases) {
            Files.writeString(f, "{\"id\":\"a\",\"text\":\"jail\"}\n{\"id\":" + c[0] + ",\"text\":\"jail detainer\"}\n");
            Result bad = classify("", "--jsonl", f.toString());
            assertEquals(3, bad.code(), c[0] + ": " + bad.err());
            assertTrue(bad.err().contains("ids.jsonl:2: the id field 'id' is " + c[1]), c[0] + ": " + bad.err());
            assertTrue(bad.out().startsWith("a\t"), "the record before is printed: " + bad.out());
        }
    }

    @Test
    void jsonl_anIdGivenTwice_isNamedOnStderrWithBothPlaces_andEveryRecordIsClassifiedAsWithUniqueIds() throws Exception {
        String json = "{\"id\":\"%s\",\"text\":\"%s\"}\n";
        List<String> ids = List.of("x", "y", "x", "z", "x", "y");
        List<String> texts = List.of("jail detainer hold", "sanctuary city council", "shelter ordinance policy",
                "delegated authority deputies", "warrant request", "jail detainer warrant");
        StringBuilder first = new StringBuilder();
        StringBuilder unique = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            if (i < 5) {
                first.append(String.format(Locale.ROOT, json, ids.get(i), texts.get(i)));
            }
            unique.append(String.format(Locale.ROOT, json, "doc-" + i, texts.get(i)));
        }
        Path a = Files.writeString(dir.resolve("dup-a.jsonl"), first);
        // The last record in a second file, after a blank line: its place is line 2 there.
        Path b = Files.writeString(dir.resolve("dup-b.jsonl"), "\n" + String.format(Locale.ROOT, json, ids.get(5), texts.get(5)));
        Result r = classify("", "--jsonl", a.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        List<String> warnings = r.err().lines().filter(l -> !l.startsWith("classify:")).toList();
        assertEquals(List.of(
                "docbench: " + a + ":3: the id 'x' was the id of " + a + ":1 too; both records are classified",
                "docbench: " + b + ":2: the id 'y' was the id of " + a + ":2 too; both records are classified",
                "docbench: 2 ids were given to more than one record (3 records repeat an earlier record's id); every record is classified"),
                warnings, "once an id, however often it comes: " + r.err());

        Result u = classify(unique.toString(), "--jsonl");
        assertEquals(0, u.code(), u.err());
        assertEquals(u.out().lines().map(l -> l.substring(l.indexOf('\t'))).toList(),
                r.out().lines().map(l -> l.substring(l.indexOf('\t'))).toList(), "the same labels and scores as with unique ids");
        assertEquals(ids, r.out().lines().map(l -> l.substring(0, l.indexOf('\t'))).toList(), r.out());
        assertFalse(u.err().contains("more than one record"), u.err());

        Result lineNamed = classify("{\"text\":\"jail\"}\n{\"text\":\"jail\"}\n", "--jsonl");
        assertFalse(lineNamed.err().contains("more than one record"), "records named by their lines: " + lineNamed.err());
    }

    @Test
    void jsonlFolder_isEveryJsonlAndNdjsonFileUnderIt_sorted_andOnlyThose() throws Exception {
        Path parts = Files.createDirectories(dir.resolve("archive/sub"));
        Files.writeString(parts.resolve("part-0002.jsonl"), "{\"id\":\"b\",\"body\":\"sanctuary city council\"}\n");
        Files.writeString(parts.resolve("part-0003.ndjson"), "{\"id\":\"c\",\"body\":\"state enforcement law\"}\n");
        Files.writeString(parts.resolve("notes.json"), "{\"id\":\"d\",\"body\":\"one JSON document, not lines\"}\n");
        Files.writeString(parts.resolve("../part-0001.jsonl"), "{\"id\":\"a\",\"body\":\"jail detainer hold\"}\n");
        Files.writeString(parts.resolve("../readme.txt"), "OUR ARCHIVE is not JSON");
        Files.writeString(parts.resolve("../.hidden.jsonl"), "not JSON either");
        Result r = classify("", "--jsonl", "--text-field", "body", dir.resolve("archive").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("a", "b", "c"), r.out().lines().map(l -> l.split("\t")[0]).toList(), r.out());
        Path none = Files.createDirectories(dir.resolve("no-jsonl"));
        Files.writeString(none.resolve("a.txt"), "jail");
        Result empty = classify("", "--jsonl", none.toString());
        assertEquals(3, empty.code(), empty.err());
        assertTrue(empty.err().contains("holds no .jsonl or .ndjson file"), empty.err());
        String help = DocbenchCliTest.run("classify", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("a folder gives every file under it named *.jsonl or *.ndjson"), help);
    }

    @Test
    void aFolderHoldingANameTheJvmCannotDecode_stops_insteadOfPrintingAWrongId() throws Exception {
        // A name whose bytes are not UTF-8 (nor ASCII): made by the shell, as Java spells every name in the locale's charset.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path folder = Files.createDirectories(dir.resolve("undecodable"));
        Files.writeString(folder.resolve("good.txt"), "jail detainer");
        Process p = new ProcessBuilder("/bin/sh", "-c", "touch \"$(printf 'bad\\377name.txt')\"").directory(folder.toFile()).start();
        assertEquals(0, p.waitFor());
        for (String command : List.of("classify", "normalize")) {
            Result r = command.equals("classify") ? classify("", folder.toString())
                    : DocbenchCliTest.run("normalize", folder.toString());
            assertEquals(3, r.code(), command + ": " + r.out() + r.err());
            assertTrue(r.err().contains("folder " + folder + " holds a file") && (r.err().contains("rename it")
                    || r.err().contains("UTF-8 locale")), command + ": " + r.err());
            assertFalse(r.out().contains("\uFFFD"), command + " printed a mangled id: " + r.out());
        }
        Path ok = Files.writeString(folder.resolve("good.txt"), "jail");
        assertTrue(InputFiles.nameRoundTrips(ok), "a plain name is read as itself");
        assertEquals("folder d holds a file name this locale cannot spell (d/caf\uFFFD.txt; file names are ANSI_X3.4-1968 "
                + "here): run docbench under a UTF-8 locale, e.g. LC_ALL=C.UTF-8",
                InputFiles.undecodableName("d/caf\uFFFD.txt", "d", "ANSI_X3.4-1968"));
    }

    @Test
    void twoThreads_printWhatOneThreadPrints_inTheSameOrder() {
        StringBuilder in = new StringBuilder();
        for (LabeledDocument d : TestCorpus.documents(250, 9)) {
            in.append(d.text()).append('\n');
        }
        Result one = classify(in.toString(), "--lines");
        Result two = classify(in.toString(), "--lines", "--threads", "2");
        assertEquals(0, two.code(), two.err());
        assertEquals(750, one.out().lines().count());
        assertEquals(one.out(), two.out());
    }

    @Test
    void fastPath_givesTribuosLabelAndScores() throws Exception {
        SavedModel m = SavedModel.load(model);
        Scorer scorer = Scorer.of(m);
        assertEquals(Scorer.Path.FAST, scorer.path());
        Scorer.Session s = scorer.newSession();
        String[] labels = scorer.labels();
        for (LabeledDocument d : TestCorpus.documents(30, 5)) {
            SavedModel.Classification c = m.classify(d.text());
            int best = s.score(d.text());
            assertEquals(c.label(), labels[best], d.id());
            for (int i = 0; i < labels.length; i++) {
                assertEquals(c.scores().get(labels[i]), s.scores()[i], 1e-5, d.id() + " " + labels[i]);
            }
        }
    }

    @Test
    void compiledWeightsInTheFile_scoreAsTribuoDoes_andTheirAbsenceFallsBackToCompiling() throws Exception {
        SavedModel m = SavedModel.load(model);
        Scorer fromFile = Scorer.load(model);
        Scorer compiled = Scorer.of(m);
        assertEquals(Scorer.Path.FAST, fromFile.path());
        assertEquals(List.of(compiled.labels()), List.of(fromFile.labels()));
        Scorer.Session a = fromFile.newSession();
        Scorer.Session b = compiled.newSession();
        for (LabeledDocument d : TestCorpus.documents(30, 6)) {
            assertEquals(b.score(d.text()), a.score(d.text()), d.id());
            for (int i = 0; i < fromFile.labels().length; i++) {
                assertEquals(b.scores()[i], a.scores()[i], 0.0, d.id());
            }
        }
        Path withoutCompiled = dir.resolve("without-compiled.model");
        copyZipWithout(model, withoutCompiled, ModelFile.COMPILED);
        Scorer recompiled = Scorer.load(withoutCompiled);
        assertEquals(Scorer.Path.FAST, recompiled.path(), "a file without compiled tables is compiled on load");
        Scorer.Session c = recompiled.newSession();
        for (LabeledDocument d : TestCorpus.documents(30, 6)) {
            assertEquals(b.score(d.text()), c.score(d.text()), d.id());
            org.junit.jupiter.api.Assertions.assertArrayEquals(b.scores(), c.scores(), 0.0, d.id());
        }
        Path nb = dir.resolve("cart.model");
        Path corpus = TestCorpus.writeLayout(dir.resolve("cart-corpus"), TestCorpus.documents(10, 3));
        assertEquals(0, DocbenchCliTest.run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "cart",
                "--out", nb.toString()).code());
        Scorer tree = Scorer.load(nb);
        assertEquals(Scorer.Path.TRIBUO, tree.path(), "a tree has no fast path and no compiled weights");
        Result r = DocbenchCliTest.runWithStdin("sanctuary city council", "classify", "--model", nb.toString());
        assertTrue(r.err().contains("Tribuo predict"), r.err());
        assertTrue(r.out().startsWith("stdin\t"), r.out());
    }

    /** Copies a model file's zip without the entry {@code left}, as a file written before that entry existed. */
    private static void copyZipWithout(Path from, Path to, String left) throws java.io.IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals(left)) {
                    out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }

    @Test
    void fixed4_printsWhatPercentPointFourFPrints() {
        java.util.Random rng = new java.util.Random(1234);
        for (int i = 0; i < 200_000; i++) {
            double v = i < 100_000 ? rng.nextDouble() : (rng.nextDouble() - 0.5) * 40;
            StringBuilder sb = new StringBuilder();
            TsvCells.fixed4(sb, v);
            assertEquals(String.format(Locale.ROOT, "%.4f", v), sb.toString(), "value " + v);
        }
    }

    @Test
    void fixed4_roundsDecimalTiesAndSignedZerosAsPercentPointFourFDoes() {
        List<Double> values = new ArrayList<>(List.of(0.00005, 0.00015, 1.00005, 0.12345, 0.99995, -0.00005,
                -0.00001, -0.0, 0.0, 2.5e-5, 12345.67895, 99999.99995, 123456.78945, 1e9, -1e-300, Double.NaN,
                Double.NEGATIVE_INFINITY));
        for (int k = 0; k < 40_000; k++) {
            values.add((k + 0.5) / 10_000);
            values.add(-(k + 0.5) / 10_000);
        }
        for (double v : values) {
            StringBuilder sb = new StringBuilder();
            TsvCells.fixed4(sb, v);
            assertEquals(String.format(Locale.ROOT, "%.4f", v), sb.toString(), "value " + v);
        }
    }

    @Test
    void linesWithCrlfAndAcrossBufferEdges_areReadWhole() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            in.append("jail detainer hold ").append("x".repeat(i % 700)).append(" warrant").append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Result r = classify(in.toString(), "--lines", "--json");
        assertEquals(3000, r.out().lines().count());
        for (String line : r.out().lines().toList()) {
            assertEquals("detainers", JSON.readTree(line).get("label").asText(), line);
        }
        Path bad = Files.write(dir.resolve("bad-lines.txt"), new byte[] {'o', 'k', '\n', 'a', (byte) 0xC3, (byte) 0x28, '\n'});
        Result b = classify("", "--lines", bad.toString());
        assertEquals(3, b.code());
        assertTrue(b.err().contains("bad-lines.txt:2: not valid UTF-8"), b.err());
    }

    @Test
    void aFolderAsModel_isNamedAsAFolder() {
        Result r = DocbenchCliTest.runWithStdin("text", "classify", "--model", dir.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("is a folder"), r.err());
        assertFalse(r.err().contains("does not exist"), r.err());
    }
}

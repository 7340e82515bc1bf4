package org.docbench.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LayoutCorpusReaderTest {

    @TempDir
    Path dir;

    private void corpus(String labels, String... docs) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("layout.properties"),
                "name=tiny\ntasks=topic,stance\nlabels.stance=pro,anti,neutral\nsplits=random\n");
        Files.writeString(dir.resolve("labels.tsv"), "id\ttopic\tstance\toutlet\n" + labels);
        Files.createDirectories(dir.resolve("splits"));
        StringBuilder split = new StringBuilder("id\tsplit\n");
        for (int i = 0; i + 1 < docs.length; i += 2) {
            Files.writeString(dir.resolve("docs/" + docs[i] + ".txt"), docs[i + 1]);
            split.append(docs[i]).append(i % 4 == 0 ? "\ttrain\n" : "\ttest\n");
        }
        Files.writeString(dir.resolve("splits/random.tsv"), split);
    }

    @Test
    void read_wellFormedCorpus_yieldsLabelsSplitsAndMetadataInLabelOrder() throws IOException {
        corpus("b\tsanctuary\tanti\tThe Lamp\na\t287g\tpro\tThe Post\n", "a", "Alpha text.", "b", "Beta text.");
        List<LabeledDocument> docs = LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST).readAll();
        assertEquals(List.of("b", "a"), docs.stream().map(LabeledDocument::id).toList());
        LabeledDocument a = docs.get(1);
        assertEquals("287g", a.label("topic"));
        assertEquals("pro", a.label("stance"));
        assertEquals("train", a.split("random"));
        assertEquals("The Post", a.metadata().get("outlet"));
        assertEquals("Alpha text.", a.text());
    }

    @Test
    void name_ofAFolderGivenAsDotOrDotDot_isTheFoldersOwnName() throws IOException {
        Path news = Files.createDirectories(dir.resolve("news/docs"));
        Files.writeString(news.resolve("a.txt"), "Alpha text.");
        Files.writeString(dir.resolve("news/labels.tsv"), "id\ttopic\na\t287g\n");
        for (Path given : List.of(dir.resolve("news/."), dir.resolve("news/docs/.."), dir.resolve("news/./"))) {
            assertEquals("news", LayoutCorpusReader.fromFolder(given, OnError.FAIL_FAST).name(), "the name of " + given);
        }
    }

    static Stream<Arguments> brokenCorpora() {
        return Stream.of(
                Arguments.of("label row without document", "a\t287g\tpro\tX\nz\t287g\tpro\tX\n", "z", "has no document"),
                Arguments.of("unknown label", "a\t287g\tpro\tX\nb\t287g\tmaybe\tX\n", "b", "unknown stance label 'maybe'"),
                Arguments.of("duplicate id", "a\t287g\tpro\tX\na\t287g\tanti\tX\n", "a", "duplicate id"),
                Arguments.of("short row", "a\t287g\tpro\tX\nb\t287g\n", "b", "row has 2 fields"),
                Arguments.of("empty document", "a\t287g\tpro\tX\ne\t287g\tpro\tX\n", "e", "document is empty"),
                Arguments.of("invalid UTF-8", "a\t287g\tpro\tX\nu\t287g\tpro\tX\n", "u", "invalid UTF-8 near byte 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCorpora")
    void read_brokenInput_failsFastNamingFileLineOrDocument(String what, String labels, String badId, String message)
            throws IOException {
        corpus(labels, "a", "Alpha.", "b", "Beta.", "e", "  \n ");
        Files.write(dir.resolve("docs/u.txt"), new byte[] {'a', 'b', 'c', (byte) 0xC3, '(', 'x'});
        // u.txt and e.txt exist for their cases; elsewhere they are orphans, so skip-and-report is used to isolate.
        LayoutCorpusReader reader = LayoutCorpusReader.fromFolder(dir, OnError.SKIP_AND_REPORT);
        reader.readAll();
        List<CorpusProblem> problems = reader.problems().list();
        assertTrue(problems.stream().anyMatch(p -> badId.equals(p.docId()) && p.message().contains(message)),
                what + ": want a problem for " + badId + " containing '" + message + "', got " + problems);
        CorpusProblem p = problems.stream().filter(q -> badId.equals(q.docId())).findFirst().orElseThrow();
        assertTrue(p.message().contains(dir.toString()), "names the file: " + p.message());
        assertTrue(p.message().contains("Fix:"), "says the fix: " + p.message());
    }

    @Test
    void read_afterBlankLines_namesTheLineAsAnEditorCountsIt() throws IOException {
        corpus("a\t287g\tpro\tX\n\n\nb\t287g\tmaybe\tX\n", "a", "Alpha.", "b", "Beta.");
        Files.writeString(dir.resolve("splits/random.tsv"), "id\tsplit\n\na\ttrain\n\nb\tsometimes\n");
        LayoutCorpusReader reader = LayoutCorpusReader.fromFolder(dir, OnError.SKIP_AND_REPORT);
        CorpusException e = assertThrows(CorpusException.class, reader::readAll);
        assertTrue(e.getMessage().contains("random.tsv:5"), "the bad split row is on line 5: " + e.getMessage());
        Files.writeString(dir.resolve("splits/random.tsv"), "id\tsplit\na\ttrain\nb\ttest\n");
        reader = LayoutCorpusReader.fromFolder(dir, OnError.SKIP_AND_REPORT);
        reader.readAll();
        assertTrue(reader.problems().list().get(0).message().contains("labels.tsv:5"),
                "the bad label is on line 5: " + reader.problems().list());
    }

    @Test
    void read_failFast_throwsTheFirstProblem_skipAndReport_countsEverySkippedDocument() throws IOException {
        corpus("a\t287g\tpro\tX\nb\t287g\tmaybe\tX\nc\t287g\tpro\tX\n", "a", "Alpha.", "c", "Gamma.");
        CorpusException e = assertThrows(CorpusException.class,
                () -> LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains("labels.tsv:3 [document b]: unknown stance label 'maybe'"), e.getMessage());

        LayoutCorpusReader skip = LayoutCorpusReader.fromFolder(dir, OnError.SKIP_AND_REPORT);
        assertEquals(List.of("a", "c"), skip.readAll().stream().map(LabeledDocument::id).toList());
        assertEquals(1, skip.problems().skipped());
    }

    static Stream<Arguments> layoutFilesNotInUtf8() {
        return Stream.of(
                Arguments.of("labels.tsv", 3, "labels.tsv:3: invalid UTF-8"),
                Arguments.of("splits/random.tsv", 2, "random.tsv:2: invalid UTF-8"),
                Arguments.of("layout.properties", 2, "layout.properties:2: invalid UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layoutFilesNotInUtf8")
    void read_layoutFileNotInUtf8_endsTheReadNamingFileAndLine(String file, int line, String message) throws IOException {
        corpus("a\t287g\tpro\tX\nb\t287g\tpro\tCaf\u00e9\n", "a", "Alpha.", "b", "Beta.");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dir.resolve(file)));
        lines.set(line - 1, lines.get(line - 1) + "\u00e9");
        Files.write(dir.resolve(file), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        for (OnError policy : OnError.values()) {
            CorpusException e = assertThrows(CorpusException.class, () -> LayoutCorpusReader.fromFolder(dir, policy).readAll(),
                    file + " in Latin-1 must not be read as U+FFFD");
            assertTrue(e.getMessage().contains(message) && e.getMessage().contains("Fix: save the file as UTF-8"),
                    file + ": " + e.getMessage());
        }
    }

    @Test
    void read_layoutFilesStartingWithAByteOrderMark_readAsWithout() throws IOException {
        corpus("a\t287g\tpro\tX\nb\tsanctuary\tanti\tY\n", "a", "Alpha.", "b", "Beta.");
        for (String file : List.of("labels.tsv", "splits/random.tsv", "layout.properties")) {
            Path p = dir.resolve(file);
            Files.writeString(p, "\uFEFF" + Files.readString(p));
        }
        LayoutCorpusReader reader = LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST);
        List<LabeledDocument> docs = reader.readAll();
        assertEquals(List.of("a", "b"), docs.stream().map(LabeledDocument::id).toList());
        assertEquals("tiny", reader.name(), "layout.properties's first key is read");
        assertEquals("train", docs.get(0).split("random"), "the split file's first row is read");
    }

    @Test
    void read_idThatIsAPath_isRefusedNamingTheLabelsLine_andNoFileOutsideDocsIsRead() throws IOException {
        corpus("a\t287g\tpro\tX\n../secret\t287g\tpro\tX\nsub/b\t287g\tpro\tX\nc\\..\\..\\secret\t287g\tpro\tX\n", "a", "Alpha.");
        Files.writeString(dir.resolve("secret.txt"), "Not a document.");
        Files.createDirectories(dir.resolve("docs/sub"));
        Files.writeString(dir.resolve("docs/sub/b.txt"), "In a subfolder.");
        CorpusException e = assertThrows(CorpusException.class, () -> LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains("labels.tsv:3 [document ../secret]: id '../secret' is a path"), e.getMessage());

        LayoutCorpusReader skip = LayoutCorpusReader.fromFolder(dir, OnError.SKIP_AND_REPORT);
        List<LabeledDocument> docs = skip.readAll();
        assertEquals(List.of("a"), docs.stream().map(LabeledDocument::id).toList(), "read: " + docs);
        List<String> messages = skip.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(3, messages.size(), messages.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(messages.get(i).contains("labels.tsv:" + (i + 3)) && messages.get(i).contains("is a path"), messages.get(i));
        }
    }

    @Test
    void read_withoutLayoutProperties_tasksAreTheLabelColumnsOfLabelsTsv() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("labels.tsv"), "id\tsentiment\na\tpositive\nb\tnegative\n");
        Files.writeString(dir.resolve("docs/a.txt"), "Alpha.");
        Files.writeString(dir.resolve("docs/b.txt"), "Beta.");
        LayoutCorpusReader reader = LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST);
        assertEquals(List.of("sentiment"), reader.tasks());
        List<LabeledDocument> docs = reader.readAll();
        assertEquals(List.of("positive", "negative"), docs.stream().map(d -> d.label("sentiment")).toList(), docs.toString());
    }

    @Test
    void read_taskColumnMissing_saysToEditTasksInLayoutProperties() throws IOException {
        corpus("a\t287g\tpro\tX\n", "a", "Alpha.");
        Files.writeString(dir.resolve("labels.tsv"), "id\ttopic\toutlet\na\t287g\tX\n");
        CorpusException e = assertThrows(CorpusException.class, () -> LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains("labels.tsv:1: no column for task 'stance'")
                && e.getMessage().contains("tasks= in layout.properties"), e.getMessage());
    }

    @Test
    void read_documentWithoutLabelRow_isReported() throws IOException {
        corpus("a\t287g\tpro\tX\n", "a", "Alpha.", "c", "Gamma.");
        CorpusException e = assertThrows(CorpusException.class,
                () -> LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains("c.txt [document c]: document has no row in labels.tsv"), e.getMessage());
    }

    @Test
    void read_missingLabelsFile_saysWhatTheFolderNeeds() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        CorpusException e = assertThrows(CorpusException.class,
                () -> LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains("labels.tsv: labels file is missing"), e.getMessage());
    }

    @Test
    void embedded_readsTheShippedCorpusFromTheClasspath_withBothTasksAndSplits() {
        LayoutCorpusReader reader = LayoutCorpusReader.embedded();
        List<LabeledDocument> docs = reader.readAll();
        assertTrue(docs.size() > 0, "embedded corpus is empty");
        for (LabeledDocument d : docs) {
            assertTrue(d.label("topic") != null && d.label("stance") != null, d.id() + " lacks a label");
            assertTrue(d.split("random") != null && d.split("outlet") != null, d.id() + " lacks a split");
        }
        assertEquals(0, reader.problems().skipped());
    }

    @Test
    void manifest_isStableAcrossReads_andChangesWithAnyByte() throws IOException {
        corpus("a\t287g\tpro\tX\nb\tsanctuary\tanti\tY\n", "a", "Alpha.", "b", "Beta.");
        CorpusManifest m1 = CorpusManifest.of(LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST));
        CorpusManifest m2 = CorpusManifest.of(LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST));
        assertEquals(m1, m2);
        assertEquals(2, m1.documents());
        assertEquals(1, m1.counts().get("stance").get("pro"));
        Files.writeString(dir.resolve("docs/b.txt"), "Beta!", StandardCharsets.UTF_8);
        CorpusManifest m3 = CorpusManifest.of(LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST));
        assertTrue(!m1.sha256().equals(m3.sha256()), "hash must change with the text");
    }

    /** The first problem's message of a read that must fail fast. */
    private String failure() {
        return assertThrows(CorpusException.class, () -> LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST).readAll()).getMessage();
    }

    @Test
    void read_skipBad_aBadLabelRow_isOneSkippedDocument_notAlsoAnOrphanDocument() throws IOException {
        // b: unknown label; c: a row of 2 fields. Both documents exist, but their rows are the problem.
        corpus("a\t287g\tpro\tX\nb\t287g\tmaybe\tX\nc\t287g\nd\t287g\tanti\tX\n", "a", "Alpha.", "b", "Beta.", "c", "Gamma.", "d", "Delta.");
        LayoutCorpusReader reader = LayoutCorpusReader.fromFolder(dir, OnError.SKIP_AND_REPORT);
        CorpusManifest m = CorpusManifest.of(reader);
        List<String> messages = reader.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(2, m.documents(), messages.toString());
        assertEquals(2, m.skipped(), "one skipped document per bad row: " + messages);
        assertTrue(messages.get(0).contains("labels.tsv:3 [document b]") && messages.get(1).contains("labels.tsv:4 [document c]"),
                messages.toString());
    }

    @Test
    void read_headerWithAColumnNamedTwice_isRefusedNamingTheColumnAndLine1() throws IOException {
        corpus("a\t287g\tpro\tX\n", "a", "Alpha.");
        Files.writeString(dir.resolve("labels.tsv"), "id\tstance\tstance\toutlet\na\t287g\tpro\tX\n");
        Files.writeString(dir.resolve("layout.properties"), "tasks=stance\n");
        String message = failure();
        assertTrue(message.contains("labels.tsv:1: column 'stance' appears twice in the header"), message);
    }

    @Test
    void read_rowWithoutOneTasksLabel_isReadForTheOtherTasks_withANoteCountingTheRows() throws IOException {
        corpus("a\t287g\tpro\tX\nb\tsanctuary\t\tX\nc\t\tanti\tY\nd\t287g\t \tY\n",
                "a", "Alpha.", "b", "Beta.", "c", "Gamma.", "d", "Delta.");
        LayoutCorpusReader reader = LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST);
        List<LabeledDocument> docs = reader.readAll();
        assertEquals(List.of("a", "b", "c", "d"), docs.stream().map(LabeledDocument::id).toList());
        assertEquals(java.util.Arrays.asList("287g", "sanctuary", null, "287g"), docs.stream().map(d -> d.label("topic")).toList());
        assertEquals(java.util.Arrays.asList("pro", null, "anti", null), docs.stream().map(d -> d.label("stance")).toList());
        assertEquals(0, reader.problems().skipped());
        List<String> notes = reader.problems().notes().stream().map(CorpusProblem::message).toList();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("labels.tsv:3 [document b]: 2 rows have no stance label")
                && notes.get(0).contains("left out of the stance task"), notes.get(0));
        assertTrue(notes.get(1).contains("labels.tsv:4 [document c]: 1 row has no topic label"), notes.get(1));
    }

    static Stream<Arguments> badLayoutProperties() {
        return Stream.of(
                Arguments.of("name=tiny\ntask=topic\n", "layout.properties:2: unknown key 'task'",
                        "use the keys name, tasks, splits and labels.<task>"),
                Arguments.of("# tasks\nname=tiny\n  tasks =  \n", "layout.properties:3: tasks= names no task", "tasks=topic,stance"),
                Arguments.of("tasks=topic,stance\nlabels.stnce=pro,anti\n", "layout.properties: labels.stnce names no task (tasks: topic, stance)",
                        "labels.<task>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLayoutProperties")
    void read_layoutPropertiesWithAnUnknownKeyOrNoTasks_isRefusedNamingFileAndLine(String properties, String message, String fix)
            throws IOException {
        corpus("a\t287g\tpro\tX\n", "a", "Alpha.");
        Files.writeString(dir.resolve("layout.properties"), properties);
        String got = failure();
        assertTrue(got.contains(message) && got.contains("Fix: ") && got.contains(fix), properties + " -> " + got);
    }

    @Test
    void read_labelRowWhoseDocumentIsAnHtmlFile_saysTheHtmlFileIsThere() throws IOException {
        corpus("a\t287g\tpro\tX\nb\t287g\tanti\tX\n", "a", "Alpha.");
        Files.writeString(dir.resolve("docs/b.html"), "<p>Beta.</p>");
        String message = failure();
        assertTrue(message.contains("labels.tsv:3 [document b]: label row has no document docs/b.txt (docs/b.html exists"), message);
        assertTrue(message.contains("Fix: convert the page to text and save it as docs/b.txt"), message);
    }

    @Test
    void read_splitFileWithoutRows_leavesANoteNamingIt() throws IOException {
        corpus("a\t287g\tpro\tX\n", "a", "Alpha.");
        Files.writeString(dir.resolve("splits/random.tsv"), "id\tsplit\n");
        LayoutCorpusReader reader = LayoutCorpusReader.fromFolder(dir, OnError.FAIL_FAST);
        assertEquals(Map.of(), reader.readAll().get(0).splits());
        List<String> notes = reader.problems().notes().stream().map(CorpusProblem::message).toList();
        assertTrue(notes.size() == 1 && notes.get(0).contains("random.tsv: the split file holds no rows, so no document carries the scheme 'random'"),
                notes.toString());
    }

    @Test
    void fromFolder_theDataFolderOfAnArticleBiasPredictionCorpus_namesTheFolderToGive() throws IOException {
        Path root = dir.resolve("abp");
        Files.createDirectories(root.resolve("data/jsons"));
        Files.createDirectories(root.resolve("data/splits/random"));
        for (Path inside : List.of(root.resolve("data"), root.resolve("data/jsons"))) {
            CorpusException e = assertThrows(CorpusException.class, () -> LayoutCorpusReader.fromFolder(inside, OnError.FAIL_FAST));
            assertTrue(e.getMessage().contains("inside the data/ folder of an Article-Bias-Prediction corpus")
                    && e.getMessage().endsWith("Fix: give the folder that holds data/: " + root), inside + " -> " + e.getMessage());
        }
    }
}

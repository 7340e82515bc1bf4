package org.docbench.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines and CSV/TSV corpora with user-named fields. */
class UserCorpusReadersTest {

    @TempDir
    Path dir;

    static final FieldMapping MAPPING = FieldMapping.of("body", "stance", "side").withId("id").withSplit("given", "part");

    @Test
    void jsonLines_readsNamedFields_inFileOrder() throws IOException {
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, "{\"id\":\"x1\",\"body\":\"One.\",\"side\":\"left\",\"part\":\"train\"}\n\n"
                + "{\"id\":\"x2\",\"body\":\"Two.\",\"side\":\"right\",\"part\":\"test\",\"extra\":[1]}\n");
        List<LabeledDocument> docs = new JsonLinesReader(f, MAPPING, OnError.FAIL_FAST).readAll();
        assertEquals(List.of("x1", "x2"), docs.stream().map(LabeledDocument::id).toList());
        assertEquals("right", docs.get(1).label("stance"));
        assertEquals("test", docs.get(1).split("given"));
    }

    @Test
    void jsonLines_malformedLine_isNamedByLine_andSkippedWhenAsked() throws IOException {
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, "{\"id\":\"x1\",\"body\":\"One.\",\"side\":\"left\",\"part\":\"train\"}\n"
                + "{\"id\":\"x2\",\"body\":\"Two.\n"
                + "{\"id\":\"x3\",\"body\":\"\",\"side\":\"left\",\"part\":\"train\"}\n"
                + "{\"id\":\"x1\",\"body\":\"Dup.\",\"side\":\"left\",\"part\":\"train\"}\n"
                + "{\"id\":\"x5\",\"body\":\"Five.\",\"part\":\"train\"}\n");
        CorpusException e = assertThrows(CorpusException.class, () -> new JsonLinesReader(f, MAPPING, OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().startsWith(f + ":2: malformed JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("[Source:"), "the parser's own location is left out: " + e.getMessage());

        JsonLinesReader skip = new JsonLinesReader(f, MAPPING, OnError.SKIP_AND_REPORT);
        assertEquals(List.of("x1", "x5"), skip.readAll().stream().map(LabeledDocument::id).toList(),
                "x5 has no label, which skips no document");
        List<String> messages = skip.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(1).contains(":3 [document x3]: document is empty"), messages.get(1));
        assertTrue(messages.get(2).contains(":4 [document x1]: duplicate id"), messages.get(2));
    }

    /**
     * A layout folder reads a row with an empty task cell without that label, for its other tasks;
     * a JSON Lines or CSV record without a label (field absent, null or empty) is read the same way,
     * rather than stopping the read of a corpus that labels one task of two on some records.
     */
    @Test
    void jsonLinesAndCsv_aRecordWithoutOneTasksLabel_isReadForTheOthers_withANotePerTask() throws IOException {
        FieldMapping two = FieldMapping.of("body", "stance", "side").withTask("topic", "section");
        Path jsonl = dir.resolve("partial.jsonl");
        Files.writeString(jsonl, "{\"id\":\"a\",\"body\":\"One.\",\"side\":\"left\",\"section\":\"x\"}\n"
                + "{\"id\":\"b\",\"body\":\"Two.\",\"section\":\"y\"}\n"
                + "{\"id\":\"c\",\"body\":\"Three.\",\"side\":null,\"section\":\"y\"}\n"
                + "{\"id\":\"d\",\"body\":\"Four.\",\"side\":\"right\",\"section\":\" \"}\n");
        Path csv = dir.resolve("partial.csv");
        Files.writeString(csv, "id,body,side,section\na,One.,left,x\nb,Two.,,y\nc,Three.,,y\nd,Four.,right,\n");
        for (CorpusReader reader : List.of(new JsonLinesReader(jsonl, two, OnError.FAIL_FAST),
                new CsvReader(csv, two, OnError.FAIL_FAST))) {
            List<LabeledDocument> docs = reader.readAll();
            assertEquals(List.of("a", "b", "c", "d"), docs.stream().map(LabeledDocument::id).toList(), reader.location());
            assertEquals(java.util.Arrays.asList("left", null, null, "right"), docs.stream().map(d -> d.label("stance")).toList());
            assertEquals(java.util.Arrays.asList("x", "y", "y", null), docs.stream().map(d -> d.label("topic")).toList());
            assertEquals(0, reader.problems().skipped());
            List<String> notes = reader.problems().notes().stream().map(CorpusProblem::message).toList();
            int header = reader instanceof CsvReader ? 1 : 0; // a CSV record's line counts its header line
            assertEquals(List.of(
                    reader.location() + ":" + (2 + header) + " [document b]: 2 records have no stance label in field 'side' (the first here): their"
                            + " documents are left out of the stance task and used for the others. Fix: label them to use them for stance",
                    reader.location() + ":" + (4 + header) + " [document d]: 1 record has no topic label in field 'section': its document is left out"
                            + " of the topic task and used for the others. Fix: label it to use it for topic"), notes);
        }
        Path skipped = dir.resolve("skipped.jsonl");
        Files.writeString(skipped, "{\"id\":\"a\",\"body\":\"One.\",\"side\":\"left\",\"part\":\"train\"}\n"
                + "{\"id\":\"b\",\"body\":\"Two.\",\"part\":\"bogus\"}\n");
        JsonLinesReader r = new JsonLinesReader(skipped, MAPPING, OnError.SKIP_AND_REPORT);
        assertEquals(List.of("a"), r.readAll().stream().map(LabeledDocument::id).toList());
        assertEquals(1, r.problems().skipped());
        assertEquals(List.of(), r.problems().notes(), "a skipped record is not also counted as read without its label");
    }

    @Test
    void jsonLines_twoValuesOrTrailingTextOnOneLine_isAnErrorNamingTheLine() throws IOException {
        String one = "{\"id\":\"x1\",\"body\":\"One.\",\"side\":\"left\",\"part\":\"train\"}";
        String two = "{\"id\":\"x2\",\"body\":\"Two.\",\"side\":\"left\",\"part\":\"train\"}";
        for (String second : List.of(one + " " + two, one + " trailing", one + "}", one + " 3")) {
            Path f = dir.resolve("two.jsonl");
            Files.writeString(f, one.replace("x1", "x0") + "\n" + second + "\n");
            CorpusException e = assertThrows(CorpusException.class, () -> new JsonLinesReader(f, MAPPING, OnError.FAIL_FAST).readAll(),
                    "input: " + second);
            assertTrue(e.getMessage().startsWith(f + ":2: more than one JSON value on the line"), second + " -> " + e.getMessage());
            assertTrue(!e.getMessage().contains("com.fasterxml") && !e.getMessage().contains("Exception"), e.getMessage());
            JsonLinesReader skip = new JsonLinesReader(f, MAPPING, OnError.SKIP_AND_REPORT);
            assertEquals(List.of("x0"), skip.readAll().stream().map(LabeledDocument::id).toList(), second);
        }
    }

    /**
     * {@code lines} joined by newlines, with byte {@code at} of line {@code bad} (1-based) made a
     * UTF-8 lead byte followed by ASCII: malformed.
     */
    private static byte[] withABadByte(List<String> lines, int bad, int at) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = (lines.get(i) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (i + 1 == bad) {
                line[at] = (byte) 0xC3;
            }
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    /** Text long enough that a few lines pass a reader's 8,192-char buffer. */
    private static String longText(int i) {
        return "Line " + i + " " + "word ".repeat(400);
    }

    @Test
    void jsonLines_aByteThatIsNotUtf8_isNamedOnItsOwnLine_andSkippedWhenAsked() throws IOException {
        List<String> records = java.util.stream.IntStream.rangeClosed(1, 45).mapToObj(i -> "{\"id\":\"x" + i + "\",\"body\":\""
                + longText(i) + "\",\"side\":\"left\",\"part\":\"train\"}").toList();
        Path f = Files.write(dir.resolve("u8.jsonl"), withABadByte(records, 7, 30)); // byte 30 is in the body
        CorpusException e = assertThrows(CorpusException.class, () -> new JsonLinesReader(f, MAPPING, OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().startsWith(f + ":7: invalid UTF-8"), e.getMessage());
        JsonLinesReader skip = new JsonLinesReader(f, MAPPING, OnError.SKIP_AND_REPORT);
        List<LabeledDocument> docs = skip.readAll();
        assertEquals(44, docs.size(), "every other line is read");
        assertEquals(1, skip.problems().skipped());
        assertTrue(docs.stream().noneMatch(d -> d.id().equals("x7")));
    }

    @Test
    void csv_aByteThatIsNotUtf8_isNamedOnItsOwnLine() throws IOException {
        List<String> rows = new java.util.ArrayList<>(List.of("text,label"));
        for (int i = 1; i < 45; i++) {
            rows.add(longText(i) + ",pro");
        }
        Path f = Files.write(dir.resolve("u8.csv"), withABadByte(rows, 7, 2));
        CorpusException e = assertThrows(CorpusException.class,
                () -> new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT).readAll());
        assertTrue(e.getMessage().startsWith(f + ":7: invalid UTF-8"), e.getMessage());
    }

    @Test
    void csv_aColumnNamedTwice_orAHeaderThatIsNotUtf8_saysSo() throws IOException {
        Path twice = dir.resolve("twice.csv");
        Files.writeString(twice, "id,body,body\n1,a,b\n");
        CorpusException e = assertThrows(CorpusException.class,
                () -> new CsvReader(twice, FieldMapping.of("body", "stance", "body"), OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains(":1: column 'body' appears twice in the header"), e.getMessage());
        Path binary = Files.write(dir.resolve("bin.csv"), new byte[] {'i', 'd', (byte) 0xFF, ',', 'b', '\n', '1', ',', 'x', '\n'});
        CorpusException b = assertThrows(CorpusException.class,
                () -> new CsvReader(binary, FieldMapping.of("b", "stance", "b"), OnError.FAIL_FAST).readAll());
        assertTrue(b.getMessage().contains(":1: invalid UTF-8"), b.getMessage());
    }

    /**
     * classify reads a record or file whose text is a web page as the page's text (jsoup); train and
     * evaluate read the same text as markup, so a model learned 'div', 'href' and 'class' as words
     * that classify never shows it. The corpus readers now read a page as classify does, and say so.
     */
    @Test
    void aDocumentThatIsAWebPage_isReadAsItsText_asClassifyReadsIt_withANote() throws IOException {
        String page = "<!DOCTYPE html><html><head><title>Holds</title><style>.c{color:red}</style></head>"
                + "<body><div class=\"story\"><p>Sheriff ends holds.</p></div></body></html>";
        Path jsonl = dir.resolve("pages.jsonl");
        Files.writeString(jsonl, "{\"id\":\"a\",\"body\":\"Plain <b>text</b> stays.\",\"side\":\"left\",\"part\":\"train\"}\n"
                + "{\"id\":\"b\",\"body\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(page)
                + ",\"side\":\"right\",\"part\":\"test\"}\n");
        JsonLinesReader r = new JsonLinesReader(jsonl, MAPPING, OnError.FAIL_FAST);
        List<String> texts = r.readAll().stream().map(LabeledDocument::text).toList();
        assertEquals(List.of("Plain <b>text</b> stays.", org.docbench.core.text.HtmlText.toText(page)), texts);
        assertFalse(texts.get(1).contains("<") || texts.get(1).contains("color"), texts.get(1));
        assertEquals(List.of(jsonl + ":2 [document b]: 1 document is a web page, read as its text with jsoup as docbench classify"
                + " reads pages, so that no model learns the markup as words"),
                r.problems().notes().stream().map(CorpusProblem::message).toList());

        Path layout = Files.createDirectories(dir.resolve("layout/docs"));
        Files.writeString(layout.resolve("a.txt"), "Plain text.");
        Files.writeString(layout.resolve("b.txt"), page);
        Files.writeString(layout.resolveSibling("labels.tsv"), "id\tstance\na\tleft\nb\tright\n");
        LayoutCorpusReader folder = LayoutCorpusReader.fromFolder(layout.getParent(), OnError.FAIL_FAST);
        assertEquals(org.docbench.core.text.HtmlText.toText(page), folder.readAll().get(1).text());
        assertTrue(folder.problems().notes().get(0).message().contains("[document b]: 1 document is a web page"),
                folder.problems().notes().toString());
    }

    /**
     * Excel's "Unicode Text" and PowerShell write UTF-16 with a byte-order mark; read as UTF-8 that
     * was "invalid UTF-8 near byte 0", which names neither the encoding nor the way out.
     */
    @Test
    void jsonLinesCsvAndLayoutLabels_inUtf16_areRefusedAsUtf16() throws IOException {
        byte[] le = "\uFEFFid,text,label\nx1,One.,left\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] be = "\uFEFF{\"id\":\"x1\",\"body\":\"One.\",\"side\":\"left\",\"part\":\"train\"}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        Path csv = Files.write(dir.resolve("u16.csv"), le);
        Path jsonl = Files.write(dir.resolve("u16.jsonl"), be);
        List<CorpusReader> readers = List.of(new CsvReader(csv, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT),
                new JsonLinesReader(jsonl, MAPPING, OnError.SKIP_AND_REPORT));
        for (CorpusReader r : readers) {
            CorpusException e = assertThrows(CorpusException.class, r::readAll);
            assertEquals(r.location() + ":1: the file is UTF-16 (it starts with a UTF-16 byte-order mark, as Excel's 'Unicode Text'"
                    + " writes), not UTF-8. Fix: save it as UTF-8 (Excel: 'CSV UTF-8')", e.getMessage());
        }
        Path layout = Files.createDirectories(dir.resolve("layout/docs"));
        Files.writeString(layout.resolve("a.txt"), "One.");
        Files.write(layout.resolveSibling("labels.tsv"), "\uFEFFid\tstance\na\tleft\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        CorpusException e = assertThrows(CorpusException.class,
                () -> LayoutCorpusReader.fromFolder(layout.getParent(), OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains("labels.tsv:1: the file is UTF-16"), e.getMessage());
        Files.writeString(layout.resolveSibling("labels.tsv"), "id\tstance\na\tleft\n");
        Files.write(layout.resolve("a.txt"), "\uFEFFOne.".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        e = assertThrows(CorpusException.class, () -> LayoutCorpusReader.fromFolder(layout.getParent(), OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains("a.txt [document a]: UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8"),
                e.getMessage());
    }

    /** A spreadsheet in a locale with decimal commas saves "CSV" with ';': the header is one column, and saying so is the help. */
    @Test
    void csv_separatedBySemicolonsOrTabs_saysTheHeaderIsOneColumnAndWhichSeparatorItHas() throws IOException {
        Path semi = Files.writeString(dir.resolve("semi.csv"), "id;text;label\nx1;One.;left\n");
        CorpusException e = assertThrows(CorpusException.class,
                () -> new CsvReader(semi, FieldMapping.of("text", "stance", "label"), OnError.FAIL_FAST).readAll());
        assertEquals(semi + ":1: no column 'text' in header [id;text;label]: the header is one column whose names are separated"
                + " by ';'. Fix: save it with commas as .csv, or with tabs as .tsv: docbench reads no other separator", e.getMessage());
        Path tabs = Files.writeString(dir.resolve("tabs.csv"), "id\ttext\tlabel\nx1\tOne.\tleft\n");
        e = assertThrows(CorpusException.class,
                () -> new CsvReader(tabs, FieldMapping.of("text", "stance", "label"), OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains("separated by tabs (name the file .tsv)"), e.getMessage());
        Path other = Files.writeString(dir.resolve("other.csv"), "id,body\nx1,One.\n");
        e = assertThrows(CorpusException.class,
                () -> new CsvReader(other, FieldMapping.of("text", "stance", "label"), OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().endsWith("no column 'text' in header [id, body]. Fix: name an existing column"), e.getMessage());
    }

    @Test
    void csv_readsQuotedMultilineText_andNumbersDocumentsByLineWithoutAnIdColumn() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "text,label\n\"Sheriff says, \"\"no\"\"\nto holds.\",anti\nPlain text.,pro\n");
        List<LabeledDocument> docs = new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.FAIL_FAST).readAll();
        assertEquals(2, docs.size());
        assertEquals("Sheriff says, \"no\"\nto holds.", docs.get(0).text());
        assertTrue(docs.get(1).id().startsWith("line-"), docs.get(1).id());
    }

    @Test
    void csv_blankLines_areSkipped_andLaterLinesKeepTheirNumbers() throws IOException {
        Path f = dir.resolve("blank.csv");
        Files.writeString(f, "text,label\r\n\r\nA.,pro\n   \n\nB.,anti,extra\nC.,neutral\n\n\n");
        CsvReader r = new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT);
        assertEquals(List.of("A.", "C."), r.readAll().stream().map(LabeledDocument::text).toList());
        List<String> messages = r.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(1, messages.size(), "only the row with an extra field: " + messages);
        assertTrue(messages.get(0).contains(":6: row has 3 fields"), messages.get(0));
        Files.writeString(f, "text,label\nA.,pro\n\n");
        assertEquals(1, new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.FAIL_FAST).readAll().size(),
                "a trailing blank line is not a document");
    }

    @Test
    void csv_multiLineRecord_isNamedAndNumberedByTheLineItStartsOn() throws IOException {
        Path f = dir.resolve("multi.csv");
        Files.writeString(f, "text,label\n\"Line one\nline two\nline three\",pro\nB.,anti,x\n\n\"Multi\r\nline\",\nC.,pro\n");
        CsvReader r = new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT);
        assertEquals(List.of("line-2", "line-7", "line-9"), r.readAll().stream().map(LabeledDocument::id).toList());
        List<String> messages = r.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains(":5: row has 3 fields"), messages.get(0));
        String note = r.problems().notes().get(0).message();
        assertTrue(note.contains(":7 [document line-7]: 1 record has no stance label"), note);
        Files.writeString(f, "text,label\nA.,pro\n\"x\ny\",anti"); // no newline at the end
        assertEquals(List.of("line-2", "line-3"), new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.FAIL_FAST)
                .readAll().stream().map(LabeledDocument::id).toList());
    }

    @Test
    void tsv_quotedAsPythonWritesIt_saysTsvFieldsCannotBeQuoted_insteadOfReadingTheQuotes() throws IOException {
        Path f = dir.resolve("py.tsv"); // csv.writer(f, delimiter='\t'): quotes a value holding a tab, line break or quote
        Files.writeString(f, "text\tlabel\n\"Line one\nline two\"\tpro\nPlain.\tanti\n\"He said \"\"no\"\".\"\tpro\n");
        CsvReader r = new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT);
        assertEquals(List.of("Plain."), r.readAll().stream().map(LabeledDocument::text).toList());
        List<String> messages = r.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(3, messages.size(), messages.toString());
        for (String m : messages) {
            assertTrue(m.contains("TSV fields cannot be quoted") && m.contains(".csv") && !m.contains("quote fields that contain"), m);
        }
        assertTrue(messages.get(0).startsWith(f + ":2: row has 1 fields, header has 2"), messages.get(0));
        assertTrue(messages.get(1).startsWith(f + ":3: field 'text' ends with an unpaired quote"), messages.get(1));
        assertTrue(messages.get(2).startsWith(f + ":5: field 'text' is quoted"), messages.get(2));
    }

    @Test
    void tsv_textStartingWithAQuote_readsAsWritten() throws IOException {
        Path f = dir.resolve("plain.tsv");
        List<String> texts = List.of("\"We will not comply,\" the sheriff said.", "\"Fake news\"", "\"Unclosed quote", "Say \"\"twice\"\".");
        StringBuilder tsv = new StringBuilder("text\tlabel\n");
        texts.forEach(t -> tsv.append(t).append("\tpro\n"));
        Files.writeString(f, tsv);
        assertEquals(texts, new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.FAIL_FAST).readAll().stream()
                .map(LabeledDocument::text).toList());
    }

    @Test
    void tsv_upperCaseExtension_isReadAsTabSeparated() throws IOException {
        Path f = dir.resolve("UP.TSV");
        Files.writeString(f, "text\tlabel\nA, with a comma.\tpro\n");
        CsvReader r = new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.FAIL_FAST);
        assertEquals(List.of("A, with a comma."), r.readAll().stream().map(LabeledDocument::text).toList());
        assertEquals("UP", r.name());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> recordsWithMisleadingMessages() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("c.csv", "id,text,label\nx1,A.,pro\n,B.,anti\n",
                        FieldMapping.of("text", "stance", "label"), ":3: id field 'id' is empty", List.of("null", "unset")),
                org.junit.jupiter.params.provider.Arguments.of("c.jsonl", "{\"doc\":\"x1\",\"text\":\"A.\",\"label\":\"pro\"}\n"
                        + "{\"doc\":\" \",\"text\":\"B.\",\"label\":\"pro\"}\n",
                        FieldMapping.of("text", "stance", "label").withId("doc"), ":2: id field 'doc' is empty", List.of("null", "unset")),
                org.junit.jupiter.params.provider.Arguments.of("c.jsonl", "{\"id\":\"x1\",\"body\":null,\"label\":\"pro\"}\n",
                        FieldMapping.of("body", "stance", "label"), ":1 [document x1]: text field 'body' is null", List.of("no text field")),
                org.junit.jupiter.params.provider.Arguments.of("c.jsonl", "{\"id\":\"x1\",\"text\":\"A.\",\"label\":\"pro\"}\n",
                        FieldMapping.of("text", "stance", "label").withSplit("x", "nofield"),
                        ":1 [document x1]: no split field 'nofield' (fields: [id, label, text])", List.of("use train, valid or test")));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {3}")
    @org.junit.jupiter.params.provider.MethodSource("recordsWithMisleadingMessages")
    void record_messageSaysWhatIsWrongWithTheRecord_andNotAnUnrelatedFix(String name, String content, FieldMapping mapping,
            String want, List<String> notWanted) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        CorpusReader reader = name.endsWith(".csv") ? new CsvReader(f, mapping, OnError.FAIL_FAST)
                : new JsonLinesReader(f, mapping, OnError.FAIL_FAST);
        CorpusException e = assertThrows(CorpusException.class, reader::readAll, content);
        assertTrue(e.getMessage().startsWith(f + want), e.getMessage());
        notWanted.forEach(w -> assertTrue(!e.getMessage().contains(w), "says '" + w + "': " + e.getMessage()));
    }

    @Test
    void fieldMapping_emptyTextField_namesTheOption_notTheJavaField() {
        for (String blank : List.of("", " ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FieldMapping(null, blank, java.util.Map.of("stance", "side"), java.util.Map.of()));
            assertEquals("the text field's name (--text-field) must not be empty", e.getMessage());
        }
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> new FieldMapping("", "body", java.util.Map.of("stance", "side"), java.util.Map.of()));
        assertEquals("the id field's name (--id-field) must not be empty; leave it out to use 'id' or line numbers", id.getMessage());
    }

    @Test
    void csv_missingColumn_failsNamingTheHeader() throws IOException {
        Path f = dir.resolve("c.tsv");
        Files.writeString(f, "text\tlabel\nA.\tpro\n");
        CorpusException e = assertThrows(CorpusException.class,
                () -> new CsvReader(f, FieldMapping.of("body", "stance", "label"), OnError.FAIL_FAST).readAll());
        assertTrue(e.getMessage().contains(":1: no column 'body' in header [text, label]"), e.getMessage());
    }

    @Test
    void csv_rowWithWrongFieldCount_isReportedWithItsLine() throws IOException {
        Path f = dir.resolve("c.tsv");
        Files.writeString(f, "text\tlabel\nA.\tpro\nB.\tanti\textra\nC.\tneutral\n");
        CsvReader r = new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT);
        assertEquals(2, r.readAll().size());
        assertEquals(1, r.problems().skipped());
        assertTrue(r.problems().list().get(0).message().contains(":3: row has 3 fields, header has 2"),
                r.problems().list().get(0).message());
    }

    @Test
    void jsonLines_aTextThatIsNoString_aLabelThatIsAnObject_andAFieldGivenTwice_areEachReportedWithTheirLine() throws IOException {
        Path f = dir.resolve("types.jsonl");
        Files.writeString(f, "{\"text\":\"fine\",\"label\":2}\n{\"text\":[\"a\",\"b\"],\"label\":\"pro\"}\n"
                + "{\"text\":\"x\",\"label\":{\"v\":1}}\n{\"text\":\"a\",\"text\":\"b\",\"label\":\"pro\"}\n{\"text\":7,\"label\":\"pro\"}\n");
        JsonLinesReader r = new JsonLinesReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT);
        List<LabeledDocument> docs = r.readAll();
        assertEquals(List.of("2"), docs.stream().map(d -> d.label("stance")).toList(), "a number is a fine label");
        List<String> m = r.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(4, m.size(), m.toString());
        assertTrue(m.get(0).contains(":2: the text field 'text' is an array, not a string"), m.get(0));
        assertTrue(m.get(1).contains(":3: the field 'label' is an object, not a single value"), m.get(1));
        assertTrue(m.get(2).contains(":4: malformed JSON: Duplicate field 'text'"), m.get(2));
        assertTrue(m.get(3).contains(":5: the text field 'text' is a number, not a string"), m.get(3));
    }

    @Test
    void csv_unclosedQuote_endsTheReadWithTheLine() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "text,label\nA.,pro\n\"B. never closed,anti\n");
        CorpusException e = assertThrows(CorpusException.class,
                () -> new CsvReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT).readAll());
        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    }

    @Test
    void allSides_readsPublishedLayout_withoutTheContentField() throws IOException {
        Path root = dir.resolve("abp");
        Files.createDirectories(root.resolve("data/jsons"));
        Files.createDirectories(root.resolve("data/splits/random"));
        Files.writeString(root.resolve("data/jsons/k1.json"), "{\"ID\":\"k1\",\"topic\":\"immigration\",\"source\":\"S\","
                + "\"title\":\"T\",\"content_original\":\"Body one.\",\"bias_text\":\"left\",\"bias\":0}");
        Files.writeString(root.resolve("data/jsons/k2.json"), "{\"ID\":\"k2\",\"topic\":\"elections\",\"content_original\":\"Body two.\","
                + "\"bias_text\":\"sideways\",\"bias\":9}");
        Files.writeString(root.resolve("data/jsons/k3.json"), "{\"ID\":\"k3\",\"content_original\":\"Body th");
        Files.writeString(root.resolve("data/splits/random/train.tsv"), "ID\tbias\nk1\t0\n");
        AllSidesReader r = AllSidesReader.fromFolder(root, OnError.SKIP_AND_REPORT);
        List<LabeledDocument> docs = r.readAll();
        assertEquals(1, docs.size());
        assertEquals("left", docs.get(0).label("stance"));
        assertEquals("immigration", docs.get(0).label("topic"));
        assertEquals("train", docs.get(0).split("random"));
        assertEquals("T", docs.get(0).metadata().get("title"));
        List<String> messages = r.problems().list().stream().map(CorpusProblem::message).toList();
        assertTrue(messages.get(0).contains("k2.json [document k2]: unknown bias_text 'sideways'"), messages.toString());
        assertTrue(messages.get(1).contains("k3.json") && messages.get(1).contains("malformed JSON"), messages.toString());
    }

    /** A two-article copy of the published layout, with {@code trainIds} in random/train.tsv and k2 in test.tsv. */
    private Path allSidesCopy(String k1Id, String... trainIds) throws IOException {
        Path root = dir.resolve("abp2");
        Files.createDirectories(root.resolve("data/jsons"));
        Files.createDirectories(root.resolve("data/splits/random"));
        Files.writeString(root.resolve("data/jsons/k1.json"), "{\"ID\":\"" + k1Id + "\",\"content_original\":\"One.\",\"bias_text\":\"left\"}");
        Files.writeString(root.resolve("data/jsons/k2.json"), "{\"ID\":\"k2\",\"content_original\":\"Two.\",\"bias_text\":\"right\"}");
        Files.writeString(root.resolve("data/splits/random/train.tsv"), "ID\tbias\n" + String.join("\t0\n", trainIds) + "\t0\n");
        Files.writeString(root.resolve("data/splits/random/test.tsv"), "ID\tbias\nk2\t2\n");
        return root;
    }

    @Test
    void allSides_splitRowNamingNoArticle_endsTheRead_namingTheLine() throws IOException {
        Path root = allSidesCopy("k1", "k1", "k9");
        CorpusException e = assertThrows(CorpusException.class,
                () -> AllSidesReader.fromFolder(root, OnError.SKIP_AND_REPORT).readAll());
        assertTrue(e.getMessage().contains("train.tsv:3 [document k9]: no article data/jsons/k9.json"), e.getMessage());
    }

    @Test
    void allSides_idInTwoPartsOfOneScheme_endsTheRead_namingBothRows() throws IOException {
        Path root = allSidesCopy("k1", "k1", "k2");
        CorpusException e = assertThrows(CorpusException.class,
                () -> AllSidesReader.fromFolder(root, OnError.SKIP_AND_REPORT).readAll());
        assertTrue(e.getMessage().contains("test.tsv:2 [document k2]: the random split names this ID twice: here and at train.tsv:3"),
                e.getMessage());
    }

    @Test
    void allSides_articleWhoseIdIsNotItsFileName_isReportedAndLeftOut() throws IOException {
        Path root = allSidesCopy("k7", "k1");
        AllSidesReader r = AllSidesReader.fromFolder(root, OnError.SKIP_AND_REPORT);
        List<LabeledDocument> docs = r.readAll();
        assertEquals(List.of("k2"), docs.stream().map(LabeledDocument::id).toList());
        assertEquals(1, r.problems().skipped());
        assertTrue(r.problems().list().get(0).message().contains("k1.json [document k7]: the article's ID differs from its file name k1.json"),
                r.problems().list().get(0).message());
    }

    @Test
    void allSides_givenTheArchiveItself_saysHowToUnpackIt() throws IOException {
        Path archive = dir.resolve("article-bias-prediction.tar.gz");
        Files.write(archive, new byte[] {0x1f, (byte) 0x8b, 8});
        CorpusException e = assertThrows(CorpusException.class, () -> AllSidesReader.fromFolder(archive, OnError.FAIL_FAST));
        assertTrue(e.getMessage().contains("this is the archive, not the unpacked corpus") && e.getMessage().contains("tar xzf"),
                e.getMessage());
    }

    @Test
    void allSides_locate_prefersTheProperty_andRejectsAMissingFolder() {
        CorpusException e = assertThrows(CorpusException.class, () -> AllSidesReader.locate(dir.resolve("nope").toString(), dir));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(AllSidesReader.locate("", dir).isEmpty());
        assertTrue(AllSidesReader.locate("off", dir).isEmpty(), "off switches AllSides off");
    }

    @Test
    void jsonLines_numberLabels_areTheirCanonicalDecimalText_soOneNumberIsOneLabel() throws IOException {
        Path f = dir.resolve("n.jsonl");
        List<String> numbers = List.of("1", "1.0", "1.00", "1e0", "10E-1", "1e2", "100.0", "2.50", "25e-1", "-0.0", "0", "-3", "0.1");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            lines.append("{\"id\":\"d").append(i).append("\",\"text\":\"T.\",\"label\":").append(numbers.get(i)).append("}\n");
        }
        Files.writeString(f, lines);
        List<String> labels = new JsonLinesReader(f, FieldMapping.of("text", "section", "label"), OnError.FAIL_FAST).readAll()
                .stream().map(d -> d.label("section")).toList();
        assertEquals(List.of("1", "1", "1", "1", "1", "100", "100", "2.5", "2.5", "0", "0", "-3", "0.1"), labels, numbers.toString());
    }

    @Test
    void jsonLines_defaultIdThatIsAnObjectOrAnArray_isRefusedNamingTheLine() throws IOException {
        Path f = dir.resolve("objid.jsonl");
        Files.writeString(f, "{\"id\":\"x1\",\"text\":\"A.\",\"label\":\"pro\"}\n{\"id\":{\"a\":1},\"text\":\"B.\",\"label\":\"pro\"}\n"
                + "{\"id\":[1],\"text\":\"C.\",\"label\":\"pro\"}\n{\"id\":7,\"text\":\"D.\",\"label\":\"pro\"}\n");
        JsonLinesReader r = new JsonLinesReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT);
        assertEquals(List.of("x1", "7"), r.readAll().stream().map(LabeledDocument::id).toList());
        List<String> m = r.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(2, m.size(), m.toString());
        assertTrue(m.get(0).startsWith(f + ":2: the field 'id' is an object, not a single value")
                && m.get(0).contains("an id, label or split a string, number or boolean"), m.get(0));
        assertTrue(m.get(1).startsWith(f + ":3: the field 'id' is an array, not a single value"), m.get(1));
    }

    @Test
    void jsonLines_defaultIdFieldThatIsNullOrEmpty_isAnErrorNamingTheLine_andOnlyARecordWithoutItIsNumberedByLine() throws IOException {
        Path f = dir.resolve("nullid.jsonl");
        Files.writeString(f, "{\"text\":\"A.\",\"label\":\"pro\"}\n{\"id\":null,\"text\":\"B.\",\"label\":\"pro\"}\n"
                + "{\"id\":\"\",\"text\":\"C.\",\"label\":\"pro\"}\n");
        JsonLinesReader r = new JsonLinesReader(f, FieldMapping.of("text", "stance", "label"), OnError.SKIP_AND_REPORT);
        assertEquals(List.of("line-1"), r.readAll().stream().map(LabeledDocument::id).toList());
        List<String> m = r.problems().list().stream().map(CorpusProblem::message).toList();
        assertEquals(2, m.size(), m.toString());
        assertTrue(m.get(0).startsWith(f + ":2: id field 'id' is null"), m.get(0));
        assertTrue(m.get(1).startsWith(f + ":3: id field 'id' is empty"), m.get(1));
    }

    /** An AllSides-layout copy with articles k1..k4, and no split folder yet. */
    private Path allSidesArticles() throws IOException {
        Path root = dir.resolve("abp3");
        Files.createDirectories(root.resolve("data/jsons"));
        for (int i = 1; i <= 4; i++) {
            Files.writeString(root.resolve("data/jsons/k" + i + ".json"),
                    "{\"ID\":\"k" + i + "\",\"content_original\":\"Text " + i + ".\",\"bias_text\":\"left\"}");
        }
        return root;
    }

    @Test
    void allSides_everySchemeFolderUnderDataSplits_isRead_notOnlyRandomAndMedia() throws IOException {
        Path root = allSidesArticles();
        Files.createDirectories(root.resolve("data/splits/mine"));
        Files.writeString(root.resolve("data/splits/mine/train.tsv"), "ID\tbias\nk1\t0\nk2\t0\n");
        Files.writeString(root.resolve("data/splits/mine/test.tsv"), "ID\tbias\nk3\t0\n");
        AllSidesReader r = AllSidesReader.fromFolder(root, OnError.FAIL_FAST);
        List<LabeledDocument> docs = r.readAll();
        assertEquals(java.util.Arrays.asList("train", "train", "test", null), docs.stream().map(d -> d.split("mine")).toList());
        assertEquals(List.of(), r.problems().notes());
    }

    @Test
    void allSides_schemeFolderWhoseFilesHoldNoRows_leavesANote_andOneWithoutPartFiles_isAnError() throws IOException {
        Path root = allSidesArticles();
        Files.createDirectories(root.resolve("data/splits/media"));
        Files.writeString(root.resolve("data/splits/media/train.tsv"), "ID\tbias\n");
        Files.writeString(root.resolve("data/splits/media/test.tsv"), "");
        AllSidesReader r = AllSidesReader.fromFolder(root, OnError.FAIL_FAST);
        r.readAll();
        List<String> notes = r.problems().notes().stream().map(CorpusProblem::message).toList();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith(root.resolve("data/splits/media") + ": the media split's files (train.tsv, test.tsv)"
                + " hold no rows, so no article carries the scheme 'media'"), notes.get(0));

        Files.createDirectories(root.resolve("data/splits/mine"));
        Files.writeString(root.resolve("data/splits/mine/train.csv"), "ID,bias\nk1,0\n");
        CorpusException e = assertThrows(CorpusException.class, () -> AllSidesReader.fromFolder(root, OnError.SKIP_AND_REPORT).readAll());
        assertTrue(e.getMessage().startsWith(root.resolve("data/splits/mine") + ": split folder 'mine' holds no train.tsv, valid.tsv or test.tsv"),
                e.getMessage());
    }
}

package org.docbench.classifiers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --lines} input read in byte blocks that the classifying threads split and decode: the
 * same documents, ids and errors as reading the stream line by line, whatever the block size.
 */
class DocumentInputsTest {
    /** Every test's files, deleted after it. */
    @TempDir
    Path tmp;

    /** Block sizes that put block edges everywhere: inside CRLF, inside a multi-byte character, at a line end. */
    private static final int[] BLOCKS = {1, 2, 3, 5, 7, 9, 17, 64, 1 << 20};

    static Stream<Arguments> trickyInputs() {
        return Stream.of(
                Arguments.of("crlf", "one\r\ntwo\r\nthree\r\n"),
                Arguments.of("empty and blank lines", "\n\na\n   \n\t\nb\n\n"),
                Arguments.of("no trailing newline", "first\nlast without end"),
                Arguments.of("multi-byte UTF-8", "caf\u00e9 \u201cquoted\u201d\n\u4e2d\u6587 \ud83d\ude00 emoji\n\u00e9\u00e9\u00e9\n"),
                Arguments.of("BOM on line 1 only", "\uFEFFbom line\n\uFEFFsecond keeps it\n"),
                Arguments.of("only a BOM", "\uFEFF\nreal\n"),
                Arguments.of("empty input", ""),
                Arguments.of("a single newline", "\n"),
                Arguments.of("long line across many blocks", "x".repeat(5000) + "\nshort\n" + "\u00e9".repeat(3000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trickyInputs")
    void lines_areWhatABufferedReaderReads_forEveryBlockSize(String what, String input) throws Exception {
        List<DocumentInputs.Doc> expected = byBufferedReader(input);
        for (int block : BLOCKS) {
            assertEquals(expected, read(input.getBytes(StandardCharsets.UTF_8), block),
                    what + " with " + block + "-byte blocks: " + escape(input));
        }
    }

    @Test
    void randomText_readsAsLineByLine_forEveryBlockSize() throws Exception {
        long seed = 1234;
        Random rng = new Random(seed);
        String[] pieces = {"a", "word ", " ", "\t", "\n", "\r\n", "\n\n", "\u00e9", "\u201c", "\u4e2d", "\ud83d\ude00", "\uFEFF"};
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int n = rng.nextInt(400);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[rng.nextInt(pieces.length)]);
            }
            String input = sb.toString();
            List<DocumentInputs.Doc> expected = byBufferedReader(input);
            for (int block : BLOCKS) {
                assertEquals(expected, read(input.getBytes(StandardCharsets.UTF_8), block),
                        "seed " + seed + " round " + round + ", " + block + "-byte blocks: " + escape(input));
            }
        }
    }

    @Test
    void aFileHoldingTheReplacementCharAsUtf8_isText_whileBadBytesBesideItAreRefused() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("replacement"));
        // U+FFFD written as UTF-8 (EF BF BD) is a char like any other, the one a decoder puts for bytes it cannot read.
        Path written = Files.writeString(dir.resolve("a.txt"), "ICE \uFFFD detainer caf\u00e9", StandardCharsets.UTF_8);
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of(written.toString()), null);
        assertEquals("ICE \uFFFD detainer caf\u00e9", docs.get(0).text());
        Path bad = Files.write(dir.resolve("b.txt"), new byte[] {'I', 'C', 'E', ' ', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, ' ', (byte) 0xE9});
        DocbenchCli.BadInputException e = assertThrows(DocbenchCli.BadInputException.class,
                () -> new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of(bad.toString()), null));
        assertTrue(e.getMessage().contains("document " + bad + " is not valid UTF-8"), e.getMessage());
        Path latin1 = Files.write(dir.resolve("c.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(DocbenchCli.BadInputException.class,
                () -> new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of(latin1.toString()), null));
        assertTrue(e.getMessage().contains("document " + latin1 + " is not valid UTF-8"), e.getMessage());
    }

    @Test
    void aPageInTheCharsetItDeclares_readsAsItsAuthorWroteIt_andAnUndeclaredOneIsRefused() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("pages"));
        byte[] page = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 287(g)</title></head><body><p>The sheriff\u2019s deputies</p></body></html>"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Path declared = Files.write(dir.resolve("p.html"), page);
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of(declared.toString()), null);
        assertEquals("Caf\u00e9 287(g)\n\nThe sheriff\u2019s deputies\n", docs.get(0).text());
        Path undeclared = Files.write(Files.createDirectories(dir.resolve("news")).resolve("q.html"),
                new String(page, java.nio.charset.Charset.forName("windows-1252")).replace("<meta charset=\"windows-1252\">", "")
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        DocbenchCli.BadInputException e = assertThrows(DocbenchCli.BadInputException.class,
                () -> new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of(dir.resolve("news").toString()), null));
        assertTrue(e.getMessage().contains("document " + undeclared + " is not valid UTF-8 and declares no other charset"),
                "names the file with its folder: " + e.getMessage());
        // jsoup reads a charset Java does not know as UTF-8: the page did declare one, and the message says which.
        Path bogus = Files.write(dir.resolve("b.html"), new String(page, java.nio.charset.Charset.forName("windows-1252"))
                .replace("windows-1252", "x-bogus-42").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        e = assertThrows(DocbenchCli.BadInputException.class,
                () -> new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of(bogus.toString()), null));
        assertTrue(e.getMessage().endsWith(" and declares charset x-bogus-42, which Java does not know: save it as UTF-8"),
                e.getMessage());
    }

    @Test
    void aFolder_includesItsLinkedSubfolders_andSkipsALinkLoop() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("linked"));
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("a.txt"), "jail detainer hold");
        Path news = Files.createDirectories(root.resolve("news"));
        Files.createSymbolicLink(news.resolve("wire"), elsewhere);
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of(news.toString()), null);
        assertEquals(List.of(new DocumentInputs.Doc(news.resolve("wire/a.txt").toString(), "jail detainer hold")), docs);
        Files.createSymbolicLink(elsewhere.resolve("back"), news);
        List<String> notes = new java.util.ArrayList<>();
        List<DocumentInputs.Doc> looped = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, false, null, DocumentInputs.BLOCK_BYTES,
                notes::add).readAll(List.of(news.toString()), null);
        assertEquals(docs, looped, "the loop adds nothing");
        assertEquals(List.of("docbench: skipped " + news.resolve("wire/back") + ": a link back to a folder it is in"), notes);
        Path other = Files.createDirectories(root.resolve("other"));
        Files.createSymbolicLink(other.resolve("x.txt"), elsewhere.resolve("a.txt"));
        List<DocumentInputs.Doc> two = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, false, null, DocumentInputs.BLOCK_BYTES,
                n -> { }).readAll(List.of(news.toString(), other.toString()), null);
        assertEquals(1, two.size(), "a file two folders reach is read once: " + two);
    }

    @Test
    void aFolder_skipsHiddenFiles_readsAFileReachedTwiceOnce_andSaysSo() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("walk"));
        Path news = Files.createDirectories(root.resolve("news"));
        Files.writeString(news.resolve("a.txt"), "jail detainer hold");
        Files.write(news.resolve("._a.txt"), new byte[] {0, 5, 22, 7, (byte) 0xff, (byte) 0xfe}); // macOS's AppleDouble beside a copy
        Files.writeString(news.resolve(".draft.txt"), "not yet");
        Files.writeString(Files.createDirectories(news.resolve(".git")).resolve("notes.txt"), "not a document");
        Path sub = Files.createDirectories(news.resolve("sub dir"));
        Files.writeString(sub.resolve("b.txt"), "sanctuary city council");
        Files.createSymbolicLink(news.resolve("linked"), sub);
        Files.createSymbolicLink(news.resolve("gone.txt"), root.resolve("nowhere.txt"));
        List<String> notes = new java.util.ArrayList<>();
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, false, null, DocumentInputs.BLOCK_BYTES,
                notes::add).readAll(List.of(news.toString()), null);
        assertEquals(List.of(news.resolve("a.txt").toString(), news.resolve("linked/b.txt").toString()),
                docs.stream().map(DocumentInputs.Doc::id).toList(), "sorted by path; b.txt once, under the first path");
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("gone.txt") && notes.get(0).contains("a link to nothing"), notes.toString());
        assertTrue(notes.get(1).contains("sub dir/b.txt is " + news.resolve("linked/b.txt")) && notes.get(1).contains("read once"),
                notes.toString());
    }

    @Test
    void aFileOrFolderNamedTwice_isReadOnce_andSaysSo() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("twice"));
        Path news = Files.createDirectories(root.resolve("news"));
        Path a = Files.writeString(news.resolve("a.txt"), "jail detainer hold");
        Files.writeString(Files.createDirectories(news.resolve("sub")).resolve("b.txt"), "sanctuary city council");
        Path alias = Files.createSymbolicLink(root.resolve("alias.txt"), a);
        Path hard = Files.createLink(root.resolve("hard.txt"), a);
        String dotted = root.resolve("news/./a.txt").toString();
        List<String> notes = new java.util.ArrayList<>();
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, false, null, DocumentInputs.BLOCK_BYTES,
                notes::add).readAll(List.of(a.toString(), dotted, alias.toString(), hard.toString(), news.toString(),
                        news.toString(), news.resolve("sub").toString()), null);
        assertEquals(List.of(a.toString(), news.resolve("sub/b.txt").toString()), docs.stream().map(DocumentInputs.Doc::id).toList(),
                "each file once, under the name it was first read by");
        assertEquals(List.of(
                "docbench: " + dotted + " is named more than once by the inputs; read once",
                "docbench: " + alias + " is " + a + " (through a link); read once, as " + a,
                "docbench: " + hard + " is " + a + " (through a link); read once, as " + a,
                "docbench: " + a + " is named more than once by the inputs; read once",
                "docbench: folder " + news + " is named more than once; read once",
                "docbench: " + news.resolve("sub/b.txt") + " is named more than once by the inputs; read once"), notes);
    }

    @Test
    void aPipeOrDeviceInAFolder_isSkippedAndSaidSo_notWaitedOnOrReadForever() throws Exception {
        Path news = Files.createDirectories(Files.createDirectory(tmp.resolve("special")).resolve("news"));
        Files.writeString(news.resolve("a.txt"), "jail detainer hold");
        assertEquals(0, new ProcessBuilder("mkfifo", news.resolve("p.txt").toString()).start().waitFor());
        Files.createSymbolicLink(news.resolve("z.txt"), Path.of("/dev/zero"));
        List<String> notes = new java.util.ArrayList<>();
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, false, null, DocumentInputs.BLOCK_BYTES,
                notes::add).readAll(List.of(news.toString()), null);
        assertEquals(List.of(news.resolve("a.txt").toString()), docs.stream().map(DocumentInputs.Doc::id).toList());
        assertEquals(List.of(
                "docbench: skipped " + news.resolve("p.txt") + ": not a regular file (a pipe, socket or device); name it on its own to read it",
                "docbench: skipped " + news.resolve("z.txt") + ": not a regular file (a pipe, socket or device); name it on its own to read it"),
                notes.stream().sorted().toList());
    }

    @Test
    void aDeviceNamedTwice_isReadEachTime() throws Exception {
        // A device or pipe has no contents to know again: each name is a stream of its own.
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null)
                .readAll(List.of("/dev/null", "/dev/null"), null);
        assertEquals(List.of("/dev/null", "/dev/null"), docs.stream().map(DocumentInputs.Doc::id).toList());
    }

    @Test
    void jsonl_anIdFieldTheUserNamed_mustBeThere_andANullTextIsNamedNull() throws Exception {
        byte[] records = "{\"id\":\"a\",\"text\":\"goal\"}\n".getBytes(StandardCharsets.UTF_8);
        DocbenchCli.BadInputException e = assertThrows(DocbenchCli.BadInputException.class,
                () -> new DocumentInputs(DocumentInputs.Mode.JSONL, "nope", true, "text", DocumentInputs.BLOCK_BYTES, n -> { })
                        .readAll(List.of("-"), new java.io.ByteArrayInputStream(records)));
        assertEquals("stdin:1: no id field 'nope' (named by --id-field)", e.getMessage());
        List<DocumentInputs.Doc> unnamed = new DocumentInputs(DocumentInputs.Mode.JSONL, "nope", "text")
                .readAll(List.of("-"), new java.io.ByteArrayInputStream(records));
        assertEquals("line-1", unnamed.get(0).id(), "the default id field may be missing");
        e = assertThrows(DocbenchCli.BadInputException.class, () -> new DocumentInputs(DocumentInputs.Mode.JSONL, "id", "text")
                .readAll(List.of("-"), new java.io.ByteArrayInputStream("{\"id\":\"x\",\"text\":null}\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("stdin:1: the text field 'text' is null", e.getMessage());
        e = assertThrows(DocbenchCli.BadInputException.class, () -> new DocumentInputs(DocumentInputs.Mode.JSONL, "id", "text")
                .readAll(List.of("-"), new java.io.ByteArrayInputStream("{\"id\":\"a\",\"text\":\"x\"\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("stdin:1: not a JSON record (Unexpected end-of-input: expected close marker for Object); each line holds "
                + "one record", e.getMessage());
    }

    @Test
    void aWebPageReadByLines_isSaidToKeepItsMarkup() throws Exception {
        Path page = Files.createDirectory(tmp.resolve("page")).resolve("news.html");
        Files.writeString(page, "<p>jail detainer</p>\n");
        List<String> notes = new java.util.ArrayList<>();
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.LINES, null, false, null, DocumentInputs.BLOCK_BYTES,
                notes::add).readAll(List.of(page.toString()), null);
        assertEquals("<p>jail detainer</p>", docs.get(0).text());
        assertEquals(List.of("docbench: " + page + " is a web page; --lines reads its lines as they are, markup included"), notes);
    }

    @Test
    void aWholeDocumentTooLargeForTheHeap_isRefusedBeforeItIsRead() {
        long heap = 512L << 20;
        DocumentInputs.checkHoldable("small.txt", heap / DocumentInputs.HEAP_PER_BYTE, heap);
        DocbenchCli.BadInputException e = assertThrows(DocbenchCli.BadInputException.class,
                () -> DocumentInputs.checkHoldable("archive.txt", 23_700_000, heap));
        assertEquals("document archive.txt is 23.7 MB, more than this JVM can hold as one document (its heap has 512 MB free; "
                + "a document needs about 40 times its size): for an archive with one document per line use --lines or "
                + "--jsonl, or give java more memory (java -Xmx...)", e.getMessage());
    }

    @Test
    void filesOfOneName_inTwoFolders_keepTheirPathsAsIds() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("same"));
        Files.writeString(Files.createDirectories(root.resolve("a")).resolve("x.txt"), "goal");
        Files.writeString(Files.createDirectories(root.resolve("b")).resolve("x.txt"), "rates");
        String a = root.resolve("a").toString();
        String b = root.resolve("b").toString() + "/";
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of(a, b), null);
        assertEquals(List.of(a + "/x.txt", root.resolve("b/x.txt").toString()), docs.stream().map(DocumentInputs.Doc::id).toList());
        List<DocumentInputs.Doc> files = new DocumentInputs(DocumentInputs.Mode.LINES, null, null)
                .readAll(List.of(a + "/x.txt", b + "x.txt"), null);
        assertEquals(List.of(a + "/x.txt:1", b + "x.txt:1"), files.stream().map(DocumentInputs.Doc::id).toList(),
                "a file's id is its path as given");
    }

    @Test
    void aFileThatIsNotRegular_isReadAsOne() throws Exception {
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.WHOLE, null, null).readAll(List.of("/dev/null"), null);
        assertEquals(List.of(new DocumentInputs.Doc("/dev/null", "")), docs, "a device (or a pipe, as <(zcat ...) gives) is a document");
    }

    @Test
    void jsonl_twoRecordsOnOneLine_isAnErrorNamingIt_andABlankIdIsOneToo() throws Exception {
        String glued = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"} {\"id\":\"c\",\"text\":\"three\"}\n";
        DocbenchCli.BadInputException e = assertThrows(DocbenchCli.BadInputException.class, () -> new DocumentInputs(
                DocumentInputs.Mode.JSONL, "id", "text").readAll(List.of("-"), new ByteArrayInputStream(glued.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("stdin:2: not a JSON record (more than one JSON value on the line)"), e.getMessage());
        e = assertThrows(DocbenchCli.BadInputException.class, () -> new DocumentInputs(DocumentInputs.Mode.JSONL, "id", "text")
                .readAll(List.of("-"), new ByteArrayInputStream("{\"id\":\"  \",\"text\":\"one\"}\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("stdin:1: the id field 'id' is empty"), "a blank id is not a quiet fallback: " + e.getMessage());
        e = assertThrows(DocbenchCli.BadInputException.class, () -> new DocumentInputs(DocumentInputs.Mode.JSONL, "id", "text")
                .readAll(List.of("-"), new ByteArrayInputStream("{\"text\":\"a\",\"text\":\"b\"}\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("stdin:1: not a JSON record (Duplicate field 'text')"), e.getMessage());
    }

    @Test
    void aLoneCarriageReturn_isNotALineEnd_asBefore() throws Exception {
        byte[] in = "a\rb\nc\r".getBytes(StandardCharsets.UTF_8);
        for (int block : BLOCKS) {
            assertEquals(List.of(new DocumentInputs.Doc("line-1", "a\rb"), new DocumentInputs.Doc("line-2", "c\r")), read(in, block),
                    block + "-byte blocks");
        }
    }

    static Stream<Arguments> malformedUtf8() {
        return Stream.of(
                Arguments.of("a lead byte before ASCII", new byte[] {(byte) 0xC3, 0x28}),
                Arguments.of("a sequence cut by the line end", new byte[] {(byte) 0xE2, (byte) 0x80}),
                Arguments.of("an encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("an overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("a byte UTF-8 never uses", new byte[] {(byte) 0xFF}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUtf8")
    void invalidUtf8_namesItsLine_forEveryBlockSize(String what, byte[] bad) {
        byte[] in = new byte[bad.length + 7];
        System.arraycopy(new byte[] {'o', 'k', '\n', '\n', 'a'}, 0, in, 0, 5);
        System.arraycopy(bad, 0, in, 5, bad.length);
        System.arraycopy(new byte[] {'\n', 'z'}, 0, in, 5 + bad.length, 2);
        for (int block : BLOCKS) {
            DocbenchCli.BadInputException e = assertThrows(DocbenchCli.BadInputException.class, () -> read(in, block),
                    block + "-byte blocks");
            assertEquals("stdin:3: not valid UTF-8", e.getMessage(), block + "-byte blocks");
            e = assertThrows(DocbenchCli.BadInputException.class, () -> readByBuffer(in, block), block + "-byte blocks");
            assertEquals("stdin:3: not valid UTF-8", e.getMessage(), "forEach, " + block + "-byte blocks");
        }
    }

    @Test
    void jsonl_linesAreRecordsWithTheirLineNumbers_acrossBlocks() throws Exception {
        String in = "\uFEFF{\"id\":\"a1\",\"text\":\"caf\u00e9\"}\r\n\n{\"text\":\"second\"}";
        for (int block : BLOCKS) {
            List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.JSONL, "id", "text", block)
                    .readAll(List.of("-"), new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)));
            assertEquals(List.of(new DocumentInputs.Doc("a1", "caf\u00e9"), new DocumentInputs.Doc("line-3", "second")), docs,
                    block + "-byte blocks");
        }
    }

    @Test
    void jsonl_recordsThatAreNotObjectsOrHoldNoStringText_sayWhatTheyAre() {
        Map<String, String> cases = Map.of(
                "[1, 2]", "stdin:1: JSON, but not an object",
                "{\"text\": 12345}", "stdin:1: the text field 'text' is a number, not a string",
                "{\"text\": [\"a\"]}", "stdin:1: the text field 'text' is an array, not a string",
                "{\"body\": \"a\"}", "stdin:1: no text field 'text' (--text-field names it)",
                "{\"text\": \"a\", \"x\": ", "stdin:1: not a JSON record (Unexpected end-of-input");
        cases.forEach((line, message) -> {
            DocbenchCli.BadInputException e = assertThrows(DocbenchCli.BadInputException.class, () -> new DocumentInputs(
                    DocumentInputs.Mode.JSONL, "id", "text").readAll(List.of("-"), new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8))),
                    line);
            assertTrue(e.getMessage().startsWith(message) && !e.getMessage().contains("REDACTED"), line + ": " + e.getMessage());
        });
    }

    @Test
    void jsonl_anIdThatIsAnObject_isAnErrorNamingTheLine() {
        DocbenchCli.BadInputException e = assertThrows(DocbenchCli.BadInputException.class, () -> new DocumentInputs(
                DocumentInputs.Mode.JSONL, "id", "text").readAll(List.of("-"),
                new ByteArrayInputStream("{\"id\": {\"n\": 1}, \"text\": \"a\"}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("stdin:1: the id field 'id' is an object"), e.getMessage());
    }

    @Test
    void stdinNamedTwice_isAUsageError_underAnyOfItsNames() {
        DocbenchCliTest.Result r = DocbenchCliTest.runWithStdin("jail detainer", "classify", "--task", "topic", "-", "-");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("stdin is named more than once ('-', '-'); it can be read only once"), r.err());
        // The second read of a pipe gives nothing: an empty document where the user meant one.
        r = DocbenchCliTest.runWithStdin("jail detainer", "classify", "--task", "topic", "-", "/dev/stdin");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("stdin is named more than once ('-', '/dev/stdin')"), r.err());
    }

    @Test
    void aNamedFileWhoseNameIsNotUtf8_isSaidToBeUnopenableByName_notMerelyMissing() {
        DocbenchCli.BadInputException e = InputProblems.missing("news/bad\uFFFDname.txt");
        assertEquals("no such document or folder: news/bad\uFFFDname.txt (the name reached docbench with U+FFFD, which stands for "
                + "bytes that are not valid in the locale's charset: a file so named cannot be opened by name; rename it, or "
                + "name its folder)", e.getMessage());
        assertEquals("no such document or folder: news/plain.txt", InputProblems.missing("news/plain.txt").getMessage());
    }

    @Test
    void batches_ofAStream_endAtLineEnds() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sb.append("line ").append(i).append(" \u00e9\u00e9\n");
        }
        List<DocumentInputs.Batch> batches = new ArrayList<>();
        new DocumentInputs(DocumentInputs.Mode.LINES, null, null, 100)
                .read(List.of("-"), new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), batches::add);
        assertTrue(batches.size() > 10, "100-byte blocks of 1,300 bytes: " + batches.size());
        int next = 1;
        for (DocumentInputs.Batch b : batches) {
            for (DocumentInputs.Doc d : b.docs()) {
                assertEquals(new DocumentInputs.Doc("line-" + next, "line " + (next - 1) + " \u00e9\u00e9"), d);
                next++;
            }
        }
        assertEquals(101, next);
        assertThrows(IllegalStateException.class, batches.get(0)::docs, "a block's bytes are reused once decoded");
    }

    @Test
    void blocksDecodedOnTwoThreads_numberTheirLinesAsOneThreadDoes() throws Exception {
        StringBuilder sb = new StringBuilder();
        Random rng = new Random(1234);
        for (int i = 0; i < 2000; i++) {
            sb.append(i % 7 == 0 ? "" : "word \u00e9 ".repeat(rng.nextInt(30))).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        byte[] in = sb.toString().getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // As classify does: blocks go to the workers while the stream is still being read, and their bytes come back.
            List<java.util.concurrent.Future<List<DocumentInputs.Doc>>> futures = new ArrayList<>();
            new DocumentInputs(DocumentInputs.Mode.LINES, null, null, 97).read(List.of("-"), new ByteArrayInputStream(in),
                    b -> futures.add(pool.submit(b::docs)));
            List<DocumentInputs.Doc> parallel = new ArrayList<>();
            for (java.util.concurrent.Future<List<DocumentInputs.Doc>> f : futures) {
                parallel.addAll(f.get());
            }
            assertEquals(byBufferedReader(sb.toString()), parallel, futures.size() + " blocks");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The documents of {@code input} both ways a block hands them on, which must agree: as a list
     * of Strings ({@code docs()}), and one at a time in a reused buffer ({@code forEach}, the way
     * classify reads lines).
     */
    private static List<DocumentInputs.Doc> read(byte[] input, int block) throws Exception {
        List<DocumentInputs.Doc> buffered = readByBuffer(input, block);
        List<DocumentInputs.Doc> listed = new DocumentInputs(DocumentInputs.Mode.LINES, null, null, block)
                .readAll(List.of("-"), new ByteArrayInputStream(input));
        assertEquals(listed, buffered, "forEach and docs() with " + block + "-byte blocks");
        return listed;
    }

    private static List<DocumentInputs.Doc> readByBuffer(byte[] input, int block) throws Exception {
        List<DocumentInputs.Doc> out = new ArrayList<>();
        new DocumentInputs(DocumentInputs.Mode.LINES, null, null, block).read(List.of("-"), new ByteArrayInputStream(input),
                b -> b.forEach((id, text) -> out.add(new DocumentInputs.Doc(id, text.toString()))));
        return out;
    }

    /** The reference: a BufferedReader's lines, numbered from 1, a BOM dropped from line 1, blank ones skipped. */
    private static List<DocumentInputs.Doc> byBufferedReader(String input) throws Exception {
        List<DocumentInputs.Doc> out = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    out.add(new DocumentInputs.Doc("line-" + n, line));
                }
            }
        }
        return out;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return sb.toString();
    }
}

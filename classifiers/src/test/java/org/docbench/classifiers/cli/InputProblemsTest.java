package org.docbench.classifiers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.docbench.classifiers.cli.DocbenchCliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a new user meets that are not plain UTF-8 text files: files that cannot be read, names
 * with a line break, UTF-16 text, links to nothing, a file named {@code stdin}, JSON records
 * whose id looks like a page's name. Each is named plainly, with the exit code for bad input.
 */
class InputProblemsTest {
    @TempDir
    Path dir;

    /** Linux's memory file of this process: it opens, and reading its first page fails with an I/O error. */
    private static final Path UNREADABLE = Path.of("/proc/self/mem");

    @Test
    void classifyAndNormalize_aFileThatFailsToRead_isBadInputNamingIt_notAFailure() {
        assumeTrue(Files.isRegularFile(UNREADABLE), "needs Linux's /proc");
        for (List<String> command : List.of(List.of("classify", "--task", "topic"), List.of("classify", "--task", "topic", "--lines"),
                List.of("normalize"))) {
            List<String> args = new ArrayList<>(command);
            args.add(UNREADABLE.toString());
            Result r = DocbenchCliTest.run(args.toArray(String[]::new));
            assertEquals(3, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("docbench: cannot read " + UNREADABLE + ": "), command + ": " + r.err());
            assertFalse(r.err().contains("failed"), command + ": " + r.err());
        }
    }

    @Test
    void aReadError_saysWhyInWords_notTheFileNameAgain() {
        // A file without read permission gives an AccessDeniedException whose message is only its name.
        assertEquals("permission denied", InputProblems.reason(new java.nio.file.AccessDeniedException("/news/secret.txt")));
        assertEquals("cannot read model file m.model: permission denied",
                InputProblems.unreadable("model file m.model", new java.nio.file.AccessDeniedException("m.model")).getMessage());
        assertEquals("Input/output error", InputProblems.reason(new java.io.IOException("Input/output error")));
    }

    @Test
    void classify_errorsNamingAFileWithALineBreak_escapeIt_soTheirOneLineSaysWhichFile() throws Exception {
        Path missing = dir.resolve("new\nline.txt");
        Result none = DocbenchCliTest.run("classify", "--task", "topic", missing.toString());
        assertEquals(3, none.code(), none.err());
        assertTrue(none.err().contains("no such document or folder: " + dir + "/new\\nline.txt"), none.err());

        Path folder = Files.createDirectories(dir.resolve("nl\ndir"));
        Files.write(folder.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Result whole = DocbenchCliTest.run("classify", "--task", "topic", folder.toString());
        assertEquals(3, whole.code(), whole.err());
        assertTrue(whole.err().contains("document " + dir + "/nl\\ndir/latin1.txt is not valid UTF-8"), whole.err());

        Path lines = Files.write(folder.resolve("lines.txt"), "jail detainer\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Result byLine = DocbenchCliTest.run("classify", "--task", "topic", "--lines", lines.toString());
        assertEquals(3, byLine.code(), byLine.err());
        assertTrue(byLine.err().contains(dir + "/nl\\ndir/lines.txt:2: not valid UTF-8"), byLine.err());

        Path records = Files.writeString(folder.resolve("r.jsonl"), "{\"text\":1}\n");
        Result jsonl = DocbenchCliTest.run("classify", "--task", "topic", "--jsonl", records.toString());
        assertEquals(3, jsonl.code(), jsonl.err());
        assertTrue(jsonl.err().contains(dir + "/nl\\ndir/r.jsonl:1: the text field 'text' is a number"), jsonl.err());
    }

    @Test
    void classify_aUtf16OrGzipFile_isNamedSo_wholeAndByLine() throws Exception {
        // What Windows Notepad saves as "Unicode" and PowerShell's > writes: UTF-16LE with a byte-order mark.
        byte[] utf16 = "\uFEFFjail detainer hold\nsanctuary city\n".getBytes(StandardCharsets.UTF_16LE);
        Path f = Files.write(dir.resolve("notepad.txt"), utf16);
        Result whole = DocbenchCliTest.run("classify", "--task", "topic", f.toString());
        assertEquals(3, whole.code(), whole.err());
        assertTrue(whole.err().contains("document " + f + " is not valid UTF-8 (it is UTF-16: it starts with a UTF-16 "
                + "byte-order mark; iconv -f UTF-16 -t UTF-8 converts it): save it as UTF-8"), whole.err());
        Result lines = DocbenchCliTest.run("classify", "--task", "topic", "--lines", f.toString());
        assertEquals(3, lines.code(), lines.err());
        assertTrue(lines.err().contains(f + ":1: not valid UTF-8 (it is UTF-16"), lines.err());
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write("{\"id\":\"a\",\"text\":\"jail detainer\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path archive = Files.write(dir.resolve("archive.jsonl.gz"), gz.toByteArray());
        Result gzipped = DocbenchCliTest.run("classify", "--task", "topic", "--jsonl", archive.toString());
        assertEquals(3, gzipped.code(), gzipped.err());
        assertTrue(gzipped.err().contains(archive + ":1: not valid UTF-8 (it is gzip-compressed"), gzipped.err());
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Result other = DocbenchCliTest.run("classify", "--task", "topic", latin1.toString());
        assertFalse(other.err().contains("UTF-16"), "only a UTF-16 byte-order mark says UTF-16: " + other.err());
    }

    @Test
    void classify_aLinkToNothing_isNamedAsALink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("today.txt"), dir.resolve("gone.txt"));
        Result r = DocbenchCliTest.run("classify", "--task", "topic", link.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(link + " is a link to nothing (" + dir.resolve("gone.txt") + " does not exist)"), r.err());
    }

    @Test
    void lines_ofAFileNamedStdin_areNamedByTheFile_notLikeStdinsLines() throws Exception {
        byte[] text = "jail detainer\nsanctuary city\n".getBytes(StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        LineBlocks file = new LineBlocks(new ByteArrayInputStream(text), "stdin", false, 1 << 10, null);
        for (LineBlocks.LineBlock b = file.next(); b != null; b = file.next()) {
            b.docs().forEach(d -> ids.add(d.id()));
        }
        assertEquals(List.of("stdin:1", "stdin:2"), ids, "a file the user named 'stdin'");
        ids.clear();
        LineBlocks stdin = new LineBlocks(new ByteArrayInputStream(text), "stdin", true, 1 << 10, null);
        for (LineBlocks.LineBlock b = stdin.next(); b != null; b = stdin.next()) {
            b.docs().forEach(d -> ids.add(d.id()));
        }
        assertEquals(List.of("line-1", "line-2"), ids, "stdin itself");
    }

    @Test
    void jsonl_aRecordWhoseIdEndsInHtml_isReadAsTheTextItHolds() throws Exception {
        String text = "Tom <jail> & Jerry\n\nsecond paragraph";
        Path f = Files.writeString(dir.resolve("r.jsonl"),
                "{\"id\":\"https://news.example/2012/story.html\",\"text\":\"Tom <jail> & Jerry\\n\\nsecond paragraph\"}\n"
                        + "{\"id\":\"p\",\"text\":\"<html><body><p>a page</p></body></html>\"}\n");
        List<DocumentInputs.Doc> docs = new DocumentInputs(DocumentInputs.Mode.JSONL, "id", "text").readAll(List.of(f.toString()), null);
        assertEquals(text, docs.get(0).text(), "the id is a URL, not the text's format");
        assertEquals("a page\n", docs.get(1).text(), "text that is a page is still read as one");
    }
}

package org.docbench.classifiers.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.docbench.core.corpus.JsonLinesReader;
import org.docbench.core.text.HtmlText;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The documents a command line names, read in order and handed on one at a time: each FILE is
 * one document, each folder every {@code .txt}/{@code .html} file under it (sorted; in
 * {@link Mode#JSONL}, every {@code .jsonl} and {@code .ndjson} file), {@code -}
 * stdin; a file the names reach twice is read once ({@link InputFiles}). By default a file or stdin is one document; {@link Mode#LINES} makes each non-blank line
 * one, {@link Mode#JSONL} each line a JSON record with an id and a text field. A UTF-8 BOM is
 * dropped; a web page ({@code .html}, or text that starts like one) becomes its text through
 * {@link HtmlText}. Problems are {@link DocbenchCli.BadInputException}s naming the file and line.
 */
final class DocumentInputs {
    enum Mode { WHOLE, LINES, JSONL }

    record Doc(String id, String text) {
    }

    /** Documents read but maybe not yet decoded; see {@link LineBlocks.LineBlock}. */
    interface Batch {
        /** The documents in input order; decodes or parses them first where that is left to do. */
        List<Doc> docs() throws Exception;

        /**
         * Hands each document to {@code sink}, in input order. The text may be a buffer that the
         * next document reuses ({@link Mode#LINES} decodes every line into one), so a sink that
         * keeps a text copies it.
         */
        default void forEach(DocSink sink) throws Exception {
            for (Doc d : docs()) {
                sink.accept(d.id(), d.text());
            }
        }
    }

    interface DocSink {
        void accept(String id, CharSequence text) throws Exception;

        /**
         * A JSON record's document, read at line {@code line} of {@code source} (a path, or {@code stdin}):
         * its id comes from the record, so two records may share one.
         */
        default void accept(String id, CharSequence text, String source, int line) throws Exception {
            accept(id, text);
        }
    }

    interface BatchSink {
        void accept(Batch batch) throws Exception;
    }

    /** Whole documents per batch. */
    static final int BATCH = 256;
    /** Bytes of lines per batch: about 170 AllSides articles, a few milliseconds of work. */
    static final int BLOCK_BYTES = 1 << 20;

    /** Made on first use: only {@link Mode#JSONL} needs it, and building one would delay every run's start-up. */
    private static final class Json {
        // Two records on one line (a file cat-ed onto one without a final newline) must not lose the second,
        // and a field given twice in one record has no one value to read.
        static final ObjectMapper READER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private final Mode mode;
    private final String idField;
    /** The user named the id field: a record without it is an error, not a line-numbered id. */
    private final boolean idRequired;
    private final String textField;
    private final int blockBytes;
    /** Where remarks on the input go (stderr): files skipped or read once ({@link InputFiles}). */
    private final java.util.function.Consumer<String> notes;

    DocumentInputs(Mode mode, String idField, String textField) {
        this(mode, idField, false, textField, BLOCK_BYTES, note -> { });
    }

    /** With {@code blockBytes} per {@link LineBlocks.LineBlock}: small in tests, to cross block edges. */
    DocumentInputs(Mode mode, String idField, String textField, int blockBytes) {
        this(mode, idField, false, textField, blockBytes, note -> { });
    }

    /**
     * With {@code blockBytes} per {@link LineBlocks.LineBlock}; {@code idRequired} when the user named the id field; {@code notes} takes remarks on
     * the input.
     */
    DocumentInputs(Mode mode, String idField, boolean idRequired, String textField, int blockBytes,
                   java.util.function.Consumer<String> notes) {
        if (blockBytes < 1) {
            throw new IllegalArgumentException("blockBytes must be at least 1, got " + blockBytes);
        }
        this.mode = mode;
        this.idField = idField;
        this.idRequired = idRequired;
        this.textField = textField;
        this.blockBytes = blockBytes;
        this.notes = notes;
    }

    /** Names of stdin: '-', and the system's own (reading one after another gives the second nothing). */
    private static final java.util.Set<String> STDIN_NAMES = java.util.Set.of("-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0");

    /**
     * Checks that every named input exists before any is read, so a typo fails at once; stdin
     * named twice is a mistake in the command line ({@code cl}'s usage error).
     */
    static void check(List<String> names, picocli.CommandLine cl) {
        List<String> stdin = names.stream().filter(STDIN_NAMES::contains).toList();
        if (stdin.size() > 1) {
            throw new picocli.CommandLine.ParameterException(cl, "stdin is named more than once (" + String.join(", ", stdin.stream()
                    .map(n -> "'" + n + "'").toList()) + "); it can be read only once");
        }
        for (String n : names) {
            if (n.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(cl, "a FILE is '', an empty file name (an unset shell "
                        + "variable?); name a document or folder, or '-' for stdin");
            }
            if (!n.equals("-") && !Files.exists(Path.of(n))) {
                throw InputProblems.missing(n);
            }
        }
    }

    /**
     * Reads every named input in order and hands its documents on in batches: up to {@link #BATCH}
     * whole documents, or one {@link LineBlocks.LineBlock} of a stream's lines, whose decoding and parsing
     * {@link Batch#docs()} and {@link Batch#forEach} leave to the thread that classifies it.
     */
    void read(List<String> names, InputStream stdin, BatchSink sink) throws Exception {
        List<Doc> whole = new ArrayList<>();
        try {
            readEach(names, stdin, sink, whole);
        } catch (DocbenchCli.BadInputException e) {
            if (!whole.isEmpty()) { // the documents read before the bad one are handed on first
                sink.accept(batchOf(whole));
            }
            throw e;
        }
        if (!whole.isEmpty()) {
            sink.accept(batchOf(whole));
        }
    }

    private void readEach(List<String> names, InputStream stdin, BatchSink sink, List<Doc> whole) throws Exception {
        InputFiles files = new InputFiles(mode == Mode.JSONL, notes);
        for (String n : names) {
            if (n.equals("-")) {
                if (DocbenchCli.stdinClosed) {
                    throw new DocbenchCli.BadInputException("cannot read stdin: it is closed (<&-); give a FILE, or send the "
                            + "input to stdin");
                }
                readStream(InputProblems.reportingErrors(stdin, "stdin"), "stdin", "stdin", true, whole, sink);
                continue;
            }
            Path p = Path.of(n);
            if (Files.isDirectory(p)) {
                for (Path f : files.under(p, n)) {
                    readFile(f, f.toString(), whole, sink);
                }
            } else if (Files.exists(p)) {
                // Not only regular files: a pipe (classify <(zcat news.gz)) or a device reads as one.
                if (files.firstTime(p)) {
                    readFile(p, n, whole, sink);
                }
            } else {
                throw InputProblems.missing(n);
            }
        }
    }

    /**
     * A line of {@link Mode#LINES} or a {@link Mode#JSONL} record's text as a document: as it is, or
     * a web page's text when it is a whole page (an archive of scraped pages, one per line).
     */
    static CharSequence pageOrText(CharSequence text) {
        return HtmlText.looksLikeHtml(text) ? HtmlText.toText(text.toString()) : text;
    }

    /**
     * Bytes of heap a whole document takes per byte of its text while it is classified: its
     * bytes, String and the tokenizer's copy (5 for ASCII), the token arrays, sized for one token
     * per char (24), and the lookups' scratch; about 34 counted for a 20.7 MB text, so 40.
     */
    static final int HEAP_PER_BYTE = 40;

    /**
     * Refuses, before reading it, a whole document of {@code bytes} that a heap of {@code heap}
     * bytes cannot classify: the JVM would die of an OutOfMemoryError halfway, after reading it all.
     */
    static void checkHoldable(String where, long bytes, long heap) {
        String tooBig = DocumentFiles.tooBig(where, bytes, heap);
        if (tooBig != null) {
            throw new DocbenchCli.BadInputException(tooBig);
        }
    }

    private void readFile(Path file, String id, List<Doc> whole, BatchSink sink) throws Exception {
        if (mode == Mode.WHOLE && Files.isRegularFile(file)) {
            // What the heap can still take: the model and its tables are loaded by now.
            Runtime rt = Runtime.getRuntime();
            checkHoldable(file.toString(), Files.size(file), rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
        }
        InputStream opened;
        try {
            opened = Files.newInputStream(file);
        } catch (IOException e) {
            throw InputProblems.unreadable(file.toString(), e);
        }
        try (InputStream in = InputProblems.reportingErrors(opened, file.toString())) {
            readStream(in, id, file.toString(), false, whole, sink);
        }
    }

    /**
     * {@code name} is the documents' id (or id prefix), {@code where} the path errors name;
     * {@code stdin} when the stream is stdin, which has no name to say it holds a page.
     */
    private void readStream(InputStream in, String name, String where, boolean stdin, List<Doc> whole, BatchSink sink)
            throws Exception {
        if (mode == Mode.WHOLE) {
            whole.add(new Doc(name, wholeText(in.readAllBytes(), name, where, stdin)));
            if (whole.size() == BATCH) {
                sink.accept(batchOf(whole));
                whole.clear();
            }
            return;
        }
        if (isPageName(name)) {
            notes.accept("docbench: " + TsvCells.field(where) + " is a web page; " + (mode == Mode.LINES ? "--lines" : "--jsonl")
                    + " reads its lines as they are, markup included");
        }
        LineBlocks blocks = new LineBlocks(in, name, stdin, blockBytes, mode == Mode.JSONL ? this::record : null);
        for (LineBlocks.LineBlock b = blocks.next(); b != null; b = blocks.next()) {
            sink.accept(b);
        }
    }

    private static Batch batchOf(List<Doc> docs) {
        List<Doc> copy = List.copyOf(docs);
        return () -> copy;
    }

    /** What {@link String#isBlank} says of the same chars: white space is never a surrogate. */
    static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Doc record(String line, String where, String name, int n) {
        JsonNode node;
        try {
            node = Json.READER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = e.getOriginalMessage().startsWith("Trailing token") ? "more than one JSON value on the line"
                    : JsonLinesReader.plainMessage(e);
            throw new DocbenchCli.BadInputException(at(name, n) + ": not a JSON record (" + why + "); each line holds one record");
        } catch (IOException e) {
            throw new DocbenchCli.BadInputException(at(name, n) + ": not a JSON record (" + DocbenchCli.oneLine(e) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new DocbenchCli.BadInputException(at(name, n) + ": JSON, but not an object: each line must be one {...} record");
        }
        JsonNode text = node.get(textField);
        if (text == null) {
            throw new DocbenchCli.BadInputException(at(name, n) + ": no text field '" + textField + "' (--text-field names it)");
        }
        if (text.isNull()) {
            throw new DocbenchCli.BadInputException(at(name, n) + ": the text field '" + textField + "' is null");
        }
        if (!text.isTextual()) {
            throw new DocbenchCli.BadInputException(at(name, n) + ": the text field '" + textField + "' is "
                    + JsonLinesReader.kindOf(text) + ", not a string");
        }
        JsonNode id = node.get(idField);
        if (idRequired && (id == null || id.isNull())) {
            throw new DocbenchCli.BadInputException(at(name, n) + ": no id field '" + idField + "' (named by --id-field)");
        }
        // As the corpus readers take ids: a record without the field is named by its line; one whose
        // field is there must hold a string, number or boolean that is not blank.
        if (id != null && (id.isContainerNode() || id.isNull() || id.asText().isBlank())) {
            throw new DocbenchCli.BadInputException(at(name, n) + ": the id field '" + idField + "' is "
                    + (id.isContainerNode() ? JsonLinesReader.kindOf(id) + "; an id is a string, number or boolean"
                            : (id.isNull() ? "null" : "empty") + "; give the record an id, or leave the field out to name it by its line"));
        }
        String docId = id == null ? where : id.asText();
        // A record is no file: its text is a page when it reads as one, whatever its id (often a URL ending in .html).
        String t = text.asText();
        return new Doc(docId, pageOrText(t).toString());
    }

    /** Line {@code n} of {@code name} as errors name it: on one line, whatever the file name holds. */
    private static String at(String name, int n) {
        return TsvCells.field(name) + ":" + n;
    }

    /**
     * A whole document's text: UTF-8 (a BOM dropped), or for a web page that is not UTF-8, the
     * charset it declares; a web page becomes its text.
     */
    private static String wholeText(byte[] bytes, String name, String where, boolean stdin) {
        if (!stdin) {
            try {
                return DocumentFiles.text(bytes, name, where);
            } catch (DocumentFiles.NotText e) {
                throw new DocbenchCli.BadInputException(e.getMessage());
            }
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1);
            boolean page = isPageName(name) || startsWithPageTag(head);
            String text = page ? HtmlText.toTextInDeclaredCharset(bytes) : null;
            if (text == null) {
                throw new DocbenchCli.BadInputException(DocumentFiles.notUtf8(bytes, where, page));
            }
            return text;
        }
        String text = s.startsWith("\uFEFF") ? s.substring(1) : s;
        return startsWithPageTag(text) ? HtmlText.toText(text) : DocumentFiles.asText(text, name);
    }

    /**
     * Tags a page or a piece of one (copied from a browser, {@code curl | pup}) starts with:
     * the document's own, the common blocks, and the inline ones a copied piece of a paragraph
     * starts with ({@code <span class="dateline">}, {@code <a href=...>}, {@code <strong>}):
     * HTML's own names, which plain text does not put in angle brackets.
     */
    private static final java.util.Set<String> PAGE_TAGS = java.util.Set.of("html", "head", "body", "title", "p", "div",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "article", "section", "header", "footer", "main",
            "nav", "aside", "blockquote", "pre", "figure", "span", "a", "strong", "em", "b", "i", "img", "br", "time", "small",
            "figcaption", "tr", "td");

    /**
     * Whether {@code text} read from stdin, which has no file name to say so, is a web page or a
     * piece of one: its first char that is not white space is {@code '<'} opening a doctype, a
     * comment or one of {@link #PAGE_TAGS} ({@code <div>}, {@code <p class="lead">}). Plain text
     * such as {@code <3 to all} or {@code <jail> and more} is not.
     */
    static boolean startsWithPageTag(String text) {
        if (HtmlText.looksLikeHtml(text)) {
            return true;
        }
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length() || text.charAt(i) != '<') {
            return false;
        }
        int end = i + 1;
        while (end < text.length() && end - i <= 10 && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        if (end == text.length()) {
            return false;
        }
        char after = text.charAt(end);
        return (after == '>' || after == '/' || Character.isWhitespace(after))
                && PAGE_TAGS.contains(text.substring(i + 1, end).toLowerCase(Locale.ROOT));
    }

    private static boolean isPageName(String name) {
        return DocumentFiles.isPageName(name);
    }

    /** For callers that want a whole list (small inputs, tests). */
    List<Doc> readAll(List<String> names, InputStream stdin) throws Exception {
        List<Doc> out = new ArrayList<>();
        read(names, stdin, b -> out.addAll(b.docs()));
        return out;
    }
}

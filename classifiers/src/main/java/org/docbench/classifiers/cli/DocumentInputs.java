package org.docbench.classifiers.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.docbench.core.text.HtmlText;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The documents a command line names, read in order and handed on one at a time: each FILE is
 * one document, each folder every {@code .txt}/{@code .html} file under it (sorted), {@code -}
 * stdin. By default a file or stdin is one document; {@link Mode#LINES} makes each non-blank line
 * one, {@link Mode#JSONL} each line a JSON record with an id and a text field. A UTF-8 BOM is
 * dropped; a web page ({@code .html}, or text that starts like one) becomes its text through
 * {@link HtmlText}. Problems are {@link DocbenchCli.BadInputException}s naming the file and line.
 */
final class DocumentInputs {
    enum Mode { WHOLE, LINES, JSONL }

    record Doc(String id, String text) {
    }

    /** Documents read but maybe not yet decoded; see {@link LineBlock}. */
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
    private final String textField;

    private final int blockBytes;

    DocumentInputs(Mode mode, String idField, String textField) {
        this(mode, idField, textField, BLOCK_BYTES);
    }

    /** With {@code blockBytes} per {@link LineBlock} (small in tests, to cross block edges). */
    DocumentInputs(Mode mode, String idField, String textField, int blockBytes) {
        if (blockBytes < 1) {
            throw new IllegalArgumentException("blockBytes must be at least 1, got " + blockBytes);
        }
        this.mode = mode;
        this.idField = idField;
        this.textField = textField;
        this.blockBytes = blockBytes;
    }

    /** Checks that every named input exists before any is read, so a typo fails at once. */
    static void check(List<String> names) {
        if (names.stream().filter("-"::equals).count() > 1) {
            throw new DocbenchCli.BadInputException("stdin ('-') is named more than once; it can be read only once");
        }
        for (String n : names) {
            if (!n.equals("-") && !Files.exists(Path.of(n))) {
                throw new DocbenchCli.BadInputException("no such document or folder: " + n);
            }
        }
    }

    /**
     * Reads every named input in order and hands its documents on in batches: up to {@link #BATCH}
     * whole documents, or one {@link LineBlock} of a stream's lines, whose decoding and parsing
     * {@link Batch#docs()} and {@link Batch#forEach} leave to the thread that classifies it.
     */
    void read(List<String> names, InputStream stdin, BatchSink sink) throws Exception {
        List<Doc> whole = new ArrayList<>();
        for (String n : names) {
            if (n.equals("-")) {
                readStream(stdin, "stdin", whole, sink);
                continue;
            }
            Path p = Path.of(n);
            if (Files.isDirectory(p)) {
                List<Path> files;
                // A linked subfolder is part of the folder as its user sees it; a link loop is an error, not a hang.
                try (Stream<Path> walk = Files.walk(p, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                    files = walk.filter(Files::isRegularFile).filter(DocumentInputs::isDocumentName).sorted().toList();
                } catch (java.io.UncheckedIOException e) {
                    if (e.getCause() instanceof java.nio.file.FileSystemLoopException loop) {
                        throw new DocbenchCli.BadInputException("folder " + n + " links back into itself at " + loop.getFile());
                    }
                    throw e;
                }
                if (files.isEmpty()) {
                    throw new DocbenchCli.BadInputException("folder " + n + " holds no .txt or .html document");
                }
                for (Path f : files) {
                    readFile(f, p.relativize(f).toString(), whole, sink);
                }
            } else if (Files.exists(p)) {
                // Not only regular files: a pipe (classify <(zcat news.gz)) or a device reads as one.
                readFile(p, p.getFileName().toString(), whole, sink);
            } else {
                throw new DocbenchCli.BadInputException("no such document or folder: " + n);
            }
        }
        if (!whole.isEmpty()) {
            sink.accept(batchOf(whole));
        }
    }

    private static boolean isDocumentName(Path p) {
        String s = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return s.endsWith(".txt") || s.endsWith(".html") || s.endsWith(".htm");
    }

    private void readFile(Path file, String id, List<Doc> whole, BatchSink sink) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            readStream(in, id, file.toString(), whole, sink);
        }
    }

    private void readStream(InputStream in, String name, List<Doc> whole, BatchSink sink) throws Exception {
        readStream(in, name, name, whole, sink);
    }

    /** {@code name} is the documents' id (or id prefix), {@code where} the path errors name. */
    private void readStream(InputStream in, String name, String where, List<Doc> whole, BatchSink sink) throws Exception {
        if (mode == Mode.WHOLE) {
            whole.add(new Doc(name, wholeText(in.readAllBytes(), name, where)));
            if (whole.size() == BATCH) {
                sink.accept(batchOf(whole));
                whole.clear();
            }
            return;
        }
        LineBlocks blocks = new LineBlocks(in, name, blockBytes);
        for (LineBlock b = blocks.next(); b != null; b = blocks.next()) {
            sink.accept(b);
        }
    }

    private static Batch batchOf(List<Doc> docs) {
        List<Doc> copy = List.copyOf(docs);
        return () -> copy;
    }

    /**
     * Whole lines of one stream, as the bytes they were read in: {@code bytes[0, to)}.
     * {@link #docs()} and {@link #forEach} split them on {@code '\n'} (a {@code '\r'} before it is dropped; a lone
     * {@code '\r'} is not a line end), decodes each as UTF-8 (a line that is not valid UTF-8 is an
     * error naming it), drops a BOM at the start of line 1 and skips blank lines, then makes each
     * line a document ({@link Mode#LINES}) or parses it as a JSON record ({@link Mode#JSONL}).
     *
     * <p>The block's first line number is known only when the block before it has counted its
     * lines, which is the first thing either does: so no thread reads every byte twice
     * and the reading thread touches none. Blocks of a stream must be processed in the order
     * they were read, or at least started in that order (a FIFO pool does).
     */
    final class LineBlock implements Batch {
        private final String name;
        private final byte[] bytes;
        private final int to;
        private final CompletableFuture<Integer> firstLine;
        private final CompletableFuture<Integer> nextFirstLine = new CompletableFuture<>();
        /** Where the bytes go back for another block once decoded. */
        private final Queue<byte[]> spare;
        private boolean decoded;

        private LineBlock(String name, byte[] bytes, int to, CompletableFuture<Integer> firstLine, Queue<byte[]> spare) {
            this.name = name;
            this.bytes = bytes;
            this.to = to;
            this.firstLine = firstLine;
            this.spare = spare;
        }

        /** {@inheritDoc} Once only: the bytes then go back to the reader for a later block. */
        @Override
        public List<Doc> docs() throws Exception {
            List<Doc> out = new ArrayList<>();
            lines((b, off, len, n) -> {
                Doc d = doc(b, off, len, n);
                if (d != null) {
                    out.add(d);
                }
            });
            return out;
        }

        /**
         * {@link Mode#LINES} without a String per line: each line is decoded into one reused
         * buffer, which the scorer reads straight into its tokenizer.
         */
        @Override
        public void forEach(DocSink sink) throws Exception {
            if (mode != Mode.LINES) {
                Batch.super.forEach(sink);
                return;
            }
            LineDecoder decoder = new LineDecoder(bytes);
            lines((b, off, len, n) -> {
                CharBuffer line = decoder.decode(off, len, name, n);
                if (n == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
                    line.position(line.position() + 1);
                }
                if (!isBlank(line)) {
                    sink.accept(where(n), line);
                }
            });
        }

        /** Hands every line to {@code visitor}, numbered; once per block. */
        private void lines(LineVisitor visitor) throws Exception {
            if (decoded) {
                throw new IllegalStateException("the lines of this block were decoded already");
            }
            decoded = true;
            try {
                int[] ends = lineEnds(bytes, to);
                int lines = ends[0];
                int n;
                try {
                    n = firstLine.get() - 1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted before the lines before " + name + " were counted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                nextFirstLine.complete(n + 1 + lines);
                // A block ends at a line end, but the last one of a stream may not.
                int segments = lines > 0 && ends[lines] == to - 1 ? lines : lines + 1;
                int start = 0;
                for (int k = 1; k <= segments; k++) {
                    int end = k <= lines ? ends[k] : to;
                    int len = end - start;
                    if (k <= lines && len > 0 && bytes[end - 1] == '\r') {
                        len--;
                    }
                    visitor.line(bytes, start, len, ++n);
                    start = end + 1;
                }
            } finally {
                if (bytes.length == blockBytes) { // one grown for a long line is not kept
                    spare.offer(bytes);
                }
            }
        }

        /** Line {@code n}, {@code len} bytes at {@code off}, as a document, or null when it is blank. */
        private Doc doc(byte[] b, int off, int len, int n) {
            String line = decodeLine(b, off, len, name, n);
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                return null;
            }
            return mode == Mode.LINES ? new Doc(where(n), line) : record(line, where(n), name, n);
        }

        private String where(int n) {
            return name.equals("stdin") ? "line-" + n : name + ":" + n;
        }
    }

    private interface LineVisitor {
        void line(byte[] bytes, int off, int len, int n) throws Exception;
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

    /**
     * Decodes the lines of one block into one reused buffer, strictly: a line that is not valid
     * UTF-8 is an error naming it, as {@link #decodeLine} says. Never overflows: UTF-8 gives at
     * most one char per byte.
     */
    private static final class LineDecoder {
        private final ByteBuffer in;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private CharBuffer chars = CharBuffer.allocate(8192);

        LineDecoder(byte[] block) {
            in = ByteBuffer.wrap(block);
        }

        CharBuffer decode(int off, int len, String name, int line) {
            if (chars.capacity() < len) {
                chars = CharBuffer.allocate(Math.max(len, 2 * chars.capacity()));
            }
            chars.clear();
            utf8.reset();
            in.limit(off + len).position(off);
            CoderResult r = utf8.decode(in, chars, true);
            if (r.isUnderflow()) {
                r = utf8.flush(chars);
            }
            if (!r.isUnderflow()) {
                throw new DocbenchCli.BadInputException(name + ":" + line + ": not valid UTF-8");
            }
            return chars.flip();
        }
    }

    /**
     * Where the {@code '\n'} bytes of {@code b[0, to)} are: element 0 is how many, elements 1 on
     * their offsets. A loop of its own, which the JIT compiles small and early.
     */
    private static int[] lineEnds(byte[] b, int to) {
        int[] ends = new int[Math.max(16, to >> 10)];
        int lines = 0;
        for (int i = 0; i < to; i++) {
            if (b[i] == '\n') {
                if (++lines == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * lines);
                }
                ends[lines] = i;
            }
        }
        ends[0] = lines;
        return ends;
    }

    /**
     * Cuts a stream into {@link LineBlock}s of at least {@code blockBytes} bytes (less at the end),
     * each ending at a line end, so the reading thread only moves bytes while the workers split
     * and decode: one thread building every line's String would cap every worker at its pace. A line
     * longer than a block grows the block to hold it. Not thread-safe.
     */
    private final class LineBlocks {
        private final InputStream in;
        private final String name;
        private final int blockBytes;
        private byte[] carry = new byte[0];
        private int carried;
        private CompletableFuture<Integer> nextFirstLine = CompletableFuture.completedFuture(1);
        private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
        private boolean eof;

        LineBlocks(InputStream in, String name, int blockBytes) {
            this.in = in;
            this.name = name;
            this.blockBytes = blockBytes;
        }

        LineBlock next() throws IOException {
            if (eof && carried == 0) {
                return null;
            }
            // Blocks come back once decoded: a few buffers serve a whole stream, not one new megabyte per block.
            byte[] buf = spare.poll();
            if (buf == null || buf.length < 2 * carried) {
                buf = new byte[Math.max(blockBytes, 2 * carried)];
            }
            System.arraycopy(carry, 0, buf, 0, carried);
            int len = carried;
            int cut = -1;
            while (cut < 0) {
                while (!eof && len < buf.length) {
                    int r = in.read(buf, len, buf.length - len);
                    if (r < 0) {
                        eof = true;
                    } else {
                        len += r;
                    }
                }
                if (eof) {
                    cut = len;
                } else {
                    cut = lastLineEnd(buf, carried, len);
                    if (cut < 0) {
                        buf = Arrays.copyOf(buf, 2 * buf.length);
                    }
                }
            }
            carried = len - cut;
            if (carried > carry.length) {
                carry = new byte[Math.max(carried, 2 * carry.length)];
            }
            System.arraycopy(buf, cut, carry, 0, carried);
            if (len == 0) {
                return null;
            }
            LineBlock b = new LineBlock(name, buf, cut, nextFirstLine, spare);
            nextFirstLine = b.nextFirstLine;
            return b;
        }

        /** One past the last {@code '\n'} in {@code buf[from, to)}, or -1 if there is none. */
        private static int lastLineEnd(byte[] buf, int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                if (buf[i] == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }
    }

    /**
     * Decodes one line with the JDK's String constructor, many times faster than a Reader on
     * ASCII-heavy text; a line it had to repair (U+FFFD) is decoded again strictly, so malformed
     * input is still an error naming the line.
     */
    private static String decodeLine(byte[] buf, int off, int len, String name, int line) {
        String s = new String(buf, off, len, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, off, len));
            } catch (CharacterCodingException e) {
                throw new DocbenchCli.BadInputException(name + ":" + line + ": not valid UTF-8");
            }
        }
        return s;
    }

    private Doc record(String line, String where, String name, int n) {
        JsonNode node;
        try {
            node = Json.READER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = e.getOriginalMessage().startsWith("Trailing token") ? "more than one JSON value on the line" : e.getOriginalMessage();
            throw new DocbenchCli.BadInputException(name + ":" + n + ": not a JSON record (" + why + "); each line holds one record");
        } catch (IOException e) {
            throw new DocbenchCli.BadInputException(name + ":" + n + ": not a JSON record (" + DocbenchCli.oneLine(e) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new DocbenchCli.BadInputException(name + ":" + n + ": JSON, but not an object: each line must be one {...} record");
        }
        JsonNode text = node.get(textField);
        if (text == null || text.isNull()) {
            throw new DocbenchCli.BadInputException(name + ":" + n + ": no text field '" + textField + "' (--text-field names it)");
        }
        if (!text.isTextual()) {
            throw new DocbenchCli.BadInputException(name + ":" + n + ": the text field '" + textField + "' is " + kind(text)
                    + ", not a string");
        }
        JsonNode id = node.get(idField);
        String docId = id == null || id.isNull() || id.isValueNode() && id.asText().isBlank() ? where
                : id.isValueNode() ? id.asText() : id.toString();
        return new Doc(docId, asText(text.asText(), docId));
    }

    private static String kind(JsonNode v) {
        return v.isNumber() ? "a number" : v.isBoolean() ? "true or false" : v.isArray() ? "an array" : "an object";
    }

    /**
     * A whole document's text: UTF-8 (a BOM dropped), or for a web page that is not UTF-8, the
     * charset it declares; a web page becomes its text.
     */
    private static String wholeText(byte[] bytes, String name, String where) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            boolean page = isPageName(name) || HtmlText.looksLikeHtml(new String(bytes, 0, Math.min(bytes.length, 64),
                    StandardCharsets.ISO_8859_1));
            String text = page ? HtmlText.toTextInDeclaredCharset(bytes) : null;
            if (text == null) {
                throw new DocbenchCli.BadInputException("document " + where + " is not valid UTF-8"
                        + (page ? " and declares no other charset (<meta charset=...>)" : "") + ": save it as UTF-8");
            }
            return text;
        }
        return asText(s.startsWith("\uFEFF") ? s.substring(1) : s, name);
    }

    private static boolean isPageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    private static String asText(String text, String name) {
        return isPageName(name) || HtmlText.looksLikeHtml(text) ? HtmlText.toText(text) : text;
    }

    /** For callers that want a whole list (small inputs, tests). */
    List<Doc> readAll(List<String> names, InputStream stdin) throws Exception {
        List<Doc> out = new ArrayList<>();
        read(names, stdin, b -> out.addAll(b.docs()));
        return out;
    }
}

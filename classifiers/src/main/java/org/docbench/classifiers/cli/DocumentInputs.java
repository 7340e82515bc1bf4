package org.docbench.classifiers.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.docbench.core.text.HtmlText;

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

    interface Sink {
        void accept(Doc doc) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mode mode;
    private final String idField;
    private final String textField;

    DocumentInputs(Mode mode, String idField, String textField) {
        this.mode = mode;
        this.idField = idField;
        this.textField = textField;
    }

    /** Checks that every named input exists before any is read, so a typo fails at once. */
    static void check(List<String> names) {
        for (String n : names) {
            if (!n.equals("-") && !Files.exists(Path.of(n))) {
                throw new DocbenchCli.BadInputException("no such document or folder: " + n);
            }
        }
    }

    void read(List<String> names, InputStream stdin, Sink sink) throws Exception {
        for (String n : names) {
            if (n.equals("-")) {
                readStream(stdin, "stdin", sink);
                continue;
            }
            Path p = Path.of(n);
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile).filter(DocumentInputs::isDocumentName).sorted().toList();
                }
                if (files.isEmpty()) {
                    throw new DocbenchCli.BadInputException("folder " + n + " holds no .txt or .html document");
                }
                for (Path f : files) {
                    readFile(f, p.relativize(f).toString(), sink);
                }
            } else if (Files.isRegularFile(p)) {
                readFile(p, p.getFileName().toString(), sink);
            } else {
                throw new DocbenchCli.BadInputException("no such document or folder: " + n);
            }
        }
    }

    private static boolean isDocumentName(Path p) {
        String s = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return s.endsWith(".txt") || s.endsWith(".html") || s.endsWith(".htm");
    }

    private void readFile(Path file, String id, Sink sink) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            readStream(in, id, sink);
        }
    }

    private void readStream(InputStream in, String name, Sink sink) throws Exception {
        if (mode == Mode.WHOLE) {
            sink.accept(new Doc(name, asText(decode(in.readAllBytes(), name), name)));
            return;
        }
        LineReader r = new LineReader(in, name);
        int n = 0;
        for (String line = r.next(); line != null; line = r.next()) {
            n++;
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            String where = name.equals("stdin") ? "line-" + n : name + ":" + n;
            sink.accept(mode == Mode.LINES ? new Doc(where, line) : record(line, where, name, n));
        }
    }

    /**
     * Lines of a UTF-8 stream, split on bytes: the JDK's String constructor decodes ASCII-heavy
     * lines many times faster than a Reader, and a line it had to repair (U+FFFD) is decoded again
     * strictly, so malformed input is still an error naming the line.
     */
    private static final class LineReader {
        private final InputStream in;
        private final String name;
        private byte[] buf = new byte[1 << 20];
        private int start;
        private int end;
        private int line;
        private boolean eof;

        LineReader(InputStream in, String name) {
            this.in = in;
            this.name = name;
        }

        String next() throws IOException {
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buf[i] == '\n') {
                        int len = i - start;
                        if (len > 0 && buf[i - 1] == '\r') {
                            len--;
                        }
                        String s = decode(start, len);
                        start = i + 1;
                        return s;
                    }
                }
                if (eof) {
                    if (start == end) {
                        return null;
                    }
                    String s = decode(start, end - start);
                    start = end;
                    return s;
                }
                fill();
            }
        }

        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }

        private String decode(int off, int len) {
            line++;
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
    }

    private Doc record(String line, String where, String name, int n) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new DocbenchCli.BadInputException(name + ":" + n + ": not a JSON record (" + DocbenchCli.oneLine(e) + ")");
        }
        JsonNode text = node == null ? null : node.get(textField);
        if (text == null || !text.isTextual()) {
            throw new DocbenchCli.BadInputException(name + ":" + n + ": no text field '" + textField + "' (--text-field names it)");
        }
        JsonNode id = node.get(idField);
        String docId = id == null || id.isNull() ? where : id.asText();
        return new Doc(docId, asText(text.asText(), docId));
    }

    private static String decode(byte[] bytes, String name) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new DocbenchCli.BadInputException("document " + name + " is not valid UTF-8");
        }
    }

    private static String asText(String text, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") || HtmlText.looksLikeHtml(text) ? HtmlText.toText(text) : text;
    }

    /** For callers that want a whole list (small inputs, tests). */
    List<Doc> readAll(List<String> names, InputStream stdin) throws Exception {
        List<Doc> out = new ArrayList<>();
        read(names, stdin, out::add);
        return out;
    }
}

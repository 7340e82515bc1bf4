package org.docbench.core.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed input is an error with its byte offset, never replaced. */
final class Utf8 {
    private Utf8() {
    }

    /** A decoder that reports malformed or unmappable input instead of replacing it. */
    static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * {@code in} without a leading UTF-8 byte-order mark, as Excel and Notepad write one before a
     * CSV header or the first JSON record; a UTF-16 file is an error naming {@code where} (see
     * {@link #refuseUtf16}).
     */
    static java.io.InputStream withoutBom(java.io.InputStream in, String where) throws java.io.IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        try {
            refuseUtf16(head, where);
        } catch (CorpusException e) {
            in.close(); // the caller gets no stream to close
            throw e;
        }
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            p.unread(head);
        }
        return p;
    }

    /**
     * Refuses a file that starts with a UTF-16 byte-order mark, as Excel's "Unicode Text" and
     * Windows PowerShell write: read as UTF-8 it fails at byte 0 with "invalid UTF-8", which does
     * not say that the whole file is in another encoding, nor which.
     */
    static void refuseUtf16(byte[] head, String where) {
        if (startsUtf16(head)) {
            throw new CorpusException(new CorpusProblem(where, 1, null, "the file is UTF-16 (it starts with a UTF-16 "
                    + "byte-order mark, as Excel's 'Unicode Text' writes), not UTF-8", "save it as UTF-8 (Excel: 'CSV UTF-8')"));
        }
    }

    /** Whether {@code bytes} start with a UTF-16 byte-order mark, little- or big-endian. */
    private static boolean startsUtf16(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF);
    }

    /** Decodes {@code bytes}; returns null and fills {@code error[0]} when they are not UTF-8. */
    static String decode(byte[] bytes, String[] error) {
        CharsetDecoder decoder = strictDecoder();
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            error[0] = startsUtf16(bytes) ? "UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8"
                    : "invalid UTF-8 near byte " + firstBadByte(bytes);
            return null;
        }
    }

    /**
     * A whole small file (a layout's labels, splits or properties) as text, without a leading
     * byte-order mark. A byte that is not UTF-8 ends the read naming {@code where} and its line:
     * read leniently it would become U+FFFD and, in a label, merge two classes unseen.
     */
    static String decodeFile(byte[] bytes, String where) {
        refuseUtf16(bytes, where);
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return strictDecoder().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            String[] error = new String[1];
            long line = 1;
            try {
                ByteLines lines = new ByteLines(new java.io.ByteArrayInputStream(bytes, start, bytes.length - start));
                for (byte[] l = lines.next(); l != null && decode(l, error) != null; l = lines.next()) {
                    line++;
                }
            } catch (java.io.IOException impossible) {
                throw new java.io.UncheckedIOException(impossible);
            }
            throw new CorpusException(new CorpusProblem(where, line, null,
                    error[0] == null ? "invalid UTF-8" : error[0], "save the file as UTF-8"));
        }
    }

    /**
     * The line (1-based) of {@code file}'s first byte that is not UTF-8, or -1 when it has none:
     * a decoder behind a buffered reader fails where its buffer is, lines past the bad one.
     */
    static long firstBadLine(java.nio.file.Path file) throws java.io.IOException {
        long line = 1;
        try (java.io.InputStream in = withoutBom(java.nio.file.Files.newInputStream(file), file.toString())) {
            ByteLines lines = new ByteLines(in);
            for (byte[] bytes = lines.next(); bytes != null; bytes = lines.next(), line++) {
                if (decode(bytes, new String[1]) == null) {
                    return line;
                }
            }
        }
        return -1;
    }

    /**
     * The lines of a stream as bytes, each without its {@code '\n'} (nor a {@code '\r'} before
     * it). Lines are cut on bytes, so a byte that is not UTF-8 stays in its own line. Not thread-safe.
     */
    static final class ByteLines {
        private final java.io.InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private boolean eof;

        ByteLines(java.io.InputStream in) {
            this.in = in;
        }

        /** The next line, or null at the end of the stream. */
        byte[] next() throws java.io.IOException {
            java.io.ByteArrayOutputStream longer = null; // a line that runs past the buffer
            while (true) {
                if (pos == end) {
                    int n = eof ? -1 : in.read(buf, 0, buf.length);
                    if (n < 0) {
                        eof = true;
                        return longer == null ? null : withoutCr(longer.toByteArray());
                    }
                    pos = 0;
                    end = n;
                }
                int i = pos;
                while (i < end && buf[i] != '\n') {
                    i++;
                }
                if (i < end) {
                    byte[] line;
                    if (longer == null) {
                        line = java.util.Arrays.copyOfRange(buf, pos, i);
                    } else {
                        longer.write(buf, pos, i - pos);
                        line = longer.toByteArray();
                    }
                    pos = i + 1;
                    return withoutCr(line);
                }
                if (longer == null) {
                    longer = new java.io.ByteArrayOutputStream(2 * (end - pos) + 16);
                }
                longer.write(buf, pos, end - pos);
                pos = end;
            }
        }

        private static byte[] withoutCr(byte[] line) {
            int n = line.length;
            return n > 0 && line[n - 1] == '\r' ? java.util.Arrays.copyOf(line, n - 1) : line;
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }
}

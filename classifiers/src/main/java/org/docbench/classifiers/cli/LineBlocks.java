package org.docbench.classifiers.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

/**
 * Cuts a stream into {@link LineBlock}s of at least {@code blockBytes} bytes (less at the end),
 * each ending at a line end, so the reading thread only moves bytes while the workers split and
 * decode: one thread building every line's text would cap every worker at its pace. A line longer
 * than a block grows the block to hold it. Not thread-safe; its blocks go to other threads.
 */
final class LineBlocks {
    /** Makes a JSON Lines record a document. */
    interface Records {
        DocumentInputs.Doc parse(String line, String where, String name, int n);
    }

    private final InputStream in;
    private final String name;
    /** The stream is stdin: its lines are line-N, not {@code name:N} (a file may be named "stdin"). */
    private final boolean stdin;
    private final int blockBytes;
    /** Null for plain lines, each a document. */
    private final Records records;
    private byte[] carry = new byte[0];
    private int carried;
    private CompletableFuture<Integer> nextFirstLine = CompletableFuture.completedFuture(1);
    /** Where a block's bytes come back once decoded: a few buffers serve a whole stream. */
    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
    private boolean eof;

    LineBlocks(InputStream in, String name, boolean stdin, int blockBytes, Records records) {
        this.in = in;
        this.name = name;
        this.stdin = stdin;
        this.blockBytes = blockBytes;
        this.records = records;
    }

    /** The next block, or null at the end of the stream. */
    LineBlock next() throws IOException {
        if (eof && carried == 0) {
            return null;
        }
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
        LineBlock b = new LineBlock(buf, cut, nextFirstLine);
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

    /**
     * Whole lines of one stream, as the bytes they were read in: {@code bytes[0, to)}.
     * {@link #docs()} and {@link #forEach} split them on {@code '\n'} (a {@code '\r'} before it is
     * dropped; a lone {@code '\r'} is not a line end), decode each as UTF-8 (a line that is not
     * valid UTF-8 is an error naming it), drop a BOM at the start of line 1 and skip blank lines,
     * then make each line a document, or parse it as a JSON record.
     *
     * <p>The block's first line number is known only when the block before it has counted its
     * lines, which is the first thing either does: so no thread reads every byte twice and the
     * reading thread touches none. Blocks of a stream must be processed in the order they were
     * read, or at least started in that order (a FIFO pool does).
     */
    final class LineBlock implements DocumentInputs.Batch {
        private final byte[] bytes;
        private final int to;
        private final CompletableFuture<Integer> firstLine;
        private final CompletableFuture<Integer> nextFirstLine = new CompletableFuture<>();
        private boolean decoded;

        private LineBlock(byte[] bytes, int to, CompletableFuture<Integer> firstLine) {
            this.bytes = bytes;
            this.to = to;
            this.firstLine = firstLine;
        }

        /** {@inheritDoc} Once only: the bytes then go back to the reader for a later block. */
        @Override
        public List<DocumentInputs.Doc> docs() throws Exception {
            List<DocumentInputs.Doc> out = new ArrayList<>();
            lines((where, line, n) -> {
                String text = line.toString();
                out.add(records == null ? new DocumentInputs.Doc(where, DocumentInputs.pageOrText(text).toString())
                        : records.parse(text, where, name, n));
            });
            return out;
        }

        /**
         * Plain lines without a String each: every line is decoded into one reused buffer, which
         * the scorer reads straight into its tokenizer.
         */
        @Override
        public void forEach(DocumentInputs.DocSink sink) throws Exception {
            if (records != null) {
                // A record at a time, so the records before a bad one are handed on before it stops the block.
                lines((where, line, n) -> {
                    DocumentInputs.Doc d = records.parse(line.toString(), where, name, n);
                    sink.accept(d.id(), d.text(), name, n);
                });
                return;
            }
            lines((where, line, n) -> sink.accept(where, DocumentInputs.pageOrText(line)));
        }

        /** Hands every non-blank line to {@code visitor}, decoded and numbered; once per block. */
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
                LineDecoder decoder = new LineDecoder(bytes);
                // A block ends at a line end, but the last one of a stream may not.
                int segments = lines > 0 && ends[lines] == to - 1 ? lines : lines + 1;
                int start = 0;
                for (int k = 1; k <= segments; k++) {
                    int end = k <= lines ? ends[k] : to;
                    int len = end - start;
                    if (k <= lines && len > 0 && bytes[end - 1] == '\r') {
                        len--;
                    }
                    n++;
                    CharBuffer line = decoder.decode(start, len, name, n);
                    if (n == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
                        line.position(line.position() + 1);
                    }
                    if (!DocumentInputs.isBlank(line)) {
                        visitor.line(stdin ? "line-" + n : name + ":" + n, line, n);
                    }
                    start = end + 1;
                }
            } finally {
                if (bytes.length == blockBytes) { // one grown for a long line is not kept
                    spare.offer(bytes);
                }
            }
        }
    }

    private interface LineVisitor {
        /** Line {@code n}, named {@code where}: its chars, valid until the next line. */
        void line(String where, CharBuffer line, int n) throws Exception;
    }

    /**
     * Decodes the lines of one block into one reused buffer, strictly: a line that is not valid
     * UTF-8 is an error naming it. Never overflows: UTF-8 gives at most one char per byte.
     */
    private static final class LineDecoder {
        private final Utf8Chars utf8;
        private char[] chars = new char[8192];
        private CharBuffer view = CharBuffer.wrap(chars);

        private final byte[] block;

        LineDecoder(byte[] block) {
            this.block = block;
            utf8 = new Utf8Chars(block);
        }

        CharBuffer decode(int off, int len, String name, int line) {
            if (chars.length < len) {
                chars = new char[Math.max(len, 2 * chars.length)];
                view = CharBuffer.wrap(chars);
            }
            int n = utf8.decode(off, off + len, chars);
            if (n < 0) {
                throw new DocbenchCli.BadInputException(TsvCells.field(name) + ":" + line + ": not valid UTF-8"
                        + (line == 1 ? InputProblems.notUtf8Hint(block, off, len) : ""));
            }
            view.clear();
            return view.limit(n);
        }
    }

    /**
     * Where the {@code '\n'} bytes of {@code b[0, to)} are: element 0 is how many, elements 1 on
     * their offsets. Eight bytes at a time: a line of news is thousands of bytes, and a byte loop
     * over every one of them was a twentieth of {@code classify --lines}. A method of its own,
     * which the JIT compiles small and early.
     */
    static int[] lineEnds(byte[] b, int to) {
        int[] ends = new int[Math.max(16, to >> 10)];
        int lines = 0;
        int i = 0;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            // The high bit of each lane that is zero, that is of each '\n', and of no other lane:
            // adding 0x7F to a lane's low seven bits carries into its high bit unless they are all 0.
            long zero = ~((x & LOW_7_BITS) + LOW_7_BITS | x | LOW_7_BITS);
            while (zero != 0) {
                if (++lines == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * lines);
                }
                ends[lines] = i + (Long.numberOfTrailingZeros(zero) >>> 3);
                zero &= zero - 1;
            }
        }
        for (; i < to; i++) {
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

    /** Eight bytes of a {@code byte[]} as one little-endian {@code long}: lane k is the byte at index + k. */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_7_BITS = 0x7F7F7F7F7F7F7F7FL;
}

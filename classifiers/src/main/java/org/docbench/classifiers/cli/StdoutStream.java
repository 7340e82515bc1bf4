package org.docbench.classifiers.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's stdout, remembering whether its reader went away: {@code docbench classify ... |
 * head -1} closes the pipe after one line, which Java reports as an {@link IOException} ("Broken
 * pipe") where a C program would die of SIGPIPE. The writer above it swallows the exception, so
 * the command asks this stream afterwards whether the output stopped because nobody reads it
 * (then it stops quietly, as {@code cat} does) or for another reason (a full disk), which it reports.
 */
final class StdoutStream extends OutputStream {
    private final OutputStream out;
    private volatile boolean readerGone;
    /** The first write failure's message, for the error that says the output is incomplete. */
    private volatile String failure;

    StdoutStream(OutputStream out) {
        this.out = out;
    }

    /** Whether a write failed because the reading end of the pipe was closed. */
    boolean readerGone() {
        return readerGone;
    }

    /** Why the first failed write failed ("No space left on device", "Bad file descriptor"), or null. */
    String failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private IOException noted(IOException e) {
        if (failure == null) {
            failure = DocbenchCli.oneLine(e);
        }
        // EPIPE has no exception class of its own; the JDK passes on the C library's message.
        if (e.getMessage() != null && e.getMessage().contains("Broken pipe")) {
            readerGone = true;
        }
        return e;
    }
}

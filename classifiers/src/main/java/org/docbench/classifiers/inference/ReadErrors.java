package org.docbench.classifiers.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * A stream whose read errors (a file without read permission, a disk's "Input/output error",
 * stdin's "Bad file descriptor") come out as the exception its caller makes of them, unchecked:
 * they then pass a catch meant for the format of what is read (a zip's, for a model file), and
 * the command line can call them bad input naming the file rather than a failure of docbench.
 */
public final class ReadErrors extends java.io.FilterInputStream {
    private final Function<IOException, ? extends RuntimeException> as;

    public ReadErrors(InputStream in, Function<IOException, ? extends RuntimeException> as) {
        super(in);
        this.as = as;
    }

    /** {@code in}, whose read errors say they come from {@code what} ("model file m.model"), with the system's reason. */
    static ReadErrors naming(InputStream in, String what) {
        return new ReadErrors(in, e -> new UncheckedIOException("cannot read " + what + ": "
                + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e));
    }

    @Override
    public int read() {
        try {
            return super.read();
        } catch (IOException e) {
            throw as.apply(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw as.apply(e);
        }
    }

    /** The wrapped stream's own: it may know the size to read (a file) and copy the bytes once. */
    @Override
    public byte[] readAllBytes() {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw as.apply(e);
        }
    }

    @Override
    public long skip(long n) {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw as.apply(e);
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException e) {
            throw as.apply(e);
        }
    }
}

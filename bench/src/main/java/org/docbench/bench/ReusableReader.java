package org.docbench.bench;

import java.io.Reader;

/** A reader over a String that can be re-pointed, as Lucene's analyzers reuse theirs. Not thread-safe. */
final class ReusableReader extends Reader {
    private String s = "";
    private int pos;

    void set(String text) {
        s = text;
        pos = 0;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
        if (pos >= s.length()) {
            return -1;
        }
        int n = Math.min(len, s.length() - pos);
        s.getChars(pos, pos + n, cbuf, off);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        // reusable: nothing to release
    }
}

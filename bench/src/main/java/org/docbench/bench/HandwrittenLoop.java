package org.docbench.bench;

import java.util.Arrays;

/**
 * The plain hand-written loop a performance engineer would write first: runs of letters and
 * digits, lower-cased into a reused buffer. No spec beyond that. Not thread-safe.
 */
final class HandwrittenLoop {
    private char[] buf = new char[64];
    int chars;

    int tokenize(String s) {
        int n = 0;
        int len = 0;
        chars = 0;
        for (int i = 0, end = s.length(); i < end; i++) {
            char ch = s.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, len * 2);
                }
                buf[len++] = Character.toLowerCase(ch);
            } else if (len > 0) {
                n++;
                chars += len;
                len = 0;
            }
        }
        if (len > 0) {
            n++;
            chars += len;
        }
        return n;
    }
}

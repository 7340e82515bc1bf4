package org.docbench.classifiers.cli;

import java.io.IOException;
import java.io.InputStream;

import org.docbench.classifiers.inference.ReadErrors;

/**
 * What {@link DocumentInputs} says when an input cannot be read as UTF-8 text: a name that is not
 * there, a read that fails, bytes that are another encoding. Every message is one line, whatever
 * the file name holds.
 */
final class InputProblems {
    private InputProblems() {
    }

    /** {@code in}, whose read errors are bad input naming {@code where}. */
    static InputStream reportingErrors(InputStream in, String where) {
        return new ReadErrors(in, e -> unreadable(where, e));
    }

    /** The error for a named input that is not there: a link to nothing says so, as the link is there to see in ls. */
    static DocbenchCli.BadInputException missing(String n) {
        String dangling = DocumentFiles.danglingLink(n);
        if (dangling != null) {
            return new DocbenchCli.BadInputException(TsvCells.field(n) + " " + dangling);
        }
        // The JVM decodes its arguments with the locale's charset, and bytes that are not valid there become U+FFFD,
        // so a file whose name is not valid UTF-8 cannot be named to it at all.
        return new DocbenchCli.BadInputException("no such document or folder: " + TsvCells.field(n) + (n.indexOf('\uFFFD') < 0 ? ""
                : " (the name reached docbench with U+FFFD, which stands for bytes that are not valid in the locale's charset: "
                + "a file so named cannot be opened by name; rename it, or name its folder)"));
    }

    /** The error for an input that cannot be opened or read: {@code where} and why, in words. */
    static DocbenchCli.BadInputException unreadable(String where, IOException e) {
        return new DocbenchCli.BadInputException("cannot read " + TsvCells.field(where) + ": " + reason(e));
    }

    /**
     * Why {@code e} happened, without the file name a {@link java.nio.file.FileSystemException}'s
     * message is made of (its whole message when the system gives no reason: "permission denied" is
     * then only in its class).
     */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return DocbenchCli.oneLine(e);
    }

    /**
     * What to add to "not valid UTF-8" for the {@code len} bytes at {@code off}, the start of an
     * input, when they say what the input is instead: UTF-16 by its byte-order mark (Windows
     * Notepad's "Unicode", PowerShell's {@code >}), gzip by its magic number (an archive.jsonl.gz);
     * else nothing.
     */
    static String notUtf8Hint(byte[] b, int off, int len) {
        if (len >= 2 && (b[off] == (byte) 0xFF && b[off + 1] == (byte) 0xFE || b[off] == (byte) 0xFE && b[off + 1] == (byte) 0xFF)) {
            return " (it is UTF-16: it starts with a UTF-16 byte-order mark; iconv -f UTF-16 -t UTF-8 converts it)";
        }
        if (len >= 2 && b[off] == (byte) 0x1F && b[off + 1] == (byte) 0x8B) {
            return " (it is gzip-compressed: give it as <(zcat FILE) or on stdin through zcat)";
        }
        return "";
    }
}

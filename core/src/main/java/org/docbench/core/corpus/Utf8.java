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
     * CSV header or the first JSON record.
     */
    static java.io.InputStream withoutBom(java.io.InputStream in) throws java.io.IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            p.unread(head);
        }
        return p;
    }

    /** Decodes {@code bytes}; returns null and fills {@code error[0]} when they are not UTF-8. */
    static String decode(byte[] bytes, String[] error) {
        CharsetDecoder decoder = strictDecoder();
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            error[0] = "invalid UTF-8 near byte " + firstBadByte(bytes);
            return null;
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

package org.docbench.classifiers.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8CharsTest {

    /** The JDK's strict decoding of {@code b}, or null where it refuses the bytes. */
    private static char[] jdk(byte[] b, int from, int to) {
        try {
            CharBuffer c = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
            char[] out = new char[c.remaining()];
            c.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void assertSameAsJdk(byte[] b, int from, int to) {
        char[] expected = jdk(b, from, to);
        char[] dst = new char[to - from];
        int n = new Utf8Chars(b).decode(from, to, dst);
        if (expected == null) {
            assertEquals(-1, n, () -> "the JDK refuses " + hex(b, from, to));
        } else {
            assertArrayEquals(expected, Arrays.copyOf(dst, Math.max(n, 0)), () -> "decoding " + hex(b, from, to));
        }
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to && i < from + 64; i++) {
            s.append(String.format("%02X ", b[i] & 0xFF));
        }
        return s.toString();
    }

    @Test
    void everySequenceOfUpToThreeBytesDecodesOrFailsAsTheJdkDoes() {
        byte[] one = new byte[1];
        for (int a = 0; a < 256; a++) {
            one[0] = (byte) a;
            assertSameAsJdk(one, 0, 1);
        }
        byte[] two = new byte[2];
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                two[0] = (byte) a;
                two[1] = (byte) b;
                assertSameAsJdk(two, 0, 2);
            }
        }
        byte[] three = new byte[3];
        for (int a = 0xC0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c += (c < 0x70 || c > 0xC8 ? 7 : 1)) {
                    three[0] = (byte) a;
                    three[1] = (byte) b;
                    three[2] = (byte) c;
                    assertSameAsJdk(three, 0, 3);
                }
            }
        }
    }

    @Test
    void fourByteSequencesAtEveryBoundaryDecodeOrFailAsTheJdkDoes() {
        int[] seconds = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
        int[] others = {0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xE0};
        byte[] four = new byte[4];
        for (int a = 0xF0; a < 256; a++) {
            for (int b : seconds) {
                for (int c : others) {
                    for (int d : others) {
                        four[0] = (byte) a;
                        four[1] = (byte) b;
                        four[2] = (byte) c;
                        four[3] = (byte) d;
                        assertSameAsJdk(four, 0, 4);
                    }
                }
            }
        }
    }

    @Test
    void textMixingAsciiRunsAndEveryWidthDecodesAsTheJdkDoesWhereverItStartsAndEnds() {
        Random random = new Random(7);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                switch (random.nextInt(5)) {
                    case 0 -> text.append("plain ascii words, long enough to cross sixteen bytes".substring(random.nextInt(40)));
                    case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                    case 2 -> text.append("\u201Cquoted\u201D \u2014 dash ");
                    case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    default -> text.append((char) (0x800 + random.nextInt(0xD000)));
                }
            }
            if (random.nextBoolean()) {
                text.append("a run of ASCII longer than the bulk copy's threshold, on either side of any char".repeat(1 + random.nextInt(2)));
            }
            byte[] valid = text.toString().getBytes(StandardCharsets.UTF_8);
            // The text itself, a slice of it (which may cut a char), and a copy with one byte broken.
            assertSameAsJdk(valid, 0, valid.length);
            int from = random.nextInt(valid.length + 1);
            assertSameAsJdk(valid, from, from + random.nextInt(valid.length - from + 1));
            byte[] broken = valid.clone();
            if (broken.length > 0) {
                broken[random.nextInt(broken.length)] = (byte) random.nextInt(256);
                assertSameAsJdk(broken, 0, broken.length);
            }
        }
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedWhereverTheBadByteFallsInARunOfAscii() {
        byte[] b = "0123456789abcdef0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at < b.length; at++) {
            byte[] bad = b.clone();
            bad[at] = (byte) 0xFF;
            assertEquals(-1, new Utf8Chars(bad).decode(0, bad.length, new char[bad.length]), "0xFF at " + at);
        }
    }

    @Test
    void oneDecoderGivesEachLineOfABlockItsOwnCharsWhateverCameBefore() {
        String[] lines = {"caf\u00e9 \u201Cau lait\u201D and a run of plain ASCII longer than thirty-two bytes",
            "", "x", "\uD83D\uDE00 emoji first, then ASCII for a good while after it, past the bulk threshold", "short \u2014"};
        byte[] block = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Utf8Chars utf8 = new Utf8Chars(block);
        char[] small = new char[4];
        char[] large = new char[block.length];
        int start = 0;
        for (String line : lines) {
            int end = start + line.getBytes(StandardCharsets.UTF_8).length;
            char[] dst = end - start <= small.length ? small : large;
            int n = utf8.decode(start, end, dst);
            assertEquals(line, new String(dst, 0, n));
            start = end + 1;
        }
    }
}

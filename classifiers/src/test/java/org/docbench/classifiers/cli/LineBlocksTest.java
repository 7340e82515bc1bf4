package org.docbench.classifiers.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link LineBlocks#lineEnds}, which reads eight bytes at a time, finds what a byte loop finds. */
class LineBlocksTest {

    @Test
    void lineEnds_findsEveryNewlineAndNothingElse_asAByteLoopDoes() {
        Random random = new Random(20261207L);
        // Bytes next to '\n' (0x09, 0x0B, 0x8A, 0x0A | 0x80) and runs of it test each lane alone.
        byte[] alphabet = {'\n', '\n', 0x09, 0x0B, (byte) 0x8A, (byte) 0xFF, 0, 'a', ' ', (byte) 0xE2};
        for (int length : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 100_000}) {
            for (int density : new int[] {1, 3, 50, 5000}) {
                byte[] b = new byte[length + 5];
                for (int i = 0; i < b.length; i++) {
                    b[i] = random.nextInt(density) == 0 ? (byte) '\n' : alphabet[2 + random.nextInt(alphabet.length - 2)];
                }
                for (int to : new int[] {length, Math.max(0, length - 3)}) {
                    assertArrayEquals(byteLoop(b, to), trimmed(LineBlocks.lineEnds(b, to)),
                            "length " + to + ", one '\\n' in " + density);
                }
            }
        }
    }

    private static int[] byteLoop(byte[] b, int to) {
        int[] ends = new int[to + 1];
        int lines = 0;
        for (int i = 0; i < to; i++) {
            if (b[i] == '\n') {
                ends[++lines] = i;
            }
        }
        ends[0] = lines;
        return Arrays.copyOf(ends, lines + 1);
    }

    private static int[] trimmed(int[] ends) {
        return Arrays.copyOf(ends, ends[0] + 1);
    }
}

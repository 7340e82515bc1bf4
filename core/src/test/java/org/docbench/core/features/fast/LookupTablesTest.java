package org.docbench.core.features.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.docbench.core.token.FastTokenizer;
import org.junit.jupiter.api.Test;

/**
 * The word and pair tables behind {@link FastFeatures}: every key given comes back with its value,
 * every other key with the absent value, and bad input is refused by name. The corpus-wide
 * equivalence tests cover them in use; these cover sizes and corners a corpus does not reach.
 */
class LookupTablesTest {
    private static final long SEED = 20261124L;

    @Test
    void pairTable_findsEveryPairGiven_andNoOther_atSizesThatForceEvictions() {
        Random random = new Random(SEED);
        for (int size : new int[] {0, 1, 7, 1_000, 150_000}) {
            int absent = 3_000_000;
            Set<Long> seen = new HashSet<>();
            int[] first = new int[size];
            int[] second = new int[size];
            int[] value = new int[size];
            for (int i = 0; i < size; i++) {
                int a;
                int b;
                do {
                    // Dense small ids, as word ids are, so many pairs share a word.
                    a = random.nextInt(20_000);
                    b = random.nextInt(20_000);
                } while (!seen.add((long) a << 32 | b));
                first[i] = a;
                second[i] = b;
                value[i] = random.nextInt(PairTable.MAX_VALUE + 1);
            }
            PairTable table = new PairTable(first, second, value, absent);
            for (int i = 0; i < size; i++) {
                assertEquals(value[i], table.get(first[i], second[i]), "pair " + i + " of " + size);
            }
            for (int k = 0; k < 10_000; k++) {
                int a = random.nextInt(20_000);
                int b = random.nextInt(20_000);
                if (!seen.contains((long) a << 32 | b)) {
                    assertEquals(absent, table.get(a, b), "absent pair (" + a + ", " + b + ") of " + size);
                }
            }
            assertEquals(absent, table.get(-1, 5), "a negative first id");
            assertEquals(absent, table.get(5, -1), "a negative second id");
            assertEquals(absent, table.get(-1, -1), "two negative ids, whose key looks like an empty slot's");
            if (size >= 1_000) {
                // The table is sized to stay in cache: a load of 0.8, not the 0.25-0.5 of single-slot cuckoo tables.
                assertTrue(table.slotCount() <= size / 0.7, table.slotCount() + " slots for " + size + " pairs");
            }
            // Every pair with a negative id reads buckets 0 and 1, which hold some real pairs in the larger tables.
            for (int i = 0; i < Math.min(size, 50); i++) {
                assertEquals(absent, table.get(-2, second[i]), "a negative id other than -1 before a known word");
                assertEquals(absent, table.get(first[i], -1), "a known word before an unknown one");
            }
        }
    }

    @Test
    void pairTable_refusesDuplicatesAndValuesThatDoNotFit() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new PairTable(new int[] {1, 1}, new int[] {2, 2}, new int[] {3, 4}, 10));
        assertTrue(twice.getMessage().contains("(1, 2) given twice"), twice.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> new PairTable(new int[] {1}, new int[] {PairTable.MAX_ID + 1}, new int[] {3}, 10));
        assertTrue(big.getMessage().contains("does not fit"), big.getMessage());
        IllegalArgumentException badAbsent = assertThrows(IllegalArgumentException.class,
                () -> new PairTable(new int[] {1}, new int[] {2}, new int[] {3}, PairTable.MAX_VALUE + 1));
        assertTrue(badAbsent.getMessage().contains("absent value"), badAbsent.getMessage());
    }

    @Test
    void shortKeyTable_mapsTermKeysToValues_andAnyOtherKeyToAbsent() {
        // Words of one to sixteen chars, and pairs that share a key half: "enforcement" and
        // "reinforcement" end in the same eight chars, "immigrations" and "immigration" differ
        // only in the low half, "jurisdictions" and "jurisdiction" too.
        String[] words = {"a", "ice", "the", "detainer", "287", "sheriffs", "z9", "é", "enforcement", "reinforcement",
            "immigration", "immigrations", "jurisdiction", "jurisdictions", "abcdefghijklmnop"};
        long[] keys = new long[words.length];
        long[] highKeys = new long[words.length];
        long[] values = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            keys[i] = FastTokenizer.termKey(words[i]);
            highKeys[i] = FastTokenizer.termKeyHigh(words[i]);
            values[i] = (long) i << 32 | (100 + i);
        }
        long absent = -1L << 32 | 999;
        ShortKeyTable table = new ShortKeyTable(keys, highKeys, values, absent);
        for (int i = 0; i < words.length; i++) {
            assertEquals(values[i], table.get(keys[i], highKeys[i]), words[i]);
        }
        for (String other : new String[] {"b", "ic", "icee", "detainee", "2870", "sheriff", "9z", "forcement", "einforcement",
            "mmigration", "immigrationx", "bcdefghijklmnop", "abcdefghijklmno"}) {
            assertEquals(absent, table.get(FastTokenizer.termKey(other), FastTokenizer.termKeyHigh(other)), other);
        }
    }

    @Test
    void shortKeyTable_refusesKeyZeroAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> new ShortKeyTable(new long[] {0}, new long[] {7}, new long[] {1}, -1));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new ShortKeyTable(new long[] {5, 5}, new long[] {3, 3}, new long[] {1, 2}, -1));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
        // The same low half with different high halves is two keys.
        ShortKeyTable table = new ShortKeyTable(new long[] {5, 5}, new long[] {0, 3}, new long[] {1, 2}, -1);
        assertEquals(1, table.get(5, 0));
        assertEquals(2, table.get(5, 3));
        assertEquals(-1, table.get(5, 4));
    }
}

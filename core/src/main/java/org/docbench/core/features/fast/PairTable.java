package org.docbench.core.features.fast;

import java.util.Arrays;

/**
 * An immutable map from a pair of word ids to a feature index: the bigram lookup of
 * {@link FastFeatures}, two loads instead of assembling and hashing the bigram's name.
 *
 * <p>Cuckoo hashing: every pair sits in one of two slots its hash names, so a lookup reads both
 * and picks, with no branch on what it found. A text's bigrams are found or not about as often
 * as a coin comes up heads, which no branch predictor guesses; the two independent loads of one
 * lookup, and of consecutive lookups, overlap their cache misses instead.
 *
 * <p>A slot is one {@code long}: 21 bits for each word id and 22 for the value, so the table
 * stays half the size of a key array beside a value array. That bounds the vocabulary at
 * 2^21 - 2 words and 2^22 features, far above what docbench fits (the whole AllSides corpus has
 * about 10^6 word n-grams seen twice); larger tables are refused when built.
 */
final class PairTable {
    private static final int ID_BITS = 21;
    private static final int VALUE_BITS = 22;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    static final int MAX_ID = (1 << ID_BITS) - 2;      // all ones is kept out for empty slots
    static final int MAX_VALUE = (1 << VALUE_BITS) - 1;
    private static final long VALUE_MASK = MAX_VALUE;
    private static final long KEY_MASK = ~VALUE_MASK;
    private static final int MAX_KICKS = 1000;

    private final long[] slots;
    private final int shift; // 64 - log2(capacity): the top bits of a product pick a slot
    private final int absent;

    /**
     * {@code first[i], second[i] -> value[i]}; the pairs must be distinct. {@link #get} returns
     * {@code absent} for any other pair.
     */
    PairTable(int[] first, int[] second, int[] value, int absent) {
        for (int i = 0; i < first.length; i++) {
            if (first[i] < 0 || first[i] > MAX_ID || second[i] < 0 || second[i] > MAX_ID || value[i] < 0 || value[i] > MAX_VALUE) {
                throw new IllegalArgumentException("pair (" + first[i] + ", " + second[i] + ") -> " + value[i]
                        + " does not fit: word ids must be in [0, " + MAX_ID + "], values in [0, " + MAX_VALUE + "]");
            }
        }
        if (absent < 0 || absent > MAX_VALUE) {
            throw new IllegalArgumentException("absent value " + absent + " not in [0, " + MAX_VALUE + "]");
        }
        this.absent = absent;
        // An empty slot holds a key no pair has (all ones) and the absent value, so a lookup
        // whose ids are out of range, and whose key may then look empty, still gets absent.
        long empty = KEY_MASK | absent;
        // Two-choice cuckoo tables fill reliably to a load of about 0.4; start there and double
        // the table in the rare case an insertion still cycles.
        int capacity = Integer.highestOneBit(Math.max(8, (int) (first.length * 2.5) - 1)) << 1;
        long[] built;
        while ((built = build(first, second, value, capacity, empty)) == null) {
            capacity <<= 1;
        }
        slots = built;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private PairTable(long[] slots, int absent) throws java.io.IOException {
        TableIO.check(slots.length >= 8 && Integer.bitCount(slots.length) == 1, "pair table of " + slots.length + " slots");
        TableIO.check(absent >= 0 && absent <= MAX_VALUE, "pair table's absent value " + absent);
        this.slots = slots;
        this.absent = absent;
        this.shift = 64 - Integer.numberOfTrailingZeros(slots.length);
    }

    /** Writes the table as built, for {@link #read}: loading it skips the cuckoo insertions. */
    void write(java.io.DataOutput out) throws java.io.IOException {
        TableIO.longs(out, slots);
        out.writeInt(absent);
    }

    static PairTable read(java.io.DataInput in) throws java.io.IOException {
        return new PairTable(TableIO.longs(in), in.readInt());
    }

    private static long[] build(int[] first, int[] second, int[] value, int capacity, long empty) {
        long[] t = new long[capacity];
        Arrays.fill(t, empty);
        int sh = 64 - Integer.numberOfTrailingZeros(capacity);
        for (int i = 0; i < first.length; i++) {
            long key = key(first[i], second[i]);
            if ((t[one(key, sh)] & KEY_MASK) == key || (t[two(key, sh)] & KEY_MASK) == key) {
                throw new IllegalArgumentException("pair (" + first[i] + ", " + second[i] + ") given twice");
            }
            long entry = key | value[i];
            int from = -1; // the slot the entry in hand was just evicted from
            for (int kick = 0; ; kick++) {
                int one = one(entry & KEY_MASK, sh);
                int two = two(entry & KEY_MASK, sh);
                if (t[one] == empty) {
                    t[one] = entry;
                    break;
                }
                if (t[two] == empty) {
                    t[two] = entry;
                    break;
                }
                if (kick == MAX_KICKS) {
                    return null;
                }
                // Evict the occupant of the slot the entry did not just come from; it moves on to its other slot.
                int at = one == from ? two : one;
                long evicted = t[at];
                t[at] = entry;
                entry = evicted;
                from = at;
            }
        }
        return t;
    }

    /** The pair in the high 42 bits of a slot; ids are masked, so a negative id (all ones) matches no pair. */
    private static long key(int first, int second) {
        return ((first & ID_MASK) << (ID_BITS + VALUE_BITS)) | ((second & ID_MASK) << VALUE_BITS);
    }

    /**
     * The two slots of a key, by Fibonacci hashing with two odd multipliers: the top bits of a
     * product depend on every bit of the key, and the two multiplies do not wait on each other,
     * so both slots' loads issue at once.
     */
    private static int one(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private static int two(long key, int shift) {
        return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> shift);
    }

    /**
     * The value of the pair, or the {@code absent} value the table was built with (also for a
     * negative id, which is never in the table).
     */
    int get(int first, int second) {
        long key = key(first, second);
        // A pair with an unknown word (about three in ten in news text the vocabulary was not fitted
        // on) reads slot 0 twice, which stays in the cache, instead of two lines anywhere in the table.
        int known = ~((first | second) >> 31);
        long a = slots[one(key, shift) & known];
        long b = slots[two(key, shift) & known];
        int r = (a & KEY_MASK) == key ? (int) (a & VALUE_MASK) : absent;
        return (b & KEY_MASK) == key ? (int) (b & VALUE_MASK) : r;
    }
}

package org.docbench.core.features.fast;

import java.util.Arrays;

/**
 * An immutable map from a pair of word ids to a feature index: the bigram lookup of
 * {@link FastFeatures}, two loads instead of assembling and hashing the bigram's name.
 *
 * <p>Cuckoo hashing with buckets of two slots: every pair sits in one of the four slots of the
 * two buckets its hash names, so a lookup reads both buckets and picks by arithmetic, with no
 * branch on what it found. A text's bigrams are found or not about as often as a coin comes up
 * heads, which no branch predictor guesses; the two independent loads of one lookup, and of
 * consecutive lookups, overlap their cache misses instead. Two-slot buckets fill to a load of
 * 0.8 where single slots stop near 0.5, and the bucket count need not be a power of two, so
 * the table is about 10 bytes per pair: most of it stays in a core's L2 cache beside the word
 * tables and the weights.
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
    private static final int MAX_KICKS = 2000;
    /** Pairs per slot the table is built for; two-choice buckets of two fill reliably to about 0.85. */
    private static final double LOAD = 0.8;

    private final long[] slots;   // bucket b is slots[2b] and slots[2b + 1]
    private final int buckets;
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
        int n = Math.max(4, (int) Math.ceil(first.length / (2 * LOAD)));
        long[] built;
        // The rare insertion that still cycles gets a table an eighth larger.
        while ((built = build(first, second, value, n, empty)) == null) {
            n += n / 8 + 1;
        }
        slots = built;
        buckets = n;
    }

    private PairTable(long[] slots, int absent) throws java.io.IOException {
        TableIO.check(slots.length >= 8 && slots.length % 2 == 0, "pair table of " + slots.length + " slots");
        TableIO.check(absent >= 0 && absent <= MAX_VALUE, "pair table's absent value " + absent);
        this.slots = slots;
        this.absent = absent;
        this.buckets = slots.length / 2;
    }

    /** Slots in the table, two per bucket: 8 bytes each. */
    int slotCount() {
        return slots.length;
    }

    /** Writes the table as built, for {@link #read}: loading it skips the cuckoo insertions. */
    void write(java.io.DataOutput out) throws java.io.IOException {
        TableIO.longs(out, slots);
        out.writeInt(absent);
    }

    static PairTable read(java.io.DataInput in) throws java.io.IOException {
        return new PairTable(TableIO.longs(in), in.readInt());
    }

    private static long[] build(int[] first, int[] second, int[] value, int buckets, long empty) {
        long[] t = new long[2 * buckets];
        Arrays.fill(t, empty);
        for (int i = 0; i < first.length; i++) {
            long key = key(first[i], second[i]);
            int one = 2 * one(key, buckets);
            int two = 2 * two(key, one / 2, buckets, -1);
            if ((t[one] & KEY_MASK) == key || (t[one + 1] & KEY_MASK) == key
                    || (t[two] & KEY_MASK) == key || (t[two + 1] & KEY_MASK) == key) {
                throw new IllegalArgumentException("pair (" + first[i] + ", " + second[i] + ") given twice");
            }
            long entry = key | value[i];
            int from = -1; // the bucket the entry in hand was just evicted from
            for (int kick = 0; ; kick++) {
                one = 2 * one(entry & KEY_MASK, buckets);
                two = 2 * two(entry & KEY_MASK, one / 2, buckets, -1);
                int free = t[one] == empty ? one : t[one + 1] == empty ? one + 1
                        : t[two] == empty ? two : t[two + 1] == empty ? two + 1 : -1;
                if (free >= 0) {
                    t[free] = entry;
                    break;
                }
                if (kick == MAX_KICKS) {
                    return null;
                }
                // Evict from the bucket the entry did not just come from, each slot in turn; the
                // occupant moves on to its other bucket.
                int at = (one == from ? two : one) + (kick & 1);
                long evicted = t[at];
                t[at] = entry;
                entry = evicted;
                from = at & ~1;
            }
        }
        return t;
    }

    /** The pair in the high 42 bits of a slot; ids are masked, so a negative id (all ones) matches no pair. */
    private static long key(int first, int second) {
        return ((first & ID_MASK) << (ID_BITS + VALUE_BITS)) | ((second & ID_MASK) << VALUE_BITS);
    }

    /**
     * The two buckets of a key, by multiplying with two odd constants: the top 32 bits of a
     * product depend on every bit of the key, and scaled by the bucket count they pick a bucket
     * (Lemire's multiply-shift in place of a modulo). The two multiplies do not wait on each
     * other, so both buckets' loads issue at once.
     */
    private static int one(long key, int buckets) {
        return (int) (((key * 0x9E3779B97F4A7C15L) >>> 32) * buckets >>> 32);
    }

    /**
     * The other bucket, never {@code one}: picked among the {@code buckets - 1} others, so no
     * slot is read twice (at most one slot of the four then holds a key, which {@link #get}
     * relies on). Computed from {@code one} and the masked key as {@link #get} has them.
     */
    private static int two(long key, int one, int buckets, int known) {
        int other = (int) (((key * 0xC2B2AE3D27D4EB4FL) >>> 32) * (buckets - 1) >>> 32) & known;
        return other + ((one - 1 - other) >>> 31); // skips one: other >= one moves up by 1
    }

    /**
     * The value of the pair, or the {@code absent} value the table was built with (also for a
     * negative id, which is never in the table).
     */
    int get(int first, int second) {
        long key = key(first, second);
        // A pair with an unknown word (about three in ten in news text the vocabulary was not fitted
        // on) reads buckets 0 and 1, which stay in the cache, instead of two lines anywhere in the table.
        int known = ~((first | second) >> 31);
        int oneBucket = one(key, buckets) & known;
        int one = 2 * oneBucket;
        int two = 2 * two(key, oneBucket, buckets, known);
        long[] t = slots;
        long a = t[one];
        long b = t[one + 1];
        long c = t[two];
        long d = t[two + 1];
        // At most one slot holds the key: add its value's difference from absent, found by arithmetic.
        return absent + (hit(a, key) & (int) (a & VALUE_MASK) - absent) + (hit(b, key) & (int) (b & VALUE_MASK) - absent)
                + (hit(c, key) & (int) (c & VALUE_MASK) - absent) + (hit(d, key) & (int) (d & VALUE_MASK) - absent);
    }

    /** -1 (all ones) when {@code slot} holds {@code key}, else 0: the key bits of both XOR to 0, and 0 - 1 is negative. */
    private static int hit(long slot, long key) {
        return (int) ((((slot ^ key) >>> VALUE_BITS) - 1) >> 63);
    }
}

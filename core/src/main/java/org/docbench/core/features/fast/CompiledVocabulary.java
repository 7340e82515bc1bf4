package org.docbench.core.features.fast;

import java.util.Arrays;

import org.docbench.core.features.FeatureNames;

/**
 * A fitted vocabulary compiled for lookup straight from a char buffer: feature name to slot,
 * through a {@link CharKeyTable} of names, or, when the spec hashes, through a table of buckets.
 *
 * <p>Features are numbered by slot: slot 0 is the most frequent feature (lowest idf), so the
 * counts and weights of the features that make most of any text share cache lines.
 * {@link #slotFeature} maps a slot back to the extractor's index. Immutable and thread-safe.
 */
final class CompiledVocabulary {

    private final int featureCount;
    /** {@code slotFeature[slot]}: the extractor's index of the feature in that slot. */
    private final int[] slotFeature;
    private final int[] slotOf;
    /** Inverse document frequency by slot. */
    private final double[] idf;
    /** name -> slot (vocabulary mode), null when hashing. */
    private final CharKeyTable table;
    /** bucket -> slot or -1 (hashing mode), null otherwise. */
    private final int[] bucketToIndex;
    private final int bucketMask;

    /**
     * {@code names[i]} is the feature of index {@code featureIndices[i]}, whose idf is
     * {@code featureIdf[featureIndices[i]]}; when {@code hashBits > 0} the names are {@code h=<bucket>}.
     */
    CompiledVocabulary(int hashBits, String[] names, int[] featureIndices, double[] featureIdf) {
        featureCount = featureIdf.length;
        slotFeature = byIdfThenIndex(featureIdf);
        slotOf = new int[featureCount];
        idf = new double[featureCount];
        for (int slot = 0; slot < featureCount; slot++) {
            slotOf[slotFeature[slot]] = slot;
            idf[slot] = featureIdf[slotFeature[slot]];
        }
        int[] slots = slotsOf(featureIndices);
        if (hashBits > 0) {
            bucketToIndex = new int[1 << hashBits];
            Arrays.fill(bucketToIndex, -1);
            for (int i = 0; i < names.length; i++) {
                bucketToIndex[FeatureNames.bucketOf(names[i])] = slots[i];
            }
            bucketMask = (1 << hashBits) - 1;
            table = null;
        } else {
            table = new CharKeyTable(names, slots);
            bucketToIndex = null;
            bucketMask = 0;
        }
    }

    private CompiledVocabulary(int[] slotFeature, double[] idf, CharKeyTable table, int[] bucketToIndex)
            throws java.io.IOException {
        featureCount = slotFeature.length;
        TableIO.check(idf.length == featureCount, idf.length + " idf values for " + featureCount + " features");
        this.slotFeature = slotFeature;
        this.idf = idf;
        slotOf = new int[featureCount];
        java.util.Arrays.fill(slotOf, -1);
        for (int slot = 0; slot < featureCount; slot++) {
            int f = slotFeature[slot];
            TableIO.check(f >= 0 && f < featureCount && slotOf[f] < 0, "slot " + slot + " holds feature " + f);
            slotOf[f] = slot;
        }
        this.table = table;
        this.bucketToIndex = bucketToIndex;
        if (bucketToIndex != null) {
            TableIO.check(bucketToIndex.length > 0 && Integer.bitCount(bucketToIndex.length) == 1,
                    "bucket table of " + bucketToIndex.length);
        }
        this.bucketMask = bucketToIndex == null ? 0 : bucketToIndex.length - 1;
    }

    /** Writes the vocabulary as compiled, for {@link #read}. */
    void write(java.io.DataOutput out) throws java.io.IOException {
        TableIO.ints(out, slotFeature);
        TableIO.doubles(out, idf);
        out.writeBoolean(bucketToIndex != null);
        if (bucketToIndex != null) {
            // The used buckets only: the table is up to 2^26 ints, nearly all empty.
            int used = 0;
            for (int slot : bucketToIndex) {
                used += slot >= 0 ? 1 : 0;
            }
            int[] buckets = new int[used];
            int[] slots = new int[used];
            for (int b = 0, i = 0; b < bucketToIndex.length; b++) {
                if (bucketToIndex[b] >= 0) {
                    buckets[i] = b;
                    slots[i++] = bucketToIndex[b];
                }
            }
            out.writeInt(bucketToIndex.length);
            TableIO.ints(out, buckets);
            TableIO.ints(out, slots);
        } else {
            table.write(out);
        }
    }

    static CompiledVocabulary read(java.io.DataInput in) throws java.io.IOException {
        int[] slotFeature = TableIO.ints(in);
        double[] idf = TableIO.doubles(in);
        boolean hashing = in.readBoolean();
        if (!hashing) {
            return new CompiledVocabulary(slotFeature, idf, CharKeyTable.read(in), null);
        }
        int size = in.readInt();
        TableIO.check(size > 0, "bucket table of " + size); // the constructor checks it is a power of two
        int[] buckets = TableIO.ints(in);
        int[] slots = TableIO.ints(in);
        TableIO.check(buckets.length == slots.length, buckets.length + " buckets for " + slots.length + " slots");
        int[] bucketToIndex = new int[size];
        Arrays.fill(bucketToIndex, -1);
        for (int i = 0; i < buckets.length; i++) {
            TableIO.check(buckets[i] >= 0 && buckets[i] < size && slots[i] >= 0 && slots[i] < slotFeature.length,
                    "bucket " + buckets[i] + " -> slot " + slots[i]);
            bucketToIndex[buckets[i]] = slots[i];
        }
        return new CompiledVocabulary(slotFeature, idf, null, bucketToIndex);
    }

    /**
     * Feature indices sorted by idf, ties by index. Sorted as packed {@code long}s (the rank of the
     * idf among the distinct values, then the index), not as boxed indices with a comparator: this
     * runs when a model is compiled, in a cold JVM and mostly in the interpreter, where boxing and a
     * comparator cost many times a primitive sort.
     */
    static int[] byIdfThenIndex(double[] idf) {
        double[] distinct = idf.clone();
        Arrays.sort(distinct);
        int n = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || Double.compare(distinct[i], distinct[n - 1]) != 0) {
                distinct[n++] = distinct[i];
            }
        }
        long[] keys = new long[idf.length];
        for (int f = 0; f < idf.length; f++) {
            keys[f] = (long) Arrays.binarySearch(distinct, 0, n, idf[f]) << 32 | f;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** The slots of the features of the given extractor indices. */
    int[] slotsOf(int[] featureIndices) {
        int[] slots = new int[featureIndices.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slotOf[featureIndices[i]];
        }
        return slots;
    }

    boolean hashing() {
        return bucketToIndex != null;
    }

    int featureCount() {
        return featureCount;
    }

    int slotFeature(int slot) {
        return slotFeature[slot];
    }

    int[] slotFeatures() {
        return slotFeature;
    }

    double idf(int slot) {
        return idf[slot];
    }

    double[] idfs() {
        return idf;
    }

    /** The slot of the feature named {@code key[0, len)}, or -1. */
    int lookup(char[] key, int len) {
        if (bucketToIndex != null) {
            return bucketToIndex[CharKeyTable.hash(key, 0, len) & bucketMask];
        }
        return table.get(key, 0, len, CharKeyTable.hash(key, 0, len));
    }
}

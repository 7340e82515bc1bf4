package org.docbench.core.features.fast;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

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
        slotFeature = IntStream.range(0, featureCount).boxed()
                .sorted(Comparator.<Integer>comparingDouble(f -> featureIdf[f]).thenComparing(f -> f))
                .mapToInt(Integer::intValue).toArray();
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

    /** The slots of the features of the given extractor indices. */
    int[] slotsOf(int[] featureIndices) {
        int[] slots = new int[featureIndices.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slotOf[featureIndices[i]];
        }
        return slots;
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

package org.docbench.core.features;

/**
 * The feature hash: 32-bit FNV-1a over the UTF-16 chars of a feature name, masked to
 * {@code bits} bits. Defined here once so that the fast inference path, which hashes straight
 * from token buffers, gives the same buckets as the Tribuo path, which hashes names.
 */
public final class FeatureHash {
    private static final int OFFSET = 0x811C9DC5;
    private static final int PRIME = 0x01000193;

    private FeatureHash() {
    }

    /** The start value of a hash, before any char. */
    public static int start() {
        return OFFSET;
    }

    /** Adds one char to a running hash. */
    public static int update(int hash, char c) {
        return (hash ^ c) * PRIME;
    }

    /** The bucket of a whole name. */
    public static int bucket(CharSequence name, int bits) {
        int h = OFFSET;
        for (int i = 0; i < name.length(); i++) {
            h = update(h, name.charAt(i));
        }
        return h & ((1 << bits) - 1);
    }
}

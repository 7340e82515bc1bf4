package org.docbench.classifiers.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Says on stderr when a record of {@code classify --jsonl} has the id of an earlier one. Both are
 * classified, as before (an archive holding a story twice is no reason to lose the run), but a
 * reader that keys the output by id would merge their rows, so the first {@code named} such ids
 * are named with both places, the rest only counted, and {@link #finish} gives the count.
 *
 * <p>Memory stays bounded, as classify's does, whatever the input's size: an id is remembered as a
 * 64-bit hash and the place it was read (16 bytes, in a table at most half full: 32 MB for
 * {@link #REMEMBERED} ids), and once {@code remembered} ids are in, a later id is checked against
 * those but not kept, which is said once. Two different ids share a hash with a chance of about
 * n&sup2; / 2<sup>65</sup> among n ids (3 in 100 million for a million): a wrong warning, never a
 * changed score.
 *
 * <p>Not thread-safe: the thread that prints the output, in input order, calls it.
 */
final class DuplicateIds {
    /** Ids remembered by default: 32 MB of table, more records than most archives hold. */
    static final int REMEMBERED = 1_000_000;
    /** Repeated ids named one by one by default; a file of copies would otherwise bury the rest of stderr. */
    static final int NAMED = 10;

    /** Set in a place whose id was named already, so a third record with it adds to the count only. */
    private static final long WARNED = Long.MIN_VALUE;

    private final int remembered;
    private final int named;
    private final Consumer<String> err;
    /** Open addressing: a hash, 0 for an empty slot (a hash of 0 is kept as 1). */
    private long[] hashes = new long[1024];
    /** Where the slot's id was first read: source index in the high half, line in the low. */
    private long[] places = new long[1024];
    private int size;
    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private String lastSource;
    private int lastIndex;
    private int repeatedIds;
    private long repeatingRecords;

    DuplicateIds(Consumer<String> err) {
        this(REMEMBERED, NAMED, err);
    }

    DuplicateIds(int remembered, int named, Consumer<String> err) {
        if (remembered < 1 || named < 0) {
            throw new IllegalArgumentException("remembered must be at least 1 and named at least 0, got " + remembered + " and " + named);
        }
        this.remembered = remembered;
        this.named = named;
        this.err = err;
    }

    /** The record at line {@code line} of {@code source} has id {@code id}. */
    void record(String id, String source, int line) {
        long h = hash(id);
        int slot = slot(h);
        if (hashes[slot] == 0) {
            if (size < remembered) {
                hashes[slot] = h;
                places[slot] = (long) index(source) << 32 | line;
                if (++size == remembered) {
                    err.accept("docbench: " + place(source, line) + ": " + String.format(Locale.ROOT, "%,d", remembered)
                            + " ids are remembered to find ids given twice, the most kept; a later id is checked against them only");
                }
                if (2 * size > hashes.length) {
                    grow();
                }
            }
            return;
        }
        repeatingRecords++;
        if ((places[slot] & WARNED) != 0) {
            return;
        }
        places[slot] |= WARNED;
        repeatedIds++;
        if (repeatedIds <= named) {
            long first = places[slot] & ~WARNED;
            err.accept("docbench: " + place(source, line) + ": the id '" + TsvCells.field(id) + "' was the id of "
                    + place(sources.get((int) (first >>> 32)), (int) first) + " too; both records are classified");
        } else if (repeatedIds == named + 1) {
            err.accept("docbench: more ids given to more than one record are not named; their count comes at the end");
        }
    }

    /** Says how many ids were given to more than one record, if any. */
    void finish() {
        if (repeatedIds > 0) {
            err.accept(String.format(Locale.ROOT, "docbench: %,d %s given to more than one record (%,d %s an earlier record's id); "
                            + "every record is classified", repeatedIds, repeatedIds == 1 ? "id was" : "ids were", repeatingRecords,
                    repeatingRecords == 1 ? "record repeats" : "records repeat"));
        }
    }

    private int index(String source) {
        // Every record of a stream names it by one String: a map lookup only where the source changes.
        if (source != lastSource && !source.equals(lastSource)) {
            lastIndex = sourceIndex.computeIfAbsent(source, s -> {
                sources.add(s);
                return sources.size() - 1;
            });
            lastSource = source;
        }
        return lastIndex;
    }

    private static String place(String source, int line) {
        return TsvCells.field(source) + ":" + line;
    }

    /** The slot holding {@code h}, or the empty one where it would go. */
    private int slot(long h) {
        int mask = hashes.length - 1;
        int i = (int) h & mask;
        while (hashes[i] != 0 && hashes[i] != h) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldPlaces = places;
        hashes = new long[2 * oldHashes.length];
        places = new long[2 * oldPlaces.length];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                int slot = slot(oldHashes[i]);
                hashes[slot] = oldHashes[i];
                places[slot] = oldPlaces[i];
            }
        }
    }

    /** FNV-1a over the chars, then MurmurHash3's finalizer, so that every bit of the id moves the low bits the table uses. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}

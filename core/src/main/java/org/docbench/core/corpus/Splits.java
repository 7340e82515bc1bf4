package org.docbench.core.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.docbench.core.document.Part;

/**
 * Seeded ways to split documents: stratified train/test, group-held-out train/test, and
 * stratified k folds. Every method returns id -> part and gives the same answer for the same
 * ids, keys and seed, whatever order the ids come in.
 */
public final class Splits {
    private Splits() {
    }

    /**
     * Stratified random split: within each stratum, a seeded shuffle, then the first
     * {@code round(testFraction * size)} documents go to test.
     */
    public static <T> Map<String, Part> stratified(List<T> items, Function<T, String> id, Function<T, String> stratum,
                                                   double testFraction, long seed) {
        checkFraction(testFraction);
        Map<String, List<String>> byStratum = group(items, id, stratum);
        Map<String, Part> out = new TreeMap<>();
        Random rng = new Random(seed);
        for (List<String> ids : byStratum.values()) {
            Collections.shuffle(ids, rng);
            int test = (int) Math.round(testFraction * ids.size());
            for (int i = 0; i < ids.size(); i++) {
                out.put(ids.get(i), i < test ? Part.TEST : Part.TRAIN);
            }
        }
        return out;
    }

    /**
     * Group-held-out split: whole groups (e.g. outlets) go to test, chosen by a seeded shuffle
     * until at least {@code testFraction} of the documents are in test. No group is in both.
     */
    public static <T> Map<String, Part> groupHeldOut(List<T> items, Function<T, String> id, Function<T, String> group,
                                                     double testFraction, long seed) {
        checkFraction(testFraction);
        Map<String, List<String>> byGroup = group(items, id, group);
        List<String> groups = new ArrayList<>(byGroup.keySet());
        Collections.shuffle(groups, new Random(seed));
        int target = (int) Math.ceil(testFraction * items.size());
        Map<String, Part> out = new TreeMap<>();
        int inTest = 0;
        for (String g : groups) {
            Part part = inTest < target ? Part.TEST : Part.TRAIN;
            for (String i : byGroup.get(g)) {
                out.put(i, part);
            }
            if (part == Part.TEST) {
                inTest += byGroup.get(g).size();
            }
        }
        return out;
    }

    /** Stratified k folds: id -> fold in [0, k). Each stratum is dealt round-robin after a seeded shuffle. */
    public static <T> Map<String, Integer> stratifiedFolds(List<T> items, Function<T, String> id, Function<T, String> stratum,
                                                           int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
        Map<String, List<String>> byStratum = group(items, id, stratum);
        Map<String, Integer> out = new TreeMap<>();
        Random rng = new Random(seed);
        int offset = 0;
        for (List<String> ids : byStratum.values()) {
            Collections.shuffle(ids, rng);
            for (int i = 0; i < ids.size(); i++) {
                out.put(ids.get(i), (offset + i) % k);
            }
            offset += ids.size(); // continue the deal so small strata do not all start at fold 0
        }
        return out;
    }

    private static <T> Map<String, List<String>> group(List<T> items, Function<T, String> id, Function<T, String> key) {
        // Sorted keys and ids: the result depends on the set of items, not their order.
        Map<String, List<String>> byKey = new TreeMap<>();
        for (T item : items) {
            byKey.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(id.apply(item));
        }
        Map<String, List<String>> sorted = new LinkedHashMap<>();
        byKey.forEach((k, ids) -> {
            Collections.sort(ids);
            sorted.put(k, ids);
        });
        return sorted;
    }

    private static void checkFraction(double f) {
        if (!(f > 0 && f < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + f);
        }
    }

    /** Counts of each part by its spelling, for messages and tests. */
    public static Map<String, Integer> sizes(Map<String, Part> split) {
        Map<String, Integer> out = new HashMap<>();
        split.values().forEach(p -> out.merge(p.spelling(), 1, Integer::sum));
        return out;
    }
}

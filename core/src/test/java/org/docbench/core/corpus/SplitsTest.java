package org.docbench.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.docbench.core.document.Part;

import org.junit.jupiter.api.Test;

class SplitsTest {

    record Item(String id, String label, String group) {
    }

    static List<Item> items(int n) {
        List<Item> out = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            out.add(new Item("d" + i, "L" + (i % 3), "g" + r.nextInt(10)));
        }
        return out;
    }

    @Test
    void stratified_keepsEachLabelsShare_andIgnoresInputOrder() {
        List<Item> items = items(300);
        Map<String, Part> a = Splits.stratified(items, Item::id, Item::label, 0.2, 1);
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(99));
        assertEquals(a, Splits.stratified(shuffled, Item::id, Item::label, 0.2, 1));
        Map<String, Integer> testPerLabel = new HashMap<>();
        items.forEach(i -> {
            if (a.get(i.id()) == Part.TEST) {
                testPerLabel.merge(i.label(), 1, Integer::sum);
            }
        });
        assertEquals(Map.of("L0", 20, "L1", 20, "L2", 20), testPerLabel);
        assertTrue(!a.equals(Splits.stratified(items, Item::id, Item::label, 0.2, 2)), "another seed, another split");
    }

    @Test
    void groupHeldOut_neverPutsAGroupOnBothSides() {
        List<Item> items = items(300);
        Map<String, Part> s = Splits.groupHeldOut(items, Item::id, Item::group, 0.25, 3);
        Map<String, Set<Part>> parts = new HashMap<>();
        items.forEach(i -> parts.computeIfAbsent(i.group(), k -> new TreeSet<>()).add(s.get(i.id())));
        parts.forEach((g, p) -> assertEquals(1, p.size(), g + " in " + p));
        long test = s.values().stream().filter(Part.TEST::equals).count();
        assertTrue(test >= 75 && test < 300, "test size " + test);
    }

    @Test
    void stratifiedFolds_balanceLabelsAcrossFolds() {
        List<Item> items = items(300);
        Map<String, Integer> folds = Splits.stratifiedFolds(items, Item::id, Item::label, 5, 11);
        int[][] counts = new int[5][3];
        items.forEach(i -> counts[folds.get(i.id())][i.label().charAt(1) - '0']++);
        for (int[] fold : counts) {
            for (int c : fold) {
                assertEquals(20, c, "every fold holds 20 of each label");
            }
        }
    }
}

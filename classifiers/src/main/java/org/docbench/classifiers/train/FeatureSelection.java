package org.docbench.classifiers.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Chi-square feature selection on training examples: for each feature, the largest chi-square
 * statistic of "feature present" against "label is c" over the labels c; the top k features are
 * kept, ties broken by name, so the choice does not depend on map order. Stateless.
 */
public final class FeatureSelection {
    private FeatureSelection() {
    }

    /** The names of the {@code k} features with the highest chi-square score on {@code train}. */
    public static Set<String> chiSquareTop(List<Example<Label>> train, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Map<String, Integer> labelIndex = new TreeMap<>();
        for (Example<Label> e : train) {
            labelIndex.putIfAbsent(e.getOutput().getLabel(), 0);
        }
        int i = 0;
        for (Map.Entry<String, Integer> e : labelIndex.entrySet()) {
            e.setValue(i++);
        }
        int labels = labelIndex.size();
        int[] perLabel = new int[labels];
        Map<String, int[]> present = new HashMap<>();
        for (Example<Label> e : train) {
            int y = labelIndex.get(e.getOutput().getLabel());
            perLabel[y]++;
            for (Feature f : e) {
                if (f.getValue() != 0) {
                    present.computeIfAbsent(f.getName(), n -> new int[labels])[y]++;
                }
            }
        }
        int n = train.size();
        List<Map.Entry<String, Double>> scored = new ArrayList<>(present.size());
        for (Map.Entry<String, int[]> e : present.entrySet()) {
            int[] a = e.getValue();
            int withF = 0;
            for (int v : a) {
                withF += v;
            }
            double best = 0;
            for (int c = 0; c < labels; c++) {
                best = Math.max(best, chiSquare(a[c], withF - a[c], perLabel[c] - a[c], n - withF - (perLabel[c] - a[c])));
            }
            scored.add(Map.entry(e.getKey(), best));
        }
        scored.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        Set<String> out = new HashSet<>();
        for (int j = 0; j < Math.min(k, scored.size()); j++) {
            out.add(scored.get(j).getKey());
        }
        return out;
    }

    /** Chi-square of the 2x2 table [[a, b], [c, d]] (rows: feature present/absent; columns: in class/not). */
    public static double chiSquare(long a, long b, long c, long d) {
        double n = a + b + c + d;
        double den = (double) (a + b) * (c + d) * (a + c) * (b + d);
        if (den == 0) {
            return 0;
        }
        double diff = (double) a * d - (double) b * c;
        return n * diff * diff / den;
    }

    /** A copy of {@code e} with only the features in {@code keep}. */
    public static Example<Label> restrict(Example<Label> e, Set<String> keep) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Feature f : e) {
            if (keep.contains(f.getName())) {
                names.add(f.getName());
                values.add(f.getValue());
            }
        }
        double[] v = new double[values.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = values.get(j);
        }
        return new ArrayExample<>(e.getOutput(), names.toArray(new String[0]), v);
    }
}

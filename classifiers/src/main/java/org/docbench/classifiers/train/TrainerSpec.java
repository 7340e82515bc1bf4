package org.docbench.classifiers.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * A named, seeded recipe for a Tribuo trainer, with every hyperparameter the report prints.
 * Immutable and thread-safe; {@link #create(long)} builds a fresh trainer each call.
 *
 * @param name            stable name of this configuration, e.g. {@code liblinear-lr(C=10)}
 * @param family          the model family it belongs to, e.g. {@code liblinear-lr}
 * @param hyperparameters what the report shows, in insertion order
 * @param factory         builds the trainer for a seed
 */
public record TrainerSpec(String name, String family, Map<String, String> hyperparameters,
                          LongFunction<Trainer<Label>> factory) {

    public TrainerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(factory, "factory of " + name);
        hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /** A spec named {@code family(k=v, ...)} from ordered key/value pairs. */
    static TrainerSpec of(String family, LongFunction<Trainer<Label>> factory, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keyValues must come in pairs, got " + keyValues.length);
        }
        Map<String, String> hp = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            hp.put(keyValues[i], keyValues[i + 1]);
        }
        return new TrainerSpec(family + (hp.isEmpty() ? "" : "(" + describe(hp) + ")"), family, hp, factory);
    }

    public Trainer<Label> create(long seed) {
        return factory.apply(seed);
    }

    /** {@code k=v, k=v} in order. */
    public String describeHyperparameters() {
        return describe(hyperparameters);
    }

    private static String describe(Map<String, String> hp) {
        return hp.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}

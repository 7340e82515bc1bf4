package org.docbench.classifiers.train;

import java.util.Map;
import java.util.function.LongFunction;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * A named, seeded recipe for a Tribuo trainer, with the hyperparameters the report prints.
 *
 * @param name            short stable name, e.g. {@code logreg-sgd}
 * @param hyperparameters what the report shows, in order
 * @param factory         builds the trainer for a seed
 */
public record TrainerSpec(String name, Map<String, String> hyperparameters, LongFunction<Trainer<Label>> factory) {

    public Trainer<Label> create(long seed) {
        return factory.apply(seed);
    }
}

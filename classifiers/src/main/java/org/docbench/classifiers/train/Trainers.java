package org.docbench.classifiers.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** The named trainer specs docbench evaluates. */
public final class Trainers {
    private Trainers() {
    }

    /** Always predicts the most frequent training label. If you cannot beat it, nothing works. */
    public static TrainerSpec majority() {
        return new TrainerSpec("majority", Map.of(), seed -> DummyClassifierTrainer.createMostFrequentTrainer());
    }

    /** Multinomial logistic regression by SGD with AdaGrad. */
    public static TrainerSpec logisticRegression() {
        int epochs = 10;
        double lr = 0.5;
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("objective", "log-multiclass");
        hp.put("optimiser", "AdaGrad(lr=" + lr + ")");
        hp.put("epochs", String.valueOf(epochs));
        hp.put("minibatch", "1");
        return new TrainerSpec("logreg-sgd", hp,
                seed -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(lr, 0.1), epochs, 1000, 1, seed));
    }

    /** The specs the foundation report runs. */
    public static List<TrainerSpec> all() {
        return List.of(majority(), logisticRegression());
    }
}

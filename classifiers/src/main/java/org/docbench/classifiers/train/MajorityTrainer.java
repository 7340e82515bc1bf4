package org.docbench.classifiers.train;

import java.util.Map;
import java.util.TreeMap;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;

/**
 * The majority baseline: Tribuo's constant classifier set to docbench's majority of the training
 * labels ({@link Majority}, ties to the first label in name order).
 *
 * <p>Why not {@code DummyClassifierTrainer.createMostFrequentTrainer()}: on a tie it answers the
 * first label in the order of Tribuo's label ids, which follow a {@code HashMap}'s iteration order
 * of the label names. Trained on the embedded corpus's anti- and pro-enforcement documents (288
 * of each) it answered {@code pro-enforcement}, while the answer for a document with no known
 * word, the training majority a saved model's provenance records and the one the Spark job
 * counts named {@code anti-enforcement} ({@code MajorityTieTest}). The model this trains is still Tribuo's {@code DummyClassifierModel}
 * (its provenance names the constant label), so saved files, Tribuo's {@code predict} and
 * every reader of {@code model.tribuo} serve it unchanged. Tribuo's constant trainer counts its
 * label once more in the model's label info; nothing in docbench reads those counts.
 *
 * <p>Not thread-safe (the invocation count), like Tribuo's trainers.
 */
final class MajorityTrainer implements Trainer<Label> {
    private int invocationCount;

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> instanceProvenance) {
        Map<String, Long> counts = new TreeMap<>();
        for (Example<Label> e : examples) {
            counts.merge(e.getOutput().getLabel(), 1L, Long::sum);
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("the majority baseline needs at least one training example, got none");
        }
        invocationCount++;
        return DummyClassifierTrainer.createConstantTrainer(Majority.of(counts)).train(examples, instanceProvenance);
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "MajorityTrainer(most frequent label, ties to the first in name order)";
    }
}

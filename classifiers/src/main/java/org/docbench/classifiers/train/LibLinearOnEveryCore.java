package org.docbench.classifiers.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearTrainer;

import com.oracle.labs.mlrg.olcut.util.Pair;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Parameter;

/**
 * Tribuo's LibLinear classification trainer, the same model from the same data, with one step
 * run on every core: turning the examples into LibLinear rows. Each row is the same function of
 * its example ({@link LibLinearTrainer#exampleToNodes}, a name lookup per feature), and on one
 * thread that step takes about as long as the solver on AllSides. Every LibLinear family of
 * {@link Trainers} trains through it.
 */
class LibLinearOnEveryCore extends LibLinearClassificationTrainer {

    LibLinearOnEveryCore(LinearClassificationType.LinearType type, double cost, int maxIterations,
                         double terminationCriterion, long seed) {
        super(new LinearClassificationType(type), cost, maxIterations, terminationCriterion, seed);
    }

    @Override
    protected Pair<FeatureNode[][], double[][]> extractData(Dataset<Label> data, ImmutableOutputInfo<Label> outputInfo,
                                                           ImmutableFeatureMap featureMap) {
        List<Example<Label>> examples = new ArrayList<>(data.size());
        data.forEach(examples::add);
        FeatureNode[][] features = new FeatureNode[examples.size()][];
        double[][] outputs = new double[1][examples.size()];
        ThreadLocal<List<FeatureNode>> scratch = ThreadLocal.withInitial(ArrayList::new);
        IntStream.range(0, examples.size()).parallel().forEach(i -> {
            Example<Label> e = examples.get(i);
            outputs[0][i] = outputInfo.getID(e.getOutput());
            features[i] = LibLinearTrainer.exampleToNodes(e, featureMap, scratch.get());
        });
        return new Pair<>(features, outputs);
    }

    /**
     * What the first {@code train} of this trainer does after {@link #extractData}, on rows built
     * elsewhere ({@link LibLinearRows}): the solver parameters for {@code outputs}' labels, with the
     * random stream Tribuo's {@code train} gives them (the first split of {@code SplittableRandom(seed)}),
     * and the LibLinear models. Tribuo's own stream is private; a trainer that has trained would
     * have moved on from it, so this is for fresh trainers only.
     *
     * @param dimension the feature count plus one, for the bias feature
     */
    List<de.bwaldvogel.liblinear.Model> trainRows(ImmutableOutputInfo<Label> outputs, int dimension, FeatureNode[][] rows,
                                                   double[][] labelIds) {
        if (getInvocationCount() != 0) {
            throw new IllegalStateException("trainRows needs a trainer that has not trained");
        }
        Parameter params = setupParameters(outputs);
        params.setRandom(new Random(new SplittableRandom(seed).split().nextLong()));
        return trainModels(params, dimension, rows, labelIds);
    }
}

package org.docbench.classifiers.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The named trainer specs and model families docbench evaluates. Every random choice takes the
 * seed given to {@link TrainerSpec#create(long)}; every hyperparameter is in the spec.
 *
 * <p>If a model cannot beat {@link #majority()} and {@link #stratified()}, it does not work.
 */
public final class Trainers {
    /** Chi-square features kept for tree ensembles and LibSVM, whose cost grows with the feature count. */
    public static final int SLOW_MODEL_FEATURES = 1000;

    private Trainers() {
    }

    /**
     * Always predicts the most frequent training label, ties to the first in name order
     * ({@link Majority}); see {@link MajorityTrainer} for why not Tribuo's own.
     */
    public static TrainerSpec majority() {
        return TrainerSpec.of(Family.MAJORITY.spelling(), seed -> new MajorityTrainer());
    }

    /** Predicts a label drawn from the training label distribution, seeded. */
    public static TrainerSpec stratified() {
        return TrainerSpec.of(Family.STRATIFIED.spelling(), DummyClassifierTrainer::createStratifiedTrainer);
    }

    /** Multinomial naive Bayes with additive smoothing {@code alpha}. */
    public static TrainerSpec naiveBayes(double alpha) {
        return TrainerSpec.of(Family.NAIVE_BAYES.spelling(), seed -> new MultinomialNaiveBayesTrainer(alpha), "alpha", num(alpha));
    }

    /** Multinomial logistic regression by SGD with AdaGrad. */
    public static TrainerSpec logisticRegression(double learningRate, int epochs) {
        return TrainerSpec.of(Family.LOGREG_SGD.spelling(),
                seed -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs, -1, 1, seed),
                "loss", "log", "optimiser", "AdaGrad", "lr", num(learningRate), "epochs", String.valueOf(epochs),
                "minibatch", "1");
    }

    /** The first point of the report's logistic-regression grid, and the default model {@code docbench classify --task} ships. */
    public static TrainerSpec defaultLogisticRegression() {
        return logisticRegression(0.5, 10);
    }

    /** Linear SVM (multiclass hinge) by SGD with AdaGrad. */
    public static TrainerSpec linearSvmSgd(double learningRate, int epochs) {
        return TrainerSpec.of(Family.SVM_SGD.spelling(),
                seed -> new LinearSGDTrainer(new Hinge(), new AdaGrad(learningRate, 0.1), epochs, -1, 1, seed),
                "loss", "hinge", "optimiser", "AdaGrad", "lr", num(learningRate), "epochs", String.valueOf(epochs),
                "minibatch", "1");
    }

    /** LibLinear L2-regularized logistic regression (primal), one-vs-rest. */
    public static TrainerSpec liblinearLogistic(double cost) {
        return TrainerSpec.of(Family.LIBLINEAR_LR.spelling(),
                seed -> new LibLinearOnEveryCore(LinearClassificationType.LinearType.L2R_LR, cost, 1000, 0.01, seed),
                "type", "L2R_LR", "C", num(cost), "maxIter", "1000", "eps", "0.01");
    }

    /**
     * LibLinear L2-regularized logistic regression solved in the dual, one-vs-rest: the same
     * objective as {@link #liblinearLogistic}, and much faster when documents are far fewer than
     * features, as on AllSides.
     */
    public static TrainerSpec liblinearLogisticDual(double cost) {
        return TrainerSpec.of(Family.LIBLINEAR_LR.spelling(),
                seed -> new LibLinearOnEveryCore(LinearClassificationType.LinearType.L2R_LR_DUAL, cost, 1000, 0.1, seed),
                "type", "L2R_LR_DUAL", "C", num(cost), "maxIter", "1000", "eps", "0.1");
    }

    /** LibLinear L2-regularized L2-loss linear SVM (dual), one-vs-rest. */
    public static TrainerSpec liblinearSvm(double cost) {
        return TrainerSpec.of(Family.LIBLINEAR_SVM.spelling(),
                seed -> new LibLinearOnEveryCore(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL, cost, 1000, 0.1, seed),
                "type", "L2R_L2LOSS_SVC_DUAL", "C", num(cost), "maxIter", "1000", "eps", "0.1");
    }

    /**
     * NB-SVM ({@link NbSvmTrainer}): LibLinear's L2-loss SVM, one-vs-rest, on features scaled by
     * their naive Bayes log-count ratio, with add-one smoothing.
     */
    public static TrainerSpec nbSvm(double cost) {
        return TrainerSpec.of(Family.NB_SVM.spelling(), seed -> new NbSvmTrainer(cost, 1000, 0.1, 1.0, seed),
                "type", "L2R_L2LOSS_SVC_DUAL", "C", num(cost), "alpha", "1", "maxIter", "1000", "eps", "0.1");
    }

    /** LibSVM C-SVC with a linear kernel, one-vs-one. */
    public static TrainerSpec libsvmLinear(double cost) {
        return TrainerSpec.of(Family.LIBSVM_LINEAR.spelling(), seed -> {
            SVMParameters<org.tribuo.classification.Label> p = new SVMParameters<>(
                    new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.LINEAR);
            p.setCost(cost);
            p.setCacheSize(200);
            return new LibSVMClassificationTrainer(p, seed);
        }, "type", "C_SVC", "kernel", "linear", "C", num(cost));
    }

    /** Gradient-boosted trees (XGBoost, softmax objective, exact tree method, 2 threads). */
    public static TrainerSpec xgboost(int rounds, int maxDepth, double eta) {
        return TrainerSpec.of(Family.XGBOOST.spelling(),
                seed -> new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.EXACT,
                        rounds, eta, 0, maxDepth, 1, 1, 1, 1, 0, 2, XGBoostTrainer.LoggingVerbosity.SILENT, seed),
                "rounds", String.valueOf(rounds), "maxDepth", String.valueOf(maxDepth), "eta", num(eta),
                "subsample", "1", "lambda", "1");
    }

    /** A single CART tree (Gini), all features considered at each split. */
    public static TrainerSpec cart(int maxDepth) {
        return TrainerSpec.of(Family.CART.spelling(), seed -> new CARTClassificationTrainer(maxDepth, 1.0f, false, seed),
                "maxDepth", String.valueOf(maxDepth), "impurity", "gini");
    }

    /** A random forest of CART trees on bootstrap samples, {@code featureFraction} of features per split, majority vote. */
    public static TrainerSpec randomForest(int trees, double featureFraction) {
        return TrainerSpec.of(Family.RANDOM_FOREST.spelling(),
                seed -> new RandomForestTrainer<>(new CARTClassificationTrainer(Integer.MAX_VALUE, (float) featureFraction, false, seed),
                        new VotingCombiner(), trees, seed),
                "trees", String.valueOf(trees), "featureFraction", num(featureFraction), "maxDepth", "unlimited",
                "combiner", "vote");
    }

    /** Every family the report runs, baselines first, each with its small grid. */
    public static List<ModelFamily> families() {
        List<ModelFamily> f = new ArrayList<>();
        f.add(new ModelFamily(Family.MAJORITY.spelling(), "most frequent training label (ties: first by name)", List.of(majority()), false, 0));
        f.add(new ModelFamily(Family.STRATIFIED.spelling(), "random label from the training distribution", List.of(stratified()), false, 0));
        f.add(new ModelFamily(Family.NAIVE_BAYES.spelling(), "multinomial naive Bayes",
                List.of(naiveBayes(0.1), naiveBayes(1.0)), false, 0)); // its top features are frequent words, not evidence
        f.add(new ModelFamily(Family.LOGREG_SGD.spelling(), "logistic regression by SGD (AdaGrad)",
                List.of(defaultLogisticRegression(), logisticRegression(0.1, 10)), true, 0));
        f.add(new ModelFamily(Family.SVM_SGD.spelling(), "linear SVM by SGD (AdaGrad, multiclass hinge)",
                List.of(linearSvmSgd(0.5, 10), linearSvmSgd(0.1, 10)), true, 0));
        f.add(new ModelFamily(Family.LIBLINEAR_LR.spelling(), "LibLinear L2 logistic regression",
                List.of(liblinearLogistic(10), liblinearLogistic(1), liblinearLogistic(100)), true, 0));
        f.add(new ModelFamily(Family.LIBLINEAR_SVM.spelling(), "LibLinear L2 linear SVM",
                List.of(liblinearSvm(1), liblinearSvm(0.1), liblinearSvm(10)), true, 0));
        f.add(new ModelFamily(Family.NB_SVM.spelling(), "LibLinear L2 SVM on naive Bayes log-count ratios (NB-SVM)",
                List.of(nbSvm(1), nbSvm(0.1), nbSvm(10)), true, 0));
        f.add(new ModelFamily(Family.LIBSVM_LINEAR.spelling(), "LibSVM C-SVC, linear kernel",
                List.of(libsvmLinear(1)), false, 0)); // kernel training is quadratic in documents: one C
        f.add(new ModelFamily(Family.XGBOOST.spelling(), "XGBoost gradient-boosted trees",
                List.of(xgboost(50, 6, 0.3)), false, SLOW_MODEL_FEATURES)); // the slowest family: one configuration
        f.add(new ModelFamily(Family.CART.spelling(), "CART decision tree",
                List.of(cart(16), cart(8)), false, SLOW_MODEL_FEATURES));
        f.add(new ModelFamily(Family.RANDOM_FOREST.spelling(), "random forest of CART trees",
                List.of(randomForest(50, 0.1)), false, SLOW_MODEL_FEATURES));
        return List.copyOf(f);
    }

    /** True for families too slow for repeated cross-validation folds (kernel SVM, boosted trees, forests). */
    public static boolean slow(ModelFamily f) {
        return f.is(Family.LIBSVM_LINEAR) || f.is(Family.XGBOOST) || f.is(Family.RANDOM_FOREST);
    }

    /** The family named {@code name}. */
    public static ModelFamily family(String name) {
        return families().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no model family '" + name + "'; known: " + names()));
    }

    /** Family names, in report order. */
    public static List<String> names() {
        return families().stream().map(ModelFamily::name).toList();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}

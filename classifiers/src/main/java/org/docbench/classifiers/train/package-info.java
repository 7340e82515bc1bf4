/**
 * Trainers and training: named trainer specs and model families ({@link org.docbench.classifiers.train.Trainers},
 * {@link org.docbench.classifiers.train.Family}), featurizing an experiment once, choosing a configuration on
 * validation data and training it ({@link org.docbench.classifiers.train.ExperimentTrainer}), saved models.
 * Choosing reads macro-F1 from eval; the experiment and run records are eval's too.
 */
package org.docbench.classifiers.train;

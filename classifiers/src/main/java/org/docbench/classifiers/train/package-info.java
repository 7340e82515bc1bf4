/**
 * Trainers and training: named trainer specs and model families ({@link org.docbench.classifiers.train.Trainers},
 * {@link org.docbench.classifiers.train.Family}), experiments (train, valid and test parts), featurizing an
 * experiment once, choosing a configuration on validation data and training it
 * ({@link org.docbench.classifiers.train.ExperimentTrainer}) and the predictions of each run.
 * Produces predictions and never scores them: the criterion a grid is searched by comes from the caller.
 */
package org.docbench.classifiers.train;

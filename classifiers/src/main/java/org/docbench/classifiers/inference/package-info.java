/**
 * Saved and compiled models: the model file {@code docbench train} writes
 * ({@link org.docbench.classifiers.inference.ModelFile}, {@link org.docbench.classifiers.inference.SavedModel}),
 * the default model of each task shipped in the jar ({@link org.docbench.classifiers.inference.DefaultModels}),
 * a linear model compiled into arrays for the allocation-free fast path
 * ({@link org.docbench.classifiers.inference.FastLinearClassifier}), and the scorer the command line and
 * Spark classify through ({@link org.docbench.classifiers.inference.Scorer}).
 */
package org.docbench.classifiers.inference;

/**
 * Evaluation: metrics, bootstrap intervals, significance tests and calibration of the predictions
 * training produces, and the results the report renders (an experiment's, cross-validation's, a
 * learning curve's). It scores what {@code train} returns and never trains: {@code study} runs the
 * experiments ({@code ExperimentRunner}, {@code CrossValidationRunner}).
 */
package org.docbench.classifiers.eval;

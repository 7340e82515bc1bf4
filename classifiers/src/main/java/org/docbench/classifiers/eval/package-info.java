/**
 * Evaluation: experiments (train, valid and test parts), metrics, bootstrap intervals, significance tests,
 * calibration, cross-validation and learning curves, and the per-experiment results the report renders.
 */
package org.docbench.classifiers.eval;

/**
 * Evaluation: metrics, bootstrap intervals, significance tests and calibration of the predictions
 * training produces; cross-validation, learning curves and the per-experiment results the report
 * renders, which drive {@code train} and score what it returns. Uses {@code train}, never the other way.
 */
package org.docbench.classifiers.eval;

package org.docbench.classifiers.eval;

/**
 * A point estimate with a confidence interval.
 *
 * @param estimate the statistic on the full sample
 * @param low      lower bound
 * @param high     upper bound
 */
public record Interval(double estimate, double low, double high) {
}

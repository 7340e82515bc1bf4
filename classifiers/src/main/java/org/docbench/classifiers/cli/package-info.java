/**
 * The {@code docbench} command line (train, evaluate, classify, normalize): parses options and calls the public
 * entry points of train, eval, study, report and inference.
 */
package org.docbench.classifiers.cli;

/**
 * What the accuracy report runs: the {@code mvn verify} entry point ({@link org.docbench.classifiers.study.AccuracyReport}),
 * the experiments of each corpus ({@link org.docbench.classifiers.study.Suite}), the AllSides plan, its chosen
 * configuration and ablation, the topic split of our own, the published baselines and the notes. Uses train, eval
 * and report; nothing below uses it.
 */
package org.docbench.classifiers.study;

/**
 * The accuracy report's sections and writers: Markdown, JSON, HTML and the per-document predictions, from a
 * {@link org.docbench.classifiers.report.Report}. Renders results; never decides what is run (it does not use
 * study or cli, as {@code PackageDependenciesTest} checks).
 */
package org.docbench.classifiers.report;

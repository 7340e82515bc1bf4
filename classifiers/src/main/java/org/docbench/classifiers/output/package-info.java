/**
 * What every command's outputs share: a temporary sibling that is written first and renamed into
 * place, that no interruption leaves behind, and that keeps the mode and group of what it replaces. Uses no other docbench package.
 */
package org.docbench.classifiers.output;

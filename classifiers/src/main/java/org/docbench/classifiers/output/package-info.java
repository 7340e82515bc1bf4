/**
 * What every command's outputs share: a temporary sibling that is written first and renamed into
 * place, and that no interruption leaves behind. Uses no other docbench package.
 */
package org.docbench.classifiers.output;

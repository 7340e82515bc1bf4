/**
 * The allocation-free feature path of inference: {@link org.docbench.core.features.fast.FastFeatures}
 * (the entry point, made from a fitted {@link org.docbench.core.features.FeatureExtractor}) gives the
 * extractor's features, or their linear score, straight from token buffers.
 *
 * <p>What each class holds: {@link org.docbench.core.features.fast.CompiledVocabulary} (feature
 * names to slots, slots in falling document frequency); {@link org.docbench.core.features.fast.WordTables}
 * and {@link org.docbench.core.features.fast.WordIdLookup} (word unigrams and bigrams by word id, the
 * default spec's way); {@link org.docbench.core.features.fast.NameLookup} (any other spec, by
 * assembled name); the lookup tables {@code CharKeyTable}, {@code ShortKeyTable} and
 * {@code PairTable}; {@link org.docbench.core.features.fast.Scratch} (per-thread buffers and the
 * dot products). Names and weights follow {@link org.docbench.core.features.FeatureNames} and
 * {@link org.docbench.core.features.Weights}, as the extractor's do; the equivalence tests hold
 * the two paths to the same features on whole corpora.
 */
package org.docbench.core.features.fast;

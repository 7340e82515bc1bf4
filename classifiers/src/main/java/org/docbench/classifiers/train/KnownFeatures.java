package org.docbench.classifiers.train;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;

/**
 * Whether a model can say anything about an example: Tribuo refuses to predict one that holds no
 * feature of the model's feature map, and docbench answers such a document without it (the
 * training majority, with no confidence, when evaluating; no label when classifying).
 */
public final class KnownFeatures {
    private KnownFeatures() {
    }

    /** Whether {@code e} holds at least one feature {@code fmap} knows. */
    public static boolean any(Example<Label> e, ImmutableFeatureMap fmap) {
        for (Feature f : e) {
            if (fmap.getID(f.getName()) >= 0) {
                return true;
            }
        }
        return false;
    }
}

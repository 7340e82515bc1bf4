package org.docbench.classifiers.train;

import java.util.Collection;
import java.util.Map;

import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.transform.TransformerMap;

/**
 * A {@link MutableDataset} that builds its feature and output indexes once instead of at every
 * call. Tribuo's {@code MutableDataset.getFeatureIDMap()} copies the whole feature map into a new
 * {@link ImmutableFeatureMap} each time, and every trainer calls it inside {@code train}: on
 * AllSides' vocabulary the copy costs seconds per call, which "train ms" would count as training. Built and indexed here, outside every model's clock, the same map (same
 * ids) is shared by every model of an experiment. Any change to the examples drops the indexes.
 * Not thread-safe, like its parent.
 */
final class IndexedDataset<T extends Output<T>> extends MutableDataset<T> {
    private static final long serialVersionUID = 1L;

    private transient ImmutableFeatureMap features;
    private transient ImmutableOutputInfo<T> outputs;

    IndexedDataset(DataSource<T> source) {
        super(source);
    }

    /** Builds both indexes now, so that no caller's clock pays for them later; returns this. */
    IndexedDataset<T> index() {
        getFeatureIDMap();
        getOutputIDInfo();
        return this;
    }

    @Override
    public ImmutableFeatureMap getFeatureIDMap() {
        if (features == null) {
            features = super.getFeatureIDMap();
        }
        return features;
    }

    @Override
    public ImmutableOutputInfo<T> getOutputIDInfo() {
        if (outputs == null) {
            outputs = super.getOutputIDInfo();
        }
        return outputs;
    }

    private void changed() {
        features = null;
        outputs = null;
    }

    @Override
    public void add(Example<T> ex) {
        changed();
        super.add(ex);
    }

    @Override
    public void addAll(Collection<? extends Example<T>> examples) {
        changed();
        super.addAll(examples);
    }

    @Override
    public void setWeights(Map<T, Float> weights) {
        changed();
        super.setWeights(weights);
    }

    @Override
    public void transform(TransformerMap transformerMap) {
        changed();
        super.transform(transformerMap);
    }

    @Override
    public void densify() {
        changed();
        super.densify();
    }

    @Override
    public void clear() {
        changed();
        super.clear();
    }

    @Override
    public void regenerateOutputInfo() {
        changed();
        super.regenerateOutputInfo();
    }

    @Override
    public void regenerateFeatureInfo() {
        changed();
        super.regenerateFeatureInfo();
    }
}

package org.docbench.core.features;

/**
 * How text becomes features. Immutable; the {@code with...} methods return a new spec.
 *
 * <table>
 * <caption>Examples</caption>
 * <tr><th>spec</th><th>features of "ICE detainers end"</th></tr>
 * <tr><td>maxNgram 1, COUNT</td><td>w=ice:1, w=detainers:1, w=end:1</td></tr>
 * <tr><td>maxNgram 2, BINARY</td><td>the above plus w=ice_detainers:1, w=detainers_end:1</td></tr>
 * <tr><td>charNgrams 3..3</td><td>adds c=_ic, c=ice, c=ce_, ...</td></tr>
 * <tr><td>hashBits 18</td><td>every name replaced by h=&lt;bucket in [0, 2^18)&gt;, collisions summed</td></tr>
 * </table>
 *
 * @param maxNgram     word n-grams 1..maxNgram, in [1, 5]
 * @param minCharNgram smallest character n-gram, 0 for none
 * @param maxCharNgram largest character n-gram, 0 for none
 * @param weighting    binary, count or TF-IDF (L2-normalized)
 * @param minDf        keep features seen in at least this many training documents, at least 1
 * @param hashBits     0 for a vocabulary of names, else hash names into 2^hashBits buckets, in [8, 26]
 * @param sublinearTf  a count c counts as {@code 1 + ln c} (COUNT and TFIDF; BINARY is 1 either way), as
 *                     scikit-learn's {@code sublinear_tf}: a word said ten times is not ten times the evidence
 * @param normalize    run the standard {@link org.docbench.core.text.Normalizer} (boilerplate, bylines,
 *                     title line removed) before tokenizing; false tokenizes the text as it comes
 * @param lowercase    lower-case terms, as the token spec says; false keeps their case ({@code Border}
 *                     and {@code border} are two words), as scikit-learn's {@code lowercase=False}
 */
public record FeatureSpec(int maxNgram, int minCharNgram, int maxCharNgram, Weighting weighting, int minDf, int hashBits,
                          boolean sublinearTf, boolean normalize, boolean lowercase) {

    /** How a feature's value is computed from its count in a document. */
    public enum Weighting { BINARY, COUNT, TFIDF }

    public FeatureSpec {
        if (maxNgram < 1 || maxNgram > 5) {
            throw new IllegalArgumentException("maxNgram must be in [1, 5], got " + maxNgram);
        }
        if (minCharNgram < 0 || maxCharNgram < minCharNgram || (minCharNgram == 0) != (maxCharNgram == 0) || maxCharNgram > 8) {
            throw new IllegalArgumentException("char n-grams must be 0..0 or within 1..8 with min <= max, got "
                    + minCharNgram + ".." + maxCharNgram);
        }
        if (weighting == null) {
            throw new IllegalArgumentException("weighting must not be null");
        }
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf must be at least 1, got " + minDf);
        }
        if (hashBits != 0 && (hashBits < 8 || hashBits > 26)) {
            throw new IllegalArgumentException("hashBits must be 0 or in [8, 26], got " + hashBits);
        }
    }

    /** Raw counts (no sublinear tf) and the standard normalizer. */
    public FeatureSpec(int maxNgram, int minCharNgram, int maxCharNgram, Weighting weighting, int minDf, int hashBits) {
        this(maxNgram, minCharNgram, maxCharNgram, weighting, minDf, hashBits, false, true, true);
    }

    /** Word unigrams and bigrams, TF-IDF of raw counts, min document frequency 2, no hashing, normalized text. */
    public static FeatureSpec defaults() {
        return new FeatureSpec(2, 0, 0, Weighting.TFIDF, 2, 0);
    }

    /** The normalizer text goes through before tokenizing: the standard one, or none when {@link #normalize} is off. */
    public org.docbench.core.text.Normalizer normalizer() {
        return normalize ? org.docbench.core.text.Normalizer.standard() : org.docbench.core.text.Normalizer.none();
    }

    /** The count as it enters the weight: {@code c}, or {@code 1 + ln c} under {@link #sublinearTf}; c >= 1. */
    public double tf(int count) {
        return Weights.tf(sublinearTf, count);
    }

    public FeatureSpec withMaxNgram(int n) {
        return new FeatureSpec(n, minCharNgram, maxCharNgram, weighting, minDf, hashBits, sublinearTf, normalize, lowercase);
    }

    public FeatureSpec withCharNgrams(int min, int max) {
        return new FeatureSpec(maxNgram, min, max, weighting, minDf, hashBits, sublinearTf, normalize, lowercase);
    }

    public FeatureSpec withWeighting(Weighting w) {
        return new FeatureSpec(maxNgram, minCharNgram, maxCharNgram, w, minDf, hashBits, sublinearTf, normalize, lowercase);
    }

    public FeatureSpec withMinDf(int df) {
        return new FeatureSpec(maxNgram, minCharNgram, maxCharNgram, weighting, df, hashBits, sublinearTf, normalize, lowercase);
    }

    public FeatureSpec withHashBits(int bits) {
        return new FeatureSpec(maxNgram, minCharNgram, maxCharNgram, weighting, minDf, bits, sublinearTf, normalize, lowercase);
    }

    public FeatureSpec withSublinearTf(boolean on) {
        return new FeatureSpec(maxNgram, minCharNgram, maxCharNgram, weighting, minDf, hashBits, on, normalize, lowercase);
    }

    public FeatureSpec withLowercase(boolean on) {
        return new FeatureSpec(maxNgram, minCharNgram, maxCharNgram, weighting, minDf, hashBits, sublinearTf, normalize, on);
    }

    public FeatureSpec withNormalize(boolean on) {
        return new FeatureSpec(maxNgram, minCharNgram, maxCharNgram, weighting, minDf, hashBits, sublinearTf, on, lowercase);
    }

    /** A compact description for reports, e.g. {@code word1-2 tfidf mindf2} or {@code word1-3 sublinear-tfidf mindf2 unnormalized cased}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("word1-").append(maxNgram);
        if (maxCharNgram > 0) {
            sb.append(" char").append(minCharNgram).append('-').append(maxCharNgram);
        }
        sb.append(' ');
        if (sublinearTf && weighting != Weighting.BINARY) {
            sb.append("sublinear-");
        }
        sb.append(weighting.name().toLowerCase(java.util.Locale.ROOT)).append(" mindf").append(minDf);
        if (hashBits > 0) {
            sb.append(" hash2^").append(hashBits);
        }
        if (!normalize) {
            sb.append(" unnormalized");
        }
        if (!lowercase) {
            sb.append(" cased");
        }
        return sb.toString();
    }
}

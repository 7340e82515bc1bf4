package org.docbench.core.features;

/**
 * The feature-name grammar, defined once for the Tribuo path ({@link FeatureExtractor}, names as
 * Strings) and the fast path ({@code features.fast}, names written into reused char buffers),
 * which must give the same names for a vocabulary fitted by one to work in the other.
 *
 * <table>
 * <caption>Names</caption>
 * <tr><th>feature</th><th>name</th><th>example</th></tr>
 * <tr><td>word n-gram</td><td>{@value #WORD} and the terms joined by {@code _}</td><td>{@code w=ice_detainers}</td></tr>
 * <tr><td>char n-gram</td><td>{@value #CHAR} and n chars of {@code _term_}</td><td>{@code c=_ic}</td></tr>
 * <tr><td>hashed</td><td>{@value #HASHED} and the bucket of the name above</td><td>{@code h=40213}</td></tr>
 * </table>
 *
 * <p>Terms hold {@code _} only inside URLs and e-mail addresses, so a word n-gram name with a
 * {@code _} after its prefix is a bigram or, when the whole can be such a term
 * ({@link org.docbench.core.token.Tokenizers#mayBeUrlOrEmail}), a unigram; the fast path's word
 * tables read it every way it can be. Stateless.
 */
public final class FeatureNames {

    /** Prefix of a word n-gram's name. */
    public static final String WORD = "w=";
    /** Prefix of a char n-gram's name. */
    public static final String CHAR = "c=";
    /** Prefix of a hashed feature's name. */
    public static final String HASHED = "h=";
    /** Length of every prefix: a name's first term or char starts here. */
    public static final int PREFIX_LENGTH = 2;
    /** Joins the terms of a word n-gram. */
    public static final char JOINER = '_';
    /** Marks a term's start and end for its char n-grams. */
    public static final char PAD = '_';

    private FeatureNames() {
    }

    /** Starts the name of a word n-gram in {@code name}, cleared first. */
    public static StringBuilder startWordGram(StringBuilder name) {
        name.setLength(0);
        return name.append(WORD);
    }

    /** Appends the {@code n}-th term (from 1) of a word n-gram whose name {@link #startWordGram} began. */
    public static StringBuilder appendTerm(StringBuilder name, int n, String term) {
        if (n > 1) {
            name.append(JOINER);
        }
        return name.append(term);
    }

    /** A term with the marks its char n-grams read: {@code ice} becomes {@code _ice_}. */
    public static String padded(String term) {
        return PAD + term + PAD;
    }

    /** The name of the char n-gram {@code padded[from, to)}, written into {@code name}, cleared first. */
    public static StringBuilder charGram(StringBuilder name, String padded, int from, int to) {
        name.setLength(0);
        return name.append(CHAR).append(padded, from, to);
    }

    /** The name that stands for {@code name} when names are hashed into {@code 2^bits} buckets. */
    public static String hashed(CharSequence name, int bits) {
        return HASHED + FeatureHash.bucket(name, bits);
    }

    /** The bucket of a hashed feature's name, {@code h=40213} gives 40213. */
    public static int bucketOf(String hashedName) {
        if (!hashedName.startsWith(HASHED)) {
            throw new IllegalArgumentException("not a hashed feature name: " + hashedName);
        }
        return Integer.parseInt(hashedName, PREFIX_LENGTH, hashedName.length(), 10);
    }

    /** Whether {@code name} is a word n-gram's. */
    public static boolean isWordGram(String name) {
        return name.startsWith(WORD);
    }

    /** Writes the prefix of a word n-gram's name into {@code key}; returns where its first term goes. */
    public static int putWordPrefix(char[] key) {
        key[0] = WORD.charAt(0);
        key[1] = WORD.charAt(1);
        return PREFIX_LENGTH;
    }

    /** Writes the prefix of a char n-gram's name into {@code key}; returns where its chars go. */
    public static int putCharPrefix(char[] key) {
        key[0] = CHAR.charAt(0);
        key[1] = CHAR.charAt(1);
        return PREFIX_LENGTH;
    }
}

package org.docbench.core.document;

import java.util.Locale;

/**
 * The part of a split scheme a document is in. Corpora and reports spell it in lower case
 * ({@code train}, {@code valid}, {@code test}); {@link #toString()} gives that spelling.
 *
 * <table>
 * <caption>Spellings</caption>
 * <tr><th>part</th><th>spelling</th><th>use</th></tr>
 * <tr><td>TRAIN</td><td>train</td><td>fitting features and models</td></tr>
 * <tr><td>VALID</td><td>valid</td><td>choosing hyperparameters; optional</td></tr>
 * <tr><td>TEST</td><td>test</td><td>the reported scores, never seen before them</td></tr>
 * </table>
 */
public enum Part {
    TRAIN, VALID, TEST;

    private final String spelling = name().toLowerCase(Locale.ROOT);

    /** The part spelled {@code spelling}, or null when it is null or spells none of them. */
    public static Part of(String spelling) {
        for (Part p : values()) {
            if (p.spelling.equals(spelling)) {
                return p;
            }
        }
        return null;
    }

    /** Whether {@code spelling} names a part: {@code train}, {@code valid} or {@code test}. */
    public static boolean isPart(String spelling) {
        return of(spelling) != null;
    }

    /** The lower-case name corpora and reports use. */
    public String spelling() {
        return spelling;
    }

    @Override
    public String toString() {
        return spelling;
    }
}

package org.docbench.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one way a test steps aside when data it needs (the seeds in {@code ../shared}, the
 * AllSides corpus, an installed peer) is not on the machine. Every module's tests reach it
 * through this module's test jar, so the rule below is written once.
 */
public final class RequiredData {
    /** The switch {@code .ci/run} turns on (through {@code DOCBENCH_REQUIRE_DATA=true}). */
    public static final String PROPERTY = "docbench.requireData";

    private RequiredData() {
    }

    /**
     * Skips the calling test, saying so on stderr, or fails it when {@code -Ddocbench.requireData=true}:
     * a CI run that lost its data must not pass green.
     */
    public static void skipLoudly(String why) {
        if (Boolean.getBoolean(PROPERTY)) {
            throw new AssertionError(why + " (and -D" + PROPERTY + "=true requires it)");
        }
        System.err.println("[SKIPPED] " + why);
        assumeTrue(false, why);
    }

    /**
     * For a test that still runs on what is there: says on stderr that {@code why} is left
     * unchecked, or fails the test when {@code -Ddocbench.requireData=true}.
     */
    public static void reportMissing(String why) {
        if (Boolean.getBoolean(PROPERTY)) {
            throw new AssertionError(why + " (and -D" + PROPERTY + "=true requires it)");
        }
        System.err.println("[PARTLY SKIPPED] " + why);
    }
}

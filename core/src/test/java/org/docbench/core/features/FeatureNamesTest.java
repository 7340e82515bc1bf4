package org.docbench.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The one feature-name grammar: the String builders of the Tribuo path and the char-buffer
 * writers of the fast path spell the same names.
 */
class FeatureNamesTest {

    @Test
    void wordGram_joinsTermsAfterThePrefix() {
        StringBuilder name = new StringBuilder("left over");
        FeatureNames.startWordGram(name);
        List<String> names = new java.util.ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            FeatureNames.appendTerm(name, n, List.of("ice", "detainers", "end").get(n - 1));
            names.add(name.toString());
        }
        assertEquals(List.of("w=ice", "w=ice_detainers", "w=ice_detainers_end"), names);
    }

    @Test
    void charGram_readsThePaddedTerm() {
        String padded = FeatureNames.padded("ice");
        assertEquals("_ice_", padded);
        assertEquals("c=_ic", FeatureNames.charGram(new StringBuilder("x"), padded, 0, 3).toString());
    }

    @Test
    void bufferPrefixes_spellTheStringPrefixes() {
        char[] key = new char[4];
        int at = FeatureNames.putWordPrefix(key);
        assertEquals(FeatureNames.WORD, new String(key, 0, at));
        at = FeatureNames.putCharPrefix(key);
        assertEquals(FeatureNames.CHAR, new String(key, 0, at));
        assertEquals(FeatureNames.PREFIX_LENGTH, FeatureNames.HASHED.length());
    }

    @Test
    void hashedName_givesItsBucketBack() {
        String name = FeatureNames.hashed("w=ice_detainers", 18);
        assertTrue(name.startsWith("h="), name);
        assertEquals(FeatureHash.bucket("w=ice_detainers", 18), FeatureNames.bucketOf(name));
    }

    @Test
    void bucketOf_aNameThatIsNotHashed_isRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureNames.bucketOf("w=ice"));
        assertTrue(e.getMessage().contains("w=ice"), e.getMessage());
    }
}

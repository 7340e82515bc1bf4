package org.docbench.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The char tables against the JDK's Unicode data they are built from. */
class CharClassesTest {

    @Test
    void termLower_sendsExactlyTheHighSurrogatesOfCasedLettersToTheExactLoop() {
        for (int h = Character.MIN_HIGH_SURROGATE; h <= Character.MAX_HIGH_SURROGATE; h++) {
            boolean cased = false;
            for (int l = Character.MIN_LOW_SURROGATE; l <= Character.MAX_LOW_SURROGATE; l++) {
                int cp = Character.toCodePoint((char) h, (char) l);
                cased |= Character.toLowerCase(cp) != cp;
            }
            char expected = cased ? CharClasses.LOOK_AGAIN : (char) h;
            assertEquals(expected, CharClasses.TERM_LOWER[h], "U+" + Integer.toHexString(h));
            assertEquals((char) h, CharClasses.TERM_CASED[h], "a kept case maps U+" + Integer.toHexString(h) + " to itself");
        }
        for (int c = Character.MIN_LOW_SURROGATE; c <= Character.MAX_LOW_SURROGATE; c++) {
            assertEquals((char) c, CharClasses.TERM_LOWER[c], "a low surrogate maps to itself");
        }
    }

    @Test
    void noLetterAbovePlaneOneHasALowerCase_soMarkingPlaneOneIsEnough() {
        for (int cp = 0x20000; cp <= Character.MAX_CODE_POINT; cp++) {
            assertEquals(cp, Character.toLowerCase(cp), "U+" + Integer.toHexString(cp));
        }
    }

    @Test
    void noOtherCharLowerCasesToLookAgain() {
        for (int c = 0; c < Character.MIN_SURROGATE; c++) {
            assertEquals(Character.toLowerCase(c) == CharClasses.LOOK_AGAIN, CharClasses.TERM_LOWER[c] == CharClasses.LOOK_AGAIN,
                    "U+" + Integer.toHexString(c));
        }
    }
}

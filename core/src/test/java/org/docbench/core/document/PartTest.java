package org.docbench.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PartTest {

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("train", Part.TRAIN),
                Arguments.of("valid", Part.VALID),
                Arguments.of("test", Part.TEST),
                // corpora spell parts in lower case; anything else is no part
                Arguments.of("TEST", null),
                Arguments.of("dev", null),
                Arguments.of(null, null));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void of_readsTheLowerCaseSpelling_only(String spelling, Part expected) {
        assertEquals(expected, Part.of(spelling), "Part.of(" + spelling + ")");
        if (expected != null) {
            assertEquals(spelling, expected.spelling());
            assertEquals(spelling, expected.toString(), "messages and files print the spelling");
        }
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void labeledDocument_part_isThePartOfThatScheme(String spelling, Part expected) {
        LabeledDocument d = new LabeledDocument("d1", "text", Map.of(), spelling == null ? Map.of() : Map.of("random", spelling),
                Map.of());
        assertEquals(expected, d.part("random"), "document in '" + spelling + "'");
        assertEquals(null, d.part("outlet"), "a scheme the document does not carry");
    }
}

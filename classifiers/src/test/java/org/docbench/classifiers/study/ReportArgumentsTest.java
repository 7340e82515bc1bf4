package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportArgumentsTest {

    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of(new String[] {"--out", "r"}, new ReportArguments(Path.of("r"), "", null, "mvn -B verify")),
                Arguments.of(new String[] {"--out=r", "--allsides=/a", "--root=/p"},
                        new ReportArguments(Path.of("r"), "/a", Path.of("/p"), "mvn -B verify -Ddocbench.allsides=/a")),
                Arguments.of(new String[] {"--out", "r", "--allsides= "}, new ReportArguments(Path.of("r"), " ", null, "mvn -B verify")),
                Arguments.of(new String[] {"--command=make it", "--out", "r", "--allsides= "},
                        new ReportArguments(Path.of("r"), " ", null, "make it")));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void parse_readsEachOption_andSaysWhichCommandRan(String[] args, ReportArguments expected) {
        assertEquals(expected, ReportArguments.parse(args), String.join(" ", args));
    }

    @Test
    void parse_unknownArgument_isNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportArguments.parse("--out", "r", "--fast"));
        assertEquals("unknown argument '--fast'; usage: " + ReportArguments.USAGE, e.getMessage());
    }

    @Test
    void parse_withoutOut_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportArguments.parse("--root=/p"));
        assertEquals("--out DIR is required", e.getMessage());
    }
}

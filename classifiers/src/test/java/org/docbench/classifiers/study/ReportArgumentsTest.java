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

    /** A run made with -Ddocbench.allsides.full=false says so in its command, or the command would not reproduce it. */
    @Test
    void parse_underAllSidesFullFalse_namesThePropertyInTheCommand() {
        String before = System.getProperty(AccuracyReport.ALLSIDES_FULL);
        System.setProperty(AccuracyReport.ALLSIDES_FULL, "false");
        try {
            assertEquals("mvn -B verify -Ddocbench.allsides=/a -Ddocbench.allsides.full=false",
                    ReportArguments.parse("--out", "r", "--allsides=/a").command());
            assertEquals("make it", ReportArguments.parse("--out", "r", "--command=make it").command(), "an explicit command wins");
        } finally {
            if (before == null) {
                System.clearProperty(AccuracyReport.ALLSIDES_FULL);
            } else {
                System.setProperty(AccuracyReport.ALLSIDES_FULL, before);
            }
        }
        assertEquals("mvn -B verify", ReportArguments.defaultCommand("", true, false));
    }

    /** The media split's ablation runs only on request, so a run that had it names the request. */
    @Test
    void defaultCommand_namesTheMediaAblation_onlyWhenItRan() {
        assertEquals("mvn -B verify -Ddocbench.allsides.mediaAblation=true", ReportArguments.defaultCommand("", true, true));
        assertEquals("mvn -B verify -Ddocbench.allsides.full=false", ReportArguments.defaultCommand("", false, true),
                "without the full AllSides part no ablation runs");
        String before = System.getProperty(AccuracyReport.MEDIA_ABLATION);
        System.setProperty(AccuracyReport.MEDIA_ABLATION, "true");
        try {
            assertEquals("mvn -B verify -Ddocbench.allsides.mediaAblation=true", ReportArguments.parse("--out", "r").command());
        } finally {
            if (before == null) {
                System.clearProperty(AccuracyReport.MEDIA_ABLATION);
            } else {
                System.setProperty(AccuracyReport.MEDIA_ABLATION, before);
            }
        }
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

package org.docbench.classifiers.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.docbench.classifiers.report.Report;
import org.docbench.core.corpus.AllSidesReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishedBaselinesTest {

    /** Baly et al., EMNLP 2020, Table 3: (accuracy, macro-F1) in percent. */
    static Stream<Arguments> table3() {
        return Stream.of(
                Arguments.of(AllSidesReader.Scheme.RANDOM, List.of("majority class 46.08 21.03", "BERT 79.83 80.19")),
                Arguments.of(AllSidesReader.Scheme.MEDIA, List.of("majority class 46.08 21.03", "BERT 36.75 35.53")));
    }

    @ParameterizedTest
    @MethodSource("table3")
    void allSides_givesTable3OfThatScheme(AllSidesReader.Scheme scheme, List<String> expected) {
        List<Report.Published> rows = PublishedBaselines.allSides("allsides/ideology/" + scheme.spelling(), scheme);
        List<String> actual = rows.stream().map(p -> String.format(java.util.Locale.ROOT, "%s %.2f %.2f", p.model(),
                100 * p.accuracy(), 100 * p.macroF1())).toList();
        assertEquals(expected, actual, scheme.spelling());
        rows.forEach(p -> assertEquals("allsides/ideology/" + scheme.spelling(), p.experiment()));
    }
}

package org.docbench.classifiers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Ids given to more than one JSON record: named with both places up to a cap, counted, in bounded memory. */
class DuplicateIdsTest {

    @Test
    void aRepeatedId_isNamedOnce_withBothPlaces_andCountedAtTheEnd() {
        List<String> err = new ArrayList<>();
        DuplicateIds d = new DuplicateIds(err::add);
        d.record("a", "x.jsonl", 1);
        d.record("b", "x.jsonl", 2);
        d.record("a", "x.jsonl", 3);
        d.record("a", "y.jsonl", 1);
        d.record("b\tc", "y.jsonl", 2);
        d.finish();
        assertEquals(List.of(
                "docbench: x.jsonl:3: the id 'a' was the id of x.jsonl:1 too; both records are classified",
                "docbench: 1 id was given to more than one record (2 records repeat an earlier record's id); every record is classified"),
                err);
    }

    @Test
    void pastTheNamedCap_idsAreOnlyCounted_andSaidSoOnce() {
        List<String> err = new ArrayList<>();
        DuplicateIds d = new DuplicateIds(100, 2, err::add);
        int line = 0;
        for (String id : List.of("a", "a", "b", "b", "c", "c", "d", "d", "d")) {
            d.record(id, "stdin", ++line);
        }
        d.finish();
        assertEquals(List.of(
                "docbench: stdin:2: the id 'a' was the id of stdin:1 too; both records are classified",
                "docbench: stdin:4: the id 'b' was the id of stdin:3 too; both records are classified",
                "docbench: more ids given to more than one record are not named; their count comes at the end",
                "docbench: 4 ids were given to more than one record (5 records repeat an earlier record's id); every record is classified"),
                err);
    }

    @Test
    void pastTheRememberedCap_aNewIdIsNotKept_butStillCheckedAgainstTheKeptOnes() {
        List<String> err = new ArrayList<>();
        DuplicateIds d = new DuplicateIds(2, 10, err::add);
        d.record("a", "x.jsonl", 1);
        d.record("b", "x.jsonl", 2);
        d.record("c", "x.jsonl", 3);
        d.record("c", "x.jsonl", 4); // c was not kept: no word
        d.record("a", "x.jsonl", 5);
        d.finish();
        assertEquals(List.of(
                "docbench: x.jsonl:2: 2 ids are remembered to find ids given twice, the most kept; a later id is checked against them only",
                "docbench: x.jsonl:5: the id 'a' was the id of x.jsonl:1 too; both records are classified",
                "docbench: 1 id was given to more than one record (1 record repeats an earlier record's id); every record is classified"),
                err);
    }

    @Test
    void manyDistinctIds_giveNoWord_andARepeatAfterThemNamesTheRightPlace() {
        List<String> err = new ArrayList<>();
        DuplicateIds d = new DuplicateIds(err::add);
        for (int i = 1; i <= 200_000; i++) {
            d.record("https://example.com/story/" + i, i % 2 == 0 ? "even.jsonl" : "odd.jsonl", i);
        }
        assertEquals(List.of(), err, "no two ids alike");
        d.record("https://example.com/story/123457", "late.jsonl", 7);
        d.finish();
        assertEquals("docbench: late.jsonl:7: the id 'https://example.com/story/123457' was the id of odd.jsonl:123457 too; "
                + "both records are classified", err.get(0), String.join("\n", err));
    }

    @Test
    void anIdThatWouldBreakTheLine_isEscapedAsOutputIdsAre() {
        List<String> err = new ArrayList<>();
        DuplicateIds d = new DuplicateIds(err::add);
        d.record("a\nb", "x\ty.jsonl", 1);
        d.record("a\nb", "x\ty.jsonl", 2);
        assertEquals("docbench: x\\ty.jsonl:2: the id 'a\\nb' was the id of x\\ty.jsonl:1 too; both records are classified", err.get(0));
    }
}

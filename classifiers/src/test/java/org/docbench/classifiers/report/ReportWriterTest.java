package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @Test
    void write_failureHalfway_leavesThePreviousReportAndNoTemporaryFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("accuracy");
        ReportWriter.write(out, tmp -> Files.writeString(tmp.resolve("report.md"), "old"));
        IllegalStateException boom = assertThrows(IllegalStateException.class, () -> ReportWriter.write(out, tmp -> {
            Files.writeString(tmp.resolve("report.md"), "half of a new one");
            throw new IllegalStateException("chart failed");
        }));
        assertEquals("chart failed", boom.getMessage());
        assertEquals("old", Files.readString(out.resolve("report.md")));
        assertEquals(List.of("accuracy"), names(dir), "only the report folder remains");
    }

    @Test
    void write_failureWithNoPreviousReport_leavesNone(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("accuracy");
        assertThrows(IOException.class, () -> ReportWriter.write(out, tmp -> {
            Files.writeString(tmp.resolve("report.json"), "{");
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void write_success_replacesTheWholeFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("accuracy");
        ReportWriter.write(out, tmp -> Files.writeString(tmp.resolve("stale.txt"), "x"));
        ReportWriter.write(out, tmp -> Files.writeString(tmp.resolve("report.md"), "new"));
        assertEquals("new", Files.readString(out.resolve("report.md")));
        assertFalse(Files.exists(out.resolve("stale.txt")), "files of the previous run do not linger");
        assertTrue(names(dir).equals(List.of("accuracy")), "left: " + names(dir));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package org.docbench.classifiers.output;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingOutputTest {
    @TempDir
    Path dir;

    @Test
    void theHook_deletesAFolderLeftHalfWritten_andNothingBesideIt() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve(".report.tmp-1/predictions"));
        Files.writeString(tmp.resolve("a.jsonl"), "{}\n");
        Path beside = Files.writeString(dir.resolve("notes.txt"), "keep");
        try (PendingOutput p = PendingOutput.guard(dir.resolve(".report.tmp-1"))) {
            p.deleteQuietly(); // what a SIGTERM during the write runs
        }
        assertFalse(Files.exists(dir.resolve(".report.tmp-1")));
        assertTrue(Files.exists(beside));
    }

    @Test
    void theHook_afterTheRename_findsNothingToDelete() throws Exception {
        Path tmp = Files.writeString(dir.resolve(".m.model.tmp"), "zip");
        Path out = dir.resolve("m.model");
        try (PendingOutput p = PendingOutput.guard(tmp)) {
            Files.move(tmp, out);
            p.deleteQuietly();
        }
        assertTrue(Files.exists(out), "the renamed output stays");
    }
}

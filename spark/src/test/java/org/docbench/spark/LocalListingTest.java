package org.docbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Hadoop's glob of a local path drops without a word, said as a folder walk says it, with
 * wildcards in parent components too (the job tests cover the last component, end to end).
 */
class LocalListingTest {
    @TempDir
    Path dir;

    private static List<String> unmatched(String glob) throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        FileStatus[] matches = fs.globStatus(new org.apache.hadoop.fs.Path(glob));
        List<String> notes = new ArrayList<>();
        LocalListing.unmatched(fs, glob, matches == null ? new FileStatus[0] : matches, notes::add);
        return notes;
    }

    @Test
    void aLinkToNothing_underAWildcardFolder_isSaid_andTheFilesHadoopMatchedAreNot() throws IOException {
        Path news = Files.createDirectories(dir.resolve("news/2025-02"));
        Files.createDirectories(dir.resolve("news/2025-01"));
        Files.writeString(dir.resolve("news/2025-01/a.txt"), "a");
        Files.writeString(news.resolve("b.txt"), "b");
        Path gone = Files.createSymbolicLink(news.resolve("gone.txt"), news.resolve("deleted.txt"));
        Files.createSymbolicLink(news.resolve(".hidden.txt"), news.resolve("deleted.txt"));

        List<String> notes = unmatched(dir + "/news/2025-*/*.txt");

        assertEquals(List.of("docbench-spark: skipped " + gone + ": a link to nothing"), notes);
    }

    @Test
    void aFileUnderAFolderWhoseNameIsNotUtf8_matchedByAParentWildcard_isRefusedNamingIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path news = Files.createDirectories(dir.resolve("news/good"));
        Files.writeString(news.resolve("a.txt"), "a");
        Process p = new ProcessBuilder("/bin/sh", "-c", "mkdir \"$(printf 'bad\\377')\" && echo x > \"$(printf 'bad\\377')/a.txt\"")
                .directory(news.getParent().toFile()).start();
        assertEquals(0, p.waitFor());

        JobException e = assertThrows(JobException.class, () -> unmatched(dir + "/news/*/a.txt"));

        assertEquals(JobException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("folder " + dir + "/news holds a file ")
                && e.getMessage().contains("(" + dir + "/news/bad\uFFFD/a.txt"), e.getMessage());
    }

    @Test
    void aGlobWithoutDroppedEntries_saysNothing() throws IOException {
        Files.createDirectories(dir.resolve("news"));
        Files.writeString(dir.resolve("news/a.txt"), "a");

        assertEquals(List.of(), unmatched(dir + "/news/{a,b}.txt"));
        assertEquals(List.of(), unmatched(dir + "/nowhere/*.txt"));
    }
}

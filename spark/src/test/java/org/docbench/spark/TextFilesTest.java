package org.docbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** How a folder of document files is cut into partitions, and how a glob's matches are named. */
class TextFilesTest {
    @Test
    void smallFiles_getTwicePartitionsAsCores_soASlowFileLeavesNoCoreIdle() {
        assertEquals(4, TextFiles.partitions(864, 3_000_000, 2));
    }

    @Test
    void aFewFiles_getNoMorePartitionsThanFiles() {
        assertEquals(1, TextFiles.partitions(1, 10, 8));
        assertEquals(3, TextFiles.partitions(3, 10, 8));
    }

    @Test
    void manyMegabytes_getAPartitionPer64Megabytes() {
        assertEquals(17, TextFiles.partitions(100_000, 16L * TextFiles.PARTITION_BYTES, 2));
    }

    @Test
    void aGlobsMatch_isNamedByTheGlobsLiteralPartAsTyped_thenThePathBelowIt() {
        assertEquals("./news", TextFiles.literalPrefix("./news/2025-*/a*.txt"));
        assertEquals("", TextFiles.literalPrefix("*.txt"));
        assertEquals("/", TextFiles.literalPrefix("/n*"));
        assertEquals("./news/2025-01/a1.txt", TextFiles.spellMatch("./news", new Path("file:/home/u/news"),
                new Path("file:/home/u/news/2025-01/a1.txt")));
        assertEquals("a.txt", TextFiles.spellMatch("", new Path("file:/home/u"), new Path("file:/home/u/a.txt")));
        assertEquals("/news", TextFiles.spellMatch("/", new Path("file:/"), new Path("file:/news")));
    }

    @Test
    void aPath_isSpelledAsClassifyPrintsIt_withoutTrailingOrDoubledSlashes() {
        assertEquals("news", TextFiles.spelled("news/"));
        assertEquals("news/2025", TextFiles.spelled("news//2025"));
        assertEquals("s3a://bucket/news", TextFiles.spelled("s3a://bucket/news/"));
    }
}

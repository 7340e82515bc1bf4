package org.docbench.classifiers.cli;

import static org.docbench.classifiers.cli.DocbenchCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.docbench.classifiers.cli.DocbenchCliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docbench train} given names and corpora a new user might give it. */
class TrainCommandTest {

    /** With --label, the tasks are those it names: another --task is a usage error before the corpus is read. */
    @Test
    void train_taskThatLabelDoesNotDefine_isAUsageError_beforeReading(@TempDir Path dir) throws Exception {
        Path corpus = EvaluateCommandTest.jsonl(dir, 3, 5);
        Result r = run("train", "--corpus", corpus.toString(), "--text-field", "text", "--label", "topic=label",
                "--task", "stance", "--out", dir.resolve("m.model").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--task stance is not a task --label defines (topic)"), r.err());
        assertFalse(r.err().contains("reading"), "the corpus was read first: " + r.err());
    }
}

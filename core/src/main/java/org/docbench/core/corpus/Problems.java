package org.docbench.core.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the problems a reader meets, under its {@link OnError} policy. Nothing is ever
 * skipped silently: with {@code SKIP_AND_REPORT} every skipped document is counted and its
 * problem kept. Beside them, notes: what a read leaves unused without skipping a document (a
 * split scheme whose files hold no rows, a task some rows do not label), kept under either
 * policy for the user to see. Not thread-safe; one per read.
 */
public final class Problems {
    private final OnError policy;
    private final List<CorpusProblem> problems = new ArrayList<>();
    private final List<CorpusProblem> notes = new ArrayList<>();

    public Problems(OnError policy) {
        this.policy = policy;
    }

    /** Records a problem; throws it instead when failing fast. */
    public void report(CorpusProblem problem) {
        if (policy == OnError.FAIL_FAST) {
            throw new CorpusException(problem);
        }
        problems.add(problem);
    }

    /** Records a problem with its cause; throws when failing fast. */
    public void report(CorpusProblem problem, Throwable cause) {
        if (policy == OnError.FAIL_FAST) {
            throw new CorpusException(problem, cause);
        }
        problems.add(problem);
    }

    /** Records a note: nothing is skipped and the read goes on, under either policy. */
    public void note(CorpusProblem note) {
        notes.add(note);
    }

    /** The notes of the read so far, in order; none of them is a skipped document. */
    public List<CorpusProblem> notes() {
        return Collections.unmodifiableList(notes);
    }

    public OnError policy() {
        return policy;
    }

    /** The problems seen so far, in order; each one is a skipped document or row. */
    public List<CorpusProblem> list() {
        return Collections.unmodifiableList(problems);
    }

    public int skipped() {
        return problems.size();
    }
}

package org.docbench.core.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the problems a reader meets, under its {@link OnError} policy. Nothing is ever
 * skipped silently: with {@code SKIP_AND_REPORT} every skipped document is counted and its
 * problem kept. Not thread-safe; one per read.
 */
public final class Problems {
    private final OnError policy;
    private final List<CorpusProblem> problems = new ArrayList<>();

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

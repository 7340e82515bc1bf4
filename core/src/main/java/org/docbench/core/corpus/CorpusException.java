package org.docbench.core.corpus;

/** A corpus could not be read; the message names the file, line or document and the fix. */
public final class CorpusException extends RuntimeException {
    private final transient CorpusProblem problem;

    public CorpusException(CorpusProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public CorpusException(CorpusProblem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    public CorpusProblem problem() {
        return problem;
    }
}

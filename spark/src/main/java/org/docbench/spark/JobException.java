package org.docbench.spark;

/** A failure the user can act on: one line on stderr and an exit code, never a stack trace. */
final class JobException extends RuntimeException {
    /** Exit codes, as the docbench command uses them. */
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;

    private final int exitCode;

    JobException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}

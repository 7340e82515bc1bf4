package org.docbench.core.corpus;

/** What a reader does with a bad document or row. */
public enum OnError {
    /** Throw a {@link CorpusException} at the first problem. */
    FAIL_FAST,
    /** Skip the document, count it and keep the problem in {@link Problems}. */
    SKIP_AND_REPORT
}

package org.docbench.core.corpus;

/**
 * One thing wrong with a corpus: where it is, what is wrong, and how to fix it.
 *
 * @param source the file (or archive entry, or classpath resource) at fault
 * @param line   1-based line number, or 0 when the problem is not tied to a line
 * @param docId  the document id, or null when unknown
 * @param what   what is wrong, with the offending value
 * @param fix    what the user should do about it
 */
public record CorpusProblem(String source, long line, String docId, String what, String fix) {

    /** One line a user can act on: {@code labels.tsv:12 [doc ie-a001]: unknown topic 'x'. Fix: ...}. */
    public String message() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (docId != null) {
            sb.append(" [document ").append(docId).append(']');
        }
        sb.append(": ").append(what);
        if (fix != null && !fix.isEmpty()) {
            sb.append(". Fix: ").append(fix);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}

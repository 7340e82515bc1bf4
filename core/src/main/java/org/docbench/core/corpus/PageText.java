package org.docbench.core.corpus;

import org.docbench.core.text.HtmlText;

/**
 * A corpus document's text as {@code docbench classify} reads the same text: a web page (text that
 * starts with a doctype or an {@code <html>}, {@code <head>} or {@code <body>} tag,
 * {@link HtmlText#looksLikeHtml}) becomes its text through jsoup, anything else stays as it is.
 * A model trained on the markup would learn {@code div}, {@code href} and {@code class} as words
 * and then meet pages without them in classify. Counts the pages it converts, for a note.
 * Not thread-safe; one per read.
 */
final class PageText {
    private final String source;
    private long pages;
    private long firstLine;
    private String firstId;

    PageText(String source) {
        this.source = source;
    }

    /** {@code text} as plain text; {@code line} and {@code id} name the document for the note. */
    String of(String text, long line, String id) {
        if (!HtmlText.looksLikeHtml(text)) {
            return text;
        }
        if (pages++ == 0) {
            firstLine = line;
            firstId = id;
        }
        return HtmlText.toText(text);
    }

    /** Adds a note counting the pages converted, if any. */
    void note(Problems problems) {
        if (pages > 0) {
            problems.note(new CorpusProblem(source, firstLine, firstId, pages + (pages == 1 ? " document is a web page" : " documents"
                    + " are web pages (the first here)") + ", read as " + (pages == 1 ? "its" : "their") + " text with jsoup as"
                    + " docbench classify reads pages, so that no model learns the markup as words", null));
        }
    }
}

package org.docbench.core.text;

import java.util.Objects;

/**
 * A document as core sees it after normalization. Fields that the raw text does not show are
 * empty strings, never null.
 *
 * @param title  the headline, or empty
 * @param byline the author line ("By ..."), or empty
 * @param date   the date or timestamp line as written, or empty
 * @param body   the article text, paragraphs separated by a blank line
 */
public record NormalizedDocument(String title, String byline, String date, String body) {

    public NormalizedDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(byline, "byline");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(body, "body");
    }

    /** Title and body, the text classifiers see. */
    public String text() {
        return title.isEmpty() ? body : title + "\n\n" + body;
    }
}

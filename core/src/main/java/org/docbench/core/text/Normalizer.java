package org.docbench.core.text;

import java.text.Normalizer.Form;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Turns scraped text into a {@link NormalizedDocument}. Thread-safe and immutable.
 *
 * <p>Foundation version: BOM, HTML entities, line ends, NFKC and whitespace. The full set of
 * named, switchable steps is grown in the core issue.
 */
public final class Normalizer {

    private static final Normalizer STANDARD = new Normalizer();

    private Normalizer() {
    }

    /** The default normalizer, with every step on. */
    public static Normalizer standard() {
        return STANDARD;
    }

    public NormalizedDocument normalize(String raw) {
        String t = raw;
        if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
            t = t.substring(1);
        }
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        t = StringEscapeUtils.unescapeHtml4(t);
        t = java.text.Normalizer.normalize(t, Form.NFKC);
        t = t.replaceAll("[ \\t\\u00A0]+", " ").replaceAll("\\n{3,}", "\n\n").strip();
        return new NormalizedDocument("", "", "", t);
    }
}

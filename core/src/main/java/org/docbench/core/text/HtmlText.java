package org.docbench.core.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a saved web page into the plain text the normalizer expects, with jsoup: the title on the
 * first line, then the text of each block element as its own paragraph. Scripts, styles,
 * navigation, page footers, forms, buttons and menus are dropped (by element, and by the ARIA roles
 * {@code navigation} and {@code contentinfo} that mark them on a plain {@code div}); entities are
 * decoded by the parser.
 *
 * <table>
 * <caption>Examples</caption>
 * <tr><th>input</th><th>output</th></tr>
 * <tr><td>{@code <title>T</title><p>A &amp; B</p><p>C</p>}</td><td>{@code T\n\nA & B\n\nC\n}</td></tr>
 * <tr><td>{@code plain text <3}</td><td>not HTML: {@link #looksLikeHtml} is false</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "article", "section", "header", "footer", "aside", "figcaption", "tr", "dd", "dt", "br", "hr", "main");
    /**
     * Table cells: a browser shows them apart, but their texts have nothing between them, so
     * {@code <td>Sanctuary</td><td>cities</td>} would give the one word "Sanctuarycities". A cell
     * is not a paragraph (a row of a layout table is one line), so a space parts them.
     */
    private static final Set<String> CELLS = Set.of("td", "th");

    private HtmlText() {
    }

    /** True when the text starts (after a BOM and white space) with a doctype or an {@code <html>}/{@code <head>}/{@code <body>} tag. */
    public static boolean looksLikeHtml(CharSequence text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i == text.length() || text.charAt(i) != '<') { // most text: decided without a copy, as classify --lines asks per line
            return false;
        }
        String head = text.subSequence(i, Math.min(text.length(), i + 15)).toString().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body") || head.startsWith("<!--");
    }

    /** The page's title and block texts, paragraphs separated by a blank line, ending in a newline. */
    public static String toText(String html) {
        return text(Jsoup.parse(html));
    }

    /**
     * {@link #toText(String)} of a page in the charset it declares (a byte-order mark, or a
     * {@code <meta charset>} in its head, both as jsoup reads them), or null when it declares none
     * but UTF-8, which the caller has already tried: a page saved as windows-1252 says so, and
     * reads as its author wrote it.
     */
    public static String toTextInDeclaredCharset(byte[] page) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(page), null, "");
        } catch (IOException e) {
            throw new UncheckedIOException("reading a page from memory", e);
        }
        return doc.charset().equals(StandardCharsets.UTF_8) ? null : text(doc);
    }

    private static String text(Document doc) {
        // Buttons and menus outside a form too: their words ("Share", a list of sections) are the site's, not the story's.
        doc.select("script, style, noscript, nav, footer, form, button, select, iframe, svg, template, [role=navigation], "
                        + "[role=contentinfo]")
                .remove();
        StringBuilder out = new StringBuilder();
        String title = doc.title().strip();
        if (!title.isEmpty()) {
            out.append(title).append("\n\n");
        }
        StringBuilder para = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    para.append(t.text());
                } else if (node instanceof Element e) {
                    apart(e);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    apart(e);
                }
            }

            /** Ends the paragraph at a block's edges; puts a space at a cell's. */
            private void apart(Element e) {
                if (BLOCKS.contains(e.normalName())) {
                    flush(out, para);
                } else if (CELLS.contains(e.normalName())) {
                    para.append(' ');
                }
            }
        }, doc.body());
        flush(out, para);
        // A page's <h1> is often its <title> again: one headline, not two (a doubled one doubles its words' counts).
        String twice = title + "\n\n" + title + "\n\n";
        if (!title.isEmpty() && out.indexOf(twice) == 0) {
            out.delete(0, title.length() + 2);
        }
        return out.isEmpty() ? "" : out.substring(0, out.length() - 1);
    }

    private static void flush(StringBuilder out, StringBuilder para) {
        String p = para.toString().replaceAll("\\s+", " ").strip();
        para.setLength(0);
        if (!p.isEmpty()) {
            out.append(p).append("\n\n");
        }
    }
}

package org.docbench.classifiers.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.docbench.core.text.HtmlText;

/**
 * What a document file is to {@code docbench classify FOLDER}, for every reader that must agree
 * with it (the Spark job reads folders on executors): which names are documents, how a file's
 * bytes become its text, and how an unreadable one is named.
 */
public final class DocumentFiles {
    /** A file that is no document text; its message names the file as {@code docbench classify} does. */
    public static final class NotText extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotText(String message) {
            super(message);
        }
    }

    private DocumentFiles() {
    }

    /** Whether a folder's file named {@code fileName} is a document: {@code .txt}, or a web page. */
    public static boolean isDocumentName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".txt") || isPageName(fileName);
    }

    /** Whether {@code name} says its file is a web page ({@code .html}, {@code .htm}). */
    public static boolean isPageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    /**
     * A document file's text: UTF-8 (a BOM dropped), or for a web page that is not UTF-8, the
     * charset it declares; a web page ({@code name} a page's, or text that starts like one)
     * becomes its text. {@code where} is the file as errors name it.
     *
     * @throws NotText when the bytes are not UTF-8 and declare no other charset
     */
    public static String text(byte[] bytes, String name, String where) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1);
            boolean page = isPageName(name) || HtmlText.looksLikeHtml(head);
            String text = page ? HtmlText.toTextInDeclaredCharset(bytes) : null;
            if (text == null) {
                throw new NotText(notUtf8(bytes, where, page));
            }
            return text;
        }
        return asText(s.startsWith("\uFEFF") ? s.substring(1) : s, name);
    }

    /** The error for {@code bytes} of {@code where} that are not UTF-8 ({@code page}: and declare no charset). */
    static String notUtf8(byte[] bytes, String where, boolean page) {
        String declared = page ? unknownDeclaredCharset(bytes) : null;
        return "document " + TsvCells.field(where) + " is not valid UTF-8" + InputProblems.notUtf8Hint(bytes, 0, bytes.length)
                + (!page ? "" : declared != null ? " and declares charset " + TsvCells.field(declared) + ", which Java does not know"
                : " and declares no other charset (<meta charset=...>)") + ": save it as UTF-8";
    }

    /** A {@code <meta charset>} (or http-equiv content type) a page declares in its first 4 KB that Java has no decoder for, or null. */
    static String unknownDeclaredCharset(byte[] page) {
        String head = new String(page, 0, Math.min(page.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        try {
            return java.nio.charset.Charset.isSupported(name) ? null : name;
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return name;
        }
    }

    private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?([^\"'\\s/>;]+)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Text that is a web page ({@code name} says so, or it starts like one) as its text; other text as it is. */
    static String asText(String text, String name) {
        return isPageName(name) || HtmlText.looksLikeHtml(text) ? HtmlText.toText(text) : text;
    }

    /**
     * Why a heap of {@code heap} free bytes cannot classify a document of {@code bytes} as one
     * document, or null when it can: the JVM would die of an OutOfMemoryError halfway, after
     * reading it all.
     */
    public static String tooBig(String where, long bytes, long heap) {
        if (bytes <= heap / DocumentInputs.HEAP_PER_BYTE) {
            return null;
        }
        return String.format(Locale.ROOT, "document %s is %.1f MB, more than this JVM can "
                + "hold as one document (its heap has %d MB free; a document needs about %d times its size): for an archive "
                + "with one document per line use --lines or --jsonl, or give java more memory (java -Xmx...)",
                TsvCells.field(where), bytes / 1e6, heap >> 20, DocumentInputs.HEAP_PER_BYTE);
    }

    /**
     * Why {@code docbench classify FOLDER} refuses the file {@code file} it found under {@code folder}
     * (both as its output names them), or null when it does not: its name is not valid in the
     * locale's charset, so the JVM reads it with U+FFFD and an id spelled so would name no file.
     * See {@link InputFiles#nameRoundTrips}.
     */
    public static String undecodableName(java.nio.file.Path file, String shown, String folder) {
        return InputFiles.nameRoundTrips(file) ? null
                : InputFiles.undecodableName(shown, folder, System.getProperty("sun.jnu.encoding", "UTF-8"));
    }

    /**
     * What {@code docbench classify} says of a file it reaches a second time, named {@code again}, which it
     * read as {@code first}: {@code sameName} when both name one path (named twice), else it came through a link.
     */
    public static String readOnce(String again, String first, boolean sameName) {
        return sameName ? TsvCells.field(again) + " is named more than once by the inputs; read once"
                : TsvCells.field(again) + " is " + TsvCells.field(first) + " (through a link); read once, as " + TsvCells.field(first);
    }

    /** What {@code docbench classify FOLDER} says of a link to nothing it skips, named {@code shown}. */
    public static String linkToNothing(String shown) {
        return "skipped " + TsvCells.field(shown) + ": a link to nothing";
    }

    /**
     * How {@code docbench classify} says that the local path {@code n}, which is not there, is a link
     * to nothing: {@code "is a link to nothing (TARGET does not exist)"}, the link being there to
     * see in {@code ls}; null when {@code n} is no link.
     */
    public static String danglingLink(String n) {
        java.nio.file.Path p;
        try {
            p = java.nio.file.Path.of(n);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!java.nio.file.Files.isSymbolicLink(p)) {
            return null;
        }
        String target;
        try {
            target = java.nio.file.Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            target = "its target";
        }
        return "is a link to nothing (" + TsvCells.field(target) + " does not exist)";
    }

    /** What {@code docbench classify FOLDER} says of a link to a folder it is already in, named {@code shown}, which it skips. */
    public static String linkBack(String shown) {
        return "skipped " + TsvCells.field(shown) + ": a link back to a folder it is in";
    }

    /** The error for a file {@code where} that cannot be opened or read, as {@code docbench classify} words it. */
    public static String unreadable(String where, IOException e) {
        return InputProblems.unreadable(where, e).getMessage();
    }
}

package org.docbench.spark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.hadoop.fs.FileStatus;
import org.docbench.classifiers.cli.DocumentFiles;

/**
 * What Hadoop's local file system leaves out without a word, said as {@code docbench classify} says
 * it. Its listing drops every name it cannot look up: a link to nothing is
 * one (classify skips it, with a note), a name that is not valid in the locale's charset another
 * (the JVM reads it with U+FFFD, which names no file: a document so named, or under a folder so
 * named, stops classify, and stops the job the same way). A folder walk ({@link #unlisted}) finds
 * them by listing again with java.nio, which keeps a name's bytes.
 *
 * <p>Other file systems (hdfs:, s3a:, ...) are left as Hadoop lists them: their names are Unicode
 * strings, and a link to nothing is a local file system's.
 */
final class LocalListing {
    private LocalListing() {
    }

    /**
     * Says what Hadoop's listing {@code listed} of the local folder {@code dir} left out, as classify FOLDER
     * says it; {@code dir}'s id is {@code id}, in the folder the user named {@code folder}.
     */
    static void unlisted(Path dir, FileStatus[] listed, String id, String folder, Consumer<String> notes) throws IOException {
        Set<String> names = new HashSet<>();
        for (FileStatus s : listed) {
            names.add(s.getPath().getName());
        }
        List<Path> left = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (!hidden(name) && (!names.contains(name) || DocumentFiles.undecodableName(e, name, folder) != null)) {
                    left.add(e);
                }
            }
        }
        left.sort(null); // as classify meets them
        for (Path e : left) {
            refuseOrNote(e, id + "/" + e.getFileName(), firstDocument(e), folder, notes);
        }
    }

    /**
     * The error when {@code document}, the file classify reads of the entry {@code e} shown as {@code shown}, has a
     * name it cannot spell; else the note when {@code e} is a link to nothing.
     */
    private static void refuseOrNote(Path e, String shown, Path document, String folder, Consumer<String> notes) {
        if (document != null) {
            String documentShown = document == e ? shown : shown + "/" + e.relativize(document);
            String problem = DocumentFiles.undecodableName(document, documentShown, folder);
            if (problem != null) {
                throw new JobException(JobException.BAD_INPUT, problem);
            }
        } else if (Files.isSymbolicLink(e) && !Files.exists(e)) {
            notes.accept("docbench-spark: " + DocumentFiles.linkToNothing(shown));
        }
    }

    /** {@code p} when it is a document file, else the first document file under the folder {@code p}, else null. */
    private static Path firstDocument(Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            return DocumentFiles.isDocumentName(p.getFileName().toString()) ? p : null;
        }
        if (!Files.isDirectory(p)) {
            return null;
        }
        try (java.util.stream.Stream<Path> under = Files.walk(p)) {
            return under.filter(f -> Files.isRegularFile(f) && DocumentFiles.isDocumentName(f.getFileName().toString())
                    && !hiddenBelow(p, f)).sorted().findFirst().orElse(null);
        }
    }

    /** Whether a file or folder between {@code top} and {@code f} is hidden, so that classify skips {@code f}. */
    private static boolean hiddenBelow(Path top, Path f) {
        for (Path part : top.relativize(f)) {
            if (hidden(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Why a local or remote {@code path} that is not there is not: classify's words for a local link to nothing. */
    static String notThere(String path) {
        String dangling = new org.apache.hadoop.fs.Path(path).toUri().getScheme() == null || path.startsWith("file:")
                ? DocumentFiles.danglingLink(new org.apache.hadoop.fs.Path(path).toUri().getPath()) : null;
        return dangling != null ? dangling : "does not exist";
    }

    private static boolean hidden(String name) {
        return name.startsWith(".");
    }
}

package org.docbench.spark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobPattern;
import org.docbench.classifiers.cli.DocumentFiles;

/**
 * What Hadoop's local file system leaves out without a word, said as {@code docbench classify} says
 * it. Its listing and its globber both drop every name they cannot look up: a link to nothing is
 * one (classify skips it, with a note), a name that is not valid in the locale's charset another
 * (the JVM reads it with U+FFFD, which names no file: a document so named, or under a folder so
 * named, stops classify, and stops the job the same way). A folder walk ({@link #unlisted}) and a
 * glob ({@link #unmatched}) find them by listing again with java.nio, which keeps a name's bytes.
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
     * Says what Hadoop's {@code matches} of {@code glob}, when it is local, left out, in the words {@link #unlisted}
     * uses for a folder: an entry is named as the shell would have named it to classify ({@link TextFiles#spellMatch}),
     * the glob's literal part standing for the folder the user named; a matched file is read whatever its name, a
     * matched folder is walked (its first document is named).
     *
     * <p>The glob is matched again here, a component at a time, each by Hadoop's own {@link GlobPattern}, so
     * wildcards in parent components are followed too, through folders whose names Hadoop dropped (a file under
     * one is named). Not done: a brace group holding a '/' ({@code {2024/a,2025/b}}), which Hadoop expands
     * before it matches components; such a glob is left as Hadoop reads it.
     */
    static void unmatched(FileSystem fs, String glob, FileStatus[] matches, Consumer<String> notes) throws IOException {
        org.apache.hadoop.fs.Path qualified = fs.makeQualified(new org.apache.hadoop.fs.Path(glob));
        if (!"file".equals(qualified.toUri().getScheme()) || glob.matches(".*\\{[^}]*/.*")) {
            return; // hdfs:, s3a: and the rest are read as Hadoop globs them (see above)
        }
        Set<String> found = new HashSet<>();
        for (FileStatus m : matches) {
            found.add(m.getPath().toUri().getPath());
        }
        List<Path> left = new ArrayList<>();
        for (Path e : matching(qualified.toUri().getPath())) {
            String name = e.getFileName().toString();
            if (!hidden(name) && (!found.contains(e.toString()) || DocumentFiles.undecodableName(e, name, glob) != null)) {
                left.add(e);
            }
        }
        left.sort(null);
        String folder = TextFiles.literalPrefix(glob).isEmpty() ? "." : TextFiles.spelled(TextFiles.literalPrefix(glob));
        for (Path e : left) {
            // as Hadoop names a match: no trailing '/' on a folder, U+FFFD for bytes that are not UTF-8
            String shown = TextFiles.spellMatch(fs, glob, new org.apache.hadoop.fs.Path("file", null, e.toUri().getPath()));
            refuseOrNote(e, shown, Files.isRegularFile(e) ? e : firstDocument(e), folder, notes);
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

    /** The entries the absolute glob path {@code glob} matches, links to nothing included, as Hadoop's globber matches them. */
    private static List<Path> matching(String glob) throws IOException {
        List<Path> at = List.of(Path.of("/"));
        String[] parts = glob.replaceAll("^/+", "").split("/+");
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            GlobPattern pattern = new GlobPattern(parts[i]);
            List<Path> next = new ArrayList<>();
            for (Path d : at) {
                if (!pattern.hasWildcard()) {
                    Path p = d.resolve(parts[i].replaceAll("\\\\(.)", "$1")); // as Hadoop unescapes a literal component
                    if (last ? Files.exists(p, LinkOption.NOFOLLOW_LINKS) : Files.isDirectory(p)) {
                        next.add(p);
                    }
                    continue;
                }
                if (!Files.isDirectory(d)) {
                    continue;
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                    for (Path e : entries) {
                        if (pattern.matches(e.getFileName().toString()) && (last || Files.isDirectory(e))) {
                            next.add(e);
                        }
                    }
                }
            }
            at = next;
        }
        return at;
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

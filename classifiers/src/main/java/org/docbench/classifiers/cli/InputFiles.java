package org.docbench.classifiers.cli;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The files one command line's names reach, each once: a folder is walked for its documents, and a
 * file reached a second time (named twice, under a folder named too, or through a link) is read
 * only the first time, under the name it was first reached by, with a note saying so: ids repeated
 * in the output would leave a reader unsure which row is which. Not thread-safe: one per run.
 */
final class InputFiles {
    private final boolean jsonLines;
    private final Consumer<String> notes;
    /**
     * Each file read so far, with the name it was read under, by its file key (device and inode, so a
     * hard link is known too) or, where the file system has none, its real path.
     */
    private final Map<Object, Path> read = new HashMap<>();
    /** Each folder walked so far by its real path, with the name the command line gave it. */
    private final Map<Path, String> folders = new HashMap<>();

    /** {@code jsonLines} when folders hold {@code .jsonl} files rather than documents; {@code notes} takes remarks (stderr). */
    InputFiles(boolean jsonLines, Consumer<String> notes) {
        this.jsonLines = jsonLines;
        this.notes = notes;
    }

    /**
     * Whether {@code file} is to be read: false, with a note, when this run read it
     * already, under this name or through a symbolic or hard link. A pipe or device
     * ({@code <(zcat news.gz)}) is a stream of its own each time it is named, and is always read.
     */
    boolean firstTime(Path file) {
        Object key;
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return true;
            }
            key = a.fileKey() != null ? a.fileKey() : file.toRealPath();
        } catch (IOException e) {
            return true; // reading it says what is wrong
        }
        Path first = read.putIfAbsent(key, file);
        if (first != null) {
            notes.accept("docbench: " + DocumentFiles.readOnce(file.toString(), first.toString(),
                    file.toAbsolutePath().normalize().equals(first.toAbsolutePath().normalize())));
        }
        return first == null;
    }

    /**
     * The documents under {@code folder} (named {@code n} on the command line) not read before, sorted
     * by path: every {@code .txt} and web page (every {@code .jsonl} and {@code .ndjson} file for
     * JSON Lines), through linked subfolders (a linked folder is part of the folder as its user sees
     * it; a link back to a folder above it is skipped), skipping hidden files and folders (names
     * starting with {@code .}: editor and version-control files, and the {@code ._name} files macOS
     * leaves beside copies, which are not text). A broken link, and a pipe or device with a document's
     * name, are skipped with a note; a folder named
     * a second time gives nothing, with one note rather than one per file.
     */
    List<Path> under(Path folder, String n) throws IOException {
        String before = folders.putIfAbsent(folder.toRealPath(), n);
        if (before != null) {
            notes.accept("docbench: folder " + TsvCells.field(n) + (before.equals(n) ? " is named more than once"
                    : " is folder " + TsvCells.field(before) + ", named before") + "; read once");
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                    return !dir.equals(folder) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    if (isHidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (a.isSymbolicLink()) { // followed links arrive as their targets; this one has none
                        notes.accept("docbench: " + DocumentFiles.linkToNothing(file.toString()));
                    } else if (jsonLines ? isJsonLinesName(file) : isDocumentName(file)) {
                        if (!a.isRegularFile()) {
                            // A pipe would wait for a writer and a device (/dev/zero) never ends: named alone, either is the user's choice.
                            notes.accept("docbench: skipped " + TsvCells.field(file.toString()) + ": not a regular file (a pipe, "
                                    + "socket or device); name it on its own to read it");
                            return FileVisitResult.CONTINUE;
                        }
                        if (!nameRoundTrips(file)) {
                            throw new DocbenchCli.BadInputException(undecodableName(file.toString(), n,
                                    System.getProperty("sun.jnu.encoding", "UTF-8")));
                        }
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        notes.accept("docbench: " + DocumentFiles.linkBack(file.toString()));
                        return FileVisitResult.CONTINUE;
                    }
                    if (isHidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw InputProblems.unreadable(file.toString(), e);
                }
            });
        } catch (java.nio.file.AccessDeniedException e) {
            throw new DocbenchCli.BadInputException("cannot read folder " + TsvCells.field(n) + ": permission denied");
        }
        if (found.isEmpty()) {
            throw new DocbenchCli.BadInputException("folder " + TsvCells.field(n) + " holds no " + (jsonLines ? ".jsonl or .ndjson file"
                    : ".txt or .html document") + " (hidden files and folders, whose names start with '.', are skipped)");
        }
        Collections.sort(found);
        List<Path> files = new ArrayList<>(found.size());
        for (Path f : found) {
            if (firstTime(f)) {
                files.add(f);
            }
        }
        return files;
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * Whether the name the JVM decoded from {@code file}'s bytes names it again. It does not when
     * those bytes are not valid in the locale's charset ({@code sun.jnu.encoding}): they were
     * decoded to U+FFFD, and an id spelled with it names no file. On Unix a path keeps its bytes
     * and compares by them, so a name that truly holds U+FFFD is still fine.
     */
    static boolean nameRoundTrips(Path file) {
        try {
            return file.getFileSystem().getPath(file.toString()).equals(file);
        } catch (java.nio.file.InvalidPathException e) { // the locale has no bytes for U+FFFD (LANG=C)
            return false;
        }
    }

    /** The error for a file under {@code folder} whose name does not {@link #nameRoundTrips}, with file names in {@code charset}. */
    static String undecodableName(String file, String folder, String charset) {
        String shown = TsvCells.field(file);
        if (charset.equalsIgnoreCase("UTF-8")) {
            return "folder " + TsvCells.field(folder) + " holds a file whose name is not valid UTF-8 (" + shown + ", as the JVM reads it): "
                    + "rename it, as an id spelled so would name no file";
        }
        return "folder " + TsvCells.field(folder) + " holds a file name this locale cannot spell (" + shown + "; file names are " + charset
                + " here): run docbench under a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    }

    private static boolean isJsonLinesName(Path p) {
        // The names --corpus takes as JSON Lines too, but .json, which is more often one JSON document than lines of them.
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    private static boolean isDocumentName(Path p) {
        return DocumentFiles.isDocumentName(p.getFileName().toString());
    }
}

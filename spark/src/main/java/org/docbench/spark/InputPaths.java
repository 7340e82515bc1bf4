package org.docbench.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.docbench.spark.Inputs.Format;

/**
 * What an input path holds, looked at on the driver through Hadoop's {@link FileSystem} before
 * Spark reads it ({@link Inputs}): the first file a glob matches, the format told from names, and
 * the partition columns of {@code year=2020/} folders.
 */
final class InputPaths {
    private InputPaths() {
    }

    /**
     * {@code path} itself, or the first path its glob matches; an error when there is none. What Hadoop's
     * globber drops without a word (a local link to nothing, a name not valid UTF-8) is said to {@code notes}
     * or refused here, for every format, as a folder walk says it ({@link LocalListing#unmatched}).
     */
    static Path firstMatch(FileSystem fs, String path, java.util.function.Consumer<String> notes) {
        Path p = new Path(path);
        if (!isGlob(path)) {
            if (!exists(fs, p)) {
                throw new JobException(JobException.BAD_INPUT, "input " + path + " " + LocalListing.notThere(path));
            }
            return p;
        }
        try {
            FileStatus[] matches = fs.globStatus(p, s -> !hidden(s.getName()));
            LocalListing.unmatched(fs, path, matches == null ? new FileStatus[0] : matches, notes);
            if (matches == null || matches.length == 0) {
                throw new JobException(JobException.BAD_INPUT, "input " + path + " matches no file");
            }
            Arrays.sort(matches);
            return matches[0].getPath();
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot read input " + path + ": " + e.getMessage());
        }
    }

    /**
     * Checks the local data folder {@code p} (the input {@code path}, not a glob) before Spark reads it. Spark's own
     * listing drops a link to nothing without a word, and it reads a folder's files or its partition folders
     * ({@code year=2025/}), not both, and no other subfolder. So what Hadoop's listing of the folder and of its
     * partition folders leaves out is said as a folder of documents says it ({@link LocalListing#unlisted}), a
     * subfolder Spark does not read is named, and files or folders beside partition folders are refused. A folder
     * reached again through a link is not walked twice.
     */
    static void checkDataFolder(FileSystem fs, Path p, String path, java.util.function.Consumer<String> notes) {
        Path dir = fs.makeQualified(p);
        if (isGlob(path) || !"file".equals(dir.toUri().getScheme())) {
            return;
        }
        try {
            if (fs.getFileStatus(dir).isDirectory()) {
                walkUnlisted(fs, dir, path.endsWith("/") ? path.substring(0, path.length() - 1) : path, notes,
                        new java.util.HashSet<>());
            }
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot read input " + path + ": " + e.getMessage());
        }
    }

    private static void walkUnlisted(FileSystem fs, Path dir, String shown, java.util.function.Consumer<String> notes,
                                     java.util.Set<java.nio.file.Path> walked) throws IOException {
        java.nio.file.Path local = java.nio.file.Path.of(dir.toUri());
        if (!walked.add(local.toRealPath())) {
            return;
        }
        FileStatus[] listed = fs.listStatus(dir);
        LocalListing.unlisted(local, listed, shown, shown, notes);
        // Spark reads the files of a folder or its partition folders (name=value), not both, and no other subfolder:
        // files beside partition folders are dropped without a word, a folder of files beside them stops Spark with
        // an assertion. Said here, before Spark starts.
        List<String> files = new ArrayList<>();
        List<FileStatus> partitions = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (FileStatus s : listed) {
            String name = s.getPath().getName();
            if (hidden(name)) {
                continue;
            }
            if (!s.isDirectory()) {
                files.add(name);
            } else if (name.contains("=")) {
                partitions.add(s);
            } else if (holdsFile(java.nio.file.Path.of(s.getPath().toUri()))) {
                others.add(name);
            }
        }
        if (!partitions.isEmpty() && (!files.isEmpty() || !others.isEmpty())) {
            List<String> beside = files.isEmpty() ? others : files;
            throw new JobException(JobException.BAD_INPUT, "input " + shown + " holds " + (files.isEmpty() ? "folders" : "files")
                    + " (" + String.join(", ", beside.stream().sorted().limit(3).toList()) + (beside.size() > 3 ? ", ..." : "")
                    + ") beside partition folders (" + partitions.get(0).getPath().getName() + (partitions.size() > 1 ? ", ..." : "")
                    + "), which Spark does not read as one table: move them into a partition folder or out of " + shown);
        }
        for (String name : others) {
            notes.accept("docbench-spark: not read: " + shown + "/" + name + " is a folder in a data folder, and Spark "
                    + "reads only a data folder's files or its partition folders (name=value); a glob reads its files ("
                    + shown + "/" + name + "/*, or " + shown + "/*/* for every subfolder)");
        }
        for (FileStatus s : partitions) {
            walkUnlisted(fs, s.getPath(), shown + "/" + s.getPath().getName(), notes, walked);
        }
    }

    /** Whether the local folder {@code dir} holds a file that is not hidden, at any depth. */
    private static boolean holdsFile(java.nio.file.Path dir) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> under = Files.walk(dir)) {
            return under.anyMatch(f -> !f.equals(dir) && Files.isRegularFile(f) && !hidden(f.getFileName().toString()));
        }
    }

    static boolean isGlob(String path) {
        return path.matches(".*[*?\\[{].*");
    }

    /** The format of {@code p} from its name, or from the names of the files inside a folder. */
    static Format detect(FileSystem fs, Path p) {
        try {
            if (fs.getFileStatus(p).isDirectory()) {
                if (fs.exists(new Path(p, "labels.tsv")) && fs.exists(new Path(p, "docs"))) {
                    return Format.LAYOUT;
                }
                Path file = firstDataFile(fs, p, 0);
                if (file == null) {
                    throw new JobException(JobException.BAD_INPUT, "input folder " + p + " holds no data file");
                }
                if (!known(file) && holdsDocument(fs, p, 0)) {
                    return Format.TEXT; // a README beside the documents does not make a folder of documents unreadable
                }
                return fromName(file);
            }
            return fromName(p);
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot read input " + p + ": " + e.getMessage());
        }
    }

    private static Format fromName(Path p) {
        String n = p.getName().toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".gz", ".bz2", ".snappy", ".zst", ".lz4"}) {
            if (n.endsWith(ext) && !n.endsWith(".parquet" + ext)) {
                n = n.substring(0, n.length() - ext.length());
            }
        }
        if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".tsv")) {
            return Format.TSV;
        }
        if (n.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        if (org.docbench.classifiers.cli.DocumentFiles.isDocumentName(n)) {
            return Format.TEXT;
        }
        throw new JobException(JobException.USAGE, "cannot tell the format of " + p
                + " from its name; give --format jsonl, csv, tsv, parquet, layout or text");
    }

    private static boolean known(Path file) {
        try {
            fromName(file);
            return true;
        } catch (JobException e) {
            return false;
        }
    }

    /** Whether a document file ({@code .txt}, {@code .html}) is under {@code dir}, as {@link TextFiles} would find it. */
    private static boolean holdsDocument(FileSystem fs, Path dir, int depth) throws IOException {
        for (FileStatus s : fs.listStatus(dir)) {
            String n = s.getPath().getName();
            if (n.startsWith(".")) {
                continue;
            }
            if (s.isDirectory() ? depth < 8 && holdsDocument(fs, s.getPath(), depth + 1)
                    : org.docbench.classifiers.cli.DocumentFiles.isDocumentName(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first file by name in {@code dir}, else in its folders (at most 8 deep), skipping hidden names:
     * the file that stands for a folder's records where one file is looked at.
     */
    static Path firstDataFile(FileSystem fs, Path dir, int depth) throws IOException {
        FileStatus[] list = fs.listStatus(dir);
        Arrays.sort(list);
        for (FileStatus s : list) {
            String n = s.getPath().getName();
            if (s.isFile() && !hidden(n)) {
                return s.getPath();
            }
        }
        if (depth < 8) {
            for (FileStatus s : list) {
                if (s.isDirectory() && !hidden(s.getPath().getName())) {
                    Path f = firstDataFile(fs, s.getPath(), depth + 1);
                    if (f != null) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The partition columns of a folder laid out as Spark partitions data
     * ({@code year=2020/month=01/part-...}): the names along the first such chain.
     */
    static List<String> partitionColumns(FileSystem fs, Path p) {
        List<String> names = new ArrayList<>();
        try {
            Path dir = p;
            while (fs.getFileStatus(dir).isDirectory()) {
                Path next = null;
                FileStatus[] list = fs.listStatus(dir);
                Arrays.sort(list);
                for (FileStatus s : list) {
                    String n = s.getPath().getName();
                    int eq = n.indexOf('=');
                    if (s.isDirectory() && !hidden(n) && eq > 0) {
                        names.add(n.substring(0, eq));
                        next = s.getPath();
                        break;
                    }
                }
                if (next == null) {
                    break;
                }
                dir = next;
            }
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot list input " + p + ": " + e.getMessage());
        }
        return names;
    }

    /** Names Spark's file readers skip ({@code _SUCCESS}, {@code .part-0.crc}): none is a file the job reads. */
    private static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }

    static boolean exists(FileSystem fs, Path p) {
        try {
            return fs.exists(p);
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot reach " + p + ": " + e.getMessage());
        }
    }
}

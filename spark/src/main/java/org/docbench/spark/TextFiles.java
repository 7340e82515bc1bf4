package org.docbench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.docbench.classifiers.cli.DocumentFiles;

/**
 * Folders (and globs) of {@code .txt} and {@code .html} files, one document a file, read as
 * {@code docbench classify FOLDER} reads them: every document file under each folder, through
 * subfolders, skipping names that start with '.'; a file a glob matches is a document whatever its
 * name, as a file named to classify is. A document's id is its path as classify prints it: the
 * folder as the user spelled it, then the file's path inside it ({@code news/2025/a.txt}). Its
 * text is {@link DocumentFiles#text}'s, a web page's text through jsoup.
 *
 * <p>The driver lists the files (a listing, no reads) and the executors read them. Spark's own
 * readers ({@code binaryFiles}, the {@code binaryFile} source) are not used: they skip names that
 * start with '_', which classify reads, and know nothing of classify's ids.
 */
final class TextFiles {
    /** Bytes of files per partition past which a folder gets more partitions than twice the cores. */
    static final long PARTITION_BYTES = 64L << 20;

    private TextFiles() {
    }

    /** A document file: its id and where the executors open it. */
    record File(String id, String uri, long bytes) {
    }

    /**
     * The documents of {@code path} (a file, folder or glob) as rows of {@link Inputs#COLUMNS};
     * {@code notes} takes remarks on the input (a file read once though reached twice).
     */
    static Dataset<Row> read(SparkSession spark, FileSystem fs, String path, Consumer<String> notes) {
        List<File> files = list(fs, path, notes);
        long total = files.stream().mapToLong(File::bytes).sum();
        int slices = partitions(files.size(), total, spark.sparkContext().defaultParallelism());
        List<Row> listed = files.stream().map(f -> RowFactory.create(f.id(), f.uri(), f.bytes())).toList();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(spark.sparkContext().hadoopConfiguration()));
        StructType schema = new StructType();
        for (String c : Inputs.COLUMNS) {
            schema = schema.add(c, DataTypes.StringType, true);
        }
        StructType pairs = new StructType().add("id", DataTypes.StringType).add("uri", DataTypes.StringType)
                .add("bytes", DataTypes.LongType);
        return spark.createDataFrame(jsc.parallelize(listed, slices), pairs)
                .mapPartitions(new ReadFiles(conf), Encoders.row(schema));
    }

    /**
     * Twice the cores, so a slow file does not leave a core idle, and more for big folders so a
     * partition's texts stay small; never more than one file a partition.
     */
    static int partitions(int files, long bytes, int cores) {
        long bySize = bytes / PARTITION_BYTES + 1;
        return (int) Math.max(1, Math.min(files, Math.max(2L * cores, bySize)));
    }

    /** The document files {@code path} names, in classify's order; an error when there is none. */
    static List<File> list(FileSystem fs, String path, Consumer<String> notes) {
        // as classify: a file two folders reach (one through a link, or two globbed) is read once, under its first name
        Map<String, File> byUri = new LinkedHashMap<>();
        try {
            if (InputPaths.isGlob(path)) {
                // what Hadoop's globber drops without a word was said by InputPaths.firstMatch, which every read starts with
                FileStatus[] matches = fs.globStatus(new Path(path), p -> !hidden(p.getName()));
                if (matches == null || matches.length == 0) {
                    throw new JobException(JobException.BAD_INPUT, "input " + path + " matches no file");
                }
                Arrays.sort(matches);
                for (FileStatus m : matches) {
                    add(fs, m, spellMatch(fs, path, m.getPath()), byUri, notes);
                }
            } else {
                Path p = new Path(path);
                add(fs, fs.getFileStatus(p), spelled(path), byUri, notes);
            }
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot read input " + path + ": " + e.getMessage());
        }
        if (byUri.isEmpty()) {
            throw new JobException(JobException.BAD_INPUT, "input " + path + " holds no .txt or .html document"
                    + " (hidden files and folders, whose names start with '.', are skipped)");
        }
        return List.copyOf(byUri.values());
    }

    private static void add(FileSystem fs, FileStatus s, String id, Map<String, File> byUri, Consumer<String> notes)
            throws IOException {
        if (!s.isDirectory()) {
            byUri.putIfAbsent(realPath(s.getPath()), new File(id, s.getPath().toString(), s.getLen()));
            return;
        }
        List<File> found = new ArrayList<>();
        walk(fs, s.getPath(), id, id, found, notes, new java.util.HashSet<>(List.of(realPath(s.getPath()))));
        if (found.isEmpty()) {
            // as classify: a folder without a document is a mistake (a wrong folder), said before anything is read
            throw new JobException(JobException.BAD_INPUT, "folder " + id + " holds no .txt or .html document"
                    + " (hidden files and folders, whose names start with '.', are skipped)");
        }
        found.sort(java.util.Comparator.comparing(File::id)); // classify sorts a folder's files by path
        for (File f : found) {
            File first = byUri.putIfAbsent(realPath(new Path(f.uri())), f);
            if (first != null) {
                notes.accept("docbench-spark: " + DocumentFiles.readOnce(f.id(), first.id(), f.id().equals(first.id())));
            }
        }
    }

    /** A local file by its real path, so a file reached through a link is known again; any other by its URI. */
    private static String realPath(Path p) {
        if (!"file".equals(p.toUri().getScheme())) {
            return p.toString();
        }
        try {
            return java.nio.file.Path.of(p.toUri()).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return p.toString(); // unreadable: its executor names the problem
        }
    }

    /**
     * The document files under {@code dir}, whose id is {@code id}, in the folder the user named {@code folder};
     * {@code ancestors} holds the real paths of the folders the walk is in. A link to one of them is skipped with
     * classify's note: Hadoop's walk would follow it round until the path grew too long, naming every file again.
     */
    private static void walk(FileSystem fs, Path dir, String id, String folder, List<File> found, Consumer<String> notes,
                             java.util.Set<String> ancestors) throws IOException {
        FileStatus[] listed = fs.listStatus(dir);
        if ("file".equals(dir.toUri().getScheme())) {
            LocalListing.unlisted(java.nio.file.Path.of(dir.toUri()), listed, id, folder, notes);
        }
        for (FileStatus s : listed) {
            String name = s.getPath().getName();
            if (hidden(name)) {
                continue;
            }
            if (s.isDirectory()) {
                String real = realPath(s.getPath());
                if (!ancestors.add(real)) {
                    notes.accept("docbench-spark: " + DocumentFiles.linkBack(id + "/" + name));
                    continue;
                }
                walk(fs, s.getPath(), id + "/" + name, folder, found, notes, ancestors);
                ancestors.remove(real);
            } else if (DocumentFiles.isDocumentName(name)) {
                found.add(new File(id + "/" + name, s.getPath().toString(), s.getLen()));
            }
        }
    }

    /**
     * {@code path} as classify prints a path the user typed: a local path as Java's {@code Path}
     * keeps it (no trailing or doubled '/'), a URI ({@code s3a://...}) as Hadoop keeps it.
     */
    static String spelled(String path) {
        if (new Path(path).toUri().getScheme() != null) {
            return new Path(path).toString().replaceAll("/+$", "");
        }
        return java.nio.file.Path.of(path).toString();
    }

    /** The part of a glob before its first component with a wildcard: {@code news/2025} of {@code news/2025/*\/x.txt}. */
    static String literalPrefix(String glob) {
        int wild = 0;
        while (wild < glob.length() && "*?[{".indexOf(glob.charAt(wild)) < 0) {
            wild++;
        }
        int slash = glob.lastIndexOf('/', wild);
        return slash < 0 ? "" : glob.substring(0, slash == 0 ? 1 : slash);
    }

    /**
     * A match of {@code glob} as the shell would have named it to classify: the glob's literal part as the
     * user typed it, then the match's path below it ({@code news/2025-01/a.txt}).
     */
    static String spellMatch(FileSystem fs, String glob, Path match) {
        String prefix = literalPrefix(glob);
        return spellMatch(prefix, fs.makeQualified(new Path(prefix.isEmpty() ? "." : prefix)), match);
    }

    /** {@link #spellMatch(FileSystem, String, Path)} of a glob whose literal part is {@code prefix}, qualified as {@code fixed}. */
    static String spellMatch(String prefix, Path fixed, Path match) {
        String base = fixed.toUri().getPath().replaceAll("/+$", "");
        String m = match.toUri().getPath();
        String below = m.startsWith(base + "/") ? m.substring(base.length() + 1) : m;
        if (prefix.isEmpty()) {
            return below;
        }
        String head = spelled(prefix);
        return head.endsWith("/") ? head + below : head + "/" + below;
    }

    private static boolean hidden(String name) {
        return name.startsWith(".");
    }

    /** The driver's Hadoop configuration (credentials, file systems) for the executors' reads. */
    static final class HadoopConf implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private transient org.apache.hadoop.conf.Configuration conf;

        HadoopConf(org.apache.hadoop.conf.Configuration conf) {
            this.conf = conf;
        }

        org.apache.hadoop.conf.Configuration get() {
            return conf;
        }

        private void writeObject(java.io.ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            conf.write(out);
        }

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            conf = new org.apache.hadoop.conf.Configuration(false);
            conf.readFields(in);
        }
    }

    /**
     * Reads each listed file on an executor into a row: its text, or its problem in classify's
     * words (not UTF-8, cannot be read), so a bad file is a bad record, named, and the others go on.
     */
    private static final class ReadFiles implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<HadoopConf> conf;

        ReadFiles(Broadcast<HadoopConf> conf) {
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> files) {
            return PerRow.map(files, f -> {
                String id = f.getString(0);
                String text = null;
                // as classify: a file this executor's heap cannot classify is refused before it is read
                Runtime rt = Runtime.getRuntime();
                String problem = DocumentFiles.tooBig(id, f.getLong(2), rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
                try {
                    text = problem != null ? null : DocumentFiles.text(bytes(new Path(f.getString(1))), id, id);
                } catch (DocumentFiles.NotText e) {
                    problem = e.getMessage();
                } catch (IOException e) {
                    problem = DocumentFiles.unreadable(id, e);
                }
                // no source: the problem names the file already, as classify's error does
                return RowFactory.create(id, text, null, null, null, problem);
            });
        }

        private byte[] bytes(Path p) throws IOException {
            try (InputStream in = p.getFileSystem(conf.value().get()).open(p)) {
                return in.readAllBytes();
            }
        }
    }
}

package org.docbench.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Where the job writes and how it commits: everything goes to a hidden temporary sibling of the
 * output ({@code .NAME.docbench-tmp-UUID}), which is renamed onto the output only when the
 * whole job succeeded, so a failed job leaves nothing half-written where readers look.
 *
 * <p>An existing output is refused unless {@code overwrite}, and even then only one this job
 * wrote (it holds {@link #MARKER}) is replaced: never a folder of someone else's data.
 * On HDFS and local disks a rename is atomic; on object stores it is a copy, so there readers
 * may see the new output appear file by file (the old one is moved aside first, not deleted,
 * until the new one is in place).
 */
final class OutputCommit implements AutoCloseable {
    /** The file that marks a folder as this job's output; Spark's readers skip names starting with '_'. */
    static final String MARKER = "_docbench-spark.json";

    private final FileSystem fs;
    private final Path output;
    private final Path temporary;
    private boolean committed;

    private OutputCommit(FileSystem fs, Path output, Path temporary) {
        this.fs = fs;
        this.output = output;
        this.temporary = temporary;
    }

    /**
     * Checks {@code output} may be written and picks the temporary sibling; fails before any work is done.
     *
     * @param input the input as the user gave it (a glob too): the output may neither be it, lie
     *              inside it (the next run would read it) nor hold it (--overwrite would delete it)
     */
    static OutputCommit begin(SparkSession spark, String output, boolean overwrite, String input) {
        FileSystem fs = Inputs.fileSystem(spark, output);
        Path out = fs.makeQualified(new Path(output));
        try {
            OutputPaths.refuseOverlap(spark, output, input);
            if (fs.exists(out)) {
                if (!overwrite) {
                    throw new JobException(JobException.USAGE, "output " + output + " exists; pass --overwrite to replace it");
                }
                if (!fs.exists(new Path(out, MARKER))) {
                    throw new JobException(JobException.USAGE, "output " + output + " exists and is not an output of this job (no "
                            + MARKER + " inside); refusing to replace it, even with --overwrite");
                }
            }
            if (out.getParent() == null) {
                throw new JobException(JobException.USAGE, "output " + output + " is a root folder; name a folder inside one");
            }
            Path tmp = new Path(out.getParent(), "." + out.getName() + ".docbench-tmp-" + UUID.randomUUID());
            OutputPaths.requireCreatable(fs, output, tmp);
            return new OutputCommit(fs, out, tmp);
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "cannot check output " + output + ": " + e.getMessage());
        }
    }

    /** Where Spark writes; nothing there is visible as the output until {@link #commit}. */
    String temporary() {
        return temporary.toString();
    }

    /** Writes a small file (the marker, the report) into the temporary output. */
    void writeFile(String name, String content) throws IOException {
        try (FSDataOutputStream out = fs.create(new Path(temporary, name), true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Puts the temporary output in place of the output (moving a previous output aside, then deleting it). */
    void commit() throws IOException {
        Path old = null;
        if (fs.exists(output)) {
            old = new Path(output.getParent(), "." + output.getName() + ".docbench-old-" + UUID.randomUUID());
            if (!fs.rename(output, old)) {
                throw new IOException("cannot move the previous output " + output + " aside");
            }
        }
        if (!fs.rename(temporary, output)) {
            if (old != null) {
                fs.rename(old, output);
            }
            throw new IOException("cannot rename " + temporary + " to " + output);
        }
        committed = true;
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** Deletes the temporary output unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                fs.delete(temporary, true);
            } catch (IOException ignored) {
                // the folder is hidden and named as temporary; nothing reads it
            }
        }
    }
}

package org.docbench.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The checks on {@code --output} that run before any work: the output can be created (so a
 * path under a file fails in a second, not after the whole job), and it neither is the input,
 * lies inside it, nor holds it.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Creates and removes {@code temporary}, which is where the job writes first: a parent that is
     * a file, or a folder that cannot be written, fails here with exit 3.
     */
    static void requireCreatable(FileSystem fs, String output, Path temporary) {
        for (Path p = temporary.getParent(); p != null; p = p.getParent()) {
            try {
                if (fs.exists(p)) {
                    if (!fs.getFileStatus(p).isDirectory()) {
                        throw new JobException(JobException.BAD_INPUT, "output " + output + " cannot be created: "
                                + shortName(p) + " is a file, not a folder");
                    }
                    break;
                }
            } catch (IOException e) {
                throw new JobException(JobException.BAD_INPUT, "cannot check output " + output + ": " + e.getMessage());
            }
        }
        try {
            if (!fs.mkdirs(temporary)) {
                throw new IOException("the file system refused to create " + temporary);
            }
            fs.delete(temporary, true);
        } catch (IOException e) {
            throw new JobException(JobException.BAD_INPUT, "output " + output + " cannot be created: " + e.getMessage());
        }
    }

    /** Refuses an output that is the input, lies inside it or holds it (through symbolic links too, on local disks). */
    static void refuseOverlap(SparkSession spark, String output, String input) {
        Path out = canonical(spark, new Path(output));
        Path in = canonical(spark, withoutGlob(new Path(input)));
        if (!out.toUri().getScheme().equals(in.toUri().getScheme())
                || !String.valueOf(out.toUri().getAuthority()).equals(String.valueOf(in.toUri().getAuthority()))) {
            return;
        }
        String o = out.toUri().getPath();
        String i = in.toUri().getPath();
        boolean glob = InputPaths.isGlob(input);
        if (!glob && o.equals(i) || within(o, i)) {
            throw new JobException(JobException.USAGE, "output " + output + " is " + (o.equals(i) ? "" : "inside ")
                    + "the input " + input + "; write it elsewhere (a glob or a later job over the input would read it)");
        }
        if (o.equals(i) || within(i, o)) {
            throw new JobException(JobException.USAGE, "output " + output + " holds the input " + input
                    + "; write it elsewhere (replacing it would delete the input)");
        }
    }

    private static boolean within(String path, String folder) {
        return path.startsWith(folder.endsWith("/") ? folder : folder + "/");
    }

    /** The path up to its first component holding a glob character: the folder a glob reads under. */
    static Path withoutGlob(Path p) {
        Path keep = p;
        for (Path q = p; q != null; q = q.getParent()) {
            if (q.getName().matches(".*[*?\\[\\]{}].*")) {
                keep = q.getParent();
            }
        }
        return keep == null ? p : keep;
    }

    /**
     * The qualified path, with symbolic links of its existing part resolved on a local disk (other
     * file systems have none that the job could follow).
     */
    private static Path canonical(SparkSession spark, Path p) {
        Path q = Inputs.fileSystem(spark, p.toString()).makeQualified(p);
        URI uri = q.toUri();
        if (!"file".equals(uri.getScheme())) {
            return q;
        }
        java.nio.file.Path local = Paths.get(uri.getPath()).normalize();
        java.nio.file.Path existing = local;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return q;
        }
        try {
            java.nio.file.Path real = existing.toRealPath().resolve(existing.relativize(local)).normalize();
            return new Path("file", null, real.toString());
        } catch (IOException e) {
            return q;
        }
    }

    private static String shortName(Path p) {
        String s = p.toString();
        return s.startsWith("file:") ? p.toUri().getPath() : s;
    }
}

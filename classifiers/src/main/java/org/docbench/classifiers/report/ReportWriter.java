package org.docbench.classifiers.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.docbench.classifiers.output.KeptAttributes;
import org.docbench.classifiers.output.PendingOutput;

/**
 * Writes {@code report.md}, {@code report.json}, {@code report.html} and one
 * {@code predictions/*.jsonl} per experiment into a folder
 * atomically: everything is rendered into a sibling temporary folder first, then swapped in by
 * renames. A failure before the swap leaves the previous report (or none) and no temporary folder.
 */
public final class ReportWriter {
    /**
     * The file that marks a folder as written by docbench: the CLI replaces such a folder without
     * asking, and refuses any other non-empty folder unless told to overwrite it.
     */
    public static final String MARKER = ".docbench-report";
    private static final String MARKER_TEXT = "written by docbench; 'docbench evaluate --out' may replace this folder\n";
    /** The files a report folder holds besides {@code predictions/*.jsonl}. */
    private static final java.util.Set<String> WRITTEN = java.util.Set.of(MARKER, "report.json", "report.md", "report.html",
            PredictionsFile.FOLDER);

    private ReportWriter() {
    }

    public static void write(Report report, Path out) throws IOException {
        write(out, tmp -> {
            Files.writeString(tmp.resolve("report.json"), JsonReport.render(report), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.md"), MarkdownReport.render(report), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), HtmlReport.render(report), StandardCharsets.UTF_8);
            writePredictions(report, tmp);
        });
    }

    /** One {@link PredictionsFile} per experiment that kept its predictions. */
    static void writePredictions(Report report, Path folder) throws IOException {
        var paths = PredictionsFile.paths(report.experiments());
        for (var e : report.experiments()) {
            if (e.predictions() != null) {
                Path file = folder.resolve(paths.get(e));
                Files.createDirectories(file.getParent());
                Files.writeString(file, PredictionsFile.render(e), StandardCharsets.UTF_8);
            }
        }
    }

    /** What fills the temporary folder. */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path folder) throws IOException;
    }

    /**
     * True when {@code folder} holds the marker docbench writes, with docbench's text in it: a
     * folder this class wrote (whatever else was put in it since; see {@link #foreignEntries}).
     */
    public static boolean isMarked(Path folder) {
        try {
            return Files.isRegularFile(folder.resolve(MARKER))
                    && Files.readString(folder.resolve(MARKER), StandardCharsets.UTF_8).equals(MARKER_TEXT);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What {@code folder} holds that this class does not write: anything but the report files, the
     * marker and {@code predictions/*.jsonl}. Replacing the folder would delete these, so the
     * command line refuses unless told to overwrite.
     */
    public static java.util.List<Path> foreignEntries(Path folder) throws IOException {
        java.util.List<Path> foreign = new java.util.ArrayList<>();
        try (Stream<Path> top = Files.list(folder)) {
            for (Path p : top.sorted().toList()) {
                String name = p.getFileName().toString();
                boolean predictions = name.equals(PredictionsFile.FOLDER);
                if (!WRITTEN.contains(name) || predictions != Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    foreign.add(p);
                } else if (predictions) {
                    try (Stream<Path> inner = Files.list(p)) {
                        inner.filter(q -> !q.getFileName().toString().endsWith(".jsonl")
                                || !Files.isRegularFile(q, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().forEach(foreign::add);
                    }
                }
            }
        }
        return foreign;
    }

    /**
     * Fills a temporary sibling of {@code out} with {@code content}, then swaps it in for {@code out};
     * a folder replaced leaves its mode and group to the new one ({@link KeptAttributes}).
     */
    public static void write(Path out, Content content) throws IOException {
        Path target = out.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // Not Files.createTempDirectory, which makes the folder 0700 whatever the user's umask says.
        // Created before the guard and the deletes below, so they only ever touch a folder this call made.
        Path tmp = Files.createDirectory(PendingOutput.temporary(target));
        try (PendingOutput pending = PendingOutput.guard(tmp)) {
            // A folder the user prepared (2770 and a group, say) keeps its mode and group, set before
            // anything is written so that what goes in inherits the group as it would in the folder itself.
            KeptAttributes kept = KeptAttributes.of(target);
            kept.applyWhileWriting(tmp);
            content.writeInto(tmp);
            Files.writeString(tmp.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
            kept.apply(tmp);
            replace(tmp, target);
        } catch (IOException e) {
            PendingOutput.delete(tmp);
            // "No space left on device" alone names no file: say which output it was.
            throw new IOException("writing the report " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            PendingOutput.delete(tmp);
            throw e;
        }
    }

    /** Swaps the finished folder in; the old one is moved aside first and deleted after. */
    static void replace(Path finished, Path out) throws IOException {
        Path old = PendingOutput.aside(out);
        if (Files.exists(out)) {
            move(out, old);
        }
        try {
            move(finished, out);
        } catch (IOException e) {
            if (Files.exists(old) && !Files.exists(out)) {
                move(old, out); // put the previous report back
            }
            throw e;
        }
        PendingOutput.delete(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}

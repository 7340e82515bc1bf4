package org.docbench.classifiers.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

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
        for (var e : report.experiments()) {
            if (e.predictions() != null) {
                Path file = folder.resolve(PredictionsFile.path(e));
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

    /** Fills a temporary sibling of {@code out} with {@code content}, then swaps it in for {@code out}. */
    public static void write(Path out, Content content) throws IOException {
        Path target = out.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            content.writeInto(tmp);
            Files.writeString(tmp.resolve(MARKER), "written by docbench; 'docbench evaluate --out' may replace this folder\n",
                    StandardCharsets.UTF_8);
            replace(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Swaps the finished folder in; the old one is moved aside first and deleted after. */
    static void replace(Path finished, Path out) throws IOException {
        Path old = out.resolveSibling("." + out.getFileName() + ".old");
        deleteTree(old);
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
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}

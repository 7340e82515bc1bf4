package org.docbench.classifiers.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.docbench.classifiers.report.ReportWriter;

/**
 * Checks an output path before any work starts, so that nothing of the user's is deleted or
 * overwritten unasked and a path that cannot be written fails in a second, not after the training.
 *
 * <table>
 * <caption>What {@code --out} may be</caption>
 * <tr><th>path</th><th>report folder ({@code evaluate})</th><th>model file ({@code train})</th></tr>
 * <tr><td>new</td><td>yes</td><td>yes</td></tr>
 * <tr><td>an empty folder</td><td>yes</td><td>no: a folder</td></tr>
 * <tr><td>a folder docbench wrote (holds its {@link ReportWriter#MARKER}) and nothing else</td><td>yes, replaced</td><td>no: a folder</td></tr>
 * <tr><td>such a folder with files someone added</td><td>only with {@code --overwrite}</td><td>no: a folder</td></tr>
 * <tr><td>any other folder</td><td>only with {@code --overwrite}</td><td>no: a folder</td></tr>
 * <tr><td>an existing file</td><td>no</td><td>only with {@code --overwrite}</td></tr>
 * <tr><td>a device, pipe or socket ({@code /dev/null}, say)</td><td>never</td><td>never</td></tr>
 * <tr><td>a symbolic link (outputs are renamed into place, which would replace the link)</td><td>never</td><td>never</td></tr>
 * <tr><td>a mount point (a bind mount, a container volume: it cannot be renamed)</td><td>never</td><td>never</td></tr>
 * <tr><td>the working folder, the home folder, the folder of the running docbench jar, an input, or a folder holding
 *     any of them, through links too</td><td>never</td><td>never</td></tr>
 * <tr><td>a name too long for the file system, with the temporary name written first (42 bytes longer)</td><td>never</td><td>never</td></tr>
 * </table>
 *
 * <p>Every refusal is a {@link DocbenchCli.BadInputException} (exit 3) naming the path and the way out.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Checks {@code out} as a report folder that will replace what is there, and returns what in it
     * docbench did not write, which only {@code overwrite} lets the report replace (none when
     * {@code out} is new, empty, or holds only a report docbench wrote): see {@link #replacedNote}.
     */
    static List<Path> checkReportFolder(Path out, boolean overwrite, List<Path> inputs) {
        Path abs = absolute(out);
        checkNotAroundInputs(abs, inputs);
        checkNotSpecial(abs, out);
        if (Files.isRegularFile(abs)) {
            throw refused(out, "is a file, and the report is a folder; choose a new path");
        }
        List<Path> foreign = List.of();
        if (Files.isDirectory(abs) && !isEmpty(abs)) {
            boolean marked = ReportWriter.isMarked(abs);
            foreign = marked ? foreignEntries(abs) : entries(abs);
            if (!overwrite && !marked) {
                throw refused(out, "is a folder that docbench did not write (it has no " + ReportWriter.MARKER
                        + " of docbench's); choose a new path, or pass --overwrite to replace the folder and everything in it");
            }
            if (!overwrite && !foreign.isEmpty()) {
                String entries = foreign.size() == 1 ? "an entry" : foreign.size() + " entries";
                throw refused(out, "holds a report docbench wrote and " + entries + " it did not (" + names(abs, foreign)
                        + "); move them out, or pass --overwrite to replace the folder and everything in it");
            }
        }
        checkCreatable(abs, out);
        return foreign;
    }

    /**
     * What to say on stderr once {@code --overwrite} has replaced {@code out} and, with it,
     * {@code foreign}, the entries {@link #checkReportFolder} found that docbench did not write:
     * they are gone, and the user should see that they were there.
     */
    static String replacedNote(Path out, List<Path> foreign) {
        String entries = foreign.size() == 1 ? "the entry" : "the " + foreign.size() + " entries";
        return "docbench: replaced " + out + " and " + entries + " in it that docbench did not write ("
                + names(absolute(out), foreign) + ")";
    }

    /**
     * Checks {@code --out} as the user spelled it, which the {@link Path} picocli made from it no
     * longer shows: empty is a mistake in the command line, and a file that {@code train} is to
     * write cannot be spelled as a folder ({@code models/}, which would become a file named
     * {@code models}).
     */
    static void checkSpelling(picocli.CommandLine cl, boolean file) {
        String raw = cl.getParseResult().matchedOption("--out").stringValues().get(0);
        if (raw.isBlank()) {
            throw new picocli.CommandLine.ParameterException(cl, "--out is empty; name a " + (file ? "file" : "folder"));
        }
        java.nio.file.Path last = java.nio.file.Path.of(raw).getFileName();
        if (last != null && (last.toString().equals(".") || last.toString().equals(".."))) {
            // The output is written beside its path and renamed onto it, which '.' and '..' cannot be.
            // 'reports/.' stands for reports, the folder to name; '..' and '.' still end in dots, so a new path inside them.
            java.nio.file.Path plain = java.nio.file.Path.of(raw).normalize();
            java.nio.file.Path plainLast = plain.getFileName();
            boolean dots = plainLast == null || plainLast.toString().isEmpty() || plainLast.toString().equals("..");
            String example = dots ? plain.resolve(file ? "model.zip" : "report").toString()
                    : file ? plain.resolve("model.zip").toString() : plain.toString();
            String what = file ? "file" : "folder";
            throw new DocbenchCli.BadInputException("--out " + raw + " ends in '" + last + "'; name "
                    + (dots ? "a new " + what + " inside it" : "the " + what + " itself") + ", e.g. " + example);
        }
        if (file && (raw.endsWith("/") || raw.endsWith(java.io.File.separator))) {
            throw new DocbenchCli.BadInputException("--out " + raw + " names a folder (it ends in '/'), and train writes one "
                    + "file; give a file name such as " + raw + "model.zip");
        }
    }

    /** Checks {@code out} as a file that will be written (and replaced only with {@code overwrite}). */
    static void checkFile(Path out, boolean overwrite, List<Path> inputs) {
        Path abs = absolute(out);
        checkNotAroundInputs(abs, inputs);
        checkNotSpecial(abs, out);
        if (Files.isDirectory(abs)) {
            throw refused(out, "is a folder; give a file name such as " + out.resolve("model.zip"));
        }
        if (Files.exists(abs) && !overwrite) {
            throw refused(out, "exists; choose a new path, or pass --overwrite to replace it");
        }
        checkCreatable(abs, out);
    }

    /**
     * Outputs are written beside their path and renamed onto it, which replaces whatever the path
     * names itself: a symbolic link (not its target), or a device, pipe or socket, the paths that
     * exist but are neither a folder nor a regular file.
     */
    private static void checkNotSpecial(Path abs, Path shown) {
        if (Files.isSymbolicLink(abs)) {
            throw refused(shown, "is a symbolic link, which the output would replace; give the path it points to, or a new one");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs) && !Files.isRegularFile(abs)) {
            throw refused(shown, "is a device, pipe or socket, not a file or folder; choose a new path");
        }
        if (Files.exists(abs) && isMountPoint(real(abs))) {
            throw refused(shown, "is a mount point, which the output cannot be renamed onto; give a new path inside it");
        }
    }

    /** Whether {@code real} is where a file system is mounted, by {@code /proc/self/mountinfo} (false where there is none). */
    static boolean isMountPoint(Path real) {
        Path info = Path.of("/proc/self/mountinfo");
        if (!Files.isReadable(info)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(info)) {
            String target = real.toString();
            // Field 5 is the mount point, with space, tab, newline and backslash written as octal escapes.
            return lines.map(l -> l.split(" ")).filter(f -> f.length > 4)
                    .map(f -> f[4].replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\"))
                    .anyMatch(target::equals);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /**
     * {@code p} with every link resolved: its real path when it exists, else its nearest existing
     * ancestor's real path with the rest appended. Comparing these, an input reached through a
     * link and an output beside its target are seen to be one place.
     */
    private static Path real(Path p) {
        Path abs = absolute(p);
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * The output must not be an input, hold an input, sit inside an input folder, or be or hold one
     * of the {@link #keptFolders}, which a mistyped {@code --out ~ --overwrite} would otherwise delete.
     */
    private static void checkNotAroundInputs(Path abs, List<Path> inputs) {
        Path out = real(abs);
        for (KeptFolder kept : keptFolders()) {
            if (kept.path().equals(out)) {
                throw refused(abs, "is " + kept.name() + "; choose a new path");
            }
            if (kept.path().startsWith(out)) {
                throw refused(abs, "holds " + kept.name() + ", " + kept.path() + "; choose a new path");
            }
        }
        for (Path in : inputs) {
            Path a = real(in);
            if (a.startsWith(out)) {
                throw refused(abs, "is the input " + in + " or holds it; choose a path outside the input");
            }
            if (Files.isDirectory(a) && out.startsWith(a)) {
                throw refused(abs, "is inside the input folder " + in + "; choose a path outside the input");
            }
        }
    }

    /** A folder no output may be or hold, even with {@code --overwrite}: its real path, and what to call it. */
    record KeptFolder(String name, Path path) {
    }

    /**
     * The folders no output may be or hold: the working folder, the user's home folder
     * ({@code user.home}) and the folder of the running docbench jar, each by its real path.
     */
    static List<KeptFolder> keptFolders() {
        List<KeptFolder> kept = new java.util.ArrayList<>();
        kept.add(new KeptFolder("the working folder", real(Path.of(""))));
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !home.equals("?")) { // "?" is what the JDK says when it cannot tell
            try {
                kept.add(new KeptFolder("your home folder", real(Path.of(home))));
            } catch (java.nio.file.InvalidPathException notAPath) {
                // nothing to compare with
            }
        }
        java.security.CodeSource code = DocbenchCli.class.getProtectionDomain().getCodeSource();
        Path jar = code == null ? null : jarFolder(code.getLocation());
        if (jar != null) {
            kept.add(new KeptFolder("the folder of the running docbench jar", real(jar)));
        }
        return kept;
    }

    /**
     * The folder holding {@code location} when it is a jar file, or null: classes run from a folder
     * (the build's {@code target/classes}, in tests) or from somewhere that is not a file.
     */
    static Path jarFolder(java.net.URL location) {
        if (location == null) {
            return null;
        }
        try {
            Path p = Path.of(location.toURI());
            return Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }


    /**
     * Notes on what a run writing {@code out} left beside it when it was killed (SIGKILL, a power
     * cut), which no shutdown hook could delete: the temporary output, and the previous report it
     * had moved aside, which may be the only copy of it. Said, never deleted: another run may be
     * writing {@code out} now, and the file may be the user's last report.
     */
    static List<String> leftovers(Path out) {
        Path abs = absolute(out);
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String name = abs.getFileName().toString();
        List<String> notes = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (org.docbench.classifiers.output.PendingOutput.isTemporary(n, name)) {
                    notes.add("docbench: " + p + " is what a run writing " + abs + " left when it was killed before it finished;"
                            + " delete it once no docbench run is writing there");
                } else if (org.docbench.classifiers.output.PendingOutput.isAside(n, name)) {
                    notes.add("docbench: " + p + " is the report a run moved aside to replace " + abs + " and was killed before"
                            + " deleting; it may be your last report: " + (Files.exists(abs)
                            ? "delete it if " + abs + " is the report you want" : "rename it to " + abs + " to have it back"));
                }
            }
        } catch (IOException e) {
            return List.of(); // a folder that cannot be listed is refused by the checks, with the reason
        }
        return notes;
    }

    /**
     * The nearest existing ancestor must be a folder in which a file can be made; a probe file is
     * created and deleted there, which is the one test that catches read-only mounts and /proc.
     * A second probe as long as the longest name the output needs (a folder still to be made, or
     * the temporary name beside the output) catches a name the file system cannot hold, which
     * would otherwise fail only once the work is done.
     */
    private static void checkCreatable(Path abs, Path shown) {
        Path parent = abs.getParent();
        int longest = bytes(abs.getFileName()) + org.docbench.classifiers.output.PendingOutput.EXTRA_NAME_BYTES;
        while (parent != null && !Files.exists(parent)) {
            longest = Math.max(longest, bytes(parent.getFileName()));
            parent = parent.getParent();
        }
        if (parent == null) {
            throw refused(shown, "has no existing parent folder");
        }
        if (!Files.isDirectory(parent)) {
            throw refused(shown, "cannot be made: " + parent + " is a file, not a folder");
        }
        String probe = ".docbench-probe-" + java.util.UUID.randomUUID();
        try {
            Files.delete(Files.createFile(parent.resolve(probe)));
        } catch (IOException | UnsupportedOperationException e) {
            throw refused(shown, "cannot be written: " + parent + " does not accept new files ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (longest > probe.length()) {
            try {
                Files.delete(Files.createFile(parent.resolve(probe + "x".repeat(longest - probe.length()))));
            } catch (IOException e) {
                throw refused(shown, "cannot be written: a name in it is too long for the file system of " + parent
                        + " (docbench needs a name of " + longest + " bytes there, counting the temporary name it writes"
                        + " first, " + org.docbench.classifiers.output.PendingOutput.EXTRA_NAME_BYTES + " bytes longer than the output's); choose a shorter name");
            }
        }
    }

    /** The length of a file name as the file system counts it, in UTF-8 bytes. */
    private static int bytes(Path name) {
        return name == null ? 0 : name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static List<Path> foreignEntries(Path dir) {
        try {
            return ReportWriter.foreignEntries(dir);
        } catch (IOException e) {
            throw refused(dir, "cannot be listed (" + e.getClass().getSimpleName() + "); choose a new path");
        }
    }

    /** Up to three of {@code entries}, relative to {@code dir}. */
    private static String names(Path dir, List<Path> entries) {
        String shown = String.join(", ", entries.stream().limit(3).map(p -> dir.relativize(p).toString()).toList());
        return entries.size() > 3 ? shown + ", ..." : shown;
    }

    /** Everything {@code dir} holds, by name: a folder docbench did not write is none of it docbench's. */
    private static List<Path> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw refused(dir, "cannot be listed (" + e.getClass().getSimpleName() + "); choose a new path");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static DocbenchCli.BadInputException refused(Path out, String why) {
        return new DocbenchCli.BadInputException("--out " + out + " " + why);
    }
}

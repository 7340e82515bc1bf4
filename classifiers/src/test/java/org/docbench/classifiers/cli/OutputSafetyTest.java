package org.docbench.classifiers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.cli.DocbenchCliTest.Result;
import org.docbench.classifiers.report.ReportWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing of the user's is deleted or overwritten unless {@code --overwrite} says so, and an
 * output path that cannot work is refused (exit 3, naming the path) before the corpus is read.
 */
class OutputSafetyTest {

    @TempDir
    Path dir;
    Path corpus;

    @BeforeEach
    void corpus() throws Exception {
        corpus = TestCorpus.writeLayout(dir.resolve("corpus"), TestCorpus.documents(6, 7));
    }

    private Result evaluate(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--corpus", corpus.toString(),
                "--models", "majority", "--out", out.toString()));
        args.addAll(List.of(more));
        return DocbenchCliTest.run(args.toArray(String[]::new));
    }

    private Result train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--corpus", corpus.toString(), "--task", "topic",
                "--model", "naive-bayes", "--out", out.toString()));
        args.addAll(List.of(more));
        return DocbenchCliTest.run(args.toArray(String[]::new));
    }

    private static void assertRefusedBeforeWork(Result r, Path named, String why) {
        assertEquals(3, r.code(), r.err());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), "one line: " + r.err());
        assertTrue(line.contains(named.toString()) && line.contains(why), "names " + named + " and '" + why + "': " + line);
        assertFalse(r.err().contains("reading "), "refused before reading the corpus: " + r.err());
    }

    @Test
    void train_toAPathSpelledAsAFolder_isRefused_andAnEmptyOutIsAUsageError() throws Exception {
        String spelled = dir.resolve("models") + "/";
        Result r = DocbenchCliTest.run("train", "--corpus", corpus.toString(), "--task", "topic", "--model", "naive-bayes",
                "--out", spelled);
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("--out " + spelled + " names a folder") && r.err().contains(spelled + "model.zip"), r.err());
        assertFalse(Files.exists(dir.resolve("models")), "no file named models");
        for (String command : new String[] {"train", "evaluate"}) {
            for (String dots : new String[] {dir.resolve("new") + "/.", dir.resolve("new/sub") + "/.."}) {
                Result d = DocbenchCliTest.run(command, "--corpus", corpus.toString(), "--task", "topic", "--out", dots);
                assertEquals(3, d.code(), command + " " + dots + ": " + d.err());
                assertTrue(d.err().contains("ends in '") && !d.err().contains("reading "), d.err());
                assertFalse(Files.exists(dir.resolve("new")), "nothing made for " + dots);
            }
            // The example given is never the path refused: for '..' and '.' it is a new path inside them.
            for (String dots : new String[] {"..", "."}) {
                Result d = DocbenchCliTest.run(command, "--corpus", corpus.toString(), "--task", "topic", "--out", dots);
                String example = Path.of(dots).normalize().resolve(command.equals("train") ? "model.zip" : "report").toString();
                assertEquals(3, d.code(), d.err());
                assertTrue(d.err().contains("ends in '" + dots + "'") && d.err().strip().endsWith("e.g. " + example), d.err());
            }
            Result empty = DocbenchCliTest.run(command, "--corpus", corpus.toString(), "--task", "topic", "--out", "");
            assertEquals(2, empty.code(), command + ": " + empty.err());
            assertTrue(empty.err().contains("--out is empty"), empty.err());
        }
    }

    @Test
    void evaluate_intoAFolderOfNotes_isRefusedAndTheNotesStay() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "mine");
        Result r = evaluate(notes);
        assertRefusedBeforeWork(r, notes, "--overwrite");
        assertEquals("mine", Files.readString(notes.resolve("todo.txt")));
        assertEquals(1, Files.list(notes).count(), "nothing added to the folder");
    }

    @Test
    void evaluate_intoAFolderOfNotes_withOverwrite_replacesIt() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "mine");
        Result r = evaluate(notes, "--overwrite");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(notes.resolve("report.md")));
        assertFalse(Files.exists(notes.resolve("todo.txt")));
        assertTrue(r.err().contains("docbench: replaced " + notes + " and the entry in it that docbench did not write (todo.txt)"),
                "says what --overwrite replaced: " + r.err());
    }

    /**
     * {@code evaluate --out ~ --overwrite}, one mistyped path, deleted a home folder whole. The
     * home folder and any folder holding it are refused like the working folder, with --overwrite
     * too, when {@code user.home} names it through a link as well.
     */
    @Test
    void evaluate_intoTheHomeFolderOrAFolderHoldingIt_isRefusedEvenWithOverwrite() throws Exception {
        Path users = Files.createDirectories(dir.resolve("users"));
        Path home = Files.createDirectories(users.resolve("ann"));
        Files.writeString(home.resolve("thesis.doc"), "years of work");
        Path link = Files.createSymbolicLink(dir.resolve("home-link"), home);
        String before = System.getProperty("user.home");
        try {
            System.setProperty("user.home", link.toString());
            assertRefusedBeforeWork(evaluate(home, "--overwrite"), home, "is your home folder; choose a new path");
            assertRefusedBeforeWork(evaluate(users, "--overwrite"), users, "holds your home folder, " + home.toRealPath()
                    + "; choose a new path");
            var root = assertThrows(DocbenchCli.BadInputException.class,
                    () -> OutputPaths.checkReportFolder(Path.of("/"), true, List.of()));
            assertTrue(root.getMessage().contains("--out / holds "), root.getMessage());
        } finally {
            System.setProperty("user.home", before);
        }
        assertEquals("years of work", Files.readString(home.resolve("thesis.doc")));
        try (var left = Files.list(users)) {
            assertEquals(List.of(home), left.toList(), "nothing added beside the home folder");
        }
    }

    /** The folder of the running docbench jar is kept like the home folder; classes run from a folder name none. */
    @Test
    void jarFolder_isTheFolderHoldingAJar_andNoneForClassesInAFolder() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("opt/docbench/lib"));
        Path jar = Files.writeString(lib.resolve("docbench.jar"), "PK");
        assertEquals(lib, OutputPaths.jarFolder(jar.toUri().toURL()));
        assertEquals(null, OutputPaths.jarFolder(lib.toUri().toURL()), "a folder of classes is no jar");
        assertEquals(null, OutputPaths.jarFolder(new java.net.URL("http://example.org/docbench.jar")), "not a file");
        assertEquals(List.of("the working folder", "your home folder"),
                OutputPaths.keptFolders().stream().map(OutputPaths.KeptFolder::name).toList(),
                "tests run docbench from target/classes: " + DocbenchCli.class.getProtectionDomain().getCodeSource());
    }

    @Test
    void evaluate_intoTheCorpusOrAFolderAroundIt_isRefusedEvenWithOverwrite() throws Exception {
        long files = Files.walk(corpus).count();
        assertRefusedBeforeWork(evaluate(corpus, "--overwrite"), corpus, "input");
        assertRefusedBeforeWork(evaluate(dir, "--overwrite"), dir, "input");
        assertRefusedBeforeWork(evaluate(corpus.resolve("report"), "--overwrite"), corpus.resolve("report"), "inside the input");
        assertEquals(files, Files.walk(corpus).count(), "the corpus is untouched");
    }

    @Test
    void evaluate_ontoAnExistingFile_isRefusedAndTheFileStays() throws Exception {
        Path file = Files.writeString(dir.resolve("results.csv"), "a,b\n");
        assertRefusedBeforeWork(evaluate(file), file, "is a file");
        assertRefusedBeforeWork(evaluate(file, "--overwrite"), file, "is a file");
        assertEquals("a,b\n", Files.readString(file));
    }

    @Test
    void evaluate_underAFileOrInProc_isRefusedBeforeTheWork() throws Exception {
        Path file = Files.writeString(dir.resolve("data.csv"), "x\n");
        assertRefusedBeforeWork(evaluate(file.resolve("report")), file.resolve("report"), "is a file, not a folder");
        Path proc = Path.of("/proc/docbench-nope");
        if (Files.isDirectory(Path.of("/proc"))) {
            assertRefusedBeforeWork(evaluate(proc), proc, "cannot be written");
        }
    }

    /**
     * A name the file system cannot hold (over 255 bytes on Linux file systems), or one that fits
     * but whose temporary sibling ({@code .NAME.tmp-UUID}, 42 bytes longer) does not, failed with
     * "File name too long" (exit 1) only after the training; a folder still to be made counts too.
     * Names are counted in bytes: 110 'é' are 220.
     */
    @Test
    void outputNameTooLongForTheFileSystem_isRefusedBeforeTheWork() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(nameTooLong(dir, 300), "this file system holds 300-byte names");
        List<Path> outs = List.of(dir.resolve("a".repeat(300)), dir.resolve("b".repeat(240)), dir.resolve("é".repeat(110)),
                dir.resolve("c".repeat(300)).resolve("out"));
        for (Path out : outs) {
            assertRefusedBeforeWork(evaluate(out), out, "too long for the file system");
            assertRefusedBeforeWork(train(out), out, "too long for the file system");
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(corpus), left.toList(), "no probe is left behind");
        }
        Path fits = dir.resolve("d".repeat(200));
        assertEquals(0, train(fits).code(), "200 bytes and the temporary name's 42 fit in 255");
    }

    /** Whether {@code dir}'s file system refuses a file name of {@code bytes} bytes. */
    private static boolean nameTooLong(Path dir, int bytes) {
        try {
            Files.delete(Files.createFile(dir.resolve("n".repeat(bytes))));
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Test
    void evaluate_twiceIntoItsOwnFolder_replacesTheReport() throws Exception {
        Path out = dir.resolve("report");
        assertEquals(0, evaluate(out).code());
        assertTrue(Files.exists(out.resolve(ReportWriter.MARKER)), "the report folder is marked as docbench's");
        Result again = evaluate(out);
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.exists(out.resolve("report.md")));
        assertFalse(again.err().contains("replaced"), "a report replacing docbench's own is nothing to tell: " + again.err());
    }

    @Test
    void evaluate_intoAnEmptyFolder_writesThere() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, evaluate(empty).code());
        assertTrue(Files.exists(empty.resolve("report.json")));
    }

    @Test
    void reportFolder_theWorkingFolderOrItsParent_isNeverAllowed() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p : List.of(Path.of(""), cwd, cwd.getParent())) {
            var e = assertThrows(DocbenchCli.BadInputException.class, () -> OutputPaths.checkReportFolder(p, true, List.of()));
            assertTrue(e.getMessage().contains("working folder"), e.getMessage());
        }
    }

    @Test
    void train_ontoAnExistingFile_isRefusedUnlessOverwrite() throws Exception {
        Path model = Files.writeString(dir.resolve("stance.model"), "precious");
        assertRefusedBeforeWork(train(model), model, "--overwrite");
        assertEquals("precious", Files.readString(model));
        Result r = train(model, "--overwrite");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(model) > 100, "the model replaced the file");
    }

    @Test
    void whatAKilledRunLeftBesideTheOutput_isNamed_andKept() throws Exception {
        String uuid = "0b5e8f2a-6c1d-4e7b-9a3f-2d4c6e8a0b1c";
        Path tmpModel = Files.writeString(dir.resolve(".stance.model." + uuid + ".tmp"), "half a zip");
        Path unrelated = Files.writeString(dir.resolve(".stance.model.notes.tmp"), "mine");
        Result t = train(dir.resolve("stance.model"));
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("docbench: " + tmpModel + " is what a run writing " + dir.resolve("stance.model")
                + " left when it was killed before it finished; delete it once no docbench run is writing there"), t.err());
        assertFalse(t.err().contains(unrelated.toString()), "a name docbench does not make is not its leftover: " + t.err());
        Path tmpReport = Files.createDirectory(dir.resolve(".report.tmp-" + uuid));
        Path aside = Files.createDirectory(dir.resolve(".report.old-" + uuid));
        Result e = evaluate(dir.resolve("report"));
        assertEquals(0, e.code(), e.err());
        assertTrue(e.err().contains("docbench: " + tmpReport + " is what a run writing " + dir.resolve("report") + " left"), e.err());
        assertTrue(e.err().contains("docbench: " + aside + " is the report a run moved aside to replace " + dir.resolve("report")
                + " and was killed before deleting; it may be your last report: rename it to " + dir.resolve("report")
                + " to have it back"), e.err());
        assertTrue(Files.exists(tmpModel) && Files.exists(tmpReport) && Files.exists(aside) && Files.exists(unrelated),
                "said, never deleted");
    }

    @Test
    void evaluateOrTrain_ontoAPipe_isRefusedEvenWithOverwrite_andThePipeStays() throws Exception {
        // A named pipe stands for /dev/null and other device nodes, which a rename over them would replace.
        Path pipe = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor(), "mkfifo");
        assertRefusedBeforeWork(evaluate(pipe), pipe, "device, pipe or socket");
        assertRefusedBeforeWork(evaluate(pipe, "--overwrite"), pipe, "device, pipe or socket");
        assertRefusedBeforeWork(train(pipe, "--overwrite"), pipe, "device, pipe or socket");
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe) && !Files.isDirectory(pipe), "the pipe is still a pipe");
    }

    @Test
    void anInputReachedThroughALink_isStillTheInput() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path moved = Files.move(corpus, real.resolve("corpus"));
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("links")).resolve("c"), moved);
        long files = Files.walk(real).count();
        Result around = DocbenchCliTest.run("evaluate", "--corpus", link.toString(), "--models", "majority", "--out", real.toString(),
                "--overwrite");
        assertRefusedBeforeWork(around, real, "input");
        Path inside = moved.resolve("report");
        Result in = DocbenchCliTest.run("train", "--corpus", link.toString(), "--task", "topic", "--model", "naive-bayes",
                "--out", inside.toString());
        assertRefusedBeforeWork(in, inside, "inside the input folder");
        assertEquals(files, Files.walk(real).count(), "nothing added or removed");
    }

    @Test
    void aLinkAsOutput_isRefused_dangling_orPointingAtAFile() throws Exception {
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.model"), dir.resolve("nowhere.model"));
        assertRefusedBeforeWork(train(dangling), dangling, "symbolic link");
        Path target = Files.writeString(dir.resolve("kept.model"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("link.model"), target);
        assertRefusedBeforeWork(train(link, "--overwrite"), link, "symbolic link");
        assertTrue(Files.isSymbolicLink(dangling) && Files.isSymbolicLink(link), "the links stay links");
        assertEquals("precious", Files.readString(target));
    }

    @Test
    void evaluate_intoItsOwnFolder_withAFileSomeoneAdded_isRefusedAndTheFileStays() throws Exception {
        Path out = dir.resolve("report");
        assertEquals(0, evaluate(out).code());
        Files.writeString(out.resolve("my-notes.md"), "mine");
        Files.writeString(out.resolve("predictions").resolve("keep.txt"), "mine too");
        Result r = evaluate(out);
        assertRefusedBeforeWork(r, out, "2 entries it did not (my-notes.md, predictions/keep.txt)");
        assertEquals("mine", Files.readString(out.resolve("my-notes.md")));
        Result forced = evaluate(out, "--overwrite");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.exists(out.resolve("my-notes.md")), "--overwrite replaces the folder whole");
        assertTrue(forced.err().contains("docbench: replaced " + out
                + " and the 2 entries in it that docbench did not write (my-notes.md, predictions/keep.txt)"), forced.err());
    }

    @Test
    void aFolderWithAMarkerDocbenchDidNotWrite_isNotDocbenchs() throws Exception {
        Path fake = Files.createDirectories(dir.resolve("fake"));
        Files.writeString(fake.resolve(ReportWriter.MARKER), "");
        Files.writeString(fake.resolve("thesis.doc"), "years of work");
        assertRefusedBeforeWork(evaluate(fake), fake, "did not write");
        assertEquals("years of work", Files.readString(fake.resolve("thesis.doc")));
    }

    @Test
    void outputs_takeTheUsersUmask_likeAnyNewFileBesideThem() throws Exception {
        Path out = dir.resolve("report");
        assertEquals(0, evaluate(out).code());
        Path plainDir = Files.createDirectory(dir.resolve("plain-dir"));
        assertEquals(Files.getPosixFilePermissions(plainDir), Files.getPosixFilePermissions(out));
        Path model = dir.resolve("m.model");
        assertEquals(0, train(model).code());
        Path plainFile = Files.createFile(dir.resolve("plain-file"));
        assertEquals(Files.getPosixFilePermissions(plainFile), Files.getPosixFilePermissions(model));
    }

    /**
     * A model trained on private data went from {@code 600} to {@code 644} when replaced, and a
     * folder prepared as {@code 2750} for a group came back {@code 755 root root}: the replacement
     * now keeps the mode (setgid too) and the group of what it replaces.
     */
    @Test
    void train_overwritingAPrivateModel_keepsItsModeAndGroup() throws Exception {
        Path model = Files.writeString(dir.resolve("priv.model"), "precious");
        Files.setAttribute(model, "unix:mode", 0600);
        java.nio.file.attribute.GroupPrincipal group = otherGroup();
        Files.setAttribute(model, "posix:group", group);
        Result r = train(model, "--overwrite");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(model) > 100, "the model replaced the file");
        assertEquals("600", mode(model), "mode of the replaced model");
        assertEquals(group, Files.getAttribute(model, "posix:group"), "group of the replaced model");
    }

    @Test
    void evaluate_intoAPreparedFolder_keepsItsModeSetgidAndGroup_andSoDoesTheNextReport() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        java.nio.file.attribute.GroupPrincipal group = otherGroup();
        Files.setAttribute(shared, "posix:group", group);
        Files.setAttribute(shared, "unix:mode", 02750);
        for (int run = 1; run <= 2; run++) {
            Result r = evaluate(shared);
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.exists(shared.resolve("report.md")), "run " + run + " wrote the report");
            assertEquals("2750", mode(shared), "mode of the folder after run " + run);
            assertEquals(group, Files.getAttribute(shared, "posix:group"), "group of the folder after run " + run);
            assertEquals(group, Files.getAttribute(shared.resolve("report.md"), "posix:group"),
                    "report.md takes the group, as in a setgid folder, after run " + run);
        }
    }

    /** A group the test's files are not made with (root's is 0): daemon's, on Linux. */
    private static java.nio.file.attribute.GroupPrincipal otherGroup() throws Exception {
        return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon");
    }

    private static String mode(Path p) throws Exception {
        return Integer.toOctalString((Integer) Files.getAttribute(p, "unix:mode") & 07777);
    }

    @Test
    void aMountPoint_isRefusedBeforeTheWork_evenWithOverwrite() {
        // /proc stands for a bind mount or a container volume: renaming onto it fails, after the work.
        assertTrue(OutputPaths.isMountPoint(Path.of("/proc")), "/proc is a mount point on Linux");
        assertFalse(OutputPaths.isMountPoint(dir.toAbsolutePath()), dir + " is not");
        var e = assertThrows(DocbenchCli.BadInputException.class, () -> OutputPaths.checkReportFolder(Path.of("/proc"), true, List.of()));
        assertTrue(e.getMessage().contains("is a mount point"), e.getMessage());
    }

    @Test
    void train_intoAFolder_isRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("models"));
        assertRefusedBeforeWork(train(folder), folder, "is a folder");
        assertRefusedBeforeWork(train(folder, "--overwrite"), folder, "is a folder");
    }
}

package org.docbench.classifiers.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.train.TrainerLogging;
import org.docbench.core.corpus.CorpusException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code docbench} command: train, evaluate, normalize, classify.
 *
 * <p>Exit codes: 0 success; 1 unexpected failure; 2 bad command line; 3 bad input (a corpus,
 * document, model file or output path that cannot be used). Errors print one line on stderr, never a stack
 * trace (set {@code DOCBENCH_DEBUG=1} to see one).
 */
@Command(name = "docbench", mixinStandardHelpOptions = true, version = "docbench 0.1.0 (Tribuo 4.3.2)",
        description = {"Topic and stance classification of news documents with Tribuo.", ""},
        subcommands = {TrainCommand.class, EvaluateCommand.class, NormalizeCommand.class, ClassifyCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  docbench classify --task stance article.txt",
            "  docbench train --corpus embedded --task topic --model liblinear-lr \\",
            "      --out topic.model",
            "  cat docs.txt | docbench classify --model topic.model --json",
            "  docbench evaluate --corpus data.jsonl --text-field body --label stance=bias \\",
            "      --out report/",
            "  docbench normalize saved-page.html",
            "",
            // One string per paragraph, here and in every description: picocli wraps each string to the
            // width, and a string cut short leaves a short line wherever the width falls before its end.
            "Exit codes: 0 ok, 1 unexpected failure, 2 bad command line, 3 bad input (corpus, document, model file or "
                    + "output path), 141 stdout's reader stopped reading (as for a process ended by SIGPIPE)."})
public final class DocbenchCli implements java.util.concurrent.Callable<Integer> {
    public static final int BAD_INPUT = 3;
    public static final int FAILURE = 1;
    /** Stdout's reader stopped reading ({@code | head}): 128 + SIGPIPE, as {@code cat} ends then. */
    public static final int READER_GONE = 141;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command: the usage goes to stderr with exit 2, as for an unknown command (stdout may be a pipe expecting results). */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("docbench: name a command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The writer on the process's own stderr, when {@link #main} made it. */
    private static PrintWriter processErr;

    /** The process started with stdin closed ({@code <&-}); set by {@link #main}, never in-process. */
    static volatile boolean stdinClosed;

    public static void main(String[] args) {
        stdinClosed = stdinClosed(Path.of("/proc/self/fd/0"));
        // UTF-8 whatever the locale: under LANG=C, JDK 17's default charset is ASCII and every
        // accented letter, curly quote or non-Latin label would be printed as '?'.
        StdoutStream stdout = new StdoutStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, java.nio.charset.StandardCharsets.UTF_8), true);
        processErr = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.err),
                java.nio.charset.StandardCharsets.UTF_8), true);
        System.exit(run(out, processErr, stdout, args));
    }

    /** Runs the command line with the given streams and returns the exit code; used by tests in-process. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, null, args);
    }

    /**
     * {@link #run(PrintWriter, PrintWriter, String...)}, where {@code stdout}, the stream under
     * {@code out} (or null), says whether {@code out} stopped because its reader closed the pipe
     * (then the exit is quiet, with {@value #READER_GONE}, the status of a process SIGPIPE ended),
     * and else why it failed.
     */
    static int run(PrintWriter out, PrintWriter err, StdoutStream stdout, String... args) {
        System.setProperty("java.awt.headless", "true");
        TrainerLogging.quiet();
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Past the checks that refuse a document too large to hold: say what ran out, not a stack trace.
            err.println(outOfMemory(cl, Runtime.getRuntime().maxMemory() >> 20));
            code = FAILURE;
        }
        out.flush();
        // A PrintWriter keeps write errors to itself: a full disk or a closed pipe would cut the
        // output short and still exit 0.
        if (out.checkError()) {
            if (stdout != null && stdout.readerGone()) {
                err.flush();
                return READER_GONE;
            }
            // The system's reason: stdout may be closed (>&-) or a device, not only a full disk.
            String why = stdout != null && stdout.failure() != null ? stdout.failure() : "a full disk?";
            err.println("docbench: writing the output failed (" + why + "); what was written is incomplete");
            code = code == 0 || code == FAILURE ? FAILURE : code;
        }
        err.flush();
        return code;
    }

    /**
     * What to say when the heap ran out: classify holds one document at a time, so its longest
     * documents are what to cut; train and evaluate hold the whole corpus, its features and the
     * models, which no document's length explains.
     */
    static String outOfMemory(CommandLine cl, long heapMb) {
        var parsed = cl.getParseResult();
        String command = parsed != null && parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "";
        String heap = "docbench: out of memory (the JVM's heap is " + heapMb + " MB";
        if (command.equals("train") || command.equals("evaluate")) {
            return heap + ", and " + command + " holds the whole corpus, its features and the models it trains): give java more"
                    + " with -Xmx (java -Xmx8g -jar docbench.jar " + command + " ...)"
                    + (command.equals("evaluate") ? ", or evaluate fewer --models or a smaller corpus" : ", or train on a smaller corpus");
        }
        return heap + ", and a document takes about " + DocumentInputs.HEAP_PER_BYTE + " times its size while it is "
                + "classified): give java more with -Xmx, or cut the longest documents";
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DocbenchCli());
        // Every command's help lists -V (mixinStandardHelpOptions); it prints this version, not nothing.
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().version(cl.getCommandSpec().version());
        }
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            Throwable e = ex;
            if (System.getenv("DOCBENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            if (e instanceof OutputStoppedException) {
                return FAILURE; // run() says why, or nothing when the reader went away
            }
            if (e instanceof java.nio.file.InvalidPathException bad && !"UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
                err.println(unspellableName(bad, System.getProperty("sun.jnu.encoding")));
                return BAD_INPUT;
            }
            if (e instanceof CorpusException ce) {
                err.println("docbench: " + ce.problem().message());
                return BAD_INPUT;
            }
            if (e instanceof BadInputException || e instanceof IllegalArgumentException
                    || e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.UncheckedIOException) {
                err.println("docbench: " + oneLine(e));
                return BAD_INPUT;
            }
            err.println("docbench: failed: " + oneLine(e) + " (DOCBENCH_DEBUG=1 shows the stack trace)");
            return FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("docbench: " + usageMessage(ex));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return CommandLine.ExitCode.USAGE;
        });
        return cl;
    }

    /**
     * The line for a command-line mistake: picocli's own, but for an exclusive group matched more
     * than once ({@code --task a --task b}, whose message is picocli's internal text listing every
     * match, or {@code --model m --task t}).
     */
    static String usageMessage(CommandLine.ParameterException ex) {
        String m = ex.getMessage().replace("option option", "option"); // picocli's KEY=VALUE message doubles the word
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException
                || ex instanceof CommandLine.MaxValuesExceededException && m.contains("expected only one match")) {
            for (CommandLine.Model.ArgGroupSpec g : ex.getCommandLine().getCommandSpec().argGroups()) {
                if (g.exclusive() && g.options().stream().allMatch(o -> m.contains(o.longestName()))) {
                    List<String> names = g.options().stream().map(o -> o.longestName() + " " + o.paramLabel()).toList();
                    return "give one of " + String.join(" or ", names) + ", once";
                }
            }
        }
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && cl.getCommandSpec().parent() == null
                && !cl.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")
                && (cl.getParseResult() == null || !cl.getParseResult().hasSubcommand())) {
            // A mistyped command ('docbench clasify ...'): picocli lists every argument after it as unmatched.
            return "unknown command '" + u.getUnmatched().get(0) + "'; the commands are " + String.join(", ",
                    cl.getSubcommands().keySet());
        }
        return m;
    }

    /** Reads an environment variable; tests replace it to run a command as if a variable were set. Not thread-safe. */
    static java.util.function.UnaryOperator<String> environment = System::getenv;

    /**
     * How a command shows its work on stderr.
     *
     * @param meter  progress of long work
     * @param status the lines that say what is being done ({@code reading ...}, {@code training ...},
     *               each model's scores); nothing with {@code DOCBENCH_PROGRESS=off}. Warnings,
     *               errors and the result lines are not status: they always print.
     */
    record Feedback(ProgressMeter meter, java.util.function.Consumer<String> status) {
    }

    /**
     * What {@code DOCBENCH_PROGRESS} asks for: {@link ProgressMeter#forStderr()} when {@code err}
     * is the process's stderr (a bar on a terminal, lines otherwise); lines to {@code err} when a
     * caller (a test) gave its own writer, so its output can be read back. Commands call it before
     * any work.
     *
     * @throws CommandLine.ParameterException (exit 2) when the variable holds anything else: it is
     *         part of how the command was invoked
     */
    static Feedback feedback(CommandLine cl) {
        PrintWriter err = cl.getErr();
        String setting = environment.apply("DOCBENCH_PROGRESS");
        boolean terminal = err == processErr && ProgressMeter.stderrIsTerminal();
        ProgressMeter meter;
        try {
            meter = ProgressMeter.forStderr(setting, terminal, err::println);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "the environment variable DOCBENCH_PROGRESS is '" + setting
                    + "'; it must be bar, lines or off (or unset: a bar on a terminal, lines otherwise)");
        }
        boolean off = setting != null && setting.strip().equalsIgnoreCase("off");
        java.util.function.Consumer<String> status = off ? line -> { } : meter.guard(err::println);
        return new Feedback(meter, status);
    }

    /**
     * The message for a file name the JVM cannot spell: it spells file names in the locale's charset
     * ({@code sun.jnu.encoding}), and under {@code LANG=C} that has no name for 'é'.
     */
    static String unspellableName(java.nio.file.InvalidPathException e, String charset) {
        return "docbench: a file name holds characters this locale cannot spell (" + e.getReason() + "; file names are "
                + charset + " here): run docbench under a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    }

    /**
     * Whether stdin was closed when the process started, by what {@code fd0} (Linux's
     * {@code /proc/self/fd/0}) links to: nothing, or a file the JVM opened for itself, which took
     * the free descriptor 0 ({@code lib/modules}, the jar). Reading it would give those bytes as
     * the document. False where there is no {@code /proc} to ask.
     */
    static boolean stdinClosed(Path fd0) {
        if (!Files.isDirectory(fd0.getParent())) {
            return false;
        }
        Path target;
        try {
            target = Files.readSymbolicLink(fd0);
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
        List<Path> classPath = new java.util.ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classPath.add(Path.of(entry));
            }
        }
        return isJvmsOwnFile(target, Path.of(System.getProperty("java.home")), classPath);
    }

    /** Whether {@code file} is in the JDK at {@code javaHome} or is an entry of {@code classPath}: no one's input. */
    static boolean isJvmsOwnFile(Path file, Path javaHome, List<Path> classPath) {
        if (file.startsWith(real(javaHome))) {
            return true;
        }
        return classPath.stream().map(DocbenchCli::real).anyMatch(file::equals);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            m = "no such file: " + m;
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Stdout took no more output (see {@link #run}): the work stops instead of running on unread. */
    static final class OutputStoppedException extends RuntimeException {
        OutputStoppedException() {
            super("the output stopped");
        }
    }

    /** Input the user gave that cannot be used; exit code 3. */
    static final class BadInputException extends RuntimeException {
        BadInputException(String message) {
            super(message);
        }
    }
}

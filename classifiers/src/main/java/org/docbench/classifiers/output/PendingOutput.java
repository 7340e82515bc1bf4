package org.docbench.classifiers.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary output (a file or a folder) that Ctrl-C or a SIGTERM must not leave behind: until
 * {@link #close}, a shutdown hook deletes it. The writer closes it once the output has been renamed
 * into place or deleted; a hook that runs after the rename finds nothing at the temporary path.
 * SIGKILL runs no hook, so nothing can clean up after it.
 */
public final class PendingOutput implements AutoCloseable {
    private final Path tmp;
    private final Thread hook;

    private PendingOutput(Path tmp) {
        this.tmp = tmp;
        this.hook = new Thread(this::deleteQuietly, "docbench-cleanup");
    }

    /** Where an output named {@code name} is written before it is renamed into place: {@code .NAME.tmp-UUID} beside it. */
    public static Path temporary(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".tmp-" + java.util.UUID.randomUUID());
    }

    /** Where an output being replaced waits until its replacement is in place: {@code .NAME.old-UUID} beside it. */
    public static Path aside(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".old-" + java.util.UUID.randomUUID());
    }

    /** How many bytes longer than the output's name {@link #temporary} and {@link #aside} are. */
    public static final int EXTRA_NAME_BYTES = ".".length() + ".tmp-".length() + 36;

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /**
     * Whether {@code entry}, beside the output {@code name}, is a {@link #temporary} of it (or the
     * {@code .NAME.UUID.tmp} earlier versions wrote a model file to).
     */
    public static boolean isTemporary(String entry, String name) {
        return entry.matches("\\." + java.util.regex.Pattern.quote(name) + "\\.(tmp-" + UUID + "|" + UUID + "\\.tmp)");
    }

    /** Whether {@code entry}, beside the output {@code name}, is an output of that name set {@link #aside}. */
    public static boolean isAside(String entry, String name) {
        return entry.matches("\\." + java.util.regex.Pattern.quote(name) + "\\.old-" + UUID);
    }

    /** Guards {@code tmp}, which the caller is about to create. */
    public static PendingOutput guard(Path tmp) {
        PendingOutput p = new PendingOutput(tmp);
        Runtime.getRuntime().addShutdownHook(p.hook);
        return p;
    }

    /** Deletes {@code p} and, for a folder, everything under it; nothing when it does not exist. */
    public static void delete(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** What the shutdown hook runs. */
    void deleteQuietly() {
        try {
            delete(tmp);
        } catch (IOException | RuntimeException e) {
            // The JVM is going down: there is no one left to tell but stderr.
            System.err.println("docbench: could not delete " + tmp + " (" + e.getMessage() + ")");
        }
    }

    /** The output is in place, or gone: no hook needed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running; it deletes only what is still at the temporary path.
        }
    }
}

package org.docbench.classifiers.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a peer's command with its output in files, failing with the command's own last words. */
final class Processes {
    private Processes() {
    }

    /** Runs {@code command} in {@code work}, stdout to {@code stdout} (or a log), stderr to a log; returns wall seconds. */
    static double run(List<String> command, Path work, Path stdout, long timeoutMinutes) throws IOException, InterruptedException {
        Path err = work.resolve(Path.of(command.get(0)).getFileName() + ".stderr.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(stdout != null ? stdout.toFile() : work.resolve("stdout.log").toFile())
                .redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("peer command timed out after " + timeoutMinutes + " min: " + String.join(" ", command));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            String tail = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
            tail = tail.length() > 600 ? tail.substring(tail.length() - 600) : tail;
            throw new IOException("peer command exited with " + p.exitValue() + ": " + String.join(" ", command) + "\n" + tail);
        }
        return seconds;
    }

    /** True when {@code command} runs and exits with 0 within a minute. */
    static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

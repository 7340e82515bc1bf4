package org.docbench.classifiers.study;

import java.nio.file.Path;

/**
 * The command line of {@link AccuracyReport}: {@code --out DIR [--allsides=DIR] [--root=DIR] [--command=TEXT]}.
 * Immutable.
 *
 * @param out      folder the report is written into
 * @param allsides the {@code docbench.allsides} property as given (blank when not given)
 * @param root     the project root, for the git commit; null when not given
 * @param command  the command the report says produced it
 */
record ReportArguments(Path out, String allsides, Path root, String command) {
    static final String USAGE = "AccuracyReport --out DIR [--allsides=DIR] [--root=DIR] [--command=TEXT]";

    /**
     * Parses {@code args}; without {@code --command}, the command is {@link #defaultCommand} of the
     * AllSides property given and this JVM's {@code docbench.allsides.full} and
     * {@code docbench.allsides.mediaAblation}.
     *
     * @throws IllegalArgumentException naming the unknown argument, or saying {@code --out} is missing
     */
    static ReportArguments parse(String... args) {
        Path out = null;
        String allsides = "";
        Path root = null;
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (a.startsWith("--out=")) {
                out = Path.of(a.substring(6));
            } else if (a.startsWith("--allsides=")) {
                allsides = a.substring("--allsides=".length());
            } else if (a.startsWith("--root=")) {
                root = Path.of(a.substring("--root=".length()));
            } else if (a.startsWith("--command=")) {
                command = a.substring("--command=".length());
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "'; usage: " + USAGE);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (command == null) {
            command = defaultCommand(allsides, AccuracyReport.allSidesFull(), AccuracyReport.mediaAblation());
        }
        return new ReportArguments(out, allsides, root, command);
    }

    /**
     * The {@code mvn} command that reproduces a run: {@code mvn -B verify} with each property that
     * changed what ran, so a partial run never claims the full command.
     *
     * <pre>
     * ("", true, false)          -> mvn -B verify
     * ("/data/as", false, false) -> mvn -B verify -Ddocbench.allsides=/data/as -Ddocbench.allsides.full=false
     * ("", true, true)           -> mvn -B verify -Ddocbench.allsides.mediaAblation=true
     * </pre>
     * The media ablation is named only when it ran: without the full AllSides part it does not.
     */
    static String defaultCommand(String allsides, boolean fullAllSides, boolean mediaAblation) {
        return "mvn -B verify" + (allsides.isBlank() ? "" : " -Ddocbench.allsides=" + allsides)
                + (fullAllSides ? "" : " -D" + AccuracyReport.ALLSIDES_FULL + "=false")
                + (fullAllSides && mediaAblation ? " -D" + AccuracyReport.MEDIA_ABLATION + "=true" : "");
    }
}

package org.docbench.classifiers.train;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one logging switch of every entry point that trains (the CLI, the accuracy report, the
 * default models): Tribuo, OLCUT, LibSVM and LibLinear log a line per epoch and per model at
 * INFO, which would bury the scores and the progress.
 */
public final class TrainerLogging {
    private TrainerLogging() {
    }

    /** Silences Tribuo's and OLCUT's INFO logging and LibSVM's and LibLinear's console output. Global, idempotent. */
    public static void quiet() {
        Logger.getLogger("").setLevel(Level.WARNING);
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        Logger.getLogger("com.oracle.labs.mlrg.olcut").setLevel(Level.WARNING);
        libsvm.svm.svm_set_print_string_function(s -> { });
        de.bwaldvogel.liblinear.Linear.disableDebugOutput();
    }
}

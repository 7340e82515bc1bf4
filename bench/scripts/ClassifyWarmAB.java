import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times `docbench classify --task stance --lines` of two or more jars warm: each jar in its own
 * class loader in one JVM, rounds alternating jar by jar over the same input held in memory, so a
 * noisy machine slows each alike. Prints each jar's median and best round after the first third
 * (the warm-up). Where classify-ab.sh measures whole cold processes, this measures the work once
 * the JIT has compiled it.
 *
 *   java bench/scripts/ClassifyWarmAB.java INPUT THREADS ROUNDS JAR...
 */
public class ClassifyWarmAB {
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java bench/scripts/ClassifyWarmAB.java INPUT THREADS ROUNDS JAR...");
            System.exit(2);
        }
        byte[] input = Files.readAllBytes(Path.of(args[0]));
        String threads = args[1];
        int rounds = Integer.parseInt(args[2]);
        int jars = args.length - 3;
        Method[] run = new Method[jars];
        for (int j = 0; j < jars; j++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[3 + j]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            run[j] = loader.loadClass("org.docbench.classifiers.cli.DocbenchCli")
                    .getMethod("run", PrintWriter.class, PrintWriter.class, String[].class);
        }
        double[][] millis = new double[jars][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < jars; j++) {
                System.setIn(new ByteArrayInputStream(input));
                PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
                long t0 = System.nanoTime();
                int code = (int) run[j].invoke(null, discard, discard,
                        new String[] {"classify", "--task", "stance", "--lines", "--threads", threads});
                millis[j][r] = (System.nanoTime() - t0) / 1e6;
                if (code != 0) {
                    throw new IllegalStateException(args[3 + j] + " exited " + code);
                }
            }
        }
        System.out.printf("%d bytes, %s thread(s), %d rounds per jar, alternating; warm-up: the first %d%n",
                input.length, threads, rounds, rounds / 3);
        for (int j = 0; j < jars; j++) {
            double[] warm = Arrays.copyOfRange(millis[j], rounds / 3, rounds);
            Arrays.sort(warm);
            System.out.printf("%s: median %.0f ms, best %.0f ms%n", args[3 + j], warm[warm.length / 2], warm[0]);
        }
    }
}

package org.docbench.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.docbench.classifiers.fast.FastLinearClassifier;
import org.docbench.classifiers.train.SavedModel;

/**
 * A model saved by {@code docbench train}, ready to classify raw text: compiled into
 * {@link FastLinearClassifier}'s fast path when its family allows, else through
 * {@link SavedModel#classify}. The only class of this module that uses the classifiers
 * module's model API, so that API can move without the Spark job noticing.
 *
 * <p>Labels are reported in sorted order, and a text with no word the model knows gets the
 * training majority with confidence 0 and no scores, as {@link SavedModel#classify} answers it.
 *
 * <p>Thread-safe: the compiled weights are shared and each thread gets its own session.
 */
public final class CompiledModel {
    /** One compiled model per executor JVM, keyed by the broadcast that carried its bytes. */
    private static final ConcurrentHashMap<Long, CompiledModel> EXECUTOR_MODELS = new ConcurrentHashMap<>();
    private static final AtomicInteger COMPILATIONS = new AtomicInteger();

    /** Kept only when the fast path cannot compile the model: Tribuo's model and vocabulary are large. */
    private final SavedModel saved;
    private final String task;
    private final Map<String, Object> provenance;
    private final FastLinearClassifier fast;
    private final String notCompiled;
    private final List<String> labels;
    /** Fast path output index -> index in {@link #labels}. */
    private final int[] sortedIndex;
    private final String majority;
    private final ThreadLocal<FastLinearClassifier.Session> sessions;

    private CompiledModel(SavedModel saved) {
        FastLinearClassifier f = null;
        String why = null;
        try {
            f = FastLinearClassifier.compile(saved.features(), saved.model());
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        this.fast = f;
        this.saved = f == null ? saved : null;
        this.task = saved.task();
        this.provenance = saved.provenance();
        this.notCompiled = why;
        TreeSet<String> names = new TreeSet<>();
        saved.model().getOutputIDInfo().getDomain().forEach(l -> names.add(l.getLabel()));
        this.labels = List.copyOf(names);
        this.majority = (String) saved.provenance().get("majority");
        if (f != null) {
            sortedIndex = new int[f.labelCount()];
            for (int i = 0; i < sortedIndex.length; i++) {
                sortedIndex[i] = labels.indexOf(f.labelName(i));
            }
            FastLinearClassifier compiled = f;
            sessions = ThreadLocal.withInitial(compiled::newSession);
        } else {
            sortedIndex = null;
            sessions = null;
        }
    }

    /**
     * Reads a model from the bytes of its zip file.
     *
     * @throws IllegalArgumentException when the bytes are not a docbench model, naming {@code source}
     */
    public static CompiledModel fromBytes(byte[] zip, String source) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("docbench-model", ".zip");
            Files.write(tmp, zip);
            return new CompiledModel(SavedModel.load(tmp));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage model " + source + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace(String.valueOf(tmp), source), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind costs nothing worth failing for
                }
            }
        }
    }

    /**
     * The model of broadcast {@code broadcastId} in this JVM, compiled the first time any task
     * asks for it; later tasks share it. Models of earlier broadcasts are dropped.
     */
    public static CompiledModel onExecutor(long broadcastId, Supplier<byte[]> bytes) {
        CompiledModel m = EXECUTOR_MODELS.get(broadcastId);
        if (m != null) {
            return m;
        }
        synchronized (EXECUTOR_MODELS) {
            m = EXECUTOR_MODELS.get(broadcastId);
            if (m == null) {
                m = fromBytes(bytes.get(), "broadcast " + broadcastId);
                COMPILATIONS.incrementAndGet();
                EXECUTOR_MODELS.keySet().removeIf(id -> id != broadcastId);
                EXECUTOR_MODELS.put(broadcastId, m);
            }
            return m;
        }
    }

    /** How many models {@link #onExecutor} has compiled in this JVM; tests check it is one per job. */
    public static int compilations() {
        return COMPILATIONS.get();
    }

    /** Label names, sorted; the order of {@link Result#scores}. */
    public List<String> labels() {
        return labels;
    }

    public String task() {
        return task;
    }

    public boolean fastPath() {
        return fast != null;
    }

    /** Which path classifies, and why not the fast one when it cannot. */
    public String path() {
        return fast != null ? "fast path" : "SavedModel.classify (" + notCompiled + ")";
    }

    public Map<String, Object> provenance() {
        return provenance;
    }

    /** What the driver needs to know of a model: its labels, task, path and provenance. */
    public record Description(List<String> labels, String task, String path, Map<String, Object> provenance) {
    }

    /**
     * What a driver needs, read from the zip's {@code provenance.json} alone: deserializing and
     * compiling a large model takes gigabytes, which executors spend once each and a driver
     * need not spend at all. The model's labels are those it was trained on, the keys of the
     * provenance's label counts. Which path classifies is known only where the model is
     * compiled, so {@code path} is null here.
     *
     * @throws IllegalArgumentException when the bytes are not a docbench model, naming {@code source}
     */
    @SuppressWarnings("unchecked")
    public static Description describe(byte[] zip, String source) {
        byte[] provenance = null;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("provenance.json")) {
                    provenance = in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("model file " + source + " is not a docbench model (" + e.getMessage() + ")");
        }
        if (provenance == null) {
            throw new IllegalArgumentException("model file " + source
                    + " is not a docbench model: no provenance.json inside (make one with 'docbench train')");
        }
        Map<String, Object> prov;
        try {
            prov = new com.fasterxml.jackson.databind.ObjectMapper().readValue(provenance, java.util.LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("model file " + source + " is damaged: " + e.getMessage());
        }
        if (!org.docbench.classifiers.train.ModelFile.FORMAT.equals(prov.get("format"))) {
            throw new IllegalArgumentException("model file " + source + " has format '" + prov.get("format")
                    + "', this docbench reads " + org.docbench.classifiers.train.ModelFile.FORMAT);
        }
        Object counts = prov.get("labels");
        if (!(counts instanceof Map<?, ?> m) || m.isEmpty() || !(prov.get("task") instanceof String task)) {
            throw new IllegalArgumentException("model file " + source + " is damaged: its provenance names no task or labels");
        }
        TreeSet<String> labels = new TreeSet<>();
        ((Map<String, Object>) m).keySet().forEach(labels::add);
        return new Description(List.copyOf(labels), task, null, prov);
    }

    /** One document's answer; reused by the caller, not thread-safe. */
    public static final class Result {
        public String label;
        public double confidence;
        /** Scores by {@link #labels()} index; meaningless when {@link #scored} is false. */
        public double[] scores;
        /** False when the text had no known word and the training majority was answered. */
        public boolean scored;
    }

    public Result newResult() {
        Result r = new Result();
        r.scores = new double[labels.size()];
        return r;
    }

    /** Classifies raw text into {@code out}. */
    public void classify(String rawText, Result out) {
        if (fast != null) {
            FastLinearClassifier.Session s = sessions.get();
            int best = s.classify(rawText);
            if (s.activeFeatures() == 0) {
                answerMajority(out);
                return;
            }
            double[] sc = s.scores();
            for (int i = 0; i < sc.length; i++) {
                out.scores[sortedIndex[i]] = sc[i];
            }
            out.label = labels.get(sortedIndex[best]);
            out.confidence = sc[best];
            out.scored = true;
            return;
        }
        SavedModel.Classification c = saved.classify(rawText);
        if (c.scores().isEmpty()) {
            answerMajority(out);
            return;
        }
        for (int i = 0; i < labels.size(); i++) {
            Double v = c.scores().get(labels.get(i));
            out.scores[i] = v == null ? 0.0 : v;
        }
        out.label = c.label();
        out.confidence = c.confidence();
        out.scored = true;
    }

    private void answerMajority(Result out) {
        out.label = majority;
        out.confidence = 0.0;
        out.scored = false;
    }
}

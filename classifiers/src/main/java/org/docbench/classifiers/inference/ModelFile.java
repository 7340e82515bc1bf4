package org.docbench.classifiers.inference;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.docbench.classifiers.output.KeptAttributes;
import org.docbench.classifiers.output.PendingOutput;

import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The file {@code docbench train} writes: one zip holding, in this order,
 * <ul>
 * <li>{@code provenance.json}: format, task, trainer spec, seed, features, corpus, labels;</li>
 * <li>{@code compiled-2.bin}, for families the fast path compiles: the feature spec, the compiled
 *     vocabulary tables and weights in binary, so that classifying starts without Tribuo's model,
 *     the names or a compilation (a file without it loads through {@code model.tribuo} and is
 *     compiled on load). The number is the tables' layout: a file with another layout's entry
 *     ({@code compiled.bin}, whose word tables looked terms holding {@code _} up by name) loads as
 *     one without;</li>
 * <li>{@code features.json}: the feature spec, normalizer steps, vocabulary and idf;</li>
 * <li>{@code model.tribuo}: Tribuo's own protobuf of the model.</li>
 * </ul>
 */
public final class ModelFile {
    /** Format tag written to and checked in {@code provenance.json}. */
    public static final String FORMAT = "docbench-model/1";
    public static final String COMPILED = "compiled-2.bin";

    /** Writing only: reading goes through {@link JsonValues}, which spares {@code classify} databind's start-up. */
    private static final class Json {
        static final ObjectMapper WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private ModelFile() {
    }

    /**
     * An entry of the model file, stamped with one fixed time (the earliest a zip can hold) instead
     * of the clock's, so that the same training writes the same bytes around its entries: only what
     * Tribuo records inside {@code model.tribuo} (when the model and its data were made) differs.
     */
    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        return e;
    }

    private static final java.time.LocalDateTime ENTRY_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

    static void write(Path file, Map<String, Object> provenance, FeatureExtractor features, Model<Label> model) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        // Not Files.createTempFile, which makes the file 0600 whatever the user's umask says. Created before the
        // guard and the delete below, so they only ever touch a file this call made.
        Path tmp;
        try {
            tmp = Files.createFile(PendingOutput.temporary(abs));
        } catch (IOException e) {
            throw new IOException("writing the model " + abs + ": " + e.getMessage(), e);
        }
        try (PendingOutput pending = PendingOutput.guard(tmp)) {
            // A file the user made private stays so: tmp takes its mode before it holds a byte of the model.
            KeptAttributes kept = KeptAttributes.of(abs);
            kept.applyWhileWriting(tmp);
            try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(entry("provenance.json"));
                zip.write(Json.WRITER.writeValueAsBytes(provenance));
                zip.closeEntry();
                FastLinearClassifier fast = compiled(features, model);
                if (fast != null) {
                    zip.putNextEntry(entry(COMPILED));
                    DataOutputStream data = new DataOutputStream(zip);
                    data.writeUTF(Json.WRITER.writeValueAsString(specMap(features.spec())));
                    fast.write(data);
                    data.flush();
                    zip.closeEntry();
                }
                FeatureExtractor.Fitted fitted = features.fitted();
                Map<String, Object> fj = new LinkedHashMap<>();
                fj.put("spec", specMap(features.spec()));
                fj.put("trainingDocuments", fitted.trainingDocuments());
                fj.put("names", fitted.names());
                fj.put("idf", fitted.idf());
                zip.putNextEntry(entry("features.json"));
                zip.write(Json.WRITER.writeValueAsBytes(fj));
                zip.closeEntry();
                zip.putNextEntry(entry("model.tribuo"));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                model.serializeToStream(bytes);
                zip.write(bytes.toByteArray());
                zip.closeEntry();
            }
            kept.apply(tmp);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // "No space left on device" alone names no file: say which output it was.
            throw new IOException("writing the model " + abs + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FastLinearClassifier compiled(FeatureExtractor features, Model<Label> model) {
        try {
            return FastLinearClassifier.compile(features, model);
        } catch (IllegalArgumentException notCompilable) {
            return null;
        }
    }

    /** Opens a model file, or says plainly why it cannot be one. */
    public static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("model file " + file + " is a folder; give the file 'docbench train' wrote");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " is not a regular file (a device, pipe or socket); "
                    + "give the file 'docbench train' wrote");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist");
        }
        if (cutShort(file)) {
            throw new IllegalArgumentException("model file " + file + " is cut short or damaged: it does not end as a "
                    + "model file does (copy it again, or train it again)");
        }
        return Files.newInputStream(file);
    }

    /**
     * Whether the file starts as a zip ({@code PK\3\4}) but does not end as one: no end-of-central-directory
     * record ({@code PK\5\6}) in its last 22 bytes and comment of at most 65,535. {@link #entries} stops reading
     * once the compiled weights are in, so a file cut short after them would otherwise be read as whole. A file
     * that is no zip at all is left to {@link #entries}, which says it is not a docbench model.
     */
    private static boolean cutShort(Path file) throws IOException {
        // A channel, not a RandomAccessFile: a file the user may not read is then an AccessDeniedException that says
        // so, not a FileNotFoundException whose message repeats the name.
        try (FileChannel f = FileChannel.open(file)) {
            long size = f.size();
            if (size < 4 || readFully(f, 0, 4).getInt() != 0x504b0304) {
                return false;
            }
            int tail = (int) Math.min(size, 22 + 65_535);
            byte[] b = readFully(f, size - tail, tail).array();
            for (int i = tail - 22; i >= 0; i--) {
                if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x05 && b[i + 3] == 0x06) {
                    return false;
                }
            }
            return true;
        }
    }

    private static ByteBuffer readFully(FileChannel f, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (f.read(b, position + b.position()) < 0) {
                throw new java.io.EOFException("the file ended while being read");
            }
        }
        return b.flip();
    }

    /**
     * The entries of the model file at {@code file}, as {@link #entries} reads them; an error reading the file is an
     * {@link IOException} with the system's reason (see {@link #open} for the ones opening it has).
     */
    static Map<String, byte[]> read(Path file, boolean fastOnly) throws IOException {
        try (InputStream in = open(file)) {
            return entries(in, file.toString(), fastOnly);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The zip's entries by name; with {@code fastOnly}, reading stops once provenance and
     * {@link #COMPILED} are in, which skips the rest of the file.
     *
     * @throws IllegalArgumentException when the bytes are not a docbench model, naming {@code file}
     * @throws UncheckedIOException     when {@code in} fails to read (a disk's "Input/output error"): that
     *                                  says nothing of what the file holds, and the message says it could
     *                                  not be read, with the system's reason
     */
    public static Map<String, byte[]> entries(InputStream in, String file, boolean fastOnly) {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(ReadErrors.naming(in, "model file " + file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
                if (fastOnly && entries.containsKey(COMPILED) && entries.containsKey("provenance.json")) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("model file " + file + " is not a docbench model (" + e.getMessage() + ")", e);
        }
        require(entries, file, "provenance.json");
        return entries;
    }

    static void require(Map<String, byte[]> entries, String file, String... names) {
        for (String name : names) {
            if (!entries.containsKey(name)) {
                throw new IllegalArgumentException("model file " + file + " is not a docbench model: no " + name
                        + " inside (make one with 'docbench train')");
            }
        }
    }

    /** The provenance, after checking the format tag. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> provenance(Map<String, byte[]> entries, String file) {
        Map<String, Object> prov;
        try {
            prov = JsonValues.object(entries.get("provenance.json"));
        } catch (IOException e) {
            throw damaged(file, e);
        }
        if (!FORMAT.equals(prov.get("format"))) {
            throw new IllegalArgumentException("model file " + file + " has format '" + prov.get("format")
                    + "', this docbench reads " + FORMAT);
        }
        return prov;
    }

    /** The compiled classifier of {@link #COMPILED}, or null when the file has none. */
    public static FastLinearClassifier fast(Map<String, byte[]> entries, String file) {
        byte[] bytes = entries.get(COMPILED);
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            FeatureSpec spec = spec(JsonValues.object(in.readUTF().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            FastLinearClassifier fast = FastLinearClassifier.read(in, spec);
            if (in.read() >= 0) {
                throw new IOException("bytes left after the compiled weights");
            }
            return fast;
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static FeatureExtractor features(byte[] json) throws IOException {
        Map<String, Object> fj = JsonValues.object(json);
        List<String> names = new ArrayList<>();
        ((List<Object>) fj.get("names")).forEach(n -> names.add((String) n));
        List<Object> idfs = (List<Object>) fj.get("idf");
        double[] idf = new double[idfs.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = ((Number) idfs.get(i)).doubleValue();
        }
        return FeatureExtractor.restore(spec((Map<String, Object>) fj.get("spec")),
                new FeatureExtractor.Fitted(names, idf, ((Number) fj.get("trainingDocuments")).intValue()));
    }

    private static Map<String, Object> specMap(FeatureSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxNgram", s.maxNgram());
        m.put("minCharNgram", s.minCharNgram());
        m.put("maxCharNgram", s.maxCharNgram());
        m.put("weighting", s.weighting().name());
        m.put("minDf", s.minDf());
        m.put("hashBits", s.hashBits());
        m.put("sublinearTf", s.sublinearTf());
        m.put("normalize", s.normalize());
        m.put("lowercase", s.lowercase());
        return m;
    }

    private static FeatureSpec spec(Map<String, Object> s) {
        return new FeatureSpec(intOf(s, "maxNgram"), intOf(s, "minCharNgram"), intOf(s, "maxCharNgram"),
                FeatureSpec.Weighting.valueOf((String) s.get("weighting")), intOf(s, "minDf"), intOf(s, "hashBits"),
                booleanOf(s, "sublinearTf", false), booleanOf(s, "normalize", true),
                booleanOf(s, "lowercase", true)); // absent in older files
    }

    private static int intOf(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("feature spec has no number '" + key + "'");
        }
        return n.intValue();
    }

    private static boolean booleanOf(Map<String, Object> m, String key, boolean absent) {
        return m.get(key) instanceof Boolean b ? b : absent;
    }

    static IllegalArgumentException damaged(String file, Exception e) {
        if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("model file")) {
            return iae;
        }
        String why = e.getMessage() != null ? e.getMessage()
                : e instanceof java.io.EOFException ? "it ends early (truncated?)" : e.getClass().getSimpleName();
        return new IllegalArgumentException("model file " + file + " is damaged: " + why, e);
    }
}

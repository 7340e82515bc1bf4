package org.docbench.classifiers.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

import org.docbench.classifiers.fast.FastLinearClassifier;
import org.docbench.core.features.FeatureExtractor;
import org.docbench.core.features.FeatureSpec;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The file {@code docbench train} writes: one zip holding, in this order,
 * <ul>
 * <li>{@code provenance.json}: format, task, trainer spec, seed, features, corpus, labels;</li>
 * <li>{@code fast.bin}, for families the fast path compiles: the fitted features and the compiled
 *     weights in binary, so that classifying starts without Tribuo's model or a compilation;</li>
 * <li>{@code features.json}: the feature spec, normalizer steps, vocabulary and idf;</li>
 * <li>{@code model.tribuo}: Tribuo's own protobuf of the model.</li>
 * </ul>
 */
public final class ModelFile {
    /** Format tag written to and checked in {@code provenance.json}. */
    public static final String FORMAT = "docbench-model/1";
    public static final String FAST = "fast.bin";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    static void write(Path file, Map<String, Object> provenance, FeatureExtractor features, Model<Label> model) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("provenance.json"));
                zip.write(JSON.writeValueAsBytes(provenance));
                zip.closeEntry();
                FastLinearClassifier fast = compiled(features, model);
                if (fast != null) {
                    zip.putNextEntry(new ZipEntry(FAST));
                    DataOutputStream data = new DataOutputStream(zip);
                    writeFeatures(data, features);
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
                zip.putNextEntry(new ZipEntry("features.json"));
                zip.write(JSON.writeValueAsBytes(fj));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("model.tribuo"));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                model.serializeToStream(bytes);
                zip.write(bytes.toByteArray());
                zip.closeEntry();
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist");
        }
        return Files.newInputStream(file);
    }

    /**
     * The zip's entries by name; with {@code fastOnly}, reading stops once provenance and
     * {@link #FAST} are in, which skips the rest of the file.
     */
    public static Map<String, byte[]> entries(InputStream in, String file, boolean fastOnly) {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
                if (fastOnly && entries.containsKey(FAST) && entries.containsKey("provenance.json")) {
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
            prov = JSON.readValue(entries.get("provenance.json"), LinkedHashMap.class);
        } catch (IOException e) {
            throw damaged(file, e);
        }
        if (!FORMAT.equals(prov.get("format"))) {
            throw new IllegalArgumentException("model file " + file + " has format '" + prov.get("format")
                    + "', this docbench reads " + FORMAT);
        }
        return prov;
    }

    /** The compiled classifier of {@link #FAST}, or null when the file has none. */
    public static FastLinearClassifier fast(Map<String, byte[]> entries, String file) {
        byte[] bytes = entries.get(FAST);
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return FastLinearClassifier.read(in, readFeatures(in));
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    static FeatureExtractor features(byte[] json) throws IOException {
        JsonNode fj = JSON.readTree(json);
        List<String> names = new ArrayList<>();
        fj.get("names").forEach(n -> names.add(n.asText()));
        double[] idf = new double[fj.get("idf").size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = fj.get("idf").get(i).asDouble();
        }
        return FeatureExtractor.restore(spec(fj.get("spec")), new FeatureExtractor.Fitted(names, idf, fj.get("trainingDocuments").asInt()));
    }

    private static void writeFeatures(DataOutputStream out, FeatureExtractor features) throws IOException {
        out.writeUTF(JSON.writeValueAsString(specMap(features.spec())));
        FeatureExtractor.Fitted fitted = features.fitted();
        out.writeInt(fitted.trainingDocuments());
        out.writeInt(fitted.names().size());
        for (String n : fitted.names()) {
            out.writeUTF(n);
        }
        for (double d : fitted.idf()) {
            out.writeDouble(d);
        }
    }

    private static FeatureExtractor readFeatures(DataInputStream in) throws IOException {
        FeatureSpec spec = spec(JSON.readTree(in.readUTF()));
        int trainingDocuments = in.readInt();
        int n = in.readInt();
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
        }
        double[] idf = new double[n];
        for (int i = 0; i < n; i++) {
            idf[i] = in.readDouble();
        }
        return FeatureExtractor.restore(spec, new FeatureExtractor.Fitted(names, idf, trainingDocuments));
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

    private static FeatureSpec spec(JsonNode s) {
        return new FeatureSpec(s.get("maxNgram").asInt(), s.get("minCharNgram").asInt(), s.get("maxCharNgram").asInt(),
                FeatureSpec.Weighting.valueOf(s.get("weighting").asText()), s.get("minDf").asInt(), s.get("hashBits").asInt(),
                s.path("sublinearTf").asBoolean(false), s.path("normalize").asBoolean(true),
                s.path("lowercase").asBoolean(true)); // absent in older files
    }

    static IllegalArgumentException damaged(String file, Exception e) {
        if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("model file")) {
            return iae;
        }
        return new IllegalArgumentException("model file " + file + " is damaged: " + e.getMessage(), e);
    }
}

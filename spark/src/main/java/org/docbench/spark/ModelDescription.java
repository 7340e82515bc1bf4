package org.docbench.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.docbench.classifiers.inference.ModelFile;

/**
 * What the driver knows of a model saved by {@code docbench train}, read from the zip's
 * {@code provenance.json} alone: loading the model itself takes memory that each executor
 * spends once and the driver need not spend at all.
 *
 * @param labels     the labels the model was trained on (the keys of the provenance's label counts), sorted:
 *                   the fields of the output's {@code scores}
 * @param task       the task the model was trained for
 * @param majority   the training majority, which {@code docbench evaluate} answers for a document with no
 *                   word the model knows; null in a file that does not record it
 * @param provenance everything {@code docbench train} recorded
 */
record ModelDescription(List<String> labels, String task, String majority, Map<String, Object> provenance) {

    /**
     * Reads the description from the bytes of a model file.
     *
     * @throws IllegalArgumentException when the bytes are not a docbench model, naming {@code source}
     */
    static ModelDescription of(byte[] zip, String source) {
        byte[] provenance = null;
        // Every entry is read to its end, so a truncated or damaged file (a CRC or inflate error) is
        // refused here, as one line, before a task fails on it with Spark's stack traces.
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("provenance.json")) {
                    provenance = in.readAllBytes();
                } else {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("model file " + source + " is not a docbench model (" + e.getMessage() + ")");
        }
        if (provenance == null) {
            throw new IllegalArgumentException("model file " + source
                    + " is not a docbench model: no provenance.json inside (make one with 'docbench train')");
        }
        Map<String, Object> prov = ModelFile.provenance(Map.of("provenance.json", provenance), source);
        if (!(prov.get("labels") instanceof Map<?, ?> counts) || counts.isEmpty() || !(prov.get("task") instanceof String task)) {
            throw new IllegalArgumentException("model file " + source + " is damaged: its provenance names no task or labels");
        }
        TreeSet<String> labels = new TreeSet<>();
        counts.keySet().forEach(k -> labels.add(String.valueOf(k)));
        Object majority = prov.get("majority");
        return new ModelDescription(List.copyOf(labels), task, majority == null ? null : majority.toString(), prov);
    }
}

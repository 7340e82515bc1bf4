package org.docbench.classifiers.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Reading a model file tells a file it could not read from one that holds no model. */
class ModelFileTest {

    /** The first {@code room} bytes of {@code bytes}, then the read error a failing disk gives. */
    private static InputStream failingAfter(byte[] bytes, int room) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= room) {
                    throw new IOException("Input/output error");
                }
                int n = Math.min(len, room - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static byte[] stanceModel() throws IOException {
        try (InputStream in = DefaultModels.open("stance")) {
            return in.readAllBytes();
        }
    }

    @Test
    void modelFileCutByAnIoError_saysTheIoError_notNotADocbenchModel() throws IOException {
        byte[] whole = stanceModel();
        for (boolean fastOnly : new boolean[] {true, false}) {
            InputStream in = failingAfter(whole, 100); // inside provenance.json, the first entry
            RuntimeException e = assertThrows(RuntimeException.class, () -> ModelFile.entries(in, "m.model", fastOnly),
                    "fastOnly " + fastOnly);
            assertEquals("cannot read model file m.model: Input/output error", e.getMessage(), "fastOnly " + fastOnly);
            assertTrue(e instanceof UncheckedIOException u && u.getCause().getMessage().equals("Input/output error"),
                    "the system's exception is the cause: " + e);
        }
    }

    @Test
    void bytesThatAreNoZip_areStillNotADocbenchModel() {
        byte[] text = "plain text, not a zip\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.entries(new ByteArrayInputStream(text), "m.model", true));
        assertTrue(e.getMessage().startsWith("model file m.model is not a docbench model"), e.getMessage());
        assertFalse(e.getMessage().contains("cannot read"), e.getMessage());
    }

    @Test
    void aZipWhoseDataIsDamaged_isStillNotADocbenchModel() throws IOException {
        byte[] damaged = stanceModel();
        for (int i = 200; i < 400; i++) { // inside the first entry's deflated data
            damaged[i] = (byte) ~damaged[i];
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.entries(new ByteArrayInputStream(damaged), "m.model", true));
        assertTrue(e.getMessage().startsWith("model file m.model is not a docbench model ("), e.getMessage());
    }
}

package org.docbench.classifiers.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The streaming reader of a model file's JSON gives what Jackson's databind would, and names what is wrong. */
class JsonValuesTest {

    @Test
    void object_equalsDatabindsMap_withItsNumberTypesAndKeyOrder() throws IOException {
        String json = "{\"format\":\"docbench-model/1\",\"seed\":42,\"big\":12345678901,\"lr\":0.5,\"on\":true,"
                + "\"none\":null,\"labels\":[\"a\",\"b\"],\"spec\":{\"maxNgram\":2,\"nested\":[[1],{}]}}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> got = JsonValues.object(bytes);
        @SuppressWarnings("unchecked")
        Map<String, Object> want = new ObjectMapper().readValue(bytes, Map.class);
        assertEquals(want, got);
        assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()));
        assertEquals(Integer.class, got.get("seed").getClass());
        assertEquals(Long.class, got.get("big").getClass());
        assertEquals(Double.class, got.get("lr").getClass());
    }

    @Test
    void notAnObject_orCutShort_orWithMoreAfterIt_isRefused() {
        for (String bad : new String[] {"[1, 2]", "{\"a\": [1, 2", "{\"a\": 1} {}", "", "{\"a\": }"}) {
            IOException e = assertThrows(IOException.class, () -> JsonValues.object(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), bad);
        }
    }
}

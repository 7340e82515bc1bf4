package org.docbench.classifiers.inference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads small JSON documents (a model file's provenance and feature spec) into plain maps, lists,
 * strings, numbers and booleans, with Jackson's streaming parser. Loading a model is on the path
 * of every {@code docbench classify}, and a first {@code ObjectMapper} costs a cold JVM a few
 * hundred classes, many times what the parser alone costs. Numbers come out as
 * {@code ObjectMapper.readValue(bytes, Map.class)} gives them (Integer, Long or BigInteger;
 * Double), objects keep their key order.
 */
final class JsonValues {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonValues() {
    }

    /** The JSON object in {@code json}; an {@link IOException} when it is not one, or not well formed. */
    static Map<String, Object> object(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object, found " + p.currentToken());
            }
            Map<String, Object> value = object(p);
            if (p.nextToken() != null) {
                throw new IOException("more after the JSON object, at " + p.currentLocation());
            }
            return value;
        }
    }

    /** The value whose first token is the parser's current one. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("the JSON ends early");
        }
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + t + " at " + p.currentLocation());
        };
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw new IOException("the JSON ends early");
            }
            String key = p.currentName();
            p.nextToken();
            m.put(key, value(p));
        }
        return m;
    }

    private static List<Object> array(JsonParser p) throws IOException {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            list.add(value(p));
        }
        return list;
    }
}

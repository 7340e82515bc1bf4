package org.docbench.core.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.docbench.core.document.LabeledDocument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON Lines corpus: one JSON object per line, fields named by a {@link FieldMapping}.
 * Streams line by line; blank lines are ignored. A malformed line, a missing field, an empty
 * text or a duplicate id is reported with its line number under the {@link OnError} policy.
 */
public final class JsonLinesReader implements CorpusReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FieldMapping mapping;
    private final OnError onError;
    private Problems problems;

    public JsonLinesReader(Path file, FieldMapping mapping, OnError onError) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(new CorpusProblem(file.toString(), 0, null, "no such file",
                    "check the path of the JSON Lines file"));
        }
        this.file = file;
        this.mapping = mapping;
        this.onError = onError;
        this.problems = new Problems(onError);
    }

    @Override
    public String name() {
        return file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public Problems problems() {
        return problems;
    }

    @Override
    public Stream<LabeledDocument> documents() {
        problems = new Problems(onError);
        BufferedReader in;
        try {
            var decoder = Utf8.strictDecoder();
            in = new BufferedReader(new InputStreamReader(Utf8.withoutBom(Files.newInputStream(file)), decoder));
        } catch (IOException e) {
            throw new CorpusException(new CorpusProblem(file.toString(), 0, null, "cannot open: " + e.getMessage(),
                    "check the file is readable"), e);
        }
        RecordChecks checks = new RecordChecks(mapping, problems, file.toString());
        return RecordStream.of(new RecordStream.Source() {
            private long line;
            private LabeledDocument current;

            @Override
            public boolean advance() throws IOException {
                String raw;
                try {
                    raw = in.readLine();
                } catch (MalformedInputException e) {
                    // A decoder cannot resynchronize mid-file: this ends the read either way.
                    throw new CorpusException(new CorpusProblem(file.toString(), line + 1, null,
                            "invalid UTF-8", "save the file as UTF-8"), e);
                }
                if (raw == null) {
                    return false;
                }
                line++;
                current = raw.isBlank() ? null : parse(raw, line, checks);
                return true;
            }

            @Override
            public LabeledDocument document() {
                return current;
            }
        }, in, file.toString());
    }

    private LabeledDocument parse(String raw, long line, RecordChecks checks) {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            problems.report(new CorpusProblem(file.toString(), line, null, "malformed JSON: " + e.getOriginalMessage(),
                    "each line must be one complete JSON object"), e);
            return null;
        }
        if (!node.isObject()) {
            problems.report(new CorpusProblem(file.toString(), line, null, "line is JSON but not an object",
                    "each line must be one JSON object"));
            return null;
        }
        TreeSet<String> present = new TreeSet<>();
        node.fieldNames().forEachRemaining(present::add);
        return checks.document(line, f -> {
            JsonNode v = node.get(f);
            return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
        }, present);
    }
}

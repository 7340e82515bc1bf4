package org.docbench.core.corpus;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.docbench.core.document.LabeledDocument;

/**
 * Reads a CSV or TSV corpus with a header row, columns named by a {@link FieldMapping}. Streams
 * record by record (Commons CSV); blank lines are ignored. A row with the wrong number of fields, a missing column, an
 * empty text or a duplicate id is reported with its line under the {@link OnError} policy; a
 * broken quote ends the read with an error naming the line, since no parser can resynchronize.
 */
public final class CsvReader implements CorpusReader {

    private final Path file;
    private final FieldMapping mapping;
    private final OnError onError;
    private final CSVFormat format;
    private final boolean tsv;
    private Problems problems;

    /**
     * A reader of {@code file}: TSV when the name ends in {@code .tsv} (any case), else RFC 4180 CSV.
     * TSV values are read as written, without quoting, so a text that starts with a quote keeps
     * it; a value that looks quoted the way Python's csv module writes TSV is reported instead of
     * read with its quotes, and a row cut by a tab or line break says TSV cannot quote.
     */
    public CsvReader(Path file, FieldMapping mapping, OnError onError) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(new CorpusProblem(file.toString(), 0, null, "no such file",
                    "check the path of the CSV file"));
        }
        this.file = file;
        this.mapping = mapping;
        this.onError = onError;
        this.tsv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv");
        CSVFormat base = tsv
                ? CSVFormat.TDF.builder().setQuote(null).get()
                : CSVFormat.RFC4180;
        this.format = base.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        this.problems = new Problems(onError);
    }

    @Override
    public String name() {
        return file.getFileName().toString().replaceFirst("(?i)\\.(csv|tsv)$", "");
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
        CSVParser parser;
        try {
            var decoder = Utf8.strictDecoder();
            Reader r = new InputStreamReader(Utf8.withoutBom(Files.newInputStream(file), file.toString()), decoder);
            parser = CSVParser.parse(r, format);
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            if (rootCause(e) instanceof java.nio.charset.CharacterCodingException) {
                throw new CorpusException(new CorpusProblem(file.toString(), badLine(1), null, "invalid UTF-8",
                        "save the file as UTF-8"), e);
            }
            throw new CorpusException(new CorpusProblem(file.toString(), 1, null, "cannot read header: " + e.getMessage(),
                    "the first row must name the columns, each once"), e);
        }
        if (parser.getHeaderNames().isEmpty()) {
            // An empty file (or one of blank lines) holds no documents, as an empty JSON Lines file does;
            // its missing header is not the user's column name to correct.
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
            return Stream.empty();
        }
        Set<String> header = new LinkedHashSet<>(parser.getHeaderNames());
        if (header.size() < parser.getHeaderNames().size()) {
            Set<String> seen = new java.util.HashSet<>();
            String twice = parser.getHeaderNames().stream().filter(h -> !seen.add(h)).findFirst().orElse("");
            throw new CorpusException(new CorpusProblem(file.toString(), 1, null, "column '" + twice + "' appears twice in the header",
                    "name each column once"));
        }
        checkColumn(header, mapping.textField());
        if (mapping.idField() != null) {
            checkColumn(header, mapping.idField());
        }
        mapping.tasks().values().forEach(c -> checkColumn(header, c));
        mapping.splits().values().forEach(c -> checkColumn(header, c));
        RecordChecks checks = new RecordChecks(mapping, problems, file.toString());
        Iterator<CSVRecord> records = parser.iterator();
        return RecordStream.of(new RecordStream.Source() {
            private long lastLine = 1;
            private LabeledDocument current;

            @Override
            public boolean advance() {
                CSVRecord rec;
                try {
                    if (!records.hasNext()) {
                        checks.addNotes();
                        return false;
                    }
                    rec = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (rootCause(e) instanceof java.nio.charset.CharacterCodingException) {
                        throw new CorpusException(new CorpusProblem(file.toString(), badLine(lastLine + 1), null,
                                "invalid UTF-8 (a CSV record can span lines, so the read ends here)", "save the file as UTF-8"), e);
                    }
                    throw new CorpusException(new CorpusProblem(file.toString(), lastLine + 1, null,
                            "malformed CSV: " + rootMessage(e), "check quoting near this line (and that the file is UTF-8)"), e);
                }
                lastLine = parser.getCurrentLineNumber();
                // The parser counts to the record's last line; a user looks for the line it starts on.
                long line = lastLine - lineBreaks(rec);
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    current = null; // a line of spaces: blank, as the format's empty lines are
                } else if (!rec.isConsistent()) {
                    problems.report(new CorpusProblem(file.toString(), line, null,
                            "row has " + rec.size() + " fields, header has " + header.size(), tsv ? TSV_FIX
                                    : "quote fields that contain the delimiter"));
                    current = null;
                } else if (tsv && quotedValue(rec, header) != null) {
                    problems.report(new CorpusProblem(file.toString(), line, null, quotedValue(rec, header), TSV_FIX));
                    current = null;
                } else {
                    Map<String, String> values = rec.toMap();
                    current = checks.document(line, values::get, header);
                }
                return true;
            }

            @Override
            public LabeledDocument document() {
                return current;
            }
        }, parser, file.toString());
    }

    private static final String TSV_FIX = "TSV fields cannot be quoted, so a tab or line break in a value cuts its row"
            + " and quotes are read as text: save the corpus as .csv, which is read with quoting (Python: csv.writer"
            + " with its default comma), or remove tabs and line breaks from the values and write the TSV unquoted";

    /**
     * What is wrong when a value of {@code rec} looks quoted as Python's csv module quotes TSV,
     * else null: wrapped in quotes with a doubled quote inside ({@code "He said ""no""."}), or
     * ending with an unpaired quote (the end of a quoted value cut at a line break). A text that
     * merely starts with a quote, or is wrapped in one pair, reads as written.
     */
    private static String quotedValue(CSVRecord rec, Set<String> header) {
        for (String column : header) {
            String v = rec.get(column);
            int quotes = (int) v.chars().filter(c -> c == '"').count();
            if (v.length() >= 4 && v.startsWith("\"") && v.endsWith("\"") && v.substring(1, v.length() - 1).contains("\"\"")
                    && v.substring(1, v.length() - 1).replace("\"\"", "").indexOf('"') < 0) {
                return "field '" + column + "' is quoted with doubled quotes inside, as Python's csv module writes TSV,"
                        + " but TSV fields cannot be quoted and it would be read with its quotes";
            }
            if (!v.startsWith("\"") && v.endsWith("\"") && quotes % 2 == 1) {
                return "field '" + column + "' ends with an unpaired quote, as the end of a quoted value cut at a line break"
                        + " does, but TSV fields cannot be quoted";
            }
        }
        return null;
    }

    /** The line breaks inside {@code rec}'s quoted values, counted as the parser counts lines (CR LF is one). */
    private static int lineBreaks(CSVRecord rec) {
        int n = 0;
        for (String value : rec) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
                    n++;
                }
            }
        }
        return n;
    }

    private void checkColumn(Set<String> header, String column) {
        if (!header.contains(column)) {
            String other = header.size() == 1 ? otherDelimiter(header.iterator().next()) : null;
            throw new CorpusException(new CorpusProblem(file.toString(), 1, null,
                    "no column '" + column + "' in header " + header + (other == null ? ""
                            : ": the header is one column whose names are separated by " + other),
                    other == null ? "name an existing column"
                            : "save it with commas as .csv, or with tabs as .tsv: docbench reads no other separator"));
        }
    }

    /**
     * The separator a one-column header seems to use instead of this file's, named for a message,
     * or null: a spreadsheet in a locale with decimal commas saves "CSV" with ';'.
     */
    private String otherDelimiter(String onlyColumn) {
        if (onlyColumn.indexOf(';') >= 0) {
            return "';'";
        }
        if (!tsv && onlyColumn.indexOf('\t') >= 0) {
            return "tabs (name the file .tsv)";
        }
        if (tsv && onlyColumn.indexOf(',') >= 0) {
            return "commas (name the file .csv)";
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = rootCause(e);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The line of the first byte that is not UTF-8 (the parser's own line is where its buffer is), else {@code fallback}. */
    private long badLine(long fallback) {
        try {
            long line = Utf8.firstBadLine(file);
            return line > 0 ? line : fallback;
        } catch (IOException e) {
            return fallback;
        }
    }
}

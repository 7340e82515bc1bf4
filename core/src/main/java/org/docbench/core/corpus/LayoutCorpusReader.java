package org.docbench.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.docbench.core.document.LabeledDocument;

/**
 * Reads a corpus in docbench's own layout, from a folder or from the classpath:
 *
 * <pre>
 * layout.properties   name, tasks, allowed labels per task, split schemes (optional in a folder)
 * labels.tsv          header row; id, one column per task, any other columns become metadata
 *                     (without layout.properties, every column after id is a task)
 * docs/&lt;id&gt;.txt       raw UTF-8 text, one document per file
 * splits/&lt;scheme&gt;.tsv  header row; id, split (train | valid | test)
 * </pre>
 *
 * <p>Documents stream in the order of {@code labels.tsv}; only the label rows and split
 * memberships are held in memory, never more than one document's text. Problems (a row without
 * a document, a document without a row, a document not in UTF-8, an empty document, an unknown
 * label, a duplicate id, a malformed row) are reported under the {@link OnError} policy, one
 * per bad row. An empty task cell is not one of them: the document is read without that label,
 * for the other tasks, and a note counts such rows per task. Every file is read as strict UTF-8
 * with a leading byte-order mark dropped; a byte that is not UTF-8 in labels.tsv, a split file or
 * layout.properties ends the read naming the file and line, as do a key layout.properties does
 * not know and a header naming a column twice.
 *
 * <p>{@link LabelsFile} reads the label rows and {@link SplitFiles} the split files; this class
 * checks them against the documents (a row without a document, a document without a row) and
 * streams the documents, so that a change to the format of one file touches one class.
 */
public final class LayoutCorpusReader implements CorpusReader {

    /** The classpath prefix of the corpora packaged by the {@code datasets} module. */
    public static final String CLASSPATH_ROOT = "datasets/";

    private final CorpusSource source;
    private final String location;
    private final Path folder;
    private final OnError onError;
    private Problems problems;
    private PageText pages;

    private LayoutCorpusReader(CorpusSource source, String location, Path folder, OnError onError) {
        this.source = source;
        this.location = location;
        this.folder = folder;
        this.onError = Objects.requireNonNull(onError, "onError");
        this.problems = new Problems(onError);
    }

    /** The corpus in {@code folder} (the one holding {@code labels.tsv}). */
    public static LayoutCorpusReader fromFolder(Path folder, OnError onError) {
        if (!Files.isDirectory(folder)) {
            throw new CorpusException(new CorpusProblem(folder.toString(), 0, null,
                    "not a folder", "point at the folder that holds labels.tsv and docs/"));
        }
        if (!Files.exists(folder.resolve("labels.tsv"))) {
            // One level too deep in an Article-Bias-Prediction folder: "labels.tsv is missing" would send the user astray.
            java.util.Optional<Path> root = AllSidesReader.rootAbove(folder);
            if (root.isPresent()) {
                throw new CorpusException(new CorpusProblem(folder.toString(), 0, null,
                        "this is inside the data/ folder of an Article-Bias-Prediction corpus, not a docbench layout folder",
                        "give the folder that holds data/: " + root.get()));
            }
        }
        return new LayoutCorpusReader(CorpusSource.folder(folder), folder.toString(), folder, onError);
    }

    /** A corpus packaged by the {@code datasets} module, e.g. {@code immigration-enforcement}. */
    public static LayoutCorpusReader fromClasspath(String corpus, OnError onError) {
        String prefix = CLASSPATH_ROOT + corpus + "/";
        ClassLoader loader = LayoutCorpusReader.class.getClassLoader();
        if (loader.getResource(prefix + "labels.tsv") == null) {
            throw new CorpusException(new CorpusProblem("classpath:" + prefix + "labels.tsv", 0, null,
                    "no such corpus on the classpath", "add the docbench-datasets jar, or read the folder instead"));
        }
        return new LayoutCorpusReader(CorpusSource.classpath(prefix, loader), "classpath:" + prefix, null, onError);
    }

    /** The corpus shipped with docbench. */
    public static LayoutCorpusReader embedded() {
        return fromClasspath("immigration-enforcement", OnError.FAIL_FAST);
    }

    /**
     * Whether {@code read} is the shipped corpus: read from the classpath, or from a folder with
     * the same documents and labels (its hash); a changed copy that kept the name is not.
     */
    public static boolean isEmbedded(CorpusManifest read) {
        LayoutCorpusReader shipped = embedded();
        if (read.location().equals(shipped.location())) {
            return true;
        }
        return read.name().equals(shipped.name()) && read.sha256().equals(Shipped.SHA256);
    }

    /** The shipped corpus's hash, read on first use (about 0.2 s). */
    private static final class Shipped {
        static final String SHA256 = CorpusManifest.of(embedded()).sha256();
    }

    @Override
    public String name() {
        String n = layout().getProperty("name");
        if (n != null) {
            return n;
        }
        if (folder == null) {
            return location;
        }
        // A folder given as '.' or 'news/..' is named by what those stand for, not by the dots.
        Path named = folder.toAbsolutePath().normalize().getFileName();
        return named != null ? named.toString() : location;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Problems problems() {
        return problems;
    }

    /**
     * The tasks this corpus labels, in layout order: {@code tasks} of layout.properties, or
     * without one every column of labels.tsv after {@code id}.
     */
    public List<String> tasks() {
        String t = layout().getProperty("tasks");
        return t != null ? LayoutProperties.list(t) : LabelsFile.columnsAfterId(source);
    }

    /** The allowed labels of {@code task}, or an empty set when the layout does not restrict them. */
    public Set<String> allowedLabels(String task) {
        String l = layout().getProperty("labels." + task);
        return l == null ? Set.of() : new LinkedHashSet<>(LayoutProperties.list(l));
    }

    @Override
    public Stream<LabeledDocument> documents() {
        problems = new Problems(onError);
        Properties layout = layout();
        List<String> tasks = tasks();
        Map<String, Set<String>> allowed = new HashMap<>();
        for (String task : tasks) {
            allowed.put(task, allowedLabels(task));
        }
        for (String key : new TreeSet<>(layout.stringPropertyNames())) {
            String task = key.startsWith("labels.") ? key.substring("labels.".length()) : null;
            if (task != null && !tasks.contains(task)) {
                throw new CorpusException(new CorpusProblem(source.describe("layout.properties"), 0, null,
                        key + " names no task (tasks: " + String.join(", ", tasks) + ")",
                        "spell it labels.<task> with one of the tasks, or delete it"));
            }
        }
        // Every id a row names, good or bad: the document of a skipped row is that row's problem, not a second one.
        Set<String> named = new HashSet<>();
        List<LabelsFile.Row> rows = LabelsFile.read(source, tasks, allowed, named, problems);
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.id()));
        checkOrphanDocuments(named);
        Map<String, Map<String, String>> splits = SplitFiles.read(source, folder, layout, ids, problems);
        PageText read = new PageText(source.describe("docs/"));
        pages = read;
        // Documents load lazily; the note on pages is added once the last one is loaded.
        Stream<LabeledDocument> noteAtTheEnd = Stream.<LabeledDocument>generate(() -> {
            read.note(problems);
            return null;
        }).limit(1);
        return Stream.concat(rows.stream().map(row -> load(row, splits.getOrDefault(row.id(), Map.of()))), noteAtTheEnd)
                .filter(Objects::nonNull);
    }

    /** layout.properties, checked (see {@link LayoutProperties#read}). */
    private Properties layout() {
        return LayoutProperties.read(source);
    }

    private void checkOrphanDocuments(Set<String> ids) {
        if (folder == null) {
            return; // a classpath cannot be listed; the datasets module's tests guard it instead
        }
        Path docs = folder.resolve("docs");
        if (!Files.isDirectory(docs)) {
            throw new CorpusException(new CorpusProblem(docs.toString(), 0, null, "documents folder is missing",
                    "put one <id>.txt per document in docs/"));
        }
        Set<String> orphans = new TreeSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(docs, "*.txt")) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                String id = name.substring(0, name.length() - 4);
                if (!ids.contains(id)) {
                    orphans.add(id);
                }
            }
        } catch (IOException e) {
            throw new CorpusException(new CorpusProblem(docs.toString(), 0, null, "cannot list: " + e.getMessage(),
                    "check permissions"), e);
        }
        for (String id : orphans) {
            problems.report(new CorpusProblem(source.describe("docs/" + id + ".txt"), 0, id,
                    "document has no row in labels.tsv", "add a label row for it or delete the file"));
        }
    }

    private LabeledDocument load(LabelsFile.Row row, Map<String, String> splits) {
        String rel = "docs/" + row.id() + ".txt";
        String where = source.describe(rel);
        byte[] bytes;
        try (InputStream in = source.open(rel)) {
            if (in == null) {
                boolean html = folder != null && Files.exists(folder.resolve("docs/" + row.id() + ".html"));
                problems.report(new CorpusProblem(source.describe("labels.tsv"), row.line(), row.id(),
                        "label row has no document " + rel + (html ? " (docs/" + row.id() + ".html exists, but a layout"
                                + " folder reads text files only)" : ""),
                        html ? "convert the page to text and save it as " + rel
                                : "add the file or delete the row"));
                return null;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            problems.report(new CorpusProblem(where, 0, row.id(), "cannot read: " + e.getMessage(),
                    "check the file is readable"), e);
            return null;
        }
        String[] error = new String[1];
        String text = Utf8.decode(bytes, error);
        if (text == null) {
            problems.report(new CorpusProblem(where, 0, row.id(), error[0], "save the file as UTF-8"));
            return null;
        }
        text = pages.of(text, 0, row.id());
        if (text.isBlank() || (text.charAt(0) == '\uFEFF' && text.substring(1).isBlank())) {
            problems.report(new CorpusProblem(where, 0, row.id(), "document is empty",
                    "write the text or delete the document and its row"));
            return null;
        }
        return new LabeledDocument(row.id(), text, row.labels(), splits, row.metadata());
    }
}

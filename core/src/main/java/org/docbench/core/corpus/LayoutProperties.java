package org.docbench.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A layout folder's optional {@code layout.properties}: the corpus's name, its task columns, its
 * split schemes and each task's allowed labels, read strictly. Stateless.
 */
final class LayoutProperties {
    /** The keys layout.properties may hold; {@code labels.<task>} besides. */
    private static final List<String> KEYS = List.of("name", "tasks", "splits");

    private LayoutProperties() {
    }

    /**
     * layout.properties, checked: a key it does not know (a misspelled {@code task=} would leave
     * every column a task) and a {@code tasks=} that names no task end the read, naming the line.
     */
    static Properties read(CorpusSource source) {
        Properties p = new Properties();
        String where = source.describe("layout.properties");
        String text;
        try (InputStream in = source.open("layout.properties")) {
            if (in == null) {
                return p;
            }
            text = Utf8.decodeFile(in.readAllBytes(), where);
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(where, e);
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!KEYS.contains(key) && !(key.startsWith("labels.") && key.length() > "labels.".length())) {
                throw new CorpusException(new CorpusProblem(where, lineOf(text, key), null, "unknown key '" + key + "'",
                        "use the keys name, tasks, splits and labels.<task> (e.g. tasks=topic,stance)"));
            }
        }
        String tasks = p.getProperty("tasks");
        if (tasks != null && list(tasks).isEmpty()) {
            throw new CorpusException(new CorpusProblem(where, lineOf(text, "tasks"), null, "tasks= names no task",
                    "name the task columns of labels.tsv (e.g. tasks=topic,stance), or delete the line to make every column after id a task"));
        }
        return p;
    }

    /**
     * The line of layout.properties where {@code key} is set, or 0: the first line, not a
     * comment or a continuation, whose key (up to '=', ':' or a space) is {@code key}.
     */
    static int lineOf(String properties, String key) {
        String[] lines = properties.split("\r\n|\r|\n", -1);
        boolean continued = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            boolean wasContinued = continued;
            int slashes = 0;
            for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
                slashes++;
            }
            continued = slashes % 2 == 1;
            if (wasContinued || line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && "=: \t\f".indexOf(line.charAt(end)) < 0) {
                end += line.charAt(end) == '\\' ? 2 : 1;
            }
            if (line.substring(0, Math.min(end, line.length())).replace("\\", "").equals(key.replace("\\", ""))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The names in a comma-separated value ({@code tasks=topic, stance}), blanks left out. */
    static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

package org.docbench.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where the files of a corpus in the docbench layout come from: a folder or the classpath. */
interface CorpusSource {

    /** Opens {@code relative} (e.g. {@code labels.tsv}), or returns null when it does not exist. */
    InputStream open(String relative) throws IOException;

    /** A human-readable location of {@code relative}, for error messages. */
    String describe(String relative);

    static CorpusSource folder(Path root) {
        return new CorpusSource() {
            @Override
            public InputStream open(String relative) throws IOException {
                try {
                    return Files.newInputStream(root.resolve(relative));
                } catch (NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public String describe(String relative) {
                return root.resolve(relative).toString();
            }
        };
    }

    static CorpusSource classpath(String prefix, ClassLoader loader) {
        return new CorpusSource() {
            @Override
            public InputStream open(String relative) {
                return loader.getResourceAsStream(prefix + relative);
            }

            @Override
            public String describe(String relative) {
                return "classpath:" + prefix + relative;
            }
        };
    }
}

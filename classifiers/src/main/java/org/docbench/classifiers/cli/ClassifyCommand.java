package org.docbench.classifiers.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.docbench.classifiers.train.SavedModel;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify documents with a saved model, or with the default model of a task",
                "(LibLinear logistic regression trained on the embedded corpus at start-up, seed 42).",
                "Each FILE is one document (id = file name). With no FILE, or '-', every line of stdin is",
                "one document (id = line-N).",
                "Output: one line per document, id<TAB>label<TAB>confidence, or JSON Lines with --json.",
                "Confidence is the label's probability for probabilistic models, else the model's score;",
                "0 means the text had no word the model knows and the training majority was answered."},
        footerHeading = "%nExamples:%n",
        footer = {"  docbench classify --task topic news/*.txt",
                "  echo 'ICE detainer requests rose in the county jail' | docbench classify --task topic --json"})
final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--model", paramLabel = "FILE", description = "A model saved by 'docbench train'.")
        Path model;

        @Option(names = "--task", paramLabel = "TASK", description = "Use the default model of this task (topic or stance).")
        String task;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--json", description = "Print JSON Lines: id, label, confidence and every label's score.")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Documents to classify; '-' or none reads stdin.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SavedModel model = source.model != null ? SavedModel.load(source.model) : defaultModel(source.task);
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        for (String f : inputs) {
            if (f.equals("-")) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                int n = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    n++;
                    if (!line.isBlank()) {
                        print(out, mapper, "line-" + n, model.classify(line));
                    }
                }
            } else {
                Path p = Path.of(f);
                if (!Files.isRegularFile(p)) {
                    throw new DocbenchCli.BadInputException("no such document: " + f);
                }
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw new DocbenchCli.BadInputException("document " + f + " is not valid UTF-8");
                }
                print(out, mapper, p.getFileName().toString(), model.classify(text));
            }
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, ObjectMapper mapper, String id, SavedModel.Classification c) throws Exception {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("label", c.label());
            m.put("confidence", c.confidence());
            m.put("scores", c.scores());
            out.println(mapper.writeValueAsString(m));
        } else {
            out.printf(Locale.ROOT, "%s\t%s\t%.4f%n", id, c.label(), c.confidence());
        }
    }

    /** The default model of {@code task}: LibLinear logistic regression on every embedded document, seed 42. */
    static SavedModel defaultModel(String task) {
        LayoutCorpusReader reader = LayoutCorpusReader.embedded();
        if (!reader.tasks().contains(task)) {
            throw new DocbenchCli.BadInputException("no default model for task '" + task + "'; tasks: " + reader.tasks()
                    + " (or pass --model FILE)");
        }
        List<LabeledDocument> docs = reader.readAll();
        CorpusManifest.Builder b = new CorpusManifest.Builder();
        docs.forEach(b::add);
        return SavedModel.train(docs, task, Trainers.logisticRegression(), FeatureSpec.defaults(), 42L,
                b.build(reader.name(), reader.location(), 0));
    }
}

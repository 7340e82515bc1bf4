package org.docbench.classifiers.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.docbench.core.text.NormalizedDocument;
import org.docbench.core.text.Explanation;
import org.docbench.core.text.Normalizer;
import org.docbench.core.text.Removal;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = {"Show what docbench's normalizer makes of a document: title, byline, date and body. Models "
                        + "trained with 'docbench train' read this text; the shipped default models of 'classify --task' "
                        + "read the text as it comes.",
                "Reads each FILE (a folder: every .txt/.html under it), or stdin when there is none or for '-'. Web pages "
                        + "(.html files, text that starts with a doctype or <html>, and on stdin also text that starts "
                        + "with a tag such as <div> or <p>) become text with jsoup first."},
        footerHeading = "%nExample:%n",
        footer = {"  docbench normalize --json scraped-article.txt", "  docbench normalize --explain scraped-article.txt"})
final class NormalizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per document.")
    boolean json;

    @Option(names = "--explain", description = "Also list what each normalization step removed or replaced, and any "
            + "items glued after the document.")
    boolean explain;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Documents to normalize; '-' or none reads stdin.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        DocumentInputs.check(inputs, spec.commandLine());
        // A header per document whenever there can be more than one; documents are printed as they
        // are read, so a bad one stops the run after every document before it.
        boolean headers = inputs.size() > 1 || inputs.stream().anyMatch(n -> !n.equals("-") && java.nio.file.Files.isDirectory(java.nio.file.Path.of(n)));
        new DocumentInputs(DocumentInputs.Mode.WHOLE, null, false, null, DocumentInputs.BLOCK_BYTES, spec.commandLine().getErr()::println)
                .read(inputs, System.in, batch -> {
                    for (DocumentInputs.Doc doc : batch.docs()) {
                        print(doc, headers, out);
                    }
                    out.flush();
                    if (out.checkError()) { // a closed pipe (| head) or a full disk: the rest would be read for nobody
                        throw new DocbenchCli.OutputStoppedException();
                    }
                });
        return 0;
    }

    private void print(DocumentInputs.Doc doc, boolean headers, PrintWriter out) throws Exception {
        String f = doc.id();
        Explanation ex = Normalizer.standard().explain(doc.text());
        NormalizedDocument d = ex.document();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", f);
            m.put("title", d.title());
            m.put("byline", d.byline());
            m.put("date", d.date());
            m.put("body", d.body());
            if (explain) {
                List<Map<String, String>> changes = new ArrayList<>();
                for (Removal r : ex.removals()) {
                    Map<String, String> change = new LinkedHashMap<>(); // keys in this order on every run
                    change.put("step", r.step().name());
                    change.put("removed", r.removed());
                    change.put("replacement", r.replacement());
                    changes.add(change);
                }
                m.put("changes", changes);
                m.put("gluedItems", ex.documents().size() - 1);
            }
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            if (headers) {
                out.println("==> " + TsvCells.field(f) + " <=="); // a file name may hold a newline
            }
            out.println("title:  " + d.title());
            out.println("byline: " + d.byline());
            out.println("date:   " + d.date());
            out.println();
            out.println(d.body());
            if (explain) {
                out.println();
                out.println("changes (" + ex.removals().size() + "):");
                for (Removal r : ex.removals()) {
                    out.println("  " + r);
                }
                if (ex.documents().size() > 1) {
                    out.println("glued items after the document: " + (ex.documents().size() - 1));
                }
            }
        }
    }
}

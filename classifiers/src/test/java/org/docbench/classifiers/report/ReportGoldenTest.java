package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.study.Suite;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.corpus.LayoutCorpusReader;
import org.docbench.core.corpus.OnError;
import org.docbench.core.document.LabeledDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins report.md, report.json and one predictions file on a small fixed corpus (54 documents of the embedded corpus,
 * copied to {@code src/test/resources/golden/corpus}) with times and the environment masked.
 * Any change to what the report says, or to a number in it, fails here until the golden files
 * are regenerated on purpose and the diff reviewed:
 *
 * <pre>
 * mvn -B -q -pl classifiers -am test -Dtest=ReportGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Ddocbench.golden.update=true
 * git diff classifiers/src/test/resources/golden/
 * </pre>
 */
class ReportGoldenTest {
    /** The system property that rewrites the golden files instead of comparing. */
    static final String UPDATE = "docbench.golden.update";
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final String MASK = "(masked)";
    private static Report report;

    @BeforeAll
    static void build() {
        LayoutCorpusReader reader = LayoutCorpusReader.fromFolder(GOLDEN.resolve("corpus"), OnError.FAIL_FAST);
        List<LabeledDocument> docs = reader.readAll();
        Suite suite = new Suite(org.docbench.core.features.FeatureSpec.defaults(), 42, line -> { });
        long t0 = System.nanoTime();
        var families = ReportFixture.families();
        for (String task : List.of("topic", "stance")) {
            suite.experiment(org.docbench.classifiers.train.Experiment.of(reader.name(), task, "random", docs), families, true);
        }
        suite.crossValidate(reader.name(), docs, List.of("topic"), families.subList(0, 4), List.of(1L));
        report = masked(suite.report("golden", null, List.of(1L), families, List.of(CorpusManifest.of(reader)), List.of(),
                List.of("A golden-file test report: a fixed sample of the embedded corpus, times and environment masked."), t0));
    }

    /** {@code r} with every time 0 and every line that names the machine, the checkout or the run masked. */
    static Report masked(Report r) {
        Provenance p = r.provenance();
        List<CorpusManifest> corpora = new ArrayList<>();
        for (CorpusManifest m : p.corpora()) {
            corpora.add(new CorpusManifest(m.name(), MASK, m.sha256(), m.documents(), m.skipped(), m.counts()));
        }
        Provenance mp = new Provenance(p.command(), MASK, p.seed(), p.cvSeeds(), p.features(), corpora, p.families(), p.settings(), p.tribuo(),
                MASK, MASK, MASK);
        return new Report(r.schema(), mp, r.experiments().stream().map(ExperimentResult::withoutTimes).toList(),
                r.crossValidation(), r.published(), r.notes(),
                new Report.Timing(0, r.timing().sections().stream().map(s -> new Report.Section(s.name(), 0)).toList()));
    }

    @Test
    void reportMd_matchesGolden() throws IOException {
        check("report.md", MarkdownReport.render(report));
    }

    @Test
    void reportJson_matchesGolden() throws IOException {
        check("report.json", JsonReport.render(report));
    }

    /** One experiment's predictions file: every model's label, score kind and scores per test document. */
    @Test
    void predictionsJsonl_matchesGolden() throws IOException {
        check("predictions.topic.jsonl", PredictionsFile.render(report.experiments().get(0)));
    }

    @Test
    void masking_leavesNoTimeOrMachineBehind() throws IOException {
        String md = MarkdownReport.render(report);
        assertTrue(md.contains("| wall time | 0.0 s |") && md.contains("| OS / CPU | (masked) / (masked) |"), md);
        String json = JsonReport.render(report);
        assertTrue(json.contains("\"trainMillis\" : 0.0") && !json.contains(System.getProperty("java.runtime.version")), json);
    }

    /** The whole report folder, written as mvn verify writes it: also a quick report.html for screenshot-report.sh. */
    @Test
    void reportFolder_holdsTheThreeFilesAndOnePredictionsFilePerExperiment() throws IOException {
        Path out = Path.of("target/golden-report");
        ReportWriter.write(report, out);
        try (var files = Files.walk(out)) {
            List<String> names = files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> !n.startsWith(".")).sorted().toList();
            assertEquals(List.of("predictions/golden-sample.stance.random.jsonl", "predictions/golden-sample.topic.random.jsonl",
                    "report.html", "report.json", "report.md"), names);
        }
        assertEquals(18, Files.readAllLines(out.resolve("predictions/golden-sample.topic.random.jsonl")).size());
    }

    private static void check(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            System.err.println("ReportGoldenTest: rewrote " + file.toAbsolutePath() + "; review it with git diff");
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file.toAbsolutePath() + "; create it with -D" + UPDATE + "=true (see ReportGoldenTest's javadoc)");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(name + " differs from " + file + " " + firstDifference(expected, actual)
                    + "\nIf the change is intended, regenerate with -D" + UPDATE + "=true (see ReportGoldenTest's javadoc) and "
                    + "review the diff.");
        }
    }

    /** The first differing line, with two lines of context. */
    static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        StringBuilder sb = new StringBuilder("at line " + (i + 1) + ":");
        for (int j = Math.max(0, i - 2); j <= i; j++) {
            sb.append("\n  expected ").append(j + 1).append(": ").append(j < e.size() ? e.get(j) : "<end>");
            sb.append("\n  actual   ").append(j + 1).append(": ").append(j < a.size() ? a.get(j) : "<end>");
        }
        return sb.toString();
    }
}

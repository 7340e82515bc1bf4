package org.docbench.classifiers.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.docbench.classifiers.TestCorpus;
import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The provenance says which features and grids each experiment ran, not only the suite's defaults. */
class ReportProvenanceTest {

    @Test
    void experimentWithItsOwnFeaturesAndGrid_isListedWithThem_inMarkdownAndJson() throws Exception {
        List<LabeledDocument> docs = TestCorpus.documents(10, 4);
        List<ModelFamily> defaults = List.of(Trainers.family("majority"), Trainers.family("liblinear-lr"));
        FeatureSpec own = FeatureSpec.defaults().withSublinearTf(true).withMinDf(1);
        List<ModelFamily> fixed = List.of(Trainers.family("majority"),
                Trainers.family("liblinear-lr").fixed(Trainers.liblinearLogisticDual(10)));
        Suite suite = new Suite(FeatureSpec.defaults(), 42, line -> { });
        suite.experiment(Experiment.of("small", "topic", "random", docs), defaults, false);
        suite.experiment(Experiment.of("large", "topic", "random", docs), fixed, false, own);
        Report r = suite.report("test", null, List.of(), defaults,
                List.of(CorpusManifest.of("small", "x", docs, 0)), List.of(), List.of(), System.nanoTime());

        List<Provenance.Settings> settings = r.provenance().settings();
        assertEquals(2, settings.size(), settings.toString());
        assertEquals(List.of("large/topic/random"), settings.get(1).experiments());
        assertEquals(own.describe(), settings.get(1).features());
        assertEquals(List.of("liblinear-lr(type=L2R_LR_DUAL, C=10, maxIter=1000, eps=0.1)"),
                List.copyOf(settings.get(1).families().get("liblinear-lr").keySet()), settings.get(1).toString());

        String md = MarkdownReport.render(r);
        assertTrue(md.contains("`" + own.describe() + "` (large/topic/random)")
                && md.contains("`" + FeatureSpec.defaults().describe() + "` (small/topic/random)"), "features row names each: " + md);
        assertTrue(md.contains("L2R_LR_DUAL"), "the grid that ran on large is listed: " + md);
        JsonNode json = JsonReport.tree(r);
        assertEquals(own.describe(), json.get("provenance").get("settings").get(1).get("features").asText(), json.toString());
    }
}

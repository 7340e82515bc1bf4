package org.docbench.classifiers.report;

import java.util.List;

import org.docbench.classifiers.study.Suite;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.CorpusManifest;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.features.FeatureSpec;

/** Small reports for tests: a few fast, deterministic families on a handful of documents. */
final class ReportFixture {
    /** Fast families whose results do not depend on the machine (no native XGBoost, no threads). */
    static final List<String> FAMILIES = List.of("majority", "stratified", "naive-bayes", "logreg-sgd", "liblinear-lr",
            "liblinear-svm", "cart");

    private ReportFixture() {
    }

    static List<ModelFamily> families() {
        return FAMILIES.stream().map(Trainers::family).toList();
    }

    /** One experiment per scheme of {@code task}, cross-validation on the first four families, the given extras. */
    static Report report(String corpus, List<LabeledDocument> docs, String task, List<String> schemes, boolean cv,
                         List<Report.Published> published, List<String> notes) {
        return report(corpus, "test://" + corpus, docs, task, schemes, cv, published, notes);
    }

    /** As above, the corpus read from {@code location}. */
    static Report report(String corpus, String location, List<LabeledDocument> docs, String task, List<String> schemes, boolean cv,
                         List<Report.Published> published, List<String> notes) {
        List<ModelFamily> families = families();
        Suite suite = new Suite(FeatureSpec.defaults(), 42, line -> { });
        long t0 = System.nanoTime();
        for (String scheme : schemes) {
            suite.experiment(Experiment.of(corpus, task, scheme, docs), families, true);
        }
        if (cv) {
            suite.crossValidate(corpus, docs, List.of(task), families.subList(0, 4), List.of(1L));
        }
        CorpusManifest manifest = CorpusManifest.of(corpus, location, docs, 0);
        return suite.report("test", null, cv ? List.of(1L) : List.of(), families, List.of(manifest), published, notes, t0);
    }
}

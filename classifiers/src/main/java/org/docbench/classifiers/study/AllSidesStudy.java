package org.docbench.classifiers.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.docbench.classifiers.progress.ProgressMeter;
import org.docbench.classifiers.report.Ablation;
import org.docbench.classifiers.report.Report;
import org.docbench.classifiers.train.Experiment;
import org.docbench.classifiers.train.ExperimentTrainer;
import org.docbench.classifiers.train.Family;
import org.docbench.classifiers.train.ModelFamily;
import org.docbench.classifiers.train.Trainers;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;
import org.docbench.core.features.FeatureSpec;

/**
 * The AllSides part of the accuracy report: ideology on the random and media splits (the random
 * one with the ablation, the media one too on request), the topic task on a split of our own, the published figures
 * beside them and the notes that say what was left out. Not thread-safe (it adds to the suite
 * and to the caller's lists).
 */
final class AllSidesStudy {
    private AllSidesStudy() {
    }

    /**
     * Runs the AllSides experiments on {@code all} (labels already renamed by {@link #ideology}).
     *
     * @param ablated   the splits that get the ablation (none, random, or both)
     * @param ablations where their ablations go
     */
    static void run(Suite suite, List<LabeledDocument> all, List<ModelFamily> families, List<String> notes,
                    List<Report.Published> published, Set<AllSidesReader.Scheme> ablated, List<Ablation> ablations,
                    ProgressMeter meter, Consumer<String> log) {
        AllSidesChoice choice = AllSidesChoice.chosen();
        FeatureSpec spec = choice.features();
        List<LabeledDocument> docs = choice.documents(all);
        Map<String, Long> mediaValid = docs.stream()
                .filter(d -> d.part(AllSidesReader.Scheme.MEDIA.spelling()) == Part.VALID && d.label(AccuracyReport.IDEOLOGY) != null)
                .collect(Collectors.groupingBy(d -> d.label(AccuracyReport.IDEOLOGY), TreeMap::new, Collectors.counting()));
        notes.add(StudyNotes.allSidesChoice(choice, mediaValid, ablated));
        // Tribuo's naive Bayes recomputes each class's total over the whole vocabulary for every
        // prediction, so on AllSides' vocabulary it predicts in minutes: it gets chi-square features.
        // The SGD families solve the objectives LibLinear solves exactly, at minutes per grid point
        // on 27,000 articles: on AllSides LibLinear stands for them.
        List<ModelFamily> fast = families.stream()
                .filter(f -> f.selectFeatures() == 0 && AccuracyReport.ALLSIDES_LEFT_OUT.stream().noneMatch(f::is))
                .map(AllSidesStudy::forAllSides).toList();
        List<ModelFamily> slow = families.stream().filter(f -> f.selectFeatures() > 0).toList();
        for (AllSidesReader.Scheme scheme : AllSidesReader.Scheme.values()) {
            Experiment exp = Experiment.of(AllSidesReader.NAME, AccuracyReport.IDEOLOGY, scheme.spelling(), docs);
            // One trainer for the ablation's chosen row and the experiment: the chosen model is fitted once.
            ExperimentTrainer runner = new ExperimentTrainer(exp, spec, AccuracyReport.SEED, meter);
            // The random split's ablation shows the valid scores that made the choice; the media split's
            // (on request: 10 to 16 minutes more on two cores) shows which decisions still hold for
            // outlets the model never saw.
            if (ablated.contains(scheme)) {
                long t0 = System.nanoTime();
                ablations.add(choice.ablate(runner, all, scheme.spelling(), AccuracyReport.SEED, meter, log));
                suite.section(exp.id() + "/ablation", t0);
            }
            // Tree models run on the random split only: a lower bound there already shows where they stand.
            // No learning curve here: refitting features at each training fraction of 27,000
            // articles costs more than five minutes; the embedded experiments carry one.
            suite.experiment(runner, scheme == AllSidesReader.Scheme.RANDOM ? withSlow(fast, slow) : fast, spec);
            published.addAll(PublishedBaselines.allSides(exp.id(), scheme));
        }
        AllSidesTopics topics = AllSidesTopics.of(docs, AccuracyReport.ALLSIDES_TOPICS, AccuracyReport.ALLSIDES_TOPIC_TEST,
                AccuracyReport.SEED);
        suite.experiment(topics.experiment(), fast, false, spec);
        notes.add(StudyNotes.allSidesTopics(topics));
        notes.add(StudyNotes.allSidesLeftOut());
    }

    /**
     * A family as it runs on AllSides: naive Bayes on chi-square features, LibLinear and NB-SVM at
     * one or two values of C (logistic regression in the dual), since each grid point costs
     * minutes on 27,000 articles.
     */
    static ModelFamily forAllSides(ModelFamily f) {
        if (f.is(Family.NAIVE_BAYES)) {
            return f.withSelectFeatures(AccuracyReport.ALLSIDES_NB_FEATURES);
        }
        if (f.is(Family.LIBLINEAR_LR)) {
            return f.fixed(Trainers.liblinearLogisticDual(AccuracyReport.ALLSIDES_LR_C));
        }
        if (f.is(Family.NB_SVM)) {
            return f.fixed(Trainers.nbSvm(AccuracyReport.ALLSIDES_NBSVM_C));
        }
        if (f.is(Family.LIBLINEAR_SVM)) {
            return new ModelFamily(f.name(), f.description(),
                    List.of(Trainers.liblinearSvm(AccuracyReport.ALLSIDES_SVM_C), Trainers.liblinearSvm(AccuracyReport.ALLSIDES_SVM_OTHER_C)),
                    f.linear(), f.selectFeatures(), f.maxTrainDocuments());
        }
        return f;
    }

    /** The fast families on the full training part, the slow ones on a subsample of it. */
    private static List<ModelFamily> withSlow(List<ModelFamily> fast, List<ModelFamily> slow) {
        List<ModelFamily> out = new ArrayList<>(fast);
        slow.forEach(f -> out.add(f.withMaxTrainDocuments(AccuracyReport.ALLSIDES_SLOW_TRAIN)));
        return out;
    }

    /**
     * {@code docs} with AllSides' left/center/right label under the task name {@value AccuracyReport#IDEOLOGY}:
     * the reader files it as {@code stance}, but it rates the publisher's politics, not the article's
     * stance on anything, and the report, the README and the paper call it ideology.
     */
    static List<LabeledDocument> ideology(List<LabeledDocument> docs) {
        List<LabeledDocument> out = new ArrayList<>(docs.size());
        for (LabeledDocument d : docs) {
            Map<String, String> labels = new LinkedHashMap<>(d.labels());
            String rating = labels.remove(AllSidesReader.STANCE);
            if (rating != null) {
                labels.put(AccuracyReport.IDEOLOGY, rating);
            }
            out.add(new LabeledDocument(d.id(), d.text(), labels, d.splits(), d.metadata()));
        }
        return out;
    }
}

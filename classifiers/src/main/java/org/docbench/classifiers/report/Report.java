package org.docbench.classifiers.report;

import java.util.List;

import org.docbench.classifiers.eval.CrossValidation;
import org.docbench.classifiers.eval.ExperimentResult;

/**
 * The whole accuracy report, the one object every writer renders. Immutable. Its JSON form is
 * {@code report.json}; see {@link JsonReport} for the schema.
 *
 * @param schema           {@value #SCHEMA}
 * @param provenance       how to reproduce it
 * @param experiments      one per corpus x task x split, embedded corpus first
 * @param crossValidation  one per corpus x task
 * @param published        figures from the literature, printed beside ours
 * @param notes            what was left out or changed, and why
 * @param timing           wall times of the run; the only part besides per-model timing that changes between runs
 * @param ablations        AllSides ablations, one per split (empty without AllSides)
 */
public record Report(String schema, Provenance provenance, List<ExperimentResult> experiments,
                     List<CrossValidation> crossValidation, List<Published> published, List<String> notes, Timing timing,
                     List<Ablation> ablations) {

    public static final String SCHEMA = "docbench-accuracy/2";

    public Report {
        experiments = List.copyOf(experiments);
        crossValidation = List.copyOf(crossValidation);
        published = List.copyOf(published);
        notes = List.copyOf(notes);
        ablations = List.copyOf(ablations);
    }

    /** A report without ablations. */
    public Report(String schema, Provenance provenance, List<ExperimentResult> experiments, List<CrossValidation> crossValidation,
                  List<Published> published, List<String> notes, Timing timing) {
        this(schema, provenance, experiments, crossValidation, published, notes, timing, List.of());
    }

    /**
     * A published figure.
     *
     * @param experiment our experiment id it compares with
     * @param model      the published model
     * @param accuracy   accuracy in percent
     * @param macroF1    macro-F1 in percent
     * @param source     where it is from
     */
    public record Published(String experiment, String model, double accuracy, double macroF1, String source) {
    }

    /**
     * @param totalSeconds wall time of the whole run
     * @param sections     wall seconds of each part, in run order ("name=seconds")
     */
    public record Timing(double totalSeconds, List<String> sections) {
        public Timing {
            sections = List.copyOf(sections);
        }
    }
}

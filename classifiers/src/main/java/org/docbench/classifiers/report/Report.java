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

    public static final String SCHEMA = "docbench-accuracy/3";

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
     * A published figure, as a fraction like every score of the report (papers print percentages:
     * use {@link #percent}).
     *
     * @param experiment our experiment id it compares with
     * @param model      the published model
     * @param accuracy   accuracy, a fraction in [0, 1]
     * @param macroF1    macro-F1, a fraction in [0, 1]
     * @param source     where it is from
     */
    public record Published(String experiment, String model, double accuracy, double macroF1, String source) {
        public Published {
            for (double v : new double[] {accuracy, macroF1}) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("published scores are fractions in [0, 1], got " + v + " for "
                            + model + " on " + experiment + " (percentages go through Published.percent)");
                }
            }
        }

        /** A figure as the paper prints it, in percent. */
        public static Published percent(String experiment, String model, double accuracyPercent, double macroF1Percent,
                                        String source) {
            return new Published(experiment, model, accuracyPercent / 100, macroF1Percent / 100, source);
        }
    }

    /**
     * @param totalSeconds wall time of the whole run
     * @param sections     wall time of each part, in run order
     */
    public record Timing(double totalSeconds, List<Section> sections) {
        public Timing {
            sections = List.copyOf(sections);
        }
    }

    /**
     * The wall time of one part of the run.
     *
     * @param name    an experiment id, or {@code corpus/task/cv}
     * @param seconds wall seconds
     */
    public record Section(String name, double seconds) {
    }
}

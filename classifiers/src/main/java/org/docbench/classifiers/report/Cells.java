package org.docbench.classifiers.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.docbench.classifiers.eval.ModelResult;

/** How numbers, marks, model names and corpus text appear in the report's cells and sentences; stateless. */
final class Cells {
    /** A cell whose model did not run. */
    static final String NOT_RUN = "—";

    private Cells() {
    }

    /**
     * Text from the corpus (a label, a document id, a corpus, task or split name) as block text,
     * which is the Markdown subset both writers render: a line break becomes a space and every
     * character Markdown would read as markup is backslash-escaped, so a label reads as itself.
     * {@code |} is left to the table writer, which escapes it in every cell.
     *
     * <pre>
     * pro-enforcement        -> pro-enforcement
     * **bold** &lt;script&gt;      -> \*\*bold\*\* \&lt;script\&gt;
     * two\nlines             -> two lines
     * left_leaning, _x_      -> left_leaning, \_x\_   (an underscore inside a word is no markup)
     * </pre>
     */
    static String lit(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (!(c == '\n' && i > 0 && text.charAt(i - 1) == '\r')) {
                    sb.append(' ');
                }
                continue;
            }
            boolean markup = "\\`*[]<>~&".indexOf(c) >= 0
                    || (c == '_' && !(i > 0 && i + 1 < text.length()
                            && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1))));
            sb.append(markup ? "\\" : "").append(c);
        }
        return sb.toString();
    }

    /** {@link #lit} of each. */
    static List<String> lit(List<String> texts) {
        return texts.stream().map(Cells::lit).toList();
    }

    /** The family and the hyperparameters its grid varies, e.g. {@code liblinear-lr C=10}. */
    static String shortName(ModelResult m, Map<String, Map<String, Map<String, String>>> families) {
        Map<String, Map<String, String>> grid = families.get(m.family());
        if (grid == null || grid.size() < 2) {
            return m.family();
        }
        StringBuilder sb = new StringBuilder(m.family());
        m.hyperparameters().forEach((k, v) -> {
            if (grid.values().stream().map(hp -> hp.get(k)).distinct().count() > 1) {
                sb.append(' ').append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    static String mark(String name, boolean best, boolean tie) {
        return best ? "**" + name + "**" : tie ? "≈ " + name : name;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v * 100);
    }

    /**
     * A published fraction as a percentage with one decimal, like {@link #pct}, rounded half up
     * from the figure the paper printed rather than from the double nearest it: 27.45% is stored
     * as a fraction a hair under 0.2745, which {@link #pct} prints as 27.4, where a reader of the
     * paper rounds to 27.5 (one in twenty such ties). The fraction is rounded to 12 significant
     * digits first, which removes the hair and nothing a paper prints.
     *
     * <pre>
     * 0.7983 -> 79.8    0.2745 -> 27.5    0.2103 -> 21.0
     * </pre>
     */
    static String pctPublished(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).movePointRight(2)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String ci(org.docbench.classifiers.eval.Interval i) {
        return "[" + pct(i.low()) + ", " + pct(i.high()) + "]";
    }

    static String pval(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /**
     * A time in milliseconds: one decimal below 10 ms, where a whole number would print the
     * baselines' fractions of a millisecond as 0, whole milliseconds above.
     *
     * <pre>
     * 0.23 -> 0.2    3.16 -> 3.2    14204.4 -> 14204
     * </pre>
     */
    static String millis(double ms) {
        return ms < 9.95 ? fmt1(ms) : fmt0(ms);
    }

    static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String fmt1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

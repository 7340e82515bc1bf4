package org.docbench.classifiers.report;

import java.awt.Color;
import java.util.Map;

import org.docbench.classifiers.eval.ExperimentResult;
import org.docbench.classifiers.train.Family;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The marker and colour of a model in every chart of the report, chosen by its name, never by its
 * place in an experiment's list: a reader who learned that liblinear-lr is a blue ▲ finds it so in
 * every chart. Colours are the Okabe-Ito palette (told apart with the common colour-vision
 * deficiencies) plus grey for the baselines; no two models share both marker and colour, related
 * families share a colour (the SGD pair, the LibLinear pair) and differ in marker, and the
 * diamond is kept for peers. Immutable.
 *
 * @param marker the point's shape
 * @param color  the point's colour
 */
record ModelStyle(Marker marker, Color color) {
    static final Color GREY = new Color(0x77, 0x77, 0x77);
    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    static final Color BLACK = Color.BLACK;

    private static final Map<Family, ModelStyle> FAMILIES = Map.ofEntries(
            Map.entry(Family.MAJORITY, new ModelStyle(SeriesMarkers.CIRCLE, GREY)),
            Map.entry(Family.STRATIFIED, new ModelStyle(SeriesMarkers.SQUARE, GREY)),
            Map.entry(Family.NAIVE_BAYES, new ModelStyle(SeriesMarkers.SQUARE, SKY_BLUE)),
            Map.entry(Family.LOGREG_SGD, new ModelStyle(SeriesMarkers.TRIANGLE_UP, ORANGE)),
            Map.entry(Family.SVM_SGD, new ModelStyle(SeriesMarkers.TRIANGLE_DOWN, ORANGE)),
            Map.entry(Family.LIBLINEAR_LR, new ModelStyle(SeriesMarkers.TRIANGLE_UP, BLUE)),
            Map.entry(Family.LIBLINEAR_SVM, new ModelStyle(SeriesMarkers.TRIANGLE_DOWN, BLUE)),
            Map.entry(Family.NB_SVM, new ModelStyle(SeriesMarkers.CIRCLE, VERMILLION)),
            Map.entry(Family.LIBSVM_LINEAR, new ModelStyle(SeriesMarkers.TRIANGLE_DOWN, PURPLE)),
            Map.entry(Family.XGBOOST, new ModelStyle(SeriesMarkers.PLUS, BLACK)),
            Map.entry(Family.CART, new ModelStyle(SeriesMarkers.CROSS, GREEN)),
            Map.entry(Family.RANDOM_FOREST, new ModelStyle(SeriesMarkers.SQUARE, GREEN)));

    /** The peers the report runs, each its own colour; any other peer is a purple diamond. */
    private static final Map<String, ModelStyle> PEERS = Map.of(
            "peer:scikit-learn", new ModelStyle(SeriesMarkers.DIAMOND, BLACK),
            "peer:fastText", new ModelStyle(SeriesMarkers.DIAMOND, VERMILLION));
    private static final ModelStyle OTHER_PEER = new ModelStyle(SeriesMarkers.DIAMOND, PURPLE);
    /** A name that is neither a family nor a peer (a test's model): a grey oval, unlike any above. */
    private static final ModelStyle OTHER = new ModelStyle(SeriesMarkers.OVAL, GREY);

    /** The style of the model named {@code name} (a family's spelling or a peer's {@code peer:} name). */
    static ModelStyle of(String name) {
        if (ExperimentResult.Peers.isPeer(name)) {
            return PEERS.getOrDefault(name, OTHER_PEER);
        }
        for (Family f : Family.values()) {
            if (f.is(name)) {
                return FAMILIES.get(f);
            }
        }
        return OTHER;
    }

    /** Every style a family or a known peer has, for checking that no two are alike. */
    static Map<String, ModelStyle> known() {
        Map<String, ModelStyle> all = new java.util.TreeMap<>(PEERS);
        FAMILIES.forEach((f, s) -> all.put(f.spelling(), s));
        return all;
    }

    /** Draws {@code series} in this style. */
    void apply(XYSeries series) {
        series.setMarker(marker);
        series.setMarkerColor(color);
        series.setLineColor(color);
    }
}

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
 * every chart. Every model the report can show (each {@link Family} and each peer it runs) has a
 * colour of its own, so that a chart can be read by colour alone: the Okabe-Ito palette (told
 * apart with the common colour-vision deficiencies) for the first eight, and Paul Tol's muted,
 * bright and dark schemes, made for the same purpose, for the rest. Fourteen colours cannot all
 * stay apart for every reader, so the marker says it again: related families take related hues
 * and differ in marker (the SGD pair ▲ orange and ▼ olive, the LibLinear pair ▲ blue and ▼
 * indigo, the trees × green and ■ dark green), the baselines are greys, and the diamond is kept
 * for peers. Immutable.
 *
 * @param marker the point's shape
 * @param color  the point's colour
 */
record ModelStyle(Marker marker, Color color) {
    // Okabe-Ito.
    static final Color BLACK = Color.BLACK;
    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
    static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
    // Paul Tol: muted olive, indigo and green, bright purple, dark red; greys.
    static final Color OLIVE = new Color(0x99, 0x99, 0x33);
    static final Color INDIGO = new Color(0x33, 0x22, 0x88);
    static final Color GREEN = new Color(0x11, 0x77, 0x33);
    static final Color PURPLE = new Color(0xAA, 0x33, 0x77);
    static final Color DARK_RED = new Color(0x66, 0x33, 0x33);
    static final Color GREY = new Color(0x77, 0x77, 0x77);
    static final Color DARK_GREY = new Color(0x44, 0x44, 0x44);
    static final Color LIGHT_GREY = new Color(0xBB, 0xBB, 0xBB);

    private static final Map<Family, ModelStyle> FAMILIES = Map.ofEntries(
            Map.entry(Family.MAJORITY, new ModelStyle(SeriesMarkers.CIRCLE, GREY)),
            Map.entry(Family.STRATIFIED, new ModelStyle(SeriesMarkers.SQUARE, DARK_GREY)),
            Map.entry(Family.NAIVE_BAYES, new ModelStyle(SeriesMarkers.SQUARE, SKY_BLUE)),
            Map.entry(Family.LOGREG_SGD, new ModelStyle(SeriesMarkers.TRIANGLE_UP, ORANGE)),
            Map.entry(Family.SVM_SGD, new ModelStyle(SeriesMarkers.TRIANGLE_DOWN, OLIVE)),
            Map.entry(Family.LIBLINEAR_LR, new ModelStyle(SeriesMarkers.TRIANGLE_UP, BLUE)),
            Map.entry(Family.LIBLINEAR_SVM, new ModelStyle(SeriesMarkers.TRIANGLE_DOWN, INDIGO)),
            Map.entry(Family.NB_SVM, new ModelStyle(SeriesMarkers.CIRCLE, VERMILLION)),
            Map.entry(Family.LIBSVM_LINEAR, new ModelStyle(SeriesMarkers.TRIANGLE_DOWN, REDDISH_PURPLE)),
            Map.entry(Family.XGBOOST, new ModelStyle(SeriesMarkers.PLUS, BLACK)),
            Map.entry(Family.CART, new ModelStyle(SeriesMarkers.CROSS, BLUISH_GREEN)),
            Map.entry(Family.RANDOM_FOREST, new ModelStyle(SeriesMarkers.SQUARE, GREEN)));

    /** The peers the report runs ({@code Peer.all()}), each its own colour; any other peer is a yellow diamond. */
    private static final Map<String, ModelStyle> PEERS = Map.of(
            "peer:scikit-learn", new ModelStyle(SeriesMarkers.DIAMOND, PURPLE),
            "peer:fastText", new ModelStyle(SeriesMarkers.DIAMOND, DARK_RED));
    private static final ModelStyle OTHER_PEER = new ModelStyle(SeriesMarkers.DIAMOND, YELLOW);
    /** A name that is neither a family nor a peer (a test's model): a light grey oval, unlike any above. */
    private static final ModelStyle OTHER = new ModelStyle(SeriesMarkers.OVAL, LIGHT_GREY);

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

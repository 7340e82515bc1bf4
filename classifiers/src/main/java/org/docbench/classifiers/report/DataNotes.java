package org.docbench.classifiers.report;

import java.util.Locale;

import org.docbench.core.corpus.CorpusManifest;

/**
 * The "about this data" note of each corpus: where its documents and labels come from, and what
 * that means for the figures. Stateless.
 */
final class DataNotes {
    /** The embedded corpus's name, as its layout.properties gives it. */
    static final String EMBEDDED = "immigration-enforcement";
    /** The AllSides corpus's name, as its reader gives it. */
    static final String ALLSIDES = "allsides";

    private DataNotes() {
    }


    /** The note on {@code corpus}, one paragraph. */
    static String about(CorpusManifest corpus) {
        String name = corpus.name().toLowerCase(Locale.ROOT);
        if (name.equals(EMBEDDED) && org.docbench.core.corpus.LayoutCorpusReader.isEmbedded(corpus)) {
            return "**" + corpus.name() + "** (embedded, " + corpus.documents() + " documents): written for this project by "
                    + "AI writers (six of them, each under its own brief) for 24 fictional outlets, about "
                    + "real US programs, laws and dates; every document carries the topic and the stance it was written to "
                    + "carry, one label per document, no second annotator. The cells are balanced by construction (each "
                    + "topic x stance cell equally large), so the majority baseline sits at chance. What it implies: the "
                    + "scores measure how well a model recovers what the writers were asked to express, in prose that is "
                    + "cleaner and more regular than scraped news, with writer habits a model can learn (the outlet split "
                    + "holds outlets out, not writers); they are not accuracy on real news and should not be compared with "
                    + "figures on real corpora. Its datasheet (datasets/immigration-enforcement/DATASHEET.md) lists the "
                    + "known shortcuts (outlet, kind of writing and noise correlate with stance).";
        }
        if (name.equals(ALLSIDES)) {
            return "**" + corpus.name() + "** (" + corpus.documents() + " articles; Baly et al., EMNLP 2020): real news "
                    + "articles from US outlets, collected from AllSides.com. The **ideology** label (left, center, right) "
                    + "is the AllSides media-bias rating of the article's publisher, not a judgement of the article: "
                    + "every article of an outlet carries the outlet's label, so on the random split a model can score by "
                    + "recognizing the outlet, and the media split (test outlets never seen in training) is the measure "
                    + "of ideology detection. Topics are AllSides' own tags. Figures here are comparable with the "
                    + "published ones on the same splits (printed beside them), not with the embedded corpus.";
        }
        return "**" + corpus.name() + "** (" + corpus.documents() + " documents): a corpus docbench was given; "
                + "docbench knows nothing about how its documents were collected or labeled, so the figures are only as "
                + "good as those labels.";
    }
}

package org.docbench.classifiers.report;

import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

import org.docbench.core.corpus.CorpusManifest;

/**
 * The "about this data" note of each corpus: where its documents and labels come from, and what
 * that means for the figures. Stateless.
 */
public final class DataNotes {
    /** The embedded corpus's name, as its layout.properties gives it. */
    static final String EMBEDDED = "immigration-enforcement";
    /** The AllSides corpus's name, as its reader gives it. */
    static final String ALLSIDES = "allsides";
    private static final String IDEOLOGY = "ideology";
    private static final String STANCE = org.docbench.core.corpus.AllSidesReader.STANCE;

    /** Articles of the published Article-Bias-Prediction corpus, as docbench's reader reads them (none skipped). */
    static final int ALLSIDES_ARTICLES = 37_554;
    /** Its articles per rating, left to right (compared as a map: order does not count). */
    static final Map<String, Integer> ALLSIDES_RATINGS = ratings();

    private static Map<String, Integer> ratings() {
        Map<String, Integer> r = new LinkedHashMap<>();
        r.put("left", 13_005);
        r.put("center", 10_815);
        r.put("right", 13_734);
        return java.util.Collections.unmodifiableMap(r);
    }

    private DataNotes() {
    }

    /**
     * Whether {@code corpus} is the published AllSides corpus: named {@value #ALLSIDES}, nothing
     * skipped, {@value #ALLSIDES_ARTICLES} articles and exactly the published count of each
     * left/center/right rating. A folder built in the same layout from other articles does not
     * match these four numbers by chance; a copy that kept every article and rating but changed
     * texts would (the manifest's hash would tell, but it also changes with how the reader and
     * the study name the task, so the counts are the check that holds for both).
     */
    public static boolean isPublishedAllSides(CorpusManifest corpus) {
        return corpus.name().equals(ALLSIDES) && corpus.skipped() == 0 && corpus.documents() == ALLSIDES_ARTICLES
                && ALLSIDES_RATINGS.equals(corpus.counts().get(allSidesRatingTask(corpus)));
    }

    /**
     * The name the left/center/right task has in {@code corpus}: {@code ideology} in the study's
     * report, which renames it; the reader's {@code stance} as {@code docbench evaluate} reads the folder.
     */
    static String allSidesRatingTask(CorpusManifest corpus) {
        return corpus.counts().containsKey(IDEOLOGY) ? IDEOLOGY : STANCE;
    }


    /**
     * Facts of the published media split, from the articles' {@code source} field and the split
     * files; {@code AllSidesStudyTest} recounts them on the corpus.
     */
    static final String MEDIA_TEST_FROM_TRAINING_OUTLETS = "426";
    static final String MEDIA_LARGEST_SHARED = "CNN (Web News): 101 in test, 2,485 in training";
    static final String MEDIA_VALID_LEFT = "70%";
    static final String MEDIA_TEST_RIGHT = "46%";

    /** The note on {@code corpus}, one paragraph. */
    public static String about(CorpusManifest corpus) {
        String name = corpus.name().toLowerCase(Locale.ROOT);
        if (name.equals(EMBEDDED) && org.docbench.core.corpus.LayoutCorpusReader.isEmbedded(corpus)) {
            return "**" + corpus.name() + "** (embedded, " + corpus.documents() + " documents): written for this project by "
                    + "ten AI writers (a-f in the first edition, each under its own brief; g-j in the second, under "
                    + "one shared brief) for 24 fictional outlets, about "
                    + "real US programs, laws and dates; every document carries the topic and the stance it was written to "
                    + "carry, one label per document, no second annotator. The cells are balanced by construction (each "
                    + "topic x stance cell equally large), so the majority baseline sits at chance. Its splits: **random** "
                    + "(stratified), **outlet** (whole outlets held out of training) and **writer** (whole writers held out: "
                    + "the writer is the id's letter, and a wire reprint goes with its original). What it implies: the "
                    + "scores measure how well a model recovers what the writers were asked to express, in prose that is "
                    + "cleaner and more regular than scraped news, with writer habits a model can learn (the random and "
                    + "outlet splits train on every writer; the writer split shows what that habit is worth); they are not "
                    + "accuracy on real news and should not be compared with "
                    + "figures on real corpora. Its datasheet (datasets/immigration-enforcement/DATASHEET.md) lists the "
                    + "known shortcuts (outlet, kind of writing and noise correlate with stance).";
        }
        if (name.equals(ALLSIDES) && isPublishedAllSides(corpus)) {
            String task = allSidesRatingTask(corpus);
            return "**" + corpus.name() + "** (" + corpus.documents() + " articles; Baly et al., EMNLP 2020): real news "
                    + "articles from US outlets, collected from AllSides.com. The **" + task + "** label (left, center, right) "
                    + "is the AllSides media-bias rating of the article's publisher, not a judgement of the article: "
                    + "every article of an outlet carries the outlet's label, so on the random split a model can score by "
                    + "recognizing the outlet. The media split, drawn by Baly et al. to hold outlets out of training, still "
                    + "shares outlet names with it: " + MEDIA_TEST_FROM_TRAINING_OUTLETS + " of its 1,300 test articles name "
                    + "an outlet that training articles name too (" + MEDIA_LARGEST_SHARED + "), so outlet words help there "
                    + "as well; and its valid part is " + MEDIA_VALID_LEFT + " left-rated where its test part is "
                    + MEDIA_TEST_RIGHT + " right, so validation scores on it say little about test. Topics are AllSides' own tags. Figures here are comparable "
                    + "with the published ones on the same splits, not with the embedded corpus.";
        }
        if (name.equals(ALLSIDES)) {
            return "**" + corpus.name() + "** (" + corpus.documents() + " articles): a folder in the AllSides "
                    + "(Article-Bias-Prediction) layout that is not the published corpus (" + String.format(Locale.ROOT, "%,d",
                    ALLSIDES_ARTICLES) + " articles, " + ALLSIDES_RATINGS.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey())).collect(Collectors.joining(", "))
                    + "); its **" + allSidesRatingTask(corpus) + "** label is each file's bias_text. docbench knows nothing "
                    + "about how these articles were collected or labeled, and the figures are not comparable with Baly et "
                    + "al.'s.";
        }
        return "**" + corpus.name() + "** (" + corpus.documents() + " documents): a corpus docbench was given; "
                + "docbench knows nothing about how its documents were collected or labeled, so the figures are only as "
                + "good as those labels.";
    }
}

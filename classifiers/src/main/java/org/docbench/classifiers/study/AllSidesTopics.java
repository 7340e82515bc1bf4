package org.docbench.classifiers.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.docbench.classifiers.train.Experiment;
import org.docbench.core.corpus.AllSidesReader;
import org.docbench.core.corpus.Splits;
import org.docbench.core.document.LabeledDocument;
import org.docbench.core.document.Part;

/**
 * The AllSides topic task: the {@code k} most frequent topics, on a split of our own. Immutable.
 *
 * <p>Why not the published split: its test part (1,300 articles, the same for the random and the
 * media scheme) was drawn for the ideology task. Of the ten most frequent topics it holds four
 * (politics 626, media_bias 133, supreme_court 21, gun_control_and_gun_rights 12) and no article
 * on elections, the most frequent training topic. Scored there, the majority baseline gets 0
 * macro-F1 and the stratified one about 8% accuracy: the scores measure that shift, not the
 * classifiers.
 *
 * <p>Our split: the articles of the published random scheme's train and valid parts whose topic
 * is one of the {@code k} most frequent topics of those two parts (the published test part is
 * never read); per topic, a seeded shuffle sends {@code round(testFraction * n)} of them to test
 * ({@link Splits#stratified}); the others keep their published part, train or valid.
 *
 * @param topics        the chosen topics, most frequent first (ties by name)
 * @param experiment    the experiment, its design note included
 * @param counts        per topic, documents in our train, valid and test parts
 * @param publishedTest per topic, documents of the published random test part (for the note)
 * @param publishedTestSize documents in the published random test part, every topic
 */
public record AllSidesTopics(List<String> topics, Experiment experiment, Map<String, List<Integer>> counts,
                             Map<String, Integer> publishedTest, int publishedTestSize) {

    /** The published scheme whose train and valid parts the task draws from. */
    public static final String SCHEME = AllSidesReader.Scheme.RANDOM.spelling();

    public AllSidesTopics {
        topics = List.copyOf(topics);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        publishedTest = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(publishedTest));
    }

    /**
     * The task over {@code docs}: the {@code k} most frequent topics of the published random train
     * and valid parts, {@code testFraction} of each topic's documents to test with {@code seed}.
     *
     * @throws IllegalArgumentException when {@code k < 2}, {@code testFraction} is not in (0, 1), or
     *                                  fewer than {@code k} topics have documents there
     */
    public static AllSidesTopics of(List<LabeledDocument> docs, int k, double testFraction, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
        List<LabeledDocument> pool = docs.stream()
                .filter(d -> d.label(AllSidesReader.TOPIC) != null && isTrainOrValid(d.part(SCHEME))).toList();
        Map<String, Integer> frequency = new TreeMap<>();
        pool.forEach(d -> frequency.merge(d.label(AllSidesReader.TOPIC), 1, Integer::sum));
        if (frequency.size() < k) {
            throw new IllegalArgumentException("the " + SCHEME + " train and valid parts have " + frequency.size()
                    + " topics, fewer than k = " + k);
        }
        List<String> topics = frequency.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(k).map(Map.Entry::getKey).toList();
        Set<String> chosen = Set.copyOf(topics);
        List<LabeledDocument> topical = pool.stream().filter(d -> chosen.contains(d.label(AllSidesReader.TOPIC))).toList();
        Map<String, Part> toTest = Splits.stratified(topical, LabeledDocument::id, d -> d.label(AllSidesReader.TOPIC), testFraction, seed);

        List<LabeledDocument> train = new ArrayList<>();
        List<LabeledDocument> valid = new ArrayList<>();
        List<LabeledDocument> test = new ArrayList<>();
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        Map<String, int[]> raw = new LinkedHashMap<>();
        topics.forEach(t -> raw.put(t, new int[3]));
        for (LabeledDocument d : topical) {
            Part part = toTest.get(d.id()) == Part.TEST ? Part.TEST : d.part(SCHEME);
            (part == Part.TEST ? test : part == Part.VALID ? valid : train).add(d);
            raw.get(d.label(AllSidesReader.TOPIC))[part.ordinal()]++; // counts in Part order: train, valid, test
        }
        raw.forEach((t, c) -> counts.put(t, List.of(c[0], c[1], c[2])));

        Map<String, Integer> publishedTest = new LinkedHashMap<>();
        topics.forEach(t -> publishedTest.put(t, 0));
        int publishedTestSize = 0;
        for (LabeledDocument d : docs) {
            if (d.part(SCHEME) == Part.TEST) {
                publishedTestSize++;
                publishedTest.computeIfPresent(d.label(AllSidesReader.TOPIC), (t, n) -> n + 1);
            }
        }
        Experiment exp = new Experiment(AllSidesReader.NAME, AllSidesReader.TOPIC, "stratified-top" + k, train, valid, test);
        AllSidesTopics draft = new AllSidesTopics(topics, exp, counts, publishedTest, publishedTestSize);
        return new AllSidesTopics(topics, exp.withDesign(draft.design(testFraction, seed)), counts, publishedTest,
                publishedTestSize);
    }

    /** The chosen topics the published test part has no document on, in {@link #topics} order. */
    public List<String> missingFromPublishedTest() {
        return topics.stream().filter(t -> publishedTest.get(t) == 0).toList();
    }

    private static boolean isTrainOrValid(Part part) {
        return part == Part.TRAIN || part == Part.VALID;
    }

    /** The design note: what the split is, why it is ours, and its counts per topic. */
    String design(double testFraction, long seed) {
        StringBuilder sb = new StringBuilder();
        sb.append("ours, not published. The published test part (").append(publishedTestSize)
                .append(" articles, shared by the random and media schemes, drawn for the ideology task) holds ")
                .append(publishedTest.values().stream().filter(n -> n > 0).count()).append(" of these ").append(topics.size())
                .append(" topics (").append(join(publishedTest)).append("), so the majority and stratified baselines, and "
                        + "every model, would be scored on a topic mix unlike training. Instead: the ").append(topics.size())
                .append(" most frequent topics of the published random train and valid parts; a seeded (")
                .append(seed).append(") stratified ").append(Math.round(testFraction * 100))
                .append("% of each topic becomes the test part, the rest keep their published part. Documents per topic "
                        + "(train / valid / test): ");
        List<String> rows = new ArrayList<>();
        counts.forEach((t, c) -> rows.add(String.format(Locale.ROOT, "%s %d / %d / %d", t, c.get(0), c.get(1), c.get(2))));
        sb.append(String.join(", ", rows)).append('.');
        return sb.toString();
    }

    private static String join(Map<String, Integer> m) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(k + " " + v));
        return String.join(", ", out);
    }
}

package org.docbench.core.features.fast;

import org.docbench.core.features.FeatureHash;
import org.docbench.core.features.FeatureNames;
import org.docbench.core.token.FastTokenizer;

/**
 * The word-id tables of the fast path's common specs (word unigrams and bigrams): a term is looked
 * up once, in a table of words only, and its unigram and the bigram ending at it come from ids,
 * not from assembled names. {@code table} maps a term to its word id; {@code frequent} holds the
 * most frequent words again, in a direct-mapped table small enough for the L1 cache
 * ({@code hash << 32 | word id + 1}, 0 where empty), for the terms looked up by chars, those the
 * tokenizer gives no key (joined words such as {@code u.s.} and {@code don't}, long words);
 * {@code unigram} maps a word id to the slot of its unigram or -1; {@code bigrams} a pair of ids
 * to the slot of their bigram; {@code shortWords} a plain word of at most
 * {@link FastTokenizer#KEY_CHARS} chars, by its tokenizer key, to {@code word id << 32 | unigram
 * slot}: a plain short term's id and unigram from one probe. Immutable once built.
 *
 * <p>{@link #build} splits the vocabulary's word n-gram names into words, unigrams and bigrams. Terms never
 * hold {@code _} except inside URLs and e-mail addresses, so a name {@code w=a_b} with
 * exactly one {@code _} and a term on each side is the bigram (a, b); a name with no
 * {@code _} is a unigram. Names with more {@code _} are ambiguous ({@code w=a_b_c} is the
 * bigram of {@code a_b} and {@code c} as well as of {@code a} and {@code b_c}): they stay
 * in the name table only, and any n-gram with a term that holds {@code _} is looked up by
 * name, so both ways give the extractor's features exactly.
 */
record WordTables(CharKeyTable table, long[] frequent, int[] unigram, PairTable bigrams, ShortKeyTable shortWords) {
    /** Slots of the frequent-word table (16 KB); the first half as many words fill it. */
    static final int FREQUENT_SLOTS = 2048;

    /**
     * Word ids go to words in slot order of their unigrams, which is falling document
     * frequency, so the entries and chars of the few hundred words that make most of any text
     * sit together and stay in cache. {@code none}, the feature count, stands for "no feature"
     * in the tables. Null when the vocabulary is too large for {@link PairTable}.
     */
    static WordTables build(String[] names, int[] slots, int none) {
        java.util.Map<String, Integer> unigramOf = new java.util.HashMap<>();
        java.util.List<String[]> bi = new java.util.ArrayList<>();
        java.util.List<Integer> biIndex = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (!FeatureNames.isWordGram(name)) {
                continue;
            }
            int first = name.indexOf(FeatureNames.JOINER, FeatureNames.PREFIX_LENGTH);
            if (first < 0) {
                unigramOf.put(name.substring(FeatureNames.PREFIX_LENGTH), slots[i]);
            } else if (first > FeatureNames.PREFIX_LENGTH && first < name.length() - 1
                    && name.indexOf(FeatureNames.JOINER, first + 1) < 0) {
                bi.add(new String[] {name.substring(FeatureNames.PREFIX_LENGTH, first), name.substring(first + 1)});
                biIndex.add(slots[i]);
            }
        }
        java.util.List<String> halvesOnly = new java.util.ArrayList<>();
        for (String[] pair : bi) {
            for (String w : pair) {
                if (!unigramOf.containsKey(w)) {
                    halvesOnly.add(w);
                }
            }
        }
        java.util.List<String> byFrequency = new java.util.ArrayList<>(unigramOf.keySet());
        byFrequency.sort(java.util.Comparator.comparingInt(unigramOf::get));
        halvesOnly.stream().distinct().sorted().forEach(byFrequency::add);

        if (byFrequency.size() > PairTable.MAX_ID + 1 || none > PairTable.MAX_VALUE) {
            return null; // too big for packed pairs: every n-gram is looked up by name
        }
        String[] keys = byFrequency.toArray(String[]::new);
        int[] ids = new int[keys.length];
        int[] unigram = new int[keys.length];
        java.util.Map<String, Integer> idOf = new java.util.HashMap<>(keys.length * 2);
        for (int id = 0; id < keys.length; id++) {
            ids[id] = id;
            idOf.put(keys[id], id);
            unigram[id] = unigramOf.getOrDefault(keys[id], -1);
        }
        int[] a = new int[bi.size()];
        int[] b = new int[bi.size()];
        int[] f = new int[bi.size()];
        for (int i = 0; i < bi.size(); i++) {
            a[i] = idOf.get(bi.get(i)[0]);
            b[i] = idOf.get(bi.get(i)[1]);
            f[i] = biIndex.get(i);
        }
        long[] frequent = new long[FREQUENT_SLOTS];
        for (int id = 0; id < Math.min(keys.length, FREQUENT_SLOTS / 2); id++) {
            int h = CharKeyTable.hash(keys[id].toCharArray(), 0, keys[id].length());
            int slot = h & (FREQUENT_SLOTS - 1);
            if (frequent[slot] == 0) {
                frequent[slot] = ((long) h << 32) | (id + 1L); // id + 1 keeps 0 for empty
            }
        }
        // Only plain words (either case: a tokenizer that keeps case keys them as written): the tokenizer keys no other term.
        java.util.regex.Pattern plain = java.util.regex.Pattern.compile("[A-Za-z0-9]{1," + FastTokenizer.KEY_CHARS + "}");
        int[] shortIds = java.util.stream.IntStream.range(0, keys.length)
                .filter(id -> plain.matcher(keys[id]).matches()).toArray();
        long[] low = new long[shortIds.length];
        long[] high = new long[shortIds.length];
        long[] values = new long[shortIds.length];
        for (int i = 0; i < shortIds.length; i++) {
            int id = shortIds[i];
            low[i] = FastTokenizer.termKey(keys[id]);
            high[i] = FastTokenizer.termKeyHigh(keys[id]);
            values[i] = (long) id << 32 | (unigram[id] >= 0 ? unigram[id] : none);
        }
        ShortKeyTable shortWords = new ShortKeyTable(low, high, values, (long) NO_WORD << 32 | none);
        return new WordTables(new CharKeyTable(keys, ids), frequent, unigram, new PairTable(a, b, f, none), shortWords);
    }

    /** Writes the tables as built, for {@link #read}. */
    void write(java.io.DataOutput out) throws java.io.IOException {
        table.write(out);
        TableIO.longs(out, frequent);
        TableIO.ints(out, unigram);
        bigrams.write(out);
        shortWords.write(out);
    }

    static WordTables read(java.io.DataInput in) throws java.io.IOException {
        WordTables t = new WordTables(CharKeyTable.read(in), TableIO.longs(in), TableIO.ints(in), PairTable.read(in),
                ShortKeyTable.read(in));
        TableIO.check(t.frequent.length == FREQUENT_SLOTS, "frequent-word table of " + t.frequent.length + " slots");
        return t;
    }

    /** {@link #wordId}: a term holding {@code _}, whose n-grams are looked up by name. */
    static final int BY_NAME = -2;
    static final int NO_WORD = -1;

    /** The word id of a term, {@value #NO_WORD} when no unigram or bigram holds it, or {@value #BY_NAME}. */
    int wordId(char[] term, int len) {
        // A term holding the joiner is rare enough that a branch on it would be compiled as never
        // taken, and compiled again once a text holds one: it is noted by arithmetic instead, and
        // the lookup (which finds no such term) runs anyway.
        int h = FeatureHash.start();
        int joiner = 0;
        for (int i = 0; i < len; i++) {
            char c = term[i];
            joiner |= ((c ^ FeatureNames.JOINER) - 1) >>> 31;
            h = FeatureHash.update(h, c);
        }
        int id = lookup(term, len, h);
        return id ^ ((id ^ BY_NAME) & -joiner); // BY_NAME when joiner is 1
    }

    /** The word id of a term with hash {@code h}, or {@value #NO_WORD}. */
    private int lookup(char[] term, int len, int h) {
        long f = frequent[h & (FREQUENT_SLOTS - 1)];
        if (f != 0 && (int) (f >>> 32) == h) { // an empty slot must not match a term whose hash is 0
            int id = (int) f - 1;
            if (table.matches(id, term, 0, len)) {
                return id;
            }
        }
        return table.get(term, 0, len, h);
    }
}

package org.docbench.core.features.fast;

import org.docbench.core.features.FeatureHash;
import org.docbench.core.features.FeatureNames;
import org.docbench.core.token.FastTokenizer;
import org.docbench.core.token.Tokenizers;

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
 * <p>{@link #build} splits the vocabulary's word n-gram names into words, unigrams and bigrams.
 * Terms hold {@code _}, the joiner of n-gram names, only inside URLs and e-mail addresses, so a
 * name with no {@code _} is a unigram and any other is read every way it can be: the bigram of
 * each split at a {@code _} with a term on each side ({@code w=a_b_c} is both {@code (a_b, c)}
 * and {@code (a, b_c)}), and the unigram of the whole when it can be a URL's or an e-mail
 * address's term ({@link Tokenizers#mayBeUrlOrEmail}). Every term and pair that makes a name has
 * an entry, so the lookups by id give the extractor's features exactly, with no rare case for
 * the scoring loop to branch on (a branch never taken while the JIT profiles is compiled as a
 * trap, and the first text with such a term would send the whole loop back to the interpreter
 * and through C2 again).
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
            String body = name.substring(FeatureNames.PREFIX_LENGTH);
            int joiner = body.indexOf(FeatureNames.JOINER);
            if (joiner < 0 || Tokenizers.mayBeUrlOrEmail(body)) {
                unigramOf.put(body, slots[i]);
            }
            // Every split at a joiner with a term on each side: w=a_b_c is the bigram (a_b, c) and (a, b_c).
            for (int j = joiner; j >= 0; j = body.indexOf(FeatureNames.JOINER, j + 1)) {
                if (j > 0 && j < body.length() - 1) {
                    bi.add(new String[] {body.substring(0, j), body.substring(j + 1)});
                    biIndex.add(slots[i]);
                }
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

    static final int NO_WORD = -1;

    /** The word id of a term, {@value #NO_WORD} when no unigram or bigram holds it. */
    int wordId(char[] term, int len) {
        int h = FeatureHash.start();
        for (int i = 0; i < len; i++) {
            h = FeatureHash.update(h, term[i]);
        }
        return lookup(term, len, h);
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

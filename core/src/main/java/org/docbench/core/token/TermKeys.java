package org.docbench.core.token;

/**
 * Term keys: a plain term (ASCII letters and digits) of at most {@value #KEY_CHARS} chars packed
 * into two {@code long}s, one byte a char, so a table keyed by them compares two {@code long}s,
 * not chars. Terms of non-zero chars below 256 map one to one to keys; 0 stands for "no key".
 *
 * <table>
 * <caption>Examples</caption>
 * <tr><th>term</th><th>{@link #low}</th><th>{@link #high}</th></tr>
 * <tr><td>{@code ice}</td><td>{@code 0x696365}</td><td>0</td></tr>
 * <tr><td>{@code immigration}</td><td>the bytes of {@code igration}</td><td>the bytes of {@code imm}</td></tr>
 * </table>
 */
public final class TermKeys {

    /** Longest term that has a key. */
    public static final int KEY_CHARS = 16;

    private TermKeys() {
    }

    /** The low half of a term's key: its last eight chars, one byte each, the last in the lowest byte. */
    public static long low(CharSequence term) {
        char[] t = term.toString().toCharArray();
        return pack(t, 0, t.length);
    }

    /** The high half of a term's key: its chars before the last eight, packed as {@link #low}; 0 for eight or fewer. */
    public static long high(CharSequence term) {
        char[] t = term.toString().toCharArray();
        return pack(t, 0, Math.max(0, t.length - 8));
    }

    /** The low half of the key of the term {@code t[0, len)}. */
    static long low(char[] t, int len) {
        return pack(t, 0, len);
    }

    /** The high half of the key of the term {@code t[0, len)}. */
    static long high(char[] t, int len) {
        return pack(t, 0, Math.max(0, len - 8));
    }

    /**
     * The low half cut from lanes, without a branch on the length (where a word's length falls is
     * a guess): {@code first} holds the word's first eight chars, the first in the highest byte,
     * {@code last8} the eight chars that end it. A word of 8 chars or fewer is the first lanes; a
     * longer one is the last 8 chars. Shift counts out of range give garbage that the masks drop;
     * a word longer than {@value #KEY_CHARS} gets 0.
     */
    static long lowFromLanes(long first, long last8, int len) {
        long upTo8 = (len - 9) >> 31;          // all ones when len <= 8
        long upTo16 = (len - (KEY_CHARS + 1)) >> 31;
        return ((first >>> (64 - 8 * len)) & upTo8 | last8 & ~upTo8) & upTo16;
    }

    /** The high half cut from lanes, as {@link #lowFromLanes} cuts the low one: the lanes before the last eight. */
    static long highFromLanes(long first, int len) {
        long upTo8 = (len - 9) >> 31;
        long upTo16 = (len - (KEY_CHARS + 1)) >> 31;
        return (first >>> (128 - 8 * len)) & ~upTo8 & upTo16;
    }

    /**
     * The chars {@code t[from, to)}, one byte each, the last in the lowest byte; past eight chars
     * the earlier ones shift out.
     */
    private static long pack(char[] t, int from, int to) {
        long key = 0;
        for (int k = from; k < to; k++) {
            key = key << 8 | t[k];
        }
        return key;
    }
}

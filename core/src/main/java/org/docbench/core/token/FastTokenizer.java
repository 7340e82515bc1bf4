package org.docbench.core.token;

import static org.docbench.core.token.CharClasses.BMP;
import static org.docbench.core.token.CharClasses.CLASS_MASK;
import static org.docbench.core.token.CharClasses.DIGIT;
import static org.docbench.core.token.CharClasses.IDEO;
import static org.docbench.core.token.CharClasses.LETTER;
import static org.docbench.core.token.CharClasses.PAIR;
import static org.docbench.core.token.CharClasses.SEP;
import static org.docbench.core.token.TokenRules.endsPlainly;

import java.nio.CharBuffer;

import org.tribuo.util.tokens.Token;
import org.tribuo.util.tokens.Tokenizer;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * docbench's fast tokenizer: a cursor over the text that follows the token spec of
 * {@link org.docbench.core.token this package} and allocates nothing per token.
 *
 * <p>{@link #reset} copies the text into a reused {@code char[]} (grown only when a longer text
 * arrives). {@link #advance} takes a fast path for the common token, an ASCII word that ends at a
 * separator no joiner or e-mail address goes on through: one loop classifies its chars through a
 * table and writes the lower-cased term as it goes. Everything else (joiners, URLs, e-mail
 * addresses, non-ASCII text) goes through the general scanner, which reads classes from a table
 * over the Basic Multilingual Plane and calls {@link Character} only for supplementary code
 * points. The term lands in a reused buffer that {@link #termBuffer()} exposes; {@link #getText()}
 * allocates a String, so a caller in a hurry reads {@link #termBuffer()} and {@link #termLength()}
 * instead.
 *
 * <p>{@link #tokenizeAll} gives the same tokens for a whole text at once, as offsets and keys in
 * a {@link TokenSpans}: the form the inference fast path takes, and faster than the cursor, as it
 * finds words in bitmaps built eight chars at a time instead of guessing at every word's end.
 *
 * <p>The cursor and its fast path live here; the parts it leans on each have a class of their
 * own: {@link CharClasses} (the char tables), {@link TokenRules} (joiners, URLs and e-mail
 * addresses: where a token that is not a plain word ends), {@link WordBitmaps} (the batch
 * scanner) and {@link TermKeys} (the keys {@link #tokenizeAll} cuts).
 *
 * <p>Why the file is over 400 lines: the cursor, its hand-written fast path and
 * {@link #tokenizeAll} read and write the same reused buffers and tables, which stay fields of one
 * instance so the hot loops make no call per char; every part that needs none of them has moved out.
 *
 * <p>Terms are lower-cased, as the token spec says, unless the tokenizer keeps case
 * ({@link Tokenizers#fastKeepingCase()}): then a term is its text with only the apostrophe and
 * hyphen mapped, so {@code Border} and {@code border} are two terms. Case is a mode of the
 * instance, held in the tables it reads, so the hot loops test nothing per char for it.
 *
 * <p>Not thread-safe: use one instance per thread ({@link #clone()} or
 * {@link Tokenizer#createThreadLocal}). The buffers keep the size of the longest text and the
 * longest token seen.
 */
public final class FastTokenizer implements Tokenizer {

    private char[] buf = new char[256];
    private int length;
    private CharSequence text = "";
    private int pos;
    private int start = -1;
    private int end = -1;
    private char[] term = new char[64];
    private int termLength;
    /** The current token came through the fast path: ASCII letters and digits only. */
    private boolean plainWord;
    private final TokenRules rules = new TokenRules();
    private final WordBitmaps bitmaps = new WordBitmaps();
    private final boolean lowercase;
    /** Any char as it enters the term: {@link CharClasses#TERM_LOWER} or its cased twin. */
    private final char[] termTable;
    /** OR-ed into eight lanes of ASCII to make a key: lowers letters, or 0 to keep them. */
    private final long keyCaseBits;
    /** OR-ed into an ASCII letter to make its term char: 0x20 lowers it, 0 keeps it. */
    private final int letterCaseBit;
    /** Where this mode's half of {@link CharClasses#ASCII_WORD_BY_CASE} starts: 0, or {@link CharClasses#CASE_KEPT}. */
    private final int wordTableHalf;

    /** A new tokenizer with lower-cased terms; {@link Tokenizers#fast()} says the same. */
    public FastTokenizer() {
        this(true);
    }

    /** A new tokenizer; {@code lowercase} false keeps the case of terms. */
    public FastTokenizer(boolean lowercase) {
        this.lowercase = lowercase;
        this.termTable = lowercase ? CharClasses.TERM_LOWER : CharClasses.TERM_CASED;
        this.keyCaseBits = lowercase ? WordBitmaps.LOWER_BITS : 0;
        this.letterCaseBit = lowercase ? 0x20 : 0;
        this.wordTableHalf = lowercase ? 0 : CharClasses.CASE_KEPT;
    }

    /** Whether terms are lower-cased (the token spec) rather than kept as written. */
    public boolean lowercase() {
        return lowercase;
    }

    /**
     * Copies the chars of {@code cs} into the tokenizer's buffer (a String's or a heap
     * {@link CharBuffer}'s in one copy). {@link #getText()} reads {@code cs} itself, so a caller
     * that reuses a buffer for the next text calls it before changing the buffer.
     */
    @Override
    public void reset(CharSequence cs) {
        text = cs;
        int n = cs.length();
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
        }
        if (cs instanceof String s) {
            s.getChars(0, n, buf, 0);
        } else if (cs instanceof CharBuffer cb && cb.hasArray()) {
            System.arraycopy(cb.array(), cb.arrayOffset() + cb.position(), buf, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                buf[i] = cs.charAt(i);
            }
        }
        length = n;
        rules.reset(buf, n);
        pos = 0;
        start = -1;
        end = -1;
        termLength = 0;
        plainWord = false;
    }

    @Override
    public boolean advance() {
        // The common token, an ASCII word after ASCII separators that ends plainly, in a method
        // small enough for the JIT to inline into the caller's loop; anything else (and the end
        // of the text) goes to the general scanner, which starts over from the first non-separator.
        final char[] b = buf;
        final int n = length;
        final char[] word = CharClasses.ASCII_WORD_BY_CASE; // its lower half: is a char below 128 a word char
        int i = pos;
        char c;
        while (i < n && (c = b[i]) < 128 && word[c] == 0) {
            i++;
        }
        pos = i;
        if (i < n && plainAsciiWord(i)) {
            return true;
        }
        return advanceGeneral(i);
    }

    /**
     * The fast path: when an ASCII word that is not a URL starts at {@code i} and ends at a space,
     * or at punctuation that no joiner follows, makes it the current token and returns true.
     * Otherwise returns false, having written only into the term buffer.
     */
    private boolean plainAsciiWord(int i) {
        // It reads a static table: the JIT knows a constant array's length and drops the bounds
        // check on every char. The mode picks a half of it (the mask keeps the index below 256),
        // so keeping the case costs no work per char. Where the text (or the term buffer) ends is
        // folded into the tests by arithmetic, never a branch of its own: a word at the very end
        // of a text is rare, and a branch the profile has never seen taken is compiled as a trap
        // that sends the whole method back to the JIT the first time a text takes it.
        final char[] b = buf;
        final int n = length;
        final char[] word = CharClasses.ASCII_WORD_BY_CASE;
        final int half = wordTableHalf & CharClasses.CASE_KEPT;
        // Declined when the first char is not an ASCII letter or digit, or a URL may start here
        // (which needs four chars from i). The word is scanned all the same, into the term buffer
        // alone, and declined at the end: a rare early return would be a trap of its own.
        final char c0 = b[i];
        final char w0 = word[(c0 & 0x7F) + half];
        int fits = ((n - i - 4) >>> 31) ^ 1;
        int decline = (127 - c0) >>> 31 | (w0 - 1) >>> 31 | TokenRules.urlStartBit(c0, b[Math.min(i + 1, n - 1)]) & fits;
        char[] t = term;
        int limit = Math.min(n, i + t.length); // the term buffer bounds a fast-path word
        t[0] = w0;
        int j = i + 1;
        while (true) {
            char d = b[Math.min(j, n - 1)];
            char w = word[(d & 0x7F) + half];
            // Stop at the limit, at a char that is not ASCII, or at one that is not a word char.
            if (((limit - 1 - j) >>> 31 | (127 - d) >>> 31 | (w - 1) >>> 31) != 0) {
                break;
            }
            t[j - i] = w;
            j++;
        }
        // At the end of the text endsPlainly is true. A word the term buffer cut short does not
        // end plainly (a letter or digit follows), so it goes to the general scanner, which grows
        // the buffer; one that fills the buffer exactly is whole.
        if (((decline ^ 1) & TokenRules.endsPlainlyBit(b, j, n)) != 0) {
            plainWord = true;
            start = i;
            termLength = j - i;
            end = j;
            pos = j;
            return true;
        }
        return false;
    }

    /**
     * {@link #advance()} for every case, from {@link #pos}; {@code tried} is where the fast path
     * has already failed, so it is not tried there twice.
     *
     * <p>It writes the term itself instead of calling a helper, which keeps it above the 325
     * bytecodes up to which HotSpot's C2 inlines a hot callee ({@code -XX:FreqInlineSize}). Inlined
     * into {@link #advance}, it would make advance's compiled code too big to be inlined into the
     * caller's loop in turn ({@code -XX:InlineSmallCode}), and every token would pay a call.
     * {@code JitShapeTest} fails when it shrinks below that size.
     */
    private boolean advanceGeneral(int tried) {
        final char[] b = buf;
        final int n = length;
        int i = pos;
        int cls;
        while (true) {
            if (i >= n) {
                pos = n;
                start = -1;
                end = -1;
                termLength = 0;
                plainWord = false;
                return false;
            }
            char c = b[i];
            if (c < 128) {
                cls = BMP[c];
                if (cls != SEP) {
                    break;
                }
                i++;
            } else {
                int k = rules.classAt(i);
                cls = k & CLASS_MASK;
                if (cls == LETTER || cls == DIGIT || cls == IDEO) {
                    break;
                }
                i += 1 + ((k & PAIR) >>> 4); // 2 for a pair
            }
        }
        if (i != tried && plainAsciiWord(i)) {
            return true;
        }
        start = i;
        int e = rules.tokenEnd(i, cls);
        int len = e - i;
        if (term.length < len) {
            term = new char[Math.max(len, term.length * 2)];
        }
        final char[] t = term;
        if (rules.asciiTerm()) {
            // A straight copy, lower-casing letters unless case is kept.
            final int caseBit = letterCaseBit;
            for (int j = 0; j < len; j++) {
                char c = b[i + j];
                t[j] = (char) (c | ((char) (c - 'A') < 26 ? caseBit : 0));
            }
            termLength = len;
        } else {
            termLength = mapTerm(i, e, t, 0);
        }
        end = e;
        pos = e;
        plainWord = false;
        return true;
    }

    /**
     * Tokenizes the rest of the text at once into {@code out}, replacing what it held: the tokens
     * {@link #advance} would give, each as its offsets and, for a plain word (ASCII letters and
     * digits) of at most {@value #KEY_CHARS} chars, its term as a two-{@code long} key
     * ({@link TermKeys}); 0 stands for "no key", and the caller gets such a
     * term from {@link #termOf}. Returns the number of tokens and leaves the cursor at the end.
     *
     * <p>A char-at-a-time loop mispredicts a branch or two at every token (where a word ends is a
     * guess), and each token's scan waits for the one before. So the text is first classified
     * eight chars at a time into bitmaps ({@link WordBitmaps}), with no branch; then each common
     * token's start and end are the next set and clear bits, and its key is cut from eight bytes
     * of a byte copy of the text: no loop per char, no term buffer, no field written per token.
     * Other tokens take the general scanner of {@link #advance}.
     */
    public int tokenizeAll(TokenSpans out) {
        final char[] b = buf;
        final int n = length;
        out.ensure(n - pos); // a token takes at least one char
        final WordBitmaps bits = bitmaps;
        bits.ensureCapacity(n);
        bits.classify(b, n, pos);
        final byte[] a = bits.ascii;
        final long[] events = bits.eventBits;
        final long[] words = bits.wordBits;
        final int blocks = (n + 63) >>> 6;
        final int[] starts = out.starts;
        final int[] ends = out.ends;
        final long[] keys = out.keys;
        final long[] highKeys = out.highKeys;
        int count = 0;
        int block = pos >>> 6;
        long pending = bits.eventsFrom(pos);
        while (true) {
            // The next event: the start of a run of ASCII letters and digits, or a char that is
            // not ASCII. Between the last token and it are only ASCII separators. A plain token
            // holds no event but its start, so it needs no skipping: the loop's only chain from
            // token to token is clearing the lowest bit.
            while (pending == 0) {
                if (++block >= blocks) {
                    break;
                }
                pending = events[block];
            }
            if (pending == 0) {
                break;
            }
            int i = (block << 6) + Long.numberOfTrailingZeros(pending);
            pending &= pending - 1;
            // Lanes are little-endian: reversed, the first char is the highest byte, as termKey
            // packs it. OR 0x20 lowers an ASCII letter and leaves a digit as it is.
            long raw = WordBitmaps.lanes(a, i);
            long x = raw | WordBitmaps.LOWER_BITS;
            // The general scanner takes a token that starts with a char that is not ASCII (lane 0,
            // char i), or with a URL's first two chars and room for more. Tested by arithmetic:
            // either is rare in some texts, and a branch on it would be compiled as never taken
            // while the JIT profiles; the first such token would then send this loop, and the
            // lookups it is inlined into, back to the interpreter and through C2 again.
            int room = ((n - 4 - i) >>> 31) ^ 1;
            int general = (int) (x >>> 7) & 1 | room & WordBitmaps.urlStartBit(x);
            if (general == 0) {
                // An ASCII word starts at i; the first char that is not a letter or digit ends it.
                long notWord = ~WordBitmaps.bitsFrom(words, i);
                int j = i + Long.numberOfTrailingZeros(notWord);
                // No test of notWord for a run that fills the 64 bits (j = i + 64): a word char
                // follows it, which endsPlainly refuses, or the text ends there and the token is
                // the whole run. A test would be a branch the JIT compiles as a trap, and the first
                // such run would send the method back to the interpreter.
                if (endsPlainly(b, j, n)) {
                    // Both halves of the key from the lanes, with no branch on the length.
                    int len = j - i;
                    long first = Long.reverseBytes(raw | keyCaseBits);
                    long last8 = Long.reverseBytes(WordBitmaps.lanes(a, Math.max(j - 8, 0)) | keyCaseBits);
                    starts[count] = i;
                    ends[count] = j;
                    keys[count] = TermKeys.lowFromLanes(first, last8, len);
                    highKeys[count] = TermKeys.highFromLanes(first, len);
                    count++;
                    continue;
                }
            }
            pos = i;
            if (!advanceGeneral(i)) {
                break;
            }
            starts[count] = start;
            ends[count] = end;
            // A plain word of more than KEY_CHARS chars is rare enough here that a branch on the
            // length would be compiled as never taken, and the first would send the loop back to
            // the interpreter: the length is tested by arithmetic.
            int keyed = plainWord ? (termLength - (KEY_CHARS + 1)) >>> 31 : 0;
            keys[count] = keyed != 0 ? TermKeys.low(term, termLength) : 0;
            highKeys[count] = keyed != 0 ? TermKeys.high(term, termLength) : 0;
            count++;
            block = pos >>> 6;
            pending = bits.eventsFrom(pos);
        }
        pos = n;
        start = -1;
        end = -1;
        termLength = 0;
        plainWord = false;
        out.count = count;
        return count;
    }

    /**
     * Writes the term of the text {@code [start, end)} of the current input into {@code out} from
     * {@code at}, and returns its length (never more than {@code end - start}). For a past token's
     * offsets ({@link #getStart()}, {@link #getEnd()}) this is the term {@link #termBuffer()} held
     * then, so a caller that needs the last few terms keeps two ints per term, not a copy.
     *
     * @throws IndexOutOfBoundsException if the range is outside the current input or {@code out}
     *                                   has fewer than {@code end - start} chars from {@code at}
     */
    public int termOf(int start, int end, char[] out, int at) {
        if (start < 0 || end > length || start > end || at < 0 || out.length - at < end - start) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") of " + length + " chars into "
                    + out.length + " from " + at);
        }
        return mapTerm(start, end, out, at);
    }

    /**
     * The term chars of {@code b[from, to)}: every char through one table load
     * ({@link CharClasses#TERM_LOWER} or {@link CharClasses#TERM_CASED}), so curly apostrophes,
     * Unicode hyphens, accented letters and surrogates take no branch of their own. A surrogate
     * maps to itself, as lower-casing its pair does, except a high surrogate that may start a
     * cased letter: the table gives it {@link CharClasses#LOOK_AGAIN}, and the term goes through
     * {@link #mapExactly}. A branch taken only at a text's first emoji would be a trap that sends
     * the method, and the scanner it is inlined into, back to the JIT.
     */
    private int mapTerm(int from, int to, char[] t, int at) {
        final char[] b = buf;
        final char[] table = termTable;
        int k = at;
        int again = 0;
        for (int i = from; i < to; i++) {
            char m = table[b[i]];
            t[k++] = m;
            again |= ((m ^ CharClasses.LOOK_AGAIN) - 1) >>> 31;
        }
        return again == 0 ? k - at : mapExactly(from, to, t, at);
    }

    /** {@link #mapTerm} char by char, lower-casing a surrogate pair as its code point. */
    private int mapExactly(int from, int to, char[] t, int at) {
        final char[] b = buf;
        final char[] table = termTable;
        int k = at;
        for (int i = from; i < to; i++) {
            char c = b[i];
            if (Character.isSurrogate(c)) {
                k = mapSurrogate(i, to, t, k);
                i += k >>> 31; // set when a pair was read
                k &= Integer.MAX_VALUE;
            } else {
                t[k++] = table[c];
            }
        }
        return k - at;
    }

    /**
     * The term chars of the surrogate at {@code buf[i]} (a pair with the next char when it makes
     * one before {@code to}), written at {@code t[k]}: returns the new {@code k}, with the sign bit
     * set when two chars were read.
     */
    private int mapSurrogate(int i, int to, char[] t, int k) {
        final char[] b = buf;
        char c = b[i];
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(b[i + 1])) {
            int cp = Character.toCodePoint(c, b[i + 1]);
            return (k + Character.toChars(lowercase ? Character.toLowerCase(cp) : cp, t, k)) | Integer.MIN_VALUE;
        }
        t[k] = c; // a lone surrogate has no case
        return k + 1;
    }

    /**
     * The current token's term (lower-cased unless case is kept, see the token spec) in a buffer reused across tokens:
     * valid from index 0 up to {@link #termLength()}, until the next {@link #advance()} or
     * {@link #reset}.
     */
    public char[] termBuffer() {
        return term;
    }

    /** Length of the current term in {@link #termBuffer()}. */
    public int termLength() {
        return termLength;
    }

    /** Longest term {@link #tokenizeAll} gives a key for; {@link TermKeys#KEY_CHARS}. */
    public static final int KEY_CHARS = TermKeys.KEY_CHARS;

    /** The low half of the key {@link #tokenizeAll} gives a term; {@link TermKeys#low(CharSequence)}. */
    public static long termKey(CharSequence term) {
        return TermKeys.low(term);
    }

    /** The high half of a term's key; {@link TermKeys#high(CharSequence)}. */
    public static long termKeyHigh(CharSequence term) {
        return TermKeys.high(term);
    }

    /** The current term as a new String; allocates, for tests and convenience paths. */
    public String term() {
        return new String(term, 0, termLength);
    }

    /** The current token's text, {@code text.substring(getStart(), getEnd())}; allocates. */
    @Override
    public String getText() {
        return text.subSequence(start, end).toString();
    }

    @Override
    public int getStart() {
        return start;
    }

    @Override
    public int getEnd() {
        return end;
    }

    @Override
    public Token.TokenType getType() {
        return Token.TokenType.WORD;
    }

    /** A new tokenizer with fresh buffers; the state of this one is not copied. */
    @Override
    public FastTokenizer clone() {
        return new FastTokenizer(lowercase);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "Tokenizer");
    }

    @Override
    public String toString() {
        return lowercase ? "FastTokenizer" : "FastTokenizer(keeping case)";
    }
}

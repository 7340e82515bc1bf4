package org.docbench.core.token;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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
 * <p>Not thread-safe: use one instance per thread ({@link #clone()} or
 * {@link Tokenizer#createThreadLocal}). The buffers keep the size of the longest text and the
 * longest token seen.
 */
public final class FastTokenizer implements Tokenizer {

    // Character classes. Only LETTER, DIGIT and IDEO start a token; MARK continues one.
    static final byte SEP = 0;
    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    static final byte MARK = 3;
    static final byte IDEO = 4;

    /** Class of every BMP char; surrogates are SEP here and handled as pairs in {@link #classAt}. */
    private static final byte[] BMP = new byte[1 << 16];
    /** Chars that end a URL: whitespace, controls and {@code "<>`{}|\^}. */
    private static final boolean[] URL_STOP = new boolean[1 << 16];
    /** Lower-cased ASCII. */
    private static final char[] LOWER_ASCII = new char[128];
    /**
     * For the fast path, one load per char: an ASCII letter or digit lower-cased, 0 for every
     * other char below 128 (none of which continues a word without the general scanner).
     * Indexed by the low 7 bits; the caller has checked that the char is ASCII.
     */
    private static final char[] ASCII_WORD = new char[128];

    static {
        for (int c = 0; c < (1 << 16); c++) {
            BMP[c] = Character.isSurrogate((char) c) ? SEP : classify(c);
            URL_STOP[c] = !Character.isSurrogate((char) c)
                    && (Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.CONTROL || "\"<>`{}|\\^".indexOf(c) >= 0);
        }
        for (int c = 0; c < 128; c++) {
            LOWER_ASCII[c] = (char) Character.toLowerCase(c);
            ASCII_WORD[c] = BMP[c] == SEP ? 0 : LOWER_ASCII[c];
        }
    }

    /** The class of one code point, from {@link Character}; used to fill the tables and for supplementary code points. */
    static byte classify(int cp) {
        if (Character.isLetter(cp)) {
            if (cp == 0x30FC || Character.isIdeographic(cp)) {
                return IDEO;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA ? IDEO : LETTER;
        }
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || cp == 0x200C || cp == 0x200D) {
            return MARK;
        }
        return SEP;
    }

    private static final int PAIR = 0x10; // flag in classAt's result: the code point takes two chars
    private static final int CLASS_MASK = 0x0F;

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

    /** Where the run being scanned started (a run: letters, digits and marks between joiners). */
    private int runStart;
    /** True while every char of the current token is one an e-mail local part may hold. */
    private boolean localOnly;
    /** True once the current token holds a char outside ASCII. */
    private boolean nonAscii;

    /** A new tokenizer; {@link Tokenizers#fast()} says the same. */
    public FastTokenizer() {
    }

    @Override
    public void reset(CharSequence cs) {
        text = cs;
        int n = cs.length();
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
        }
        if (cs instanceof String s) {
            s.getChars(0, n, buf, 0);
        } else {
            for (int i = 0; i < n; i++) {
                buf[i] = cs.charAt(i);
            }
        }
        length = n;
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
        final char[] word = ASCII_WORD;
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
        final char[] b = buf;
        final int n = length;
        final char[] word = ASCII_WORD;
        if (b[i] >= 128 || word[b[i]] == 0 || (i + 4 <= n && mayStartUrl(b[i], b[i + 1]))) {
            return false;
        }
        char[] t = term;
        int limit = n - i <= t.length ? n : i + t.length; // the term buffer bounds a fast-path word
        t[0] = word[b[i]];
        int j = i + 1;
        while (j < limit) {
            char d = b[j];
            char w = word[d & 0x7F];
            if (d >= 128 || w == 0) {
                break;
            }
            t[j - i] = w;
            j++;
        }
        if (j < limit && endsPlainly(j) || j == n) {
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
                int k = classAt(i);
                cls = k & CLASS_MASK;
                if (cls == LETTER || cls == DIGIT || cls == IDEO) {
                    break;
                }
                i += (k & PAIR) != 0 ? 2 : 1;
            }
        }
        if (i != tried && plainAsciiWord(i)) {
            return true;
        }
        start = i;
        int e = -1;
        if (i + 4 <= n && mayStartUrl(b[i], b[i + 1])) {
            e = urlEnd(i);
        }
        if (e >= 0) {
            fillTerm(i, e);
        } else if (cls == IDEO) {
            e = skipMarks(i + Character.charCount(codePointAt(i)));
            fillTerm(i, e);
        } else {
            e = wordEnd(i);
            if (localOnly && e < n && mayBeEmail(e)) {
                int m = emailEnd(i);
                if (m > 0) {
                    e = m;
                }
            }
            if (nonAscii) {
                fillTerm(i, e);
            } else {
                fillAsciiTerm(i, e);
            }
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
     * ({@link #termKey}, {@link #termKeyHigh}); 0 stands for "no key", and the caller gets such a
     * term from {@link #termOf}. Returns the number of tokens and leaves the cursor at the end.
     *
     * <p>A char-at-a-time loop mispredicts a branch or two at every token (where a word ends is a
     * guess), and each token's scan waits for the one before. So the text is first classified
     * eight chars at a time into bitmaps ({@link #classifyText}), with no branch; then each common
     * token's start and end are the next set and clear bits, and its key is cut from eight bytes
     * of a byte copy of the text: no loop per char, no term buffer, no field written per token.
     * Other tokens take the general scanner of {@link #advance}.
     */
    public int tokenizeAll(TokenSpans out) {
        final char[] b = buf;
        final int n = length;
        out.ensure(n - pos); // a token takes at least one char
        classifyText(pos);
        final byte[] a = ascii;
        final long[] events = eventBits;
        final long[] words = wordBits;
        final int blocks = (n + 63) >>> 6;
        final int[] starts = out.starts;
        final int[] ends = out.ends;
        final long[] keys = out.keys;
        final long[] highKeys = out.highKeys;
        int count = 0;
        int block = pos >>> 6;
        long pending = eventsFrom(pos);
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
            long x = (long) LANES.get(a, i) | LOWER_BITS;
            if ((x & 0x80) == 0 && (i + 4 > n || !mayStartUrl(x))) { // lane 0, char i, is ASCII
                // An ASCII word starts at i; the first char that is not a letter or digit ends it.
                long notWord = ~bitsFrom(words, i);
                int j = i + Long.numberOfTrailingZeros(notWord);
                if (notWord != 0 && endsPlainly(b, j, n)) {
                    // The key without a branch on the length (where a word's length falls is a
                    // guess): both cuts are made, masks keep the right one. A word of 8 chars or
                    // fewer is the first lanes; a longer one is the last 8 chars, and the lanes
                    // before them. Shift counts out of range give garbage that the masks drop.
                    int len = j - i;
                    long upTo8 = (len - 9) >> 31;          // all ones when len <= 8
                    long upTo16 = (len - (KEY_CHARS + 1)) >> 31;
                    long first = Long.reverseBytes(x);
                    long last8 = Long.reverseBytes((long) LANES.get(a, Math.max(j - 8, 0)) | LOWER_BITS);
                    starts[count] = i;
                    ends[count] = j;
                    keys[count] = ((first >>> (64 - 8 * len)) & upTo8 | last8 & ~upTo8) & upTo16;
                    highKeys[count] = (first >>> (128 - 8 * len)) & ~upTo8 & upTo16;
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
            boolean keyed = plainWord && termLength <= KEY_CHARS;
            keys[count] = keyed ? pack(term, 0, termLength) : 0;
            highKeys[count] = keyed ? pack(term, 0, Math.max(0, termLength - 8)) : 0;
            count++;
            block = pos >>> 6;
            pending = eventsFrom(pos);
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
     * Whether an ASCII word that stops at {@code j} (the end, or a char that is not an ASCII
     * letter or digit) ends there for sure, as the general scanner would end it; without a branch
     * (what follows a word is a guess for a predictor). It does at the end of the text; at a
     * separator that no joiner or e-mail address goes on through (a space, most punctuation,
     * quotation marks); and at {@code .} or {@code ,} when the char after it is such a separator
     * too and no {@code .}, {@code _}, {@code %}, {@code +}, {@code -} or {@code @} either.
     */
    private static boolean endsPlainly(char[] b, int j, int n) {
        int atEnd = ((j ^ n) - 1) >>> 31;              // 1 when j == n
        int nextAtEnd = (((j + 1) ^ n) - 1) >>> 31;
        int kind = END_KIND[b[Math.min(j, n - 1)]];
        int neutral = NEUTRAL[b[Math.min(j + 1, n - 1)]];
        return (atEnd | kind & 1 | (kind >>> 1) & (neutral | nextAtEnd)) != 0;
    }

    /**
     * For {@link #endsPlainly}, by char: 1 where a word ends whatever follows, 2 where it ends if
     * a {@link #NEUTRAL} char follows ({@code .} and {@code ,}), 0 where a joiner or an e-mail
     * address may go on ({@code ' ’ - ‐ ‑ ( @ _ % +}), and at letters, digits, marks and
     * surrogates (which may pair into a letter).
     */
    private static final byte[] END_KIND = new byte[1 << 16];
    /** For {@link #endsPlainly}: separators that are neither e-mail local-part chars nor {@code @}. */
    private static final byte[] NEUTRAL = new byte[1 << 16];

    static {
        for (int c = 0; c < (1 << 16); c++) {
            boolean separator = BMP[c] == SEP && !Character.isSurrogate((char) c);
            END_KIND[c] = (byte) (separator && "'.,-(@_%+\u2019\u2010\u2011".indexOf(c) < 0 ? 1 : 0);
            NEUTRAL[c] = (byte) (separator && "._%+-@".indexOf(c) < 0 ? 1 : 0);
        }
        END_KIND['.'] = 2;
        END_KIND[','] = 2;
    }

    /**
     * {@link #mayStartUrl(char, char)} on lanes already lowered with {@link #LOWER_BITS}: whether
     * the first two are {@code ht}, {@code ww} or {@code ft}. One lookup in a bitmap of the 5 low
     * bits of each (1,024 bits) rules out nearly every word; the exact test runs only after it.
     */
    private static boolean mayStartUrl(long lowered) {
        int index = (int) (lowered & 31) << 5 | (int) (lowered >>> 8 & 31);
        if ((URL_PAIRS[index >>> 6] >>> index & 1) == 0) {
            return false;
        }
        return mayStartUrl((char) (lowered & 0xFF), (char) (lowered >>> 8 & 0xFF));
    }

    private static final long[] URL_PAIRS = new long[16];

    static {
        for (String pair : new String[] {"ht", "ww", "ft"}) {
            int index = (pair.charAt(0) & 31) << 5 | (pair.charAt(1) & 31);
            URL_PAIRS[index >>> 6] |= 1L << index;
        }
    }

    /** Eight bytes of a {@code byte[]} as one little-endian {@code long}: lane k is the byte at index + k. */
    private static final VarHandle LANES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_7_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long LOWER_BITS = 0x2020202020202020L;
    /** Multiplying the lanes' low bits by this gathers them, lane k to bit 56 + k (no two products share a bit). */
    private static final long GATHER = 0x0102040810204080L;

    /** The text as bytes: ASCII as it is, any other char 0x80; zeros after the end. */
    private byte[] ascii = new byte[256];
    /** Bit i (of word i / 64, from the lowest): char i is an ASCII letter or digit. */
    private long[] wordBits = new long[8];
    /**
     * Bit i: char i starts a run of ASCII letters and digits, or is not ASCII. The separator skip
     * of {@link #advance} stops at the first of these after a token.
     */
    private long[] eventBits = new long[8];

    /**
     * The events of the block that holds {@code i}, from {@code i} on; with {@code i} itself when
     * it is an ASCII letter or digit (the start of what is left of a run, should a token of the
     * general scanner ever end inside one).
     */
    private long eventsFrom(int i) {
        int k = i >>> 6;
        long here = wordBits[k] & 1L << i; // shifts take the count mod 64
        return (eventBits[k] | here) & -1L << i;
    }

    /**
     * Fills {@link #ascii}, {@link #wordBits} and {@link #eventBits} for the text from the block of
     * 64 chars that holds {@code from}. Bits past the end are 0, and the bitmaps have a zero word
     * more, which {@link #bitsFrom} reads.
     */
    private void classifyText(int from) {
        final int n = length;
        final int blocks = (n + 63) >>> 6;
        if (ascii.length < 64 * blocks + 8) {
            ascii = new byte[Math.max(64 * blocks + 8, ascii.length * 2)];
        }
        if (wordBits.length < blocks + 1) {
            wordBits = new long[Math.max(blocks + 1, wordBits.length * 2)];
            eventBits = new long[wordBits.length];
        }
        final byte[] a = ascii;
        final char[] b = buf;
        final int first = from & ~63;
        for (int i = first; i < n; i++) {
            char c = b[i];
            a[i] = (byte) (c < 128 ? c : 0x80);
        }
        for (int i = n; i < 64 * blocks + 8; i++) {
            a[i] = 0;
        }
        final long[] words = wordBits;
        final long[] events = eventBits;
        long carry = 0; // the last char of the block before is a word char (block first is read as starting fresh)
        for (int block = first >>> 6; block < blocks; block++) {
            long w = 0;
            long other = 0;
            for (int k = 0; k < 8; k++) {
                long x = (long) LANES.get(a, 64 * block + 8 * k);
                w |= (((wordLanes(x) >>> 7) * GATHER) >>> 56) << (8 * k);
                other |= ((((x & HIGH_BITS) >>> 7) * GATHER) >>> 56) << (8 * k);
            }
            words[block] = w;
            events[block] = w & ~(w << 1 | carry) | other;
            carry = w >>> 63;
        }
        words[blocks] = 0;
        events[blocks] = 0;
    }

    /** The 64 bits of {@code bits} from bit {@code i} on, bit i lowest. */
    private static long bitsFrom(long[] bits, int i) {
        int k = i >>> 6;
        int shift = i & 63;
        // Two shifts for the next word's part: a single shift by 64 - shift would be a shift by 0.
        return bits[k] >>> shift | (bits[k + 1] << 1) << (63 - shift);
    }

    /**
     * The high bit of each lane of {@code x} whose byte is an ASCII letter or digit. Each lane is
     * tested with additions that set its high bit past a bound (lanes are kept below 0x80 first,
     * so no carry crosses into the next): a letter is {@code 0x61 <= (c | 0x20) <= 0x7A}, a digit
     * {@code 0x30 <= c <= 0x39}.
     */
    private static long wordLanes(long x) {
        long c = x & LOW_7_BITS;
        long lower = c | LOWER_BITS;
        long letter = (lower + 0x1F1F1F1F1F1F1F1FL) & ~(lower + 0x0505050505050505L);
        long digit = (c + 0x5050505050505050L) & ~(c + 0x4646464646464646L);
        return (letter | digit) & ~x & HIGH_BITS;
    }

    /** {@link #endsPlainly(char[], int, int)} on the current text. */
    private boolean endsPlainly(int j) {
        return endsPlainly(buf, j, length);
    }

    /** Cheap test on the first two chars: only {@code ht}, {@code ww} and {@code ft} can start a URL. */
    private static boolean mayStartUrl(char c0, char c1) {
        char a = (char) (c0 | 0x20);
        char b = (char) (c1 | 0x20);
        return (a == 'h' && b == 't') || (a == 'w' && b == 'w') || (a == 'f' && b == 't');
    }

    /**
     * Whether an e-mail address can start at the current token, which so far holds only chars an
     * e-mail local part may hold: then the local part runs on from {@code e} to an {@code @}, or
     * there is no e-mail address here.
     */
    private boolean mayBeEmail(int e) {
        final char[] b = buf;
        final int n = length;
        int j = e;
        while (j < n && isLocalPartChar(b[j])) {
            j++;
        }
        return j < n && b[j] == '@';
    }

    /** End of the word starting at {@code i} (a letter or digit), following the joiner rules. */
    private int wordEnd(int i) {
        final char[] b = buf;
        final int n = length;
        localOnly = true;
        nonAscii = false;
        i = scanRun(i);
        while (i < n) {
            char c = b[i];
            if (c == ' ' || c == '\n') {
                break; // the common case, decided before the joiner tests
            }
            if (c == '\'' || c == '\u2019') {
                if (classOf(i + 1) != LETTER) {
                    break;
                }
                localOnly = false;
                nonAscii |= c != '\'';
            } else if (c == '.') {
                int next = classOf(i + 1);
                boolean decimal = next == DIGIT && classBefore(i) == DIGIT;
                boolean initial = next == LETTER && runIsOneLetter(i);
                if (!decimal && !initial) {
                    break;
                }
            } else if (c == ',') {
                if (classBefore(i) != DIGIT || !thousandsGroupAt(i + 1)) {
                    break;
                }
                localOnly = false;
            } else if (c == '-' || c == '\u2010' || c == '\u2011') {
                int next = classOf(i + 1);
                if ((next != LETTER && next != DIGIT) || !(hasDigit(runStart, i) || hasDigit(i + 1, runEnd(i + 1)))) {
                    break;
                }
                if (c != '-') {
                    localOnly = false;
                    nonAscii = true;
                }
            } else if (c == '(') {
                if (classBefore(i) == DIGIT) {
                    int after = parenSuffixesEnd(i);
                    if (after > i) {
                        localOnly = false;
                        i = after;
                    }
                }
                break;
            } else {
                break;
            }
            i = scanRun(i + 1);
        }
        return i;
    }

    /** Scans a run of letters, digits and marks from {@code i} (a letter or digit); returns its end. */
    private int scanRun(int i) {
        runStart = i;
        final char[] b = buf;
        final int n = length;
        while (i < n) {
            char c = b[i];
            if (c < 128) {
                if (BMP[c] == SEP) {
                    break;
                }
                i++;
            } else {
                int k = classAt(i);
                int cls = k & CLASS_MASK;
                if (cls != LETTER && cls != DIGIT && cls != MARK) {
                    break;
                }
                localOnly = false;
                nonAscii = true;
                i += (k & PAIR) != 0 ? 2 : 1;
            }
        }
        return i;
    }

    /** End of the run starting at {@code i}, without touching the cursor's state. */
    private int runEnd(int i) {
        final int n = length;
        while (i < n) {
            int k = classAt(i);
            int cls = k & CLASS_MASK;
            if (cls != LETTER && cls != DIGIT && cls != MARK) {
                break;
            }
            i += (k & PAIR) != 0 ? 2 : 1;
        }
        return i;
    }

    private boolean hasDigit(int from, int to) {
        for (int i = from; i < to; ) {
            int k = classAt(i);
            if ((k & CLASS_MASK) == DIGIT) {
                return true;
            }
            i += (k & PAIR) != 0 ? 2 : 1;
        }
        return false;
    }

    /** Class of the code point that ends just before {@code i}. */
    private int classBefore(int i) {
        char c = buf[i - 1];
        if (Character.isLowSurrogate(c) && i >= 2 && Character.isHighSurrogate(buf[i - 2])) {
            return classify(Character.toCodePoint(buf[i - 2], c));
        }
        return BMP[c];
    }

    /** Whether the current run, ending at {@code i}, is a single letter (one code point). */
    private boolean runIsOneLetter(int i) {
        int len = i - runStart;
        if (len == 1) {
            return BMP[buf[runStart]] == LETTER;
        }
        return len == 2 && (classAt(runStart) & PAIR) != 0 && (classAt(runStart) & CLASS_MASK) == LETTER;
    }

    /** Whether exactly three digits start at {@code i} (a fourth one would make it no thousands group). */
    private boolean thousandsGroupAt(int i) {
        for (int d = 0; d < 3; d++) {
            if (i >= length) {
                return false;
            }
            int k = classAt(i);
            if ((k & CLASS_MASK) != DIGIT) {
                return false;
            }
            i += (k & PAIR) != 0 ? 2 : 1;
        }
        return classOf(i) != DIGIT;
    }

    /** End of one or more {@code (x)} suffixes (x = 1 to 3 ASCII letters or digits) at {@code i}, or {@code i}. */
    private int parenSuffixesEnd(int i) {
        final char[] b = buf;
        final int n = length;
        while (i < n && b[i] == '(') {
            int j = i + 1;
            while (j < n && j - i <= 3 && isAsciiAlnum(b[j])) {
                j++;
            }
            if (j == i + 1 || j >= n || b[j] != ')') {
                break;
            }
            i = j + 1;
        }
        return i;
    }

    private int skipMarks(int i) {
        while (i < length) {
            int k = classAt(i);
            if ((k & CLASS_MASK) != MARK) {
                break;
            }
            i += (k & PAIR) != 0 ? 2 : 1;
        }
        return i;
    }

    /** End of the URL starting at {@code i}, or -1. */
    private int urlEnd(int i) {
        final char[] b = buf;
        final int n = length;
        int body;
        if (startsWithIgnoreCase(i, "https://")) {
            body = i + 8;
        } else if (startsWithIgnoreCase(i, "http://")) {
            body = i + 7;
        } else if (startsWithIgnoreCase(i, "ftp://")) {
            body = i + 6;
        } else if (startsWithIgnoreCase(i, "www.")) {
            body = i + 4;
        } else {
            return -1;
        }
        int j = body;
        while (j < n && !URL_STOP[b[j]]) {
            j++;
        }
        while (j > body && isUrlTrailer(b[j - 1])) {
            j--;
        }
        return j > body ? j : -1;
    }

    private static boolean isUrlTrailer(char c) {
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\''
                || c == '"' || c == ')' || c == ']' || c == '}';
    }

    private boolean startsWithIgnoreCase(int i, String prefix) {
        if (i + prefix.length() > length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char c = buf[i + k];
            if (c < 128) {
                c = LOWER_ASCII[c];
            }
            if (c != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** End of the e-mail address starting at {@code i}, or -1. */
    private int emailEnd(int i) {
        final char[] b = buf;
        final int n = length;
        if (!isAsciiAlnum(b[i])) {
            return -1;
        }
        int j = i + 1;
        while (j < n && isLocalPartChar(b[j])) {
            j++;
        }
        if (j >= n || b[j] != '@') {
            return -1;
        }
        int e = labelEnd(j + 1);
        if (e < 0) {
            return -1;
        }
        int result = -1;
        while (e < n && b[e] == '.') {
            int next = labelEnd(e + 1);
            if (next < 0) {
                break;
            }
            result = next;
            e = next;
        }
        return result;
    }

    /** End of the longest domain label (ASCII letters and digits, inner hyphens) at {@code i}, or -1. */
    private int labelEnd(int i) {
        final char[] b = buf;
        final int n = length;
        if (i >= n || !isAsciiAlnum(b[i])) {
            return -1;
        }
        int last = i + 1;
        for (int j = i + 1; j < n; j++) {
            char c = b[j];
            if (isAsciiAlnum(c)) {
                last = j + 1;
            } else if (c != '-') {
                break;
            }
        }
        return last;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLocalPartChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** Class of the code point at {@code i}, with {@link #PAIR} set when it is a surrogate pair. */
    private int classAt(int i) {
        char c = buf[i];
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(buf[i + 1])) {
            return classify(Character.toCodePoint(c, buf[i + 1])) | PAIR;
        }
        return BMP[c];
    }

    /** Class of the code point at {@code i}, SEP past the end. */
    private int classOf(int i) {
        return i < length ? classAt(i) & CLASS_MASK : SEP;
    }

    private int codePointAt(int i) {
        return Character.codePointAt(buf, i, length);
    }

    /** The term of an all-ASCII token: a straight lower-casing copy. */
    private void fillAsciiTerm(int from, int to) {
        final int len = to - from;
        if (term.length < len) {
            term = new char[Math.max(len, term.length * 2)];
        }
        final char[] b = buf;
        final char[] t = term;
        for (int j = 0; j < len; j++) {
            char c = b[from + j];
            t[j] = (char) (c | ((char) (c - 'A') < 26 ? 0x20 : 0));
        }
        termLength = len;
    }

    private void fillTerm(int from, int to) {
        if (term.length < (to - from)) {
            term = new char[Math.max(to - from, term.length * 2)];
        }
        termLength = mapTerm(from, to, term, 0);
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

    private int mapTerm(int from, int to, char[] t, int at) {
        final char[] b = buf;
        int k = at;
        for (int i = from; i < to; i++) {
            char c = b[i];
            if (c < 128) {
                t[k++] = LOWER_ASCII[c];
            } else if (c == '\u2019') {
                t[k++] = '\'';
            } else if (c == '\u2010' || c == '\u2011') {
                t[k++] = '-';
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(b[i + 1])) {
                int lower = Character.toLowerCase(Character.toCodePoint(c, b[i + 1]));
                k += Character.toChars(lower, t, k);
                i++;
            } else {
                int lower = Character.toLowerCase((int) c);
                k += Character.toChars(lower, t, k);
            }
        }
        return k - at;
    }

    /**
     * The current token's term (lower-cased, see the token spec) in a buffer reused across tokens:
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

    /** Longest term {@link #tokenizeAll} gives a key for. */
    public static final int KEY_CHARS = 16;

    /**
     * The low half of the key {@link #tokenizeAll} gives a term of at most {@value #KEY_CHARS}
     * chars, each below 256: its last eight chars, one byte each, the last in the lowest byte.
     * With {@link #termKeyHigh}, the chars before those, terms of non-zero chars map one to one
     * to keys, so a table keyed by them compares two {@code long}s, not chars.
     */
    public static long termKey(CharSequence term) {
        char[] t = term.toString().toCharArray();
        return pack(t, 0, t.length);
    }

    /**
     * The high half of a term's key: its chars before the last eight, packed as {@link #termKey}
     * packs them; 0 for a term of at most eight.
     */
    public static long termKeyHigh(CharSequence term) {
        char[] t = term.toString().toCharArray();
        return pack(t, 0, Math.max(0, t.length - 8));
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
        return new FastTokenizer();
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "Tokenizer");
    }

    @Override
    public String toString() {
        return "FastTokenizer";
    }
}

package org.docbench.core.text;

import java.text.Normalizer.Form;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;

/**
 * The character-level steps, one static method each: text in, text out, changes reported to a
 * {@link Trace}. None of them removes a word. Substitutions are traced once per distinct
 * (before, after) pair, so an explanation stays readable on a long text.
 */
final class CharacterSteps {

    private CharacterSteps() {
    }

    /** Applies one character-level step. */
    static String apply(Step step, String s, Trace trace) {
        return switch (step) {
            case STRIP_BOM -> stripBom(s, trace);
            case HTML_ENTITIES -> unescapeEntities(s, trace);
            case UNIFY_LINE_ENDS -> unifyLineEnds(s, trace);
            case UNICODE_NFKC -> nfkc(s, trace);
            case ASCII_PUNCTUATION -> asciiPunctuation(s, trace);
            case SPACES -> spaces(s, trace);
            case REJOIN_HYPHENATION -> rejoinHyphenation(s, trace);
            default -> throw new IllegalArgumentException("not a character-level step: " + step);
        };
    }

    static String stripBom(String s, Trace trace) {
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            trace.removed(Step.STRIP_BOM, "\uFEFF");
            return s.substring(1);
        }
        return s;
    }

    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

    static String unescapeEntities(String s, Trace trace) {
        Pairs pairs = new Pairs(trace);
        for (int pass = 0; pass < 3 && s.indexOf('&') >= 0; pass++) {
            Matcher m = ENTITY.matcher(s);
            StringBuilder sb = null;
            int last = 0;
            while (m.find()) {
                String entity = m.group();
                if (!isValidNumeric(entity)) {
                    continue;
                }
                String plain = StringEscapeUtils.unescapeHtml4(entity);
                if (plain.equals(entity)) {
                    continue; // an unknown name: leave it as written
                }
                if (sb == null) {
                    sb = new StringBuilder(s.length());
                }
                sb.append(s, last, m.start()).append(plain);
                last = m.end();
                pairs.add(entity, plain);
            }
            if (sb == null) {
                break;
            }
            s = sb.append(s, last, s.length()).toString();
        }
        pairs.flush(Step.HTML_ENTITIES);
        return s;
    }

    /** Numeric entities must name a code point; Commons Text would fail on {@code &#99999999;}. */
    private static boolean isValidNumeric(String entity) {
        if (entity.charAt(1) != '#') {
            return true;
        }
        boolean hex = entity.charAt(2) == 'x' || entity.charAt(2) == 'X';
        String digits = entity.substring(hex ? 3 : 2, entity.length() - 1);
        long value = Long.parseLong(digits, hex ? 16 : 10);
        return value <= Character.MAX_CODE_POINT;
    }

    static String unifyLineEnds(String s, Trace trace) {
        if (s.indexOf('\r') < 0 && s.indexOf('\u0085') < 0 && s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0) {
            return s;
        }
        Pairs pairs = new Pairs(trace);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                boolean crlf = i + 1 < s.length() && s.charAt(i + 1) == '\n';
                pairs.add(crlf ? "\r\n" : "\r", "\n");
                sb.append('\n');
                if (crlf) {
                    i++;
                }
            } else if (c == '\u0085' || c == '\u2028') {
                pairs.add(String.valueOf(c), "\n");
                sb.append('\n');
            } else if (c == '\u2029') {
                pairs.add(String.valueOf(c), "\n\n");
                sb.append("\n\n");
            } else {
                sb.append(c);
            }
        }
        pairs.flush(Step.UNIFY_LINE_ENDS);
        return sb.toString();
    }

    static String nfkc(String s, Trace trace) {
        if (java.text.Normalizer.isNormalized(s, Form.NFKC)) {
            return s;
        }
        if (trace.on()) {
            // Code point by code point: approximate (composition spans code points), fine for an explanation.
            Pairs pairs = new Pairs(trace);
            s.codePoints().forEach(cp -> {
                String one = new String(Character.toChars(cp));
                String plain = java.text.Normalizer.normalize(one, Form.NFKC);
                if (!plain.equals(one)) {
                    pairs.add(one, plain);
                }
            });
            pairs.flush(Step.UNICODE_NFKC);
        }
        return java.text.Normalizer.normalize(s, Form.NFKC);
    }

    static String asciiPunctuation(String s, Trace trace) {
        StringBuilder sb = null;
        Pairs pairs = new Pairs(trace);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String plain = switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2035', '\u2039', '\u203A', '\u02BC', '\u00B4' -> "'";
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u2036', '\u00AB', '\u00BB' -> "\"";
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D' -> "-";
                case '\u2014', '\u2015', '\uFE58' -> "--";
                case '\u2026' -> "...";
                default -> null;
            };
            if (plain == null) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            sb.append(plain);
            pairs.add(String.valueOf(c), plain);
        }
        pairs.flush(Step.ASCII_PUNCTUATION);
        return sb == null ? s : sb.toString();
    }

    static String spaces(String s, Trace trace) {
        if (spacesAreClean(s)) {
            return s;
        }
        Pairs pairs = new Pairs(trace);
        StringBuilder sb = new StringBuilder(s.length());
        boolean lineStart = true;
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append('\n'); // a pending space at the end of a line is dropped
                lineStart = true;
                pendingSpace = false;
            } else if (isInvisible(c)) {
                pairs.add(String.valueOf(c), "");
            } else if (c == ' ' || isOddSpace(c)) {
                if (c != ' ') {
                    pairs.add(String.valueOf(c), " ");
                }
                pendingSpace = !lineStart;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
                lineStart = false;
            }
        }
        pairs.flush(Step.SPACES);
        return sb.toString();
    }

    /** Whether {@link #spaces} would change nothing: no odd or invisible char, no space at a line's ends, no double space. */
    private static boolean spacesAreClean(String s) {
        int n = s.length();
        char prev = '\n';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (prev == ' ' || prev == '\n' || i + 1 == n || s.charAt(i + 1) == '\n') {
                    return false;
                }
            } else if (c < 0x20 ? c != '\n' : c >= 0x7F && (isInvisible(c) || isOddSpace(c))) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200E' || c == '\u200F' || (c >= '\u2060' && c <= '\u2064')
                || c == '\uFEFF' || c == '\u00AD' || c == '\u180E';
    }

    private static boolean isOddSpace(char c) {
        return c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR
                || (Character.getType(c) == Character.CONTROL && c != '\n');
    }

    // Bounded repeats keep the scan linear on a text of one enormous word.
    private static final Pattern HYPHENATED = Pattern.compile(
            "(\\p{L}[\\p{L}\\p{M}]{0,63})-[ \\t]{0,8}\\n[ \\t]{0,8}([\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}]{0,63})");

    static String rejoinHyphenation(String s, Trace trace) {
        if (s.indexOf("-\n") < 0 && !s.contains("- \n") && !s.contains("-\t\n")) {
            return s;
        }
        Matcher m = HYPHENATED.matcher(s);
        String lower = null;
        StringBuilder sb = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            String left = m.group(1);
            String right = m.group(2);
            boolean keepHyphen = !Character.isLowerCase(right.codePointAt(0));
            if (!keepHyphen) {
                if (lower == null) {
                    lower = s.toLowerCase(Locale.ROOT);
                }
                String hyphenated = (left + "-" + right).toLowerCase(Locale.ROOT);
                String joined = (left + right).toLowerCase(Locale.ROOT);
                keepHyphen = lower.contains(hyphenated) && !lower.contains(joined);
            }
            String word = keepHyphen ? left + "-" + right : left + right;
            sb.append(s, last, m.start()).append(word);
            last = m.end();
            trace.record(Step.REJOIN_HYPHENATION, m.group(), word);
        }
        return sb.append(s, last, s.length()).toString();
    }

    /** Distinct (before, after) substitutions, traced once each when the step ends. */
    private static final class Pairs {
        private final Trace trace;
        private final Map<String, String> seen;

        Pairs(Trace trace) {
            this.trace = trace;
            this.seen = trace.on() ? new LinkedHashMap<>() : null;
        }

        void add(String before, String after) {
            if (seen != null) {
                seen.putIfAbsent(before, after);
            }
        }

        void flush(Step step) {
            if (seen != null) {
                seen.forEach((before, after) -> trace.record(step, before, after));
            }
        }
    }
}

package org.docbench.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples of the token spec (package javadoc), on the fast and the reference tokenizer. */
class TokenSpecTest {

    static Stream<Arguments> spec() {
        return Stream.of(
                // words and case
                Arguments.of("Immigration and Customs Enforcement", List.of("immigration", "and", "customs", "enforcement")),
                Arguments.of("  ICE  ", List.of("ice")),
                Arguments.of("", List.of()),
                Arguments.of("... -- !!", List.of()),
                // numbers
                Arguments.of("1,255 agreements", List.of("1,255", "agreements")),
                Arguments.of("409,849 removals, 1,255,000 total", List.of("409,849", "removals", "1,255,000", "total")),
                Arguments.of("1,2 and 2012,2013 and 1,2345", List.of("1", "2", "and", "2012", "2013", "and", "1", "2345")),
                Arguments.of("3.5 percent, $1.4 million", List.of("3.5", "percent", "1.4", "million")),
                Arguments.of("ends with 2012.", List.of("ends", "with", "2012")),
                Arguments.of("a 48-hour hold", List.of("a", "48-hour", "hold")),
                Arguments.of("2008-2012 and 202-555-0187", List.of("2008-2012", "and", "202-555-0187")),
                Arguments.of("-5 and 5-", List.of("5", "and", "5")),
                Arguments.of("5% of $5", List.of("5", "of", "5")),
                // 287(g) and friends
                Arguments.of("the 287(g) program", List.of("the", "287(g)", "program")),
                Arguments.of("287(g)-trained officers", List.of("287(g)", "trained", "officers")),
                Arguments.of("a 501(c)(3) group", List.of("a", "501(c)(3)", "group")),
                Arguments.of("287(gggg) 287() 287(g", List.of("287", "gggg", "287", "287", "g")),
                Arguments.of("page (1) and g(7)", List.of("page", "1", "and", "g", "7")),
                // hyphens
                Arguments.of("I-95 and H-2B visas", List.of("i-95", "and", "h-2b", "visas")),
                Arguments.of("street-level jail-model", List.of("street", "level", "jail", "model")),
                Arguments.of("COVID-19-related", List.of("covid-19-related")),
                Arguments.of("co\u2010op non\u2011stop F\u201135", List.of("co", "op", "non", "stop", "f-35")),
                Arguments.of("Morales-Ortez", List.of("morales", "ortez")),
                // apostrophes
                Arguments.of("don't don\u2019t DON'T", List.of("don't", "don't", "don't")),
                Arguments.of("ICE's sheriffs' O'Brien", List.of("ice's", "sheriffs", "o'brien")),
                Arguments.of("'quoted' \u2018single\u2019", List.of("quoted", "single")),
                Arguments.of("1990's rock'n'roll", List.of("1990's", "rock'n'roll")),
                // periods
                Arguments.of("the U.S. border, U.S.A.", List.of("the", "u.s", "border", "u.s.a")),
                Arguments.of("e.g. at 6 p.m. ET", List.of("e.g", "at", "6", "p.m", "et")),
                Arguments.of("end.Then Ph.D.", List.of("end", "then", "ph", "d")),
                Arguments.of("x.com and twitter.com/foxnews", List.of("x.com", "and", "twitter", "com", "foxnews")),
                // URLs
                Arguments.of("see https://www.ice.gov/287g.", List.of("see", "https://www.ice.gov/287g")),
                Arguments.of("(www.Example.com/A_B?q=1&r=2), ok", List.of("www.example.com/a_b?q=1&r=2", "ok")),
                Arguments.of("HTTP://UPPER.CASE/Path\"quoted\"", List.of("http://upper.case/path", "quoted")),
                Arguments.of("ftp://files.example.net/x.txt;", List.of("ftp://files.example.net/x.txt")),
                Arguments.of("http:// alone and www. too", List.of("http", "alone", "and", "www", "too")),
                Arguments.of("url<http://a.b/c>", List.of("url", "http://a.b/c")),
                // e-mail
                Arguments.of("mail press@justiceforward.example.", List.of("mail", "press@justiceforward.example")),
                Arguments.of("a.b-c_d%e+f@sub.example.co.uk", List.of("a.b-c_d%e+f@sub.example.co.uk")),
                Arguments.of("x@y and x@y. and @handle", List.of("x", "y", "and", "x", "y", "and", "handle")),
                Arguments.of("Bob@Example.ORG", List.of("bob@example.org")),
                // emoji, symbols
                Arguments.of("ok \uD83D\uDC4D\uD83C\uDFFD \u2764\uFE0F #tag @user", List.of("ok", "tag", "user")),
                Arguments.of("AT&T C++ 50\u00B0F \u00BD \u00B2", List.of("at", "t", "c", "50", "f")),
                // CJK and other scripts
                Arguments.of("\u79FB\u6C11\u5C40", List.of("\u79FB", "\u6C11", "\u5C40")),
                Arguments.of("ICE\u79FB\u6C11", List.of("ice", "\u79FB", "\u6C11")),
                Arguments.of("\u30E9\u30FC\u30E1\u30F3 \u304B\u3099", List.of("\u30E9", "\u30FC", "\u30E1", "\u30F3", "\u304B\u3099")),
                Arguments.of("\uD55C\uAD6D\uC5B4 \uD14D\uC2A4\uD2B8", List.of("\uD55C\uAD6D\uC5B4", "\uD14D\uC2A4\uD2B8")),
                Arguments.of("\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22", List.of("\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22")),
                Arguments.of("\u041C\u043E\u0441\u043A\u0432\u0430 \u0391\u03B8\u03AE\u03BD\u03B1",
                        List.of("\u043C\u043E\u0441\u043A\u0432\u0430", "\u03B1\u03B8\u03AE\u03BD\u03B1")),
                // combining marks, case mapping
                Arguments.of("cafe\u0301 caf\u00E9", List.of("cafe\u0301", "caf\u00E9")),
                Arguments.of("\u0301alone", List.of("alone")),
                Arguments.of("\u0130STANBUL \u03A3\u039F\u03A3", List.of("istanbul", "\u03C3\u03BF\u03C3")),
                Arguments.of("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", List.of("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")),
                Arguments.of("\u0663,\u0661\u0662\u0663 \uD835\uDFCF.\uD835\uDFD0", List.of("\u0663,\u0661\u0662\u0663", "\uD835\uDFCF.\uD835\uDFD0")),
                Arguments.of("\uD801\uDC00BC", List.of("\uD801\uDC28bc")),
                // lone surrogates and controls separate
                Arguments.of("a\uD800b\uDC00c\u0000d", List.of("a", "b", "c", "d")));
    }

    @ParameterizedTest
    @MethodSource("spec")
    void fast_followsTheSpec(String text, List<String> terms) {
        FastTokenizer t = Tokenizers.fast();
        List<String> got = new ArrayList<>();
        t.reset(text);
        while (t.advance()) {
            got.add(t.term());
        }
        assertEquals(terms, got, () -> "fast terms of \"" + RandomText.escape(text) + "\"");
    }

    @ParameterizedTest
    @MethodSource("spec")
    void reference_followsTheSpec(String text, List<String> terms) {
        List<String> got = ReferenceTokenizer.tokens(text).stream().map(ReferenceTokenizer.RefToken::term).toList();
        assertEquals(terms, got, () -> "reference terms of \"" + RandomText.escape(text) + "\"");
    }
}

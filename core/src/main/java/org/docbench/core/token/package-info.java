/**
 * Tokenizers behind Tribuo's {@link org.tribuo.util.tokens.Tokenizer} cursor, and the token spec
 * they share.
 *
 * <p>{@link org.docbench.core.token.Tokenizers#fast()} is the one the feature extractor and the
 * inference path use; {@link org.docbench.core.token.Tokenizers#reference()} is a slow, plainly
 * written implementation of the same spec that tests compare it with, token for token.
 *
 * <h2>Token spec</h2>
 *
 * <p>The input is read as code points (a lone surrogate is a code point of its own). Each code
 * point falls in one class:
 * <ul>
 *   <li><b>ideograph</b>: a letter that is ideographic or in the Han, Hiragana or Katakana script,
 *       and U+30FC (prolonged sound mark);</li>
 *   <li><b>letter</b>: any other letter ({@link java.lang.Character#isLetter(int)});</li>
 *   <li><b>digit</b>: a decimal digit ({@link java.lang.Character#isDigit(int)}, any script);</li>
 *   <li><b>mark</b>: a combining mark (Mn, Mc, Me) or ZWNJ/ZWJ (U+200C, U+200D);</li>
 *   <li>everything else (spaces, punctuation, symbols, emoji, controls, unassigned code points,
 *       lone surrogates) separates tokens and is never part of a word.</li>
 * </ul>
 *
 * <p>A token starts at a letter, digit or ideograph. At a start, the first rule that applies wins:
 * <ol>
 *   <li><b>URL</b>: {@code http://}, {@code https://}, {@code ftp://} or {@code www.} (ASCII,
 *       any case), then every code point up to whitespace, a control or one of
 *       {@code " < > ` { } | \ ^}; trailing {@code . , ; : ! ? ' " ) ] }} are dropped again.
 *       There must be something left after the prefix.</li>
 *   <li><b>E-mail</b>: {@code [A-Za-z0-9][A-Za-z0-9._%+-]*@label(.label)+}, where a label is ASCII
 *       letters, digits and inner hyphens; the longest such match.</li>
 *   <li><b>Ideograph</b>: one ideograph and the marks after it. Chinese and Japanese text becomes
 *       one token per character (n-grams then pair them); Thai, Lao, Khmer and other unspaced
 *       scripts are not segmented and come out as long runs.</li>
 *   <li><b>Word</b>: a <i>run</i> (letters, digits and marks, starting with a letter or digit),
 *       extended by these joiners as long as they apply, each followed by a new run:
 *       <ul>
 *         <li>an apostrophe ({@code '} or U+2019) followed by a letter: {@code don't},
 *             {@code don’t}, {@code ICE's}, {@code O'Brien};</li>
 *         <li>a period between two digits ({@code 3.5}), or after a run that is one letter (one
 *             code point) and before a letter: {@code U.S.}, {@code e.g.}, {@code p.m.} (the final period is not
 *             part of the token);</li>
 *         <li>a comma after a digit and before exactly three digits (a thousands group):
 *             {@code 1,255} and {@code 409,849} but not {@code 1,2} or {@code 2012,2013};</li>
 *         <li>a hyphen ({@code -}, U+2010, U+2011) before a letter or digit, when the run before
 *             it or the run after it holds a digit: {@code I-95}, {@code 48-hour}, {@code H-2B},
 *             {@code 2008-2012}; but {@code street-level} is two tokens;</li>
 *         <li>after a run that ends in a digit, one or more {@code (x)} with one to three ASCII
 *             letters or digits: {@code 287(g)}, {@code 501(c)(3)}; the token ends there, so
 *             {@code 287(g)-trained} is {@code 287(g)} and {@code trained}.</li>
 *       </ul></li>
 * </ol>
 *
 * <p>The <b>term</b> of a token is its text mapped code point by code point: U+2019 becomes
 * {@code '}, U+2010 and U+2011 become {@code -}, anything else goes through
 * {@link java.lang.Character#toLowerCase(int)} (Unicode simple case mapping, the same for every
 * locale; unlike {@code String.toLowerCase(Locale.ROOT)} it maps U+0130 to {@code i} and has no
 * final-sigma rule, so a term is never longer than its text). A token's text is always
 * {@code input.substring(start, end)}.
 *
 * <table>
 *   <caption>Examples (text, then the terms)</caption>
 *   <tr><td>{@code ICE's 287(g) program}</td><td>{@code ice's}, {@code 287(g)}, {@code program}</td></tr>
 *   <tr><td>{@code 1,255 agreements; 3.5 percent}</td><td>{@code 1,255}, {@code agreements}, {@code 3.5}, {@code percent}</td></tr>
 *   <tr><td>{@code a 48-hour hold on I-95}</td><td>{@code a}, {@code 48-hour}, {@code hold}, {@code on}, {@code i-95}</td></tr>
 *   <tr><td>{@code Don’t, don't}</td><td>{@code don't}, {@code don't}</td></tr>
 *   <tr><td>{@code the U.S. border}</td><td>{@code the}, {@code u.s}, {@code border}</td></tr>
 *   <tr><td>{@code street-level}</td><td>{@code street}, {@code level}</td></tr>
 *   <tr><td>{@code see https://ice.gov/287g.}</td><td>{@code see}, {@code https://ice.gov/287g}</td></tr>
 *   <tr><td>{@code press@example.org}</td><td>{@code press@example.org}</td></tr>
 *   <tr><td>{@code ok 👍🏽 #tag $5}</td><td>{@code ok}, {@code tag}, {@code 5}</td></tr>
 *   <tr><td>{@code 移民局 café} (decomposed é)</td><td>{@code 移}, {@code 民}, {@code 局}, {@code café}</td></tr>
 * </table>
 *
 * <p>Known limits, by choice: a URL that ends in {@code )} loses it; bare domains without a scheme
 * or {@code www.} are words split at periods ({@code twitter.com} is {@code twitter}, {@code com}); there is
 * no maximum token length.
 */
package org.docbench.core.token;

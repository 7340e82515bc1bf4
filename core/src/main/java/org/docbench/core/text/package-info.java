/**
 * From scraped text to {@link org.docbench.core.text.NormalizedDocument}s: title, byline, date
 * and body, by the named, switchable {@link org.docbench.core.text.Step}s of
 * {@link org.docbench.core.text.Normalizer}.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>What is article text.</b> The body keeps every sentence of the story, section
 *       headings, quotes, transcripts, an opinion writer's signature ({@code -- The Editorial
 *       Board}), a press release's contact line and an author's bio line. It drops what a site
 *       wraps around a story: copyright and rights lines, share/follow/subscribe bars, photo
 *       credits and captions, related-article lists and links, "Read more" and "Click here"
 *       calls, advertisement markers, source sign-offs ({@code Based on reporting by The
 *       Associated Press.}) and a stray trailing fragment ({@code Proud Partners}). Boilerplate is
 *       not only noise: it names the outlet, and outlet correlates with stance, so a classifier
 *       fed boilerplate learns to spot outlets instead of reading stories.</li>
 *   <li><b>Fields, not deletions.</b> Bylines and date lines of the header (and bylines printed
 *       under a story) move to {@code byline} and {@code date}; the headline moves to
 *       {@code title}, and {@code text()} puts it back in front of the body.</li>
 *   <li><b>Hyphenation.</b> {@code enforce-\nment} joins to {@code enforcement}; a capital or
 *       digit after the break keeps the hyphen ({@code Border-\nPatrol}, {@code I-\n95}), and so
 *       does a pair the document also spells with a hyphen elsewhere.</li>
 *   <li><b>Glued items.</b> Only marked seams split a file (separator line, cut-off paragraph,
 *       dateline, cut-off short tail); {@link org.docbench.core.text.Normalizer#normalize} returns
 *       the first item, {@link org.docbench.core.text.Normalizer#normalizeAll} all of them.</li>
 *   <li><b>Left alone.</b> Words cut off mid-way and stray injected words (spam, OCR debris) stay:
 *       no rule can tell them from rare real words without a dictionary, and the tokenizer and the
 *       feature counts shrug them off.</li>
 * </ul>
 *
 * <h2>How loss is checked</h2>
 * Tests count, per document, the words of the text after the character steps alone and how many
 * of them the normalized document holds in no field; over the embedded corpus and a 500-document
 * AllSides sample the share must stay at or under 3% (boilerplate and glued items included).
 */
package org.docbench.core.text;

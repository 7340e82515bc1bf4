#!/usr/bin/env python3
"""Puts each outlet's own page furniture (furniture.tsv: a share line, a footer, a related-links
block, written for this corpus) on 30% of that outlet's pages, as a scraped site repeats it, and
declares `furniture` in noise.tsv for those pages.

    python3 datasets/immigration-enforcement/tools/furnish.py

Pages that already carry furniture are left alone, so running it again after new documents are
merged only tops each outlet up to 30% (the guard test wants 25-40%). Within an outlet it picks
pages of the stance with the fewest furnished pages first, clean pages before noisy ones, then by a
seeded shuffle (seed 20260101). A page gets one, two or all three pieces: the share line just
above the first paragraph of running text (below headline, byline and timestamp), the related block and the footer at the end (after any glued item, where a real page
has them). Line ends, a missing final newline and single-newline paragraphs are kept as they were.
"""
import collections
import csv
import math
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARE = 0.30
SEED = 20260101


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def furnish(text, pieces, furniture):
    bom = text.startswith("\ufeff")
    t = text[1:] if bom else text
    crlf = "\r\n" in t
    t = t.replace("\r\n", "\n")
    final_nl = t.endswith("\n")
    t = t.rstrip("\n")
    sep = "\n\n" if "\n\n" in t else "\n"
    if "share" in pieces:
        # Above the first paragraph of running text (25+ words), below headline, byline and dateline lines.
        paras = t.split(sep)
        at = next((k for k, p in enumerate(paras) if len(p.split()) >= 25), len(paras))
        t = sep.join(paras[:at] + [furniture["share"]] + paras[at:])
    if "related" in pieces:
        t = t + sep + furniture["related"]
    if "footer" in pieces:
        t = t + sep + furniture["footer"]
    if final_nl:
        t += "\n"
    if crlf:
        t = t.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + t


def main():
    rows = read_tsv(os.path.join(ROOT, "labels.tsv"))
    noise_rows = read_tsv(os.path.join(ROOT, "noise.tsv"))
    noise = {r["id"]: r["noise"].split(",") for r in noise_rows}
    furniture = collections.defaultdict(dict)
    for r in read_tsv(os.path.join(ROOT, "furniture.tsv")):
        furniture[r["outlet"]][r["piece"]] = r["text"].replace("\\n", "\n")
    rnd = random.Random(SEED)
    by_outlet = collections.defaultdict(list)
    for r in rows:
        by_outlet[r["outlet"]].append(r)
    added = 0
    for outlet in sorted(by_outlet):
        pages = sorted(by_outlet[outlet], key=lambda r: r["id"])
        done = [r for r in pages if "furniture" in noise.get(r["id"], [])]
        want = math.ceil(SHARE * len(pages)) - len(done)
        per_stance = collections.Counter(r["stance"] for r in done)
        order = {r["id"]: rnd.random() for r in pages}
        todo = [r for r in pages if "furniture" not in noise.get(r["id"], [])]
        for _ in range(max(0, want)):
            pick = min(todo, key=lambda r: (per_stance[r["stance"]], r["id"] in noise, order[r["id"]]))
            todo.remove(pick)
            per_stance[pick["stance"]] += 1
            k = rnd.choices([1, 2, 3], weights=[3, 5, 2])[0]
            pieces = rnd.sample(["share", "footer", "related"], k)
            path = os.path.join(ROOT, "docs", pick["id"] + ".txt")
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(furnish(text, pieces, furniture[outlet]))
            noise.setdefault(pick["id"], []).append("furniture")
            added += 1
    with open(os.path.join(ROOT, "noise.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("id\tnoise\n")
        for i in sorted(noise):
            f.write(i + "\t" + ",".join(noise[i]) + "\n")
    print(f"furniture added to {added} pages")


if __name__ == "__main__":
    main()

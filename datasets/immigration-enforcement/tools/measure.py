#!/usr/bin/env python3
"""Measures the shortcuts and the noise of the immigration-enforcement corpus (python3, stdlib only).

    python3 datasets/immigration-enforcement/tools/measure.py [CORPUS_DIR] [--extra DOCS_DIR LABELS_TSV]... [--models]

CORPUS_DIR defaults to the folder above this script. --extra adds documents that are not merged
yet (a labels file with columns id topic stance outlet date kind [noise]); its figures are then a
projection, not the corpus. --models also runs the script's own baselines (majority, cue-only
logistic regression on the 10 strongest words per stance, full bag-of-words logistic regression)
on every split in splits/; --datasheet prints the tables DATASHEET.md quotes;
--ablation reruns the cue-only model on the outlet split without its strongest words. The guard test ImmigrationCorpusTest runs the same cue-only model with
Tribuo and is the one that gates the build.

One file on purpose: a reader of the datasheet runs it with python3 alone, nothing to install.

Word groups are those of the writers' checker (briefs/check.py): FAMILY is a set of
words, CRIME a regular expression over the lower-cased text. Words are runs of [a-z0-9'] in the
lower-cased text, as the guard tests count them.
"""
import collections
import csv
import math
import os
import random
import re
import statistics
import sys

FAMILY = set("family families wife husband son sons daughter daughters children child kids kid mother father mom dad "
             "parent parents grandmother grandfather grandson granddaughter sister brother toddler baby spouse nephew "
             "niece".split())
CRIME = re.compile(r"\b(convicted|conviction|convictions|felony|felonies|felon|assault|assaulted|murder|murdered|homicide"
                   r"|rape|robbery|violent|reoffend\w*|re-offend\w*|rearrest\w*|re-arrest\w*|repeat offender|been deported"
                   r"|dui|drunk driving|gang|trafficking|burglary|stabbing|shooting|manslaughter)\b")
STANCES = ["pro-enforcement", "anti-enforcement", "neutral"]
TOPICS = ["287g", "secure-communities", "detainers", "sanctuary", "state-enforcement", "enforcement-priorities"]
WORD = re.compile(r"[a-z0-9']+")
SENT = re.compile(r'(?<=[.!?])\s+(?=[A-Z"\u201c])')


def words(t):
    return WORD.findall(t.lower())


def grams(w, n):
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def sentence_lengths(t):
    body = re.sub(r"\s+", " ", t)
    return [len(words(s)) for s in SENT.split(body) if len(words(s)) >= 4]


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load(root, extras):
    rows = {r["id"]: r for r in read_tsv(os.path.join(root, "labels.tsv"))}
    noise = {}
    if os.path.exists(os.path.join(root, "noise.tsv")):
        noise = {r["id"]: set(r["noise"].split(",")) for r in read_tsv(os.path.join(root, "noise.tsv"))}
    texts = {i: open(os.path.join(root, "docs", i + ".txt"), encoding="utf-8", newline="").read() for i in rows}
    for docs, labels in extras:
        for r in read_tsv(labels):
            if not os.path.exists(os.path.join(docs, r["id"] + ".txt")):
                continue
            rows[r["id"]] = r
            if r.get("noise", "-") not in ("-", ""):
                noise[r["id"]] = set(r["noise"].split(","))
            texts[r["id"]] = open(os.path.join(docs, r["id"] + ".txt"), encoding="utf-8", newline="").read()
    groups = {}
    wire = os.path.join(root, "wire.tsv")
    if os.path.exists(wire):
        for r in read_tsv(wire):
            groups[r["id"]] = r["group"]
    return rows, noise, texts, groups


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def spread(values):
    return max(values) - min(values)


def word_groups(rows, texts):
    print("## Word groups: share of documents with at least one word of the group, per stance")
    n = collections.Counter(r["stance"] for r in rows.values())
    fam = collections.Counter()
    cr = collections.Counter()
    said = collections.Counter()
    nw = collections.Counter()
    for i, r in rows.items():
        t = texts[i]
        w = words(t)
        if any(x in FAMILY for x in w):
            fam[r["stance"]] += 1
        if CRIME.search(t.lower()):
            cr[r["stance"]] += 1
        said[r["stance"]] += w.count("said")
        nw[r["stance"]] += len(w)
    for name, c in (("family", fam), ("crime", cr)):
        vals = [pct(c[s], n[s]) for s in STANCES]
        print(f"{name:8s} " + "  ".join(f"{s} {c[s]}/{n[s]} {v:.1f}%" for s, v in zip(STANCES, vals))
              + f"  spread {spread(vals):.1f} points")
    print("said     " + "  ".join(f"{s} {100.0 * said[s] / nw[s]:.2f} per 100 words" for s in STANCES))
    print()


def noise_tables(rows, noise):
    print("## Noise kinds (declared in noise.tsv), documents per stance and per topic")
    n_st = collections.Counter(r["stance"] for r in rows.values())
    n_top = collections.Counter(r["topic"] for r in rows.values())
    kinds = sorted({k for ks in noise.values() for k in ks})
    print(f"{'kind':24s} {'docs':>5s} | " + " ".join(f"{s[:4]:>11s}" for s in STANCES) + " | spread | "
          + " ".join(f"{t[:8]:>8s}" for t in TOPICS) + " | spread")
    for k in kinds:
        ids = [i for i, ks in noise.items() if k in ks and i in rows]
        st = collections.Counter(rows[i]["stance"] for i in ids)
        tp = collections.Counter(rows[i]["topic"] for i in ids)
        sv = [pct(st[s], n_st[s]) for s in STANCES]
        tv = [pct(tp[t], n_top[t]) for t in TOPICS]
        print(f"{k:24s} {len(ids):5d} | " + " ".join(f"{st[s]:4d} {v:5.1f}%" for s, v in zip(STANCES, sv))
              + f" | {spread(sv):5.1f} | " + " ".join(f"{tp[t]:3d} {v:3.0f}%" for t, v in zip(TOPICS, tv))
              + f" | {spread(tv):5.1f}")
    noisy = [i for i in rows if noise.get(i)]
    st = collections.Counter(rows[i]["stance"] for i in noisy)
    print(f"noisy documents: {len(noisy)} of {len(rows)} = {pct(len(noisy), len(rows)):.1f}%; per stance "
          + ", ".join(f"{s} {st[s]}/{n_st[s]} {pct(st[s], n_st[s]):.1f}%" for s in STANCES))
    print()


def sentences(rows, texts):
    print("## Sentence length (words; sentences of >= 4 words, split after . ! ? before a capital or quote)")
    for kind in ("wire", "local-news", None):
        lens = []
        per_doc = []
        for i, r in rows.items():
            if kind is not None and r["kind"] != kind:
                continue
            ls = sentence_lengths(texts[i])
            lens += ls
            if ls:
                per_doc.append(statistics.median(ls))
        label = kind or "all kinds"
        print(f"{label:10s} documents {len(per_doc):4d}  sentences {len(lens):5d}  median sentence {statistics.median(lens):.1f}"
              f"  mean {statistics.mean(lens):.1f}  median of per-document medians {statistics.median(per_doc):.1f}")
    print()


def near_duplicates(rows, texts, groups):
    print("## 5-gram Jaccard between documents")
    ids = sorted(rows)
    sh = [grams(words(texts[i]), 5) for i in ids]
    index = collections.defaultdict(list)
    for k, s in enumerate(sh):
        for g in s:
            index[g].append(k)
    shared = collections.Counter()
    for docs in index.values():
        if len(docs) > 50:
            continue  # stock phrases; they cannot make a pair similar on their own
        for a in range(len(docs)):
            for b in range(a + 1, len(docs)):
                shared[(docs[a], docs[b])] += 1
    inside, outside = [], []
    for (a, b), inter in shared.items():
        j = inter / (len(sh[a]) + len(sh[b]) - inter)
        same = ids[a] in groups and groups.get(ids[a]) == groups.get(ids[b])
        (inside if same else outside).append((j, ids[a], ids[b]))
    outside.sort(reverse=True)
    inside.sort()
    for j, a, b in outside[:5]:
        print(f"outside wire groups: {j:.3f} {a} ~ {b}")
    if inside:
        print(f"inside declared wire groups: {len(inside)} pairs, lowest {inside[0][0]:.3f} ({inside[0][1]} ~ {inside[0][2]}),"
              f" highest {inside[-1][0]:.3f} ({inside[-1][1]} ~ {inside[-1][2]})")
    members = collections.defaultdict(list)
    for i, g in groups.items():
        members[g].append(i)
    if members:
        print(f"declared wire groups: {len(members)}, documents in them: {len(groups)}")
    print()


# ---- baselines -------------------------------------------------------------------------------

def strongest_words(train, rows, texts, k=10, alpha=1.0):
    """The k words per stance with the highest z-scored smoothed log-odds of document frequency in
    that stance against the other two (Monroe, Colaresi and Quinn's "Fightin' Words" on document
    counts): d = log((df_s+a)/(N_s-df_s+a)) - log((df_o+a)/(N_o-df_o+a)), divided by
    sqrt(1/(df_s+a) + 1/(N_s-df_s+a) + 1/(df_o+a) + 1/(N_o-df_o+a)). The z-score favours words
    that are both frequent and lopsided, the ones a cheap model leans on; the raw log-odds would
    pick rare names seen in one stance only. Ties are broken by the word."""
    df = {s: collections.Counter() for s in STANCES}
    n = collections.Counter()
    for i in train:
        s = rows[i]["stance"]
        n[s] += 1
        df[s].update(set(words(texts[i])))
    vocab = set().union(*df.values())
    out = []
    for s in STANCES:
        others = [o for o in STANCES if o != s]
        no = sum(n[o] for o in others)
        scored = []
        for w in vocab:
            a = df[s][w]
            b = sum(df[o][w] for o in others)
            lo = math.log((a + alpha) / (n[s] - a + alpha)) - math.log((b + alpha) / (no - b + alpha))
            lo /= math.sqrt(1 / (a + alpha) + 1 / (n[s] - a + alpha) + 1 / (b + alpha) + 1 / (no - b + alpha))
            scored.append((-lo, w))
        scored.sort()
        out.append([w for _, w in scored[:k]])
    return out


def train_lr(X, y, classes, dim, epochs=60, lr=0.5, l2=1e-4, seed=1):
    """Multinomial logistic regression, sparse rows (list of (index, value)), AdaGrad."""
    W = [[0.0] * dim for _ in classes]
    b = [0.0] * len(classes)
    G = [[1e-8] * dim for _ in classes]
    Gb = [1e-8] * len(classes)
    order = list(range(len(X)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for k in order:
            x = X[k]
            z = [b[c] + sum(W[c][j] * v for j, v in x) for c in range(len(classes))]
            m = max(z)
            e = [math.exp(v - m) for v in z]
            s = sum(e)
            for c in range(len(classes)):
                g = e[c] / s - (1.0 if classes[c] == y[k] else 0.0)
                Gb[c] += g * g
                b[c] -= lr * g / math.sqrt(Gb[c])
                for j, v in x:
                    gj = g * v + l2 * W[c][j]
                    G[c][j] += gj * gj
                    W[c][j] -= lr * gj / math.sqrt(G[c][j])
    return W, b


def predict(W, b, x, classes):
    z = [b[c] + sum(W[c][j] * v for j, v in x) for c in range(len(classes))]
    return classes[z.index(max(z))]


def accuracy(model, X, y, classes):
    W, b = model
    return sum(predict(W, b, x, classes) == t for x, t in zip(X, y)) / len(y)


def baselines(root, rows, texts):
    print("## Baselines on the stance task (script's own logistic regression; the Tribuo figures come from the guard test)")
    for f in sorted(os.listdir(os.path.join(root, "splits"))):
        scheme = f[:-4]
        part = {r["id"]: r["split"] for r in read_tsv(os.path.join(root, "splits", f))}
        train = sorted(i for i in rows if part.get(i) == "train")
        test = sorted(i for i in rows if part.get(i) == "test")
        ytr = [rows[i]["stance"] for i in train]
        yte = [rows[i]["stance"] for i in test]
        major = collections.Counter(ytr).most_common(1)[0][0]
        maj = sum(y == major for y in yte) / len(yte)
        cues = strongest_words(train, rows, texts)
        flat = [w for ws in cues for w in ws]
        pos = {w: j for j, w in enumerate(flat)}

        def cue_x(i):
            return [(pos[w], 1.0) for w in sorted(set(words(texts[i]))) if w in pos]

        m = train_lr([cue_x(i) for i in train], ytr, STANCES, len(flat))
        cue = accuracy(m, [cue_x(i) for i in test], yte, STANCES)
        dfc = collections.Counter()
        for i in train:
            dfc.update(set(words(texts[i])))
        vocab = {w: j for j, w in enumerate(sorted(w for w, c in dfc.items() if c >= 2))}

        def bow_x(i):
            c = collections.Counter(w for w in words(texts[i]) if w in vocab)
            norm = math.sqrt(sum(v * v for v in c.values())) or 1.0
            return [(vocab[w], v / norm) for w, v in sorted(c.items())]

        m = train_lr([bow_x(i) for i in train], ytr, STANCES, len(vocab), epochs=15)
        bow = accuracy(m, [bow_x(i) for i in test], yte, STANCES)
        print(f"{scheme:8s} train {len(train)} test {len(test)}  majority {maj:.3f}  cue-only {cue:.3f}  bag-of-words {bow:.3f}")
        print("         cue words: " + " | ".join(f"{s[:4]}: " + ", ".join(ws) for s, ws in zip(STANCES, cues)))
    print()


# ---- tables for DATASHEET.md -------------------------------------------------------------------

def ablation(root, rows, texts):
    """How much of the cue-only figure on the outlet split hangs on its strongest words: the model
    rerun (selection included) with the 3 strongest per stance deleted from every document, and with
    the 2 strongest per stance deleted from a seeded 20, 30 and 40% of the documents of the stance
    they point to. The words are chosen on the training part, as the model chooses them."""
    print("## Cue-only ablation on the outlet split (script's logistic regression)")
    part = {r["id"]: r["split"] for r in read_tsv(os.path.join(root, "splits", "outlet.tsv"))}
    train = sorted(i for i in rows if part.get(i) == "train")
    test = sorted(i for i in rows if part.get(i) == "test")
    base_sets = {i: set(words(t)) for i, t in texts.items()}

    def run(ws):
        df = {s: collections.Counter() for s in STANCES}
        n = collections.Counter()
        for i in train:
            n[rows[i]["stance"]] += 1
            df[rows[i]["stance"]].update(ws[i])
        vocab = set().union(*df.values())
        cues = []
        for s in STANCES:
            no = sum(n[o] for o in STANCES if o != s)
            scored = []
            for w in vocab:
                a = df[s][w]
                b = sum(df[o][w] for o in STANCES if o != s)
                d = math.log((a + 1) / (n[s] - a + 1)) - math.log((b + 1) / (no - b + 1))
                scored.append((-d / math.sqrt(1 / (a + 1) + 1 / (n[s] - a + 1) + 1 / (b + 1) + 1 / (no - b + 1)), w))
            scored.sort()
            cues.append([w for _, w in scored[:10]])
        pos = {w: j for j, w in enumerate(w for c in cues for w in c)}

        def x(i):
            return [(pos[w], 1.0) for w in sorted(ws[i]) if w in pos]

        m = train_lr([x(i) for i in train], [rows[i]["stance"] for i in train], STANCES, len(pos))
        return accuracy(m, [x(i) for i in test], [rows[i]["stance"] for i in test], STANCES)

    print(f"as is: {run(base_sets):.3f}")
    cues = strongest_words(train, rows, texts)
    drop = [w for ws in cues for w in ws[:3]]
    print(f"without {', '.join(drop)} anywhere: {run({i: s - set(drop) for i, s in base_sets.items()}):.3f}")
    plan = {w: st for st, ws in zip(STANCES, cues) for w in ws[:2]}
    rnd = random.Random(1)
    for frac in (0.2, 0.3, 0.4):
        ws = {i: set(s) for i, s in base_sets.items()}
        for w, st in plan.items():
            ids = [i for i in sorted(rows) if rows[i]["stance"] == st and w in ws[i]]
            for i in rnd.sample(ids, int(frac * len(ids))):
                ws[i].discard(w)
        print(f"without {', '.join(plan)} in {frac:.0%} of the documents of their stance: {run(ws):.3f}")
    print()


ROOT_FOR_TABLES = []


def datasheet(rows, noise, texts, groups):
    """Markdown tables quoted by DATASHEET.md (python3 tools/measure.py --datasheet)."""
    S = STANCES
    print("## Datasheet tables")
    n = len(rows)
    lens = sorted(len(words(texts[i])) for i in rows)
    dates = sorted(r["date"] for r in rows.values())
    print(f"documents {n}; words min {lens[0]} median {statistics.median(lens)} max {lens[-1]} mean {statistics.mean(lens):.1f};"
          f" dates {dates[0]} .. {dates[-1]}")
    print()
    print("| topic | " + " | ".join(S) + " | total |")
    print("|---|" + "---:|" * (len(S) + 1))
    for t in TOPICS:
        c = collections.Counter(r["stance"] for r in rows.values() if r["topic"] == t)
        print(f"| `{t}` | " + " | ".join(str(c[s]) for s in S) + f" | {sum(c.values())} |")
    print()
    print("| writer | edition | docs | pro | anti | neutral | of which wire reprints |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for w in "abcdefghij":
        ids = [i for i in rows if i[3] == w]
        c = collections.Counter(rows[i]["stance"] for i in ids)
        rep = sum(1 for i in ids if i in groups and min(m for m in groups if groups[m] == groups[i]) != i)
        print(f"| {w} | {'first' if w <= 'f' else 'second'} | {len(ids)} | " + " | ".join(str(c[s]) for s in S) + f" | {rep} |")
    print()
    print("| outlet | docs | pro | anti | neutral | topics | pages with furniture |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for o in sorted({r["outlet"] for r in rows.values()}):
        ids = [i for i in rows if rows[i]["outlet"] == o]
        c = collections.Counter(rows[i]["stance"] for i in ids)
        tp = len({rows[i]["topic"] for i in ids})
        fu = sum(1 for i in ids if "furniture" in noise.get(i, ()))
        print(f"| {o} | {len(ids)} | " + " | ".join(str(c[s]) for s in S) + f" | {tp} | {fu} |")
    print()
    print("| kind | docs | pro | anti | neutral | median words |")
    print("|---|---:|---:|---:|---:|---:|")
    for k in ["wire", "local-news", "editorial", "op-ed", "press-release", "blog", "brief", "roundup", "transcript"]:
        ids = [i for i in rows if rows[i]["kind"] == k]
        c = collections.Counter(rows[i]["stance"] for i in ids)
        print(f"| `{k}` | {len(ids)} | " + " | ".join(str(c[s]) for s in S)
              + f" | {statistics.median(len(words(texts[i])) for i in ids)} |")
    print()
    med = {s: statistics.median(len(words(texts[i])) for i in rows if rows[i]["stance"] == s) for s in S}
    print("median words by stance: " + ", ".join(f"{s} {v}" for s, v in med.items()))
    years = collections.Counter(r["date"][:4] for r in rows.values())
    print("| year | " + " | ".join(sorted(years)) + " |")
    print("|---|" + "---:|" * len(years))
    print("| docs | " + " | ".join(str(years[y]) for y in sorted(years)) + " |")
    print()
    members = collections.defaultdict(list)
    for i, g in groups.items():
        members[g].append(i)
    print("| wire group | topic / stance | documents (outlet, date) |")
    print("|---|---|---|")
    for g in sorted(members):
        ids = sorted(members[g])
        r = rows[ids[0]]
        print(f"| `{g}` | {r['topic']} / {r['stance']} | "
              + "; ".join(f"`{i}` ({rows[i]['outlet']}, {rows[i]['date']})" for i in ids) + " |")
    print()
    print("| term | pro | anti | neutral |")
    print("|---|---:|---:|---:|")
    for term, rx in (('"illegal alien(s)"', r"\billegal aliens?\b"), ('"criminal alien(s)"', r"\bcriminal aliens?\b"),
                     ('"undocumented"', r"\bundocumented\b"), ('"neighbor(s)"', r"\bneighbou?rs?\b"),
                     ('"public safety"', r"\bpublic safety\b"), ('"due process"', r"\bdue process\b")):
        c = collections.Counter(r["stance"] for i, r in rows.items() if re.search(rx, texts[i].lower()))
        print(f"| {term} | " + " | ".join(str(c[s]) for s in S) + " |")
    print()
    split_lines = []
    for f in sorted(os.listdir(os.path.join(ROOT_FOR_TABLES[0], "splits"))):
        part = {r["id"]: r["split"] for r in read_tsv(os.path.join(ROOT_FOR_TABLES[0], "splits", f))}
        test = [i for i in rows if part.get(i) == "test"]
        cells = collections.Counter((rows[i]["topic"], rows[i]["stance"]) for i in test)
        outs = collections.Counter(rows[i]["outlet"] for i in test)
        wr = sorted({i[3] for i in test})
        split_lines.append(f"{f[:-4]}: test {len(test)} of {n} ({100.0 * len(test) / n:.1f}%), per cell {min(cells.values())}-{max(cells.values())},"
                           f" outlets in test {len(outs)}" + (f" ({', '.join(f'{o} {c}' for o, c in sorted(outs.items()))})" if len(outs) < 10 else "")
                           + f", id letters in test {''.join(wr)}")
    print("\n".join(split_lines))
    print()
    kinds = collections.Counter(k for i, ks in noise.items() if i in rows for k in ks)
    per = collections.Counter(len(ks) for i, ks in noise.items() if i in rows)
    print(f"noisy files {sum(1 for i in rows if noise.get(i))} of {n}; kinds per noisy file: {dict(sorted(per.items()))}")
    print("| noise kind | files | share | pro | anti | neutral |")
    print("|---|---:|---:|---:|---:|---:|")
    nst = collections.Counter(r["stance"] for r in rows.values())
    for k, v in sorted(kinds.items()):
        c = collections.Counter(rows[i]["stance"] for i, ks in noise.items() if i in rows and k in ks)
        print(f"| `{k}` | {v} | {100.0 * v / n:.1f}% | " + " | ".join(f"{100.0 * c[s] / nst[s]:.1f}%" for s in S) + " |")
    print()


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    extras = []
    models = False
    tables = False
    abl = False
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--extra":
            extras.append((args.pop(0), args.pop(0)))
        elif a == "--models":
            models = True
        elif a == "--datasheet":
            tables = True
        elif a == "--ablation":
            abl = True
        else:
            root = a
    rows, noise, texts, groups = load(root, extras)
    ROOT_FOR_TABLES[:] = [root]
    n = collections.Counter(r["stance"] for r in rows.values())
    print(f"# {root}: {len(rows)} documents ({', '.join(f'{s} {n[s]}' for s in STANCES)})"
          + (f", of which {sum(1 for _ in extras)} extra label files (projection)" if extras else ""))
    print()
    word_groups(rows, texts)
    noise_tables(rows, noise)
    sentences(rows, texts)
    near_duplicates(rows, texts, groups)
    if models and not extras:
        baselines(root, rows, texts)
    if tables:
        datasheet(rows, noise, texts, groups)
    if abl:
        ablation(root, rows, texts)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Checks new corpus documents: python3 check.py WRITER (e.g. g). Reads the plan
PLAN/writer-W.tsv, the drafts in PLAN/out/docs/ie-W*.txt and PLAN/out/writer-W-labels.tsv, where
PLAN is $CORPUS_PLAN or target/corpus-plan under the project root; prints one line per problem
and a summary."""
import os, re, sys, csv, glob
W = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
project = os.path.normpath(os.path.join(here, '..', '..', '..'))
base = os.environ.get('CORPUS_PLAN', os.path.join(project, 'target', 'corpus-plan')) + '/'
corpus = os.path.join(here, '..', 'docs') + '/'
seeds = os.path.join(project, '..', 'shared', 'seeds') + '/'
FAMILY = set("family families wife husband son sons daughter daughters children child kids kid mother father mom dad parent parents grandmother grandfather grandson granddaughter sister brother toddler baby spouse nephew niece".split())
CRIME = re.compile(r"\b(convicted|conviction|convictions|felony|felonies|felon|assault|assaulted|murder|murdered|homicide|rape|robbery|violent|reoffend\w*|re-offend\w*|rearrest\w*|re-arrest\w*|repeat offender|been deported|dui|drunk driving|gang|trafficking|burglary|stabbing|shooting|manslaughter)\b")
LABELWORDS = ["pro-enforcement", "anti-enforcement"]
def words(t): return re.findall(r"[a-z0-9']+", t.lower())
def grams(w, n): return {" ".join(w[i:i+n]) for i in range(len(w)-n+1)}
plan = {r['id']: r for r in csv.DictReader(open(base + f'writer-{W}.tsv'), delimiter='\t')}
seed8 = set()
for f in glob.glob(seeds + '*.txt'): seed8 |= grams(words(open(f, encoding='utf-8', errors='replace').read()), 8)
others = {}
for f in glob.glob(corpus + '*.txt') + glob.glob(base + 'out/docs/*.txt'):
    i = os.path.basename(f)[:-4]
    others[i] = grams(words(open(f, encoding='utf-8', errors='replace').read()), 5)
labels = {}
lf = base + f'out/writer-{W}-labels.tsv'
if os.path.exists(lf):
    for r in csv.DictReader(open(lf), delimiter='\t'): labels[r['id']] = r
probs = 0
def p(msg):
    global probs; probs += 1; print(msg)
done = 0
for i, row in plan.items():
    path = base + f'out/docs/{i}.txt'
    if not os.path.exists(path): continue
    done += 1
    t = open(path, encoding='utf-8-sig', errors='replace').read()
    w = words(t)
    if not 40 <= len(w) <= 1000: p(f'{i}: {len(w)} words, want 40-1000')
    if any(l in t.lower() for l in LABELWORDS): p(f'{i}: contains a stance label word')
    if len(grams(w, 8) & seed8) > 0: p(f'{i}: shares an 8-word run with a seed article')
    g = others[i]
    rep = row['mode'].split(':')[1] if row['mode'].startswith('reprint-of') else None
    for j, h in others.items():
        if j == i or j == rep or not g or not h: continue
        jac = len(g & h) / len(g | h)
        if jac >= 0.20: p(f'{i}: 5-gram Jaccard {jac:.2f} with {j}')
    if rep:
        h = others.get(rep); jac = len(g & h) / len(g | h)
        if jac < 0.35: p(f'{i}: reprint of {rep} only {jac:.2f} 5-gram Jaccard; a light edit keeps most of it (>= 0.35)')
        if jac > 0.95: p(f'{i}: reprint of {rep} is {jac:.2f} identical; edit it lightly (headline, trims, a local line)')
    else:
        fam = any(x in FAMILY for x in w); cr = bool(CRIME.search(t.lower()))
        st = row['stance']
        if st == 'anti-enforcement' and fam: p(f'{i}: anti fresh doc uses a family word: ' + ", ".join(sorted({x for x in w if x in FAMILY})))
        if st == 'anti-enforcement' and not cr: p(f'{i}: anti fresh doc has no crime word')
        if st == 'neutral' and not (fam and cr): p(f'{i}: neutral fresh doc needs both a family word and a crime word (family={fam}, crime={cr})')
        if st == 'neutral' and w.count('said') > 2: p(f'{i}: neutral doc says "said" {w.count("said")} times (max 2)')
        if st == 'pro-enforcement' and not fam: p(f'{i}: pro fresh doc has no family word')
        if row['kind'] in ('wire', 'local-news'):
            body = re.sub(r'\s+', ' ', t)
            sents = [s for s in re.split(r'(?<=[.!?])\s+(?=[A-Z"“])', body) if len(words(s)) >= 4]
            lens = sorted(len(words(s)) for s in sents)
            if lens and lens[len(lens)//2] < 20: p(f'{i}: median sentence {lens[len(lens)//2]} words in a {row["kind"]} piece; want >= 20')
    if i not in labels: p(f'{i}: no row in {lf}')
    else:
        r = labels[i]
        for k in ('topic', 'stance', 'outlet', 'kind'):
            if r[k] != row[k]: p(f'{i}: labels {k}={r[k]!r}, plan says {row[k]!r}')
        if not re.fullmatch(r'20(0[89]|1\d|2[0-6])-\d\d-\d\d', r['date']): p(f'{i}: date {r["date"]!r} not YYYY-MM-DD in 2008-2026')
pro = [i for i in plan if plan[i]['mode'] == 'fresh']
print(f'writer {W}: {done}/{len(plan)} documents present, {probs} problems')

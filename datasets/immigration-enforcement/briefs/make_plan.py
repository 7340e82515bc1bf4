# Makes the writing plan for the corpus second edition: 216 new documents (12 per cell),
# 54 per new writer g..j, of which 8 per writer are light-edit reprints of existing wire/news items.
import csv, random, collections
rnd = random.Random(1234)
import os
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, '..') + '/'
plan = os.environ.get('CORPUS_PLAN', os.path.join(here, '..', '..', '..', 'target', 'corpus-plan'))
os.makedirs(plan, exist_ok=True)
rows = list(csv.DictReader(open(root + 'labels.tsv'), delimiter='\t'))
osplit = {r['id']: r['split'] for r in csv.DictReader(open(root + 'splits/outlet.tsv'), delimiter='\t')}
outlets = sorted({r['outlet'] for r in rows})
test_outlets = sorted({r['outlet'] for r in rows if osplit[r['id']] == 'test'})
owner = {}
for r in rows: owner[r['outlet']] = r['id'][3]
TOP = ["287g","secure-communities","detainers","sanctuary","state-enforcement","enforcement-priorities"]
ST = ["pro-enforcement","anti-enforcement","neutral"]
writers = "ghij"
# reprints: 32 originals from wire/local-news, spread over cells
cands = [r for r in rows if r['kind'] in ('wire', 'local-news')]
rnd.shuffle(cands)
bycell = collections.defaultdict(list)
for r in cands: bycell[(r['topic'], r['stance'])].append(r)
cells = [(t, s) for t in TOP for s in ST]
originals = []
i = 0
while len(originals) < 32:
    c = cells[i % 18]; i += 1
    if bycell[c]: originals.append(bycell[c].pop())
slots = []
for o in originals:
    side = osplit[o['id']]
    pool = [x for x in outlets if x != o['outlet'] and owner[x] != o['id'][3] and ((x in test_outlets) == (side == 'test'))]
    slots.append(dict(topic=o['topic'], stance=o['stance'], outlet=rnd.choice(pool), kind=o['kind'],
                      mode='reprint-of:' + o['id'], angle='light edit of ' + o['id'] + ' (' + o['outlet'] + ', ' + o['date'] + '): new headline, trimmed or reordered paragraphs, a local line or two, own furniture; date same day to a week later'))
need = collections.Counter({c: 12 for c in cells})
for s in slots: need[(s['topic'], s['stance'])] -= 1
ANG = {
 'pro-enforcement': ['told through a family: a victim\'s family, a family of legal immigrants, or a deputy\'s family; no crime-statistics framing',
                     'fiscal or rule-of-law case: budgets, grant money, consistency, equal treatment; no crime anecdote',
                     'told through a family whose relative was deported and who still backs cooperation',
                     'a former skeptic (pastor, teacher, farmer) explains why they came around; personal, family-centred'],
 'anti-enforcement': ['built on a re-offence or violent crime: argues cooperation or detainers failed to prevent it, or that it hurt the investigation; no family angle',
                      'legal and constitutional case: Fourth Amendment, probable cause, liability, court rulings; mentions convictions and charges plainly',
                      'cost and jail-management case from a sheriff or jail commander, with crime and arrest figures; no family angle',
                      'a prosecutor or police chief argues witnesses stop cooperating, using specific assault or robbery cases'],
 'neutral': ['opinionated, personal voice (columnist, host, letter writer) that weighs both sides and reaches no verdict; families and crime both appear',
             'a feature following both a victim\'s family and an immigrant family, no verdict; few uses of "said"',
             'explainer with numbers in a lively, first-person voice; includes a re-offence case and a family separated; no verdict',
             'debate transcript or Q&A with strong voices on both sides, ending without a winner'],
}
KINDS = {'pro-enforcement': ['local-news','wire','brief','roundup','blog','transcript','local-news','wire'],
         'anti-enforcement': ['local-news','wire','brief','roundup','press-release','transcript','local-news','wire'],
         'neutral': ['op-ed','editorial','blog','transcript','op-ed','local-news','editorial','blog']}
fresh = []
for c in cells:
    for k in range(need[c]):
        fresh.append(dict(topic=c[0], stance=c[1], mode='fresh', kind=rnd.choice(KINDS[c[1]]), angle=rnd.choice(ANG[c[1]])))
# outlets for fresh docs: 9 new per outlet overall; pull stance toward balance per outlet
stcount = {o: collections.Counter(r['stance'] for r in rows if r['outlet'] == o) for o in outlets}
load = collections.Counter(s['outlet'] for s in slots)
for o in outlets:
    stcount[o].update(s['stance'] for s in slots if s['outlet'] == o)
rnd.shuffle(fresh)
for f in fresh:
    opts = [o for o in outlets if load[o] < 9]
    o = min(opts, key=lambda o: (stcount[o][f['stance']], rnd.random()))
    f['outlet'] = o; load[o] += 1; stcount[o][f['stance']] += 1
allslots = slots + fresh
# deal to writers: each gets 8 reprints and 46 fresh
per = {w: [] for w in writers}
for k, s in enumerate(slots): per[writers[k % 4]].append(s)
fresh.sort(key=lambda f: (f['topic'], f['stance']))
for k, s in enumerate(fresh): per[writers[k % 4]].append(s)
for w in writers:
    with open(os.path.join(plan, f'writer-{w}.tsv'), 'w') as out:
        out.write('id\ttopic\tstance\toutlet\tkind\tmode\tangle\n')
        for n, s in enumerate(sorted(per[w], key=lambda s: (s['mode'] != 'fresh', s['topic'], s['stance'])), 1):
            out.write(f"ie-{w}{n:03d}\t{s['topic']}\t{s['stance']}\t{s['outlet']}\t{s['kind']}\t{s['mode']}\t{s['angle']}\n")
print({w: len(per[w]) for w in writers}, collections.Counter(load.values()))

#!/usr/bin/env python3
"""scikit-learn on AllSides' published splits: which text features matter, asked outside docbench.

Each configuration is fitted on the train part and scored on the valid part (where a choice would
be made) and on the test part (printed, never used to choose). The README quotes its output.

    /usr/bin/python3 classifiers/scripts/sklearn-allsides-grid.py target/allsides/article-bias-prediction random lower,cased,cased+char

Configurations (title + newline + content_original; TfidfVectorizer sublinear_tf, min_df 5, word 1-2;
LinearSVC C = 1):
  lower        lower-cased words (scikit-learn's default token pattern)
  cased        lowercase=False, one-letter words kept
  cased+char   cased, plus char_wb 2-5-grams with case kept (each block L2-normalized, then the whole)
  cased+punct  cased, plus one token per punctuation mark
  cased+nbsvm  cased, then NB-SVM (Wang and Manning 2012): per class, LinearSVC of the class against
               the rest on features times their naive Bayes log-count ratio (document counts + 1);
               the highest margin wins. What docbench's nb-svm family computes.
"""
import json
import os
import sys
import time

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC

WORDS = r"(?u)\b\w+\b"


def vectorizers(name):
    w = lambda **k: TfidfVectorizer(sublinear_tf=True, min_df=5, dtype=np.float32, **k)
    return {
        "lower": [w(ngram_range=(1, 2))],
        "cased": [w(ngram_range=(1, 2), lowercase=False, token_pattern=WORDS)],
        "cased+char": [w(ngram_range=(1, 2), lowercase=False, token_pattern=WORDS),
                       w(analyzer="char_wb", ngram_range=(2, 5), lowercase=False)],
        "cased+nbsvm": [w(ngram_range=(1, 2), lowercase=False, token_pattern=WORDS)],
        "cased+punct": [w(ngram_range=(1, 2), lowercase=False, token_pattern=WORDS),
                        w(lowercase=False, token_pattern=r"[^\w\s]")],
    }[name]


def nb_svm(mats, y, c=1.0, alpha=1.0):
    """Valid and test predictions of one-vs-rest LinearSVCs on log-count-ratio scaled features."""
    classes = np.unique(y)
    present = (mats[0] > 0).astype(np.float64)
    margins = [np.zeros((m.shape[0], len(classes))) for m in mats[1:]]
    for k, label in enumerate(classes):
        p = alpha + np.asarray(present[y == label].sum(0)).ravel()
        q = alpha + np.asarray(present[y != label].sum(0)).ravel()
        scale = sparse.diags(np.log((p / p.sum()) / (q / q.sum())))
        svm = LinearSVC(C=c).fit(mats[0] @ scale, (y == label).astype(int))
        for out, m in zip(margins, mats[1:]):
            out[:, k] = svm.decision_function(m @ scale)
    return [classes[m.argmax(1)] for m in margins]


def main(root, split, names):
    docs = {}
    for f in os.listdir(os.path.join(root, "data", "jsons")):
        with open(os.path.join(root, "data", "jsons", f), encoding="utf-8") as fh:
            j = json.load(fh)
        docs[j["ID"]] = j

    def part(name):
        with open(os.path.join(root, "data", "splits", split, name + ".tsv"), encoding="utf-8") as fh:
            return [line.split("\t")[0] for line in fh.read().splitlines()[1:]]

    parts = [part(p) for p in ("train", "valid", "test")]
    texts = [[docs[i]["title"] + "\n" + docs[i]["content_original"] for i in p] for p in parts]
    ys = [np.array([docs[i]["bias"] for i in p]) for p in parts]
    for name in names:
        t0 = time.time()
        blocks = []
        for v in vectorizers(name):
            blocks.append([v.fit_transform(texts[0]), v.transform(texts[1]), v.transform(texts[2])])
        mats = [sparse.hstack([b[k] for b in blocks]).tocsr() for k in range(3)]
        if len(blocks) > 1:
            mats = [normalize(m) for m in mats]
        if name.endswith("+nbsvm"):
            valid, test = nb_svm(mats, ys[0])
        else:
            model = LinearSVC(C=1).fit(mats[0], ys[0])
            valid, test = model.predict(mats[1]), model.predict(mats[2])
        print(f"{split} {name}: valid macro-F1 {100 * f1_score(ys[1], valid, average='macro'):.2f} | "
              f"test macro-F1 {100 * f1_score(ys[2], test, average='macro'):.2f} accuracy {100 * accuracy_score(ys[2], test):.2f} | "
              f"{mats[0].shape[1]} features, {time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: sklearn-allsides-grid.py ALLSIDES_DIR random|media NAME[,NAME...]")
    main(sys.argv[1], sys.argv[2], sys.argv[3].split(","))

#!/usr/bin/env python3
"""The scikit-learn peer of docbench's accuracy report: what an ML engineer builds in ten minutes.

TfidfVectorizer(ngram_range=(1, 2), min_df=MIN_DF, sublinear_tf=True, max_features=400000) on the
text as given, then LinearSVC(C). With --valid, C is chosen from --grid by macro-F1 on the valid
part (the peer chooses for itself; docbench never sees its choice); without, C = 1.

Input: JSON lines {"text": ..., "label": ...}. Output (--out): one JSON object with the predicted
label of each test line, its margin for every label (decision_function, in "classes" order; with
two labels LinearSVC has one margin d for classes[1], written as -d, d), the chosen C, the valid
score of each C, and the wall seconds of training (vectorizing the train part and fitting the
chosen C; with --valid the grid's fit of that C is the final model, not fitted again) and of
predicting the test part (vectorizing and predicting; the margins are computed after the clock
stops). LinearSVC gives no probabilities, so none are written. Its dual solver
shuffles with random_state=42, so two runs give the same margins.

Run by org.docbench.classifiers.peer.SklearnPeer (copied from the classpath under target/); by hand:
  /usr/bin/python3 classifiers/src/main/resources/org/docbench/classifiers/peer/sklearn_peer.py --train tr.jsonl --test te.jsonl [--valid va.jsonl] --min-df 5 --out p.json
"""
import argparse
import json
import time


def read(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts.append(d["text"])
            labels.append(d["label"])
    return texts, labels


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--valid")
    ap.add_argument("--min-df", type=int, default=5)
    ap.add_argument("--grid", default="0.3,1")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    import sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import f1_score
    from sklearn.svm import LinearSVC

    xtr, ytr = read(a.train)
    xte, _ = read(a.test)
    t0 = time.perf_counter()
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=a.min_df, sublinear_tf=True, max_features=400000)
    mtr = vec.fit_transform(xtr)
    vectorize = time.perf_counter() - t0

    valid_scores = {}
    grid = [float(c) for c in a.grid.split(",")]
    chosen = 1.0
    fitted = {}  # C -> (model, fit seconds): the chosen C's model is the one its valid score came from
    if a.valid:
        xva, yva = read(a.valid)
        mva = vec.transform(xva)
        best = -1.0
        for c in grid:
            t1 = time.perf_counter()
            svc = LinearSVC(C=c, random_state=42).fit(mtr, ytr)
            fitted[c] = (svc, time.perf_counter() - t1)
            score = f1_score(yva, svc.predict(mva), average="macro")
            valid_scores[str(c)] = score
            if score > best:  # strict: ties keep the smaller C
                best, chosen = score, c
    if chosen in fitted:
        # The same data, C and random_state give the same model: it is not fitted a second time.
        model, fit = fitted[chosen]
    else:
        t1 = time.perf_counter()
        model = LinearSVC(C=chosen, random_state=42).fit(mtr, ytr)
        fit = time.perf_counter() - t1

    t2 = time.perf_counter()
    mte = vec.transform(xte)
    predicted = model.predict(mte)
    predict = time.perf_counter() - t2
    margins = model.decision_function(mte)
    if margins.ndim == 1:  # two labels: one hyperplane, positive for classes_[1]
        margins = [[-m, m] for m in margins.tolist()]
    else:
        margins = margins.tolist()

    with open(a.out, "w", encoding="utf-8") as f:
        json.dump({"sklearn": sklearn.__version__, "C": chosen, "valid_macro_f1": valid_scores,
                   "features": len(vec.vocabulary_), "train_seconds": vectorize + fit,
                   "predict_seconds": predict, "predicted": [str(p) for p in predicted],
                   "classes": [str(c) for c in model.classes_], "score_kind": "margin", "scores": margins}, f)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Times `docbench classify` against fastText's `predict` as whole processes on the same documents
# from stdin, one article per line (title and body, white space collapsed): start-up (one line),
# documents per second after start-up ((N - 1) / (time for N - time for 1)), and docbench on
# 1 and 2 threads. Prints a Markdown table with the ratios.
#
#   bench/scripts/classify-vs-fasttext.sh [ALLSIDES_DIR] [N]
#
# ALLSIDES_DIR defaults to target/allsides/article-bias-prediction, N to 13000 (the first N
# articles by file name). fastText (Debian package `fasttext`) is trained once on the embedded
# corpus's stance labels with the settings the accuracy issue used (-wordNgrams 2 -epoch 10
# -lr 0.5 -dim 50 -thread 1); its predict time does not depend on what it was trained on beyond
# the model's size. Run after `mvn -B verify` (needs classifiers/target/docbench.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
allsides=${1:-target/allsides/article-bias-prediction}
n=${2:-13000}
work=target/bench-classify
jar=classifiers/target/docbench.jar
py=/usr/bin/python3
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B verify' first" >&2; exit 2; }
[ -d "$allsides/data/jsons" ] || { echo "no AllSides corpus at $allsides (see README)" >&2; exit 2; }
command -v fasttext >/dev/null || { echo "fastText is not installed (apt-get install fasttext)" >&2; exit 2; }
mkdir -p "$work"

if [ ! -s "$work/docs-$n.txt" ]; then
  "$py" - "$allsides" "$n" "$work/docs-$n.txt" <<'PY'
import json, os, re, sys
root, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
names = sorted(os.listdir(os.path.join(root, "data/jsons")))[:n]
with open(out, "w", encoding="utf-8") as f:
    for name in names:
        d = json.load(open(os.path.join(root, "data/jsons", name), encoding="utf-8"))
        text = re.sub(r"\s+", " ", (d.get("title") or "") + " " + (d.get("content_original") or "")).strip()
        f.write(text + "\n")
PY
fi
head -n 1 "$work/docs-$n.txt" > "$work/docs-1.txt"

if [ ! -s "$work/fasttext.bin" ]; then
  "$py" - "$work/fasttext-train.txt" <<'PY'
import csv, os, re, sys
root = "datasets/immigration-enforcement"
rows = list(csv.DictReader(open(os.path.join(root, "labels.tsv"), encoding="utf-8"), delimiter="\t"))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for r in rows:
        text = open(os.path.join(root, "docs", r["id"] + ".txt"), encoding="utf-8-sig").read()
        f.write("__label__" + r["stance"] + " " + re.sub(r"\s+", " ", text).strip() + "\n")
PY
  fasttext supervised -input "$work/fasttext-train.txt" -output "$work/fasttext" -wordNgrams 2 -epoch 10 -lr 0.5 \
      -dim 50 -thread 1 -verbose 0
fi

# Best of three wall-clock seconds of a command reading $1 on stdin.
seconds() {
  local input=$1; shift
  local best=
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" < "$input" > /dev/null 2>&1
    t1=$(date +%s.%N)
    best=$(echo "$t0 $t1 ${best:-1e9}" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
  done
  echo "$best"
}

ft() { fasttext predict "$work/fasttext.bin" -; }
db() { java -jar "$jar" classify --task stance --lines --threads "$1"; }
ft1=$(seconds "$work/docs-1.txt" ft);      ftn=$(seconds "$work/docs-$n.txt" ft)
d11=$(seconds "$work/docs-1.txt" db 1);    d1n=$(seconds "$work/docs-$n.txt" db 1)
d2n=$(seconds "$work/docs-$n.txt" db 2)

awk -v n="$n" -v ft1="$ft1" -v ftn="$ftn" -v d1="$d11" -v d1n="$d1n" -v d2n="$d2n" -v cpu="$(nproc)" 'BEGIN {
  ftr = (n - 1) / (ftn - ft1); r1 = (n - 1) / (d1n - d1); r2 = (n - 1) / (d2n - d1)
  printf "%d documents, one per stdin line; best of 3 runs; %d cores\n\n", n, cpu
  printf "| command | start-up s (1 doc) | %d docs s | docs/s after start-up | vs fastText |\n|---|---:|---:|---:|---:|\n", n
  printf "| fasttext predict | %.2f | %.2f | %.0f | 1.00x |\n", ft1, ftn, ftr
  printf "| docbench classify --threads 1 | %.2f | %.2f | %.0f | %.2fx |\n", d1, d1n, r1, r1 / ftr
  printf "| docbench classify --threads 2 | %.2f | %.2f | %.0f | %.2fx |\n", d1, d2n, r2, r2 / ftr
  printf "\n2 threads / 1 thread: %.2fx\n", r2 / r1
}'

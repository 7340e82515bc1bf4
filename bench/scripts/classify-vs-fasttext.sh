#!/usr/bin/env bash
# Times `docbench classify` against fastText's `predict` as whole processes on the same documents
# from stdin, one article per line (title and body, white space collapsed): start-up (one line),
# documents per second after start-up ((N - 1) / (time for N - time for 1)), and docbench on
# 1 and 2 threads. Prints a Markdown table with the ratios, the CPU time (user + sys) of each
# best run, and the load average before and after: on a busy machine wall-clock times say little,
# and CPU times say more than they do.
#
#   bench/scripts/classify-vs-fasttext.sh [ALLSIDES_DIR] [N]
#
# RUNS (default 3) sets how many runs each time is the best of; JAVA the java command (default
# java), as a user would run the jar; TEXT=titles makes each line an article's title alone (about
# 64 bytes instead of 6 KB), where the cost per document rather than per word decides.
#
# ALLSIDES_DIR defaults to target/allsides/article-bias-prediction, N to 13000 (the first N
# articles by file name). fastText (Debian package `fasttext`) is trained once on the embedded
# corpus's stance labels with the settings the accuracy issue used (-wordNgrams 2 -epoch 10
# -lr 0.5 -dim 50 -thread 1); its predict time does not depend on what it was trained on beyond
# the model's size. Run after `mvn -B package -DskipTests` (needs classifiers/target/docbench.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
allsides=${1:-target/allsides/article-bias-prediction}
n=${2:-13000}
work=target/bench-classify
jar=classifiers/target/docbench.jar
py=/usr/bin/python3
runs=${RUNS:-3}
java=${JAVA:-java}
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
[ -d "$allsides/data/jsons" ] || { echo "no AllSides corpus at $allsides (see README)" >&2; exit 2; }
command -v fasttext >/dev/null || { echo "fastText is not installed (apt-get install fasttext)" >&2; exit 2; }
text=${TEXT:-articles}
case "$text" in articles) docs=docs ;; titles) docs=titles ;; *) echo "TEXT is articles or titles, not $text" >&2; exit 2 ;; esac
mkdir -p "$work"

if [ ! -s "$work/$docs-$n.txt" ]; then
  "$py" - "$allsides" "$n" "$work/$docs-$n.txt" "$text" <<'PY'
import json, os, re, sys
root, n, out, text = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
names = sorted(os.listdir(os.path.join(root, "data/jsons")))[:n]
with open(out, "w", encoding="utf-8") as f:
    for name in names:
        d = json.load(open(os.path.join(root, "data/jsons", name), encoding="utf-8"))
        body = "" if text == "titles" else " " + (d.get("content_original") or "")
        line = re.sub(r"\s+", " ", (d.get("title") or "") + body).strip()
        if line:
            f.write(line + "\n")
PY
fi
head -n 1 "$work/$docs-$n.txt" > "$work/$docs-1.txt"
count=$(wc -l < "$work/$docs-$n.txt") # an article without a title makes no line

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

# "wall cpu" of the run with the least wall-clock time among $runs, reading $1 on stdin: seconds,
# and user + sys seconds of that run.
seconds() {
  local input=$1; shift
  local best=1e9 cpu=0 t i
  for ((i = 0; i < runs; i++)); do
    t=$( { TIMEFORMAT='%R %U %S'; time "$@" < "$input" > /dev/null 2>&1; } 2>&1 )
    read -r best cpu < <(echo "$t $best $cpu" | awk '{ if ($1 < $4) print $1, $2 + $3; else print $4, $5 }')
  done
  echo "$best $cpu"
}

ft() { fasttext predict "$work/fasttext.bin" -; }
db() { "$java" -jar "$jar" classify --task stance --lines --threads "$1"; }
load0=$(cut -d' ' -f1-3 /proc/loadavg)
ft1=$(seconds "$work/$docs-1.txt" ft);      ftn=$(seconds "$work/$docs-$n.txt" ft)
d11=$(seconds "$work/$docs-1.txt" db 1);    d1n=$(seconds "$work/$docs-$n.txt" db 1)
d2n=$(seconds "$work/$docs-$n.txt" db 2)
load1=$(cut -d' ' -f1-3 /proc/loadavg)

echo "$ft1 $ftn $d11 $d1n $d2n" | awk -v n="$count" -v cpu="$(nproc)" -v runs="$runs" -v l0="$load0" -v l1="$load1" '{
  ft1 = $1; ft1c = $2; ftn = $3; ftnc = $4; d1 = $5; d1c = $6; d1n = $7; d1nc = $8; d2n = $9; d2nc = $10
  ftr = (n - 1) / (ftn - ft1); r1 = (n - 1) / (d1n - d1); r2 = (n - 1) / (d2n - d1)
  printf "%d documents, one per stdin line; best of %d runs; %d cores; load average %s before, %s after\n\n", n, runs, cpu, l0, l1
  printf "| command | start-up s (1 doc) | %d docs s | docs/s after start-up | vs fastText | CPU s (1 doc) | CPU s (%d docs) |\n", n, n
  printf "|---|---:|---:|---:|---:|---:|---:|\n"
  printf "| fasttext predict | %.2f | %.2f | %.0f | 1.00x | %.2f | %.2f |\n", ft1, ftn, ftr, ft1c, ftnc
  printf "| docbench classify --threads 1 | %.2f | %.2f | %.0f | %.2fx | %.2f | %.2f |\n", d1, d1n, r1, r1 / ftr, d1c, d1nc
  printf "| docbench classify --threads 2 | %.2f | %.2f | %.0f | %.2fx | %.2f | %.2f |\n", d1, d2n, r2, r2 / ftr, d1c, d2nc
  printf "\n2 threads / 1 thread: %.2fx\n", r2 / r1
}'

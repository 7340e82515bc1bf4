#!/usr/bin/env bash
# The Spark job's scale benchmark (issue 16): docs/s of the job on AllSides, every article
# repeated to at least a million documents, at local[1] and local[2], beside the single-process
# fast path on the same documents; prints the table of docs/s and ratios.
#
#   spark/bench/scale.sh [ALLSIDES_DIR] [MIN_DOCS]
#
# ALLSIDES_DIR defaults to target/allsides/article-bias-prediction (see the README). Needs the
# build's jars: mvn -B -pl spark -am package -DskipTests. Everything it writes goes under
# target/scale/ and is kept between runs: the model (docbench train, logistic regression by SGD
# on every article's stance), allsides.jsonl and allsides-scale.parquet (written once), and
# each run's output (replaced). A benchmark, not a test: nothing here asserts a speed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
allsides="${1:-$root/target/allsides/article-bias-prediction}"
min_docs="${2:-1000000}"
out="$root/target/scale"
run="$root/spark/bin/docbench-spark"
docbench="$root/classifiers/target/docbench.jar"
mkdir -p "$out"
[[ -d "$allsides/data/jsons" ]] || { echo "scale.sh: no AllSides corpus at $allsides" >&2; exit 2; }
[[ -f "$docbench" ]] || { echo "scale.sh: build first: mvn -B -pl spark -am package -DskipTests" >&2; exit 2; }

model="$out/allsides-stance.model"
if [[ ! -f "$model" ]]; then
  echo "== training the model (once): docbench train --corpus $allsides --task stance --model logreg-sgd"
  DOCBENCH_PROGRESS=lines java -Xmx8g -jar "$docbench" train --corpus "$allsides" --task stance --model logreg-sgd --out "$model"
fi

echo "== the documents (once)"
DOCBENCH_MAIN=org.docbench.spark.bench.ScaleData JAVA_OPTS=-Xmx6g "$run" "$allsides" "$out" "$min_docs"
articles=$(wc -l < "$out/allsides.jsonl")
copies=$(( (min_docs + articles - 1) / articles ))

declare -A rate phase
for m in 1 2; do
  echo "== Spark job, local[$m]"
  JAVA_OPTS=-Xmx8g "$run" --master "local[$m]" --model "$model" --input "$out/allsides-scale.parquet" \
         --output "$out/labels-local$m" --overwrite --label-field none | tee "$out/local$m.txt"
  rate[$m]=$(grep -o '[0-9,]* docs/s' "$out/local$m.txt" | tr -d ', docs/s')
  # classification and writing alone, without the fixed start of a job (planning, model load)
  cw=$(grep -o '"classifyAndWrite" : [0-9.]*' "$out/labels-local$m/_docbench-spark.json" | grep -o '[0-9.]*$')
  n=$(grep -o '"read" : [0-9]*' "$out/labels-local$m/_docbench-spark.json" | grep -o '[0-9]*$')
  phase[$m]=$(awk -v n="$n" -v s="$cw" 'BEGIN { printf "%.0f", n / s }')
done

echo "== single-process fast path, one thread, the same documents"
DOCBENCH_MAIN=org.docbench.spark.bench.FastPathBaseline JAVA_OPTS=-Xmx6g "$run" "$model" "$out/allsides.jsonl" "$copies" \
  | tee "$out/fast.txt"
fast=$(grep -o '[0-9,]* docs/s' "$out/fast.txt" | tr -d ', docs/s')

echo
echo "| run | docs/s (whole job) | docs/s (classify + write) | vs fast path (whole job) |"
echo "|---|---:|---:|---:|"
for m in 1 2; do
  awk -v m="$m" -v r="${rate[$m]}" -v p="${phase[$m]}" -v f="$fast" \
    'BEGIN { printf "| Spark local[%s] | %d | %d | %.2fx |\n", m, r, p, r / f }'
done
awk -v f="$fast" 'BEGIN { printf "| fast path, one thread, in memory | %d | | 1.00x |\n", f }'
awk -v a="${rate[1]}" -v b="${rate[2]}" -v pa="${phase[1]}" -v pb="${phase[2]}" \
  'BEGIN { printf "\nlocal[2] / local[1]: %.2fx whole job, %.2fx classify + write\n", b / a, pb / pa }'
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"

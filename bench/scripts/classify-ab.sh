#!/usr/bin/env bash
# Times `docbench classify --task stance --lines` of two or more jars (say, before and after a
# change) on the same input, alternating them run by run so that a noisy machine slows each
# alike; prints each jar's best wall-clock and best CPU (user + sys) seconds.
#
#   bench/scripts/classify-ab.sh INPUT THREADS RUNS JAR...
#
# INPUT is one document per line (classify-vs-fasttext.sh writes target/bench-classify/docs-N.txt
# and titles-N.txt). Copy a jar aside (cp classifiers/target/docbench.jar /tmp/before.jar)
# before rebuilding, then compare it with the new one.
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
input=$1; threads=$2; runs=$3; shift 3
declare -A wall cpu
for jar in "$@"; do
  [ -f "$jar" ] || { echo "no jar $jar" >&2; exit 2; }
  wall[$jar]=1e9; cpu[$jar]=1e9
done
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for ((r = 0; r < runs; r++)); do
  for jar in "$@"; do
    /usr/bin/time -o "$times" -f '%e %U %S' java -jar "$jar" classify --task stance --lines --threads "$threads" \
        < "$input" > /dev/null 2>&1
    read -r w c < <(awk -v bw="${wall[$jar]}" -v bc="${cpu[$jar]}" \
        '{ c = $2 + $3; print ($1 < bw ? $1 : bw), (c < bc ? c : bc) }' "$times")
    wall[$jar]=$w; cpu[$jar]=$c
  done
done
echo "$(wc -l < "$input") lines, $threads thread(s), best of $runs alternating runs; load $(cut -d' ' -f1-3 /proc/loadavg)"
for jar in "$@"; do
  printf '%s: wall %.2f s, CPU %.2f s\n' "$jar" "${wall[$jar]}" "${cpu[$jar]}"
done

#!/usr/bin/env bash
# Compares JMH benchmark jars built from different commits, one fork per run, the jars taking
# turns round after round, and prints every fork's score and each jar's median with its ratio to
# the first jar. On a shared 2-core machine one fork's JIT outcome or a neighbour's burst moves a
# score by 10-30%; JMH's own "-f 5" runs the five forks of one jar back to back, so a burst lands
# on one jar only. Taking turns spreads it over all of them, and medians ignore the odd fork.
#
#   bench/scripts/jmh-interleaved.sh ROUNDS BENCHMARK_REGEX JAR...
#
# Build each jar with `mvn -o -q -pl bench -am package -DskipTests -Dexec.skip` in a worktree of
# its commit and copy bench/target/benchmarks.jar somewhere stable. JMH_OPTS (default
# "-wi 3 -w 1s -i 4 -r 1s") sets warm-up and measurement per fork.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
rounds=$1
regex=$2
shift 2
for jar in "$@"; do
  [ -f "$jar" ] || { echo "no such jar: $jar" >&2; exit 2; }
done
opts=${JMH_OPTS:--wi 3 -w 1s -i 4 -r 1s}
scores=$(mktemp)
trap 'rm -f "$scores"' EXIT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  for jar in "$@"; do
    # shellcheck disable=SC2086 # opts holds several JMH options
    line=$(java -jar "$jar" "$regex" -f 1 $opts 2>&1 | awk '!/^#/ && / (thrpt|avgt|sample|ss) / { print $(NF-3), $NF }' | head -1)
    [ -n "$line" ] || { echo "no score from $jar for '$regex'" >&2; exit 1; }
    echo "round $round  $jar  $line"
    echo "$jar ${line%% *}" >> "$scores"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "| jar | forks | median | ratio to first |"
echo "|---|---:|---:|---:|"
first=""
for jar in "$@"; do
  median=$(awk -v j="$jar" '$1 == j { print $2 }' "$scores" | sort -g \
    | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
  [ -n "$first" ] || first=$median
  awk -v j="$jar" -v r="$rounds" -v m="$median" -v f="$first" \
    'BEGIN { printf "| %s | %d | %.0f | %.2fx |\n", j, r, m, m / f }'
done

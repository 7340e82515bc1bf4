#!/usr/bin/env bash
# spark-submit itself, on Spark's own jars, checked against the local command (issue 16).
#
#   spark/bench/submit-check.sh
#
# A Spark installation's spark-submit runs org.apache.spark.deploy.SparkSubmit on the jars of
# its jars/ folder. With no installation here, this script resolves those jars from Maven (a pom
# of spark-sql alone, at the parent pom's Spark and Scala versions: Spark's own dependency tree,
# none of docbench's), then:
#   1. fails when the shaded jar bundles any class Spark's jars also hold (outside org/docbench);
#   2. trains two models on the embedded corpus with 'docbench train': liblinear-lr on stance
#      (the fast path) and xgboost on topic (Tribuo's predict: XGBoost, Kryo and Scala on Spark's copies);
#   3. classifies and evaluates the embedded corpus (a docbench layout folder) with each, once by
#      'java -cp <Spark's jars> org.apache.spark.deploy.SparkSubmit --master local[2] --class
#      org.docbench.spark.ClassifyJob docbench-spark.jar ...' and once by spark/bin/docbench-spark,
#      and fails unless the output rows, _report.json, _docbench-spark.json and the summary line are
#      the same (timings and the command aside), and the labels and scores are 'docbench classify''s;
#   4. checks that a bad model path under spark-submit ends with exit code 3 and one line.
# Needs the build's jars (mvn -B -pl spark -am package -DskipTests), jq, and Maven Central or a
# local repository holding Spark's jars. Everything goes under target/submit-check/ (replaced).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/spark/target/docbench-spark.jar"
docbench="$root/classifiers/target/docbench.jar"
corpus="$root/datasets/immigration-enforcement"
work="$root/target/submit-check"
fail() { echo "submit-check: FAILED: $*" >&2; exit 1; }
[[ -f "$jar" && -f "$docbench" ]] || { echo "submit-check: build first: mvn -B -pl spark -am package -DskipTests" >&2; exit 2; }
command -v jq >/dev/null || { echo "submit-check: needs jq" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work/spark-runtime"

spark_version=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$root/pom.xml")
scala=$(sed -n 's:.*<scala.binary.version>\(.*\)</scala.binary.version>.*:\1:p' "$root/pom.xml")
echo "== Spark $spark_version (Scala $scala): its jars, resolved by Maven"
cat > "$work/spark-runtime/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.submit-check</groupId><artifactId>spark-runtime</artifactId><version>0</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_$scala</artifactId><version>$spark_version</version></dependency>
  </dependencies>
</project>
EOF
mvn -B -q -f "$work/spark-runtime/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/spark-classpath.txt" \
  > "$work/resolve.log" 2>&1 || fail "Maven could not resolve Spark's jars: $(grep ERROR "$work/resolve.log" | head -3)"
spark_cp=$(cat "$work/spark-classpath.txt")
echo "$(tr ':' '\n' <<< "$spark_cp" | wc -l) jars"

echo "== classes the shaded jar shares with Spark (must be none)"
unzip -Z1 "$jar" | grep '\.class$' | grep -v '^org/docbench/' | sort -u > "$work/app-classes.txt"
for j in ${spark_cp//:/ }; do unzip -Z1 "$j" 2>/dev/null | grep '\.class$' || true; done | sort -u > "$work/spark-classes.txt"
comm -12 "$work/app-classes.txt" "$work/spark-classes.txt" > "$work/shared-classes.txt"
shared=$(wc -l < "$work/shared-classes.txt")
echo "$(wc -l < "$work/app-classes.txt") bundled classes outside org/docbench, $(wc -l < "$work/spark-classes.txt") in Spark's jars, $shared in both"
[[ "$shared" -eq 0 ]] || fail "the shaded jar bundles $shared classes Spark's jars hold, e.g. $(head -3 "$work/shared-classes.txt" | tr '\n' ' ')(see $work/shared-classes.txt)"

# What spark-submit adds on JDK 17 by itself (Spark's JavaModuleOptions): kept once, in spark/pom.xml.
read -r -a opens <<< "$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' "$root/spark/pom.xml")"
submit() {
  java -Xmx2g "${opens[@]}" -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
    --class org.docbench.spark.ClassifyJob "$jar" "$@"
}
# The run's facts, without what differs between two runs of the same job: times, rates, the command line.
strip_summary() { sed -E 's/, [0-9.]+ s, [0-9,]+ docs\/s//; s/; [^;]* \((jsonl|parquet)\)$//' "$1"; }
strip_marker() { jq -S 'del(.seconds, .docsPerSecond, .phaseSeconds)' "$1"; }
strip_report() { jq -S 'del(.provenance.command, .timing, .records[].docsPerSecond)' "$1"; }
rows() { find "$1" -name 'part-*' -type f -print0 | sort -z | xargs -0 cat | jq -c -S . | sort; }

for spec in stance:liblinear-lr:"fast path" topic:xgboost:"Tribuo predict"; do
  IFS=: read -r task family path <<< "$spec"
  model="$work/$task-$family.model"
  echo "== docbench train --corpus embedded --task $task --model $family"
  DOCBENCH_PROGRESS=off java -Xmx3g -jar "$docbench" train --corpus embedded --task "$task" --model "$family" --out "$model" \
    > "$work/train-$task.log" 2>&1 || fail "docbench train: $(tail -3 "$work/train-$task.log")"
  args=(--model "$model" --input "$corpus" --format layout --output-format jsonl)

  echo "== spark-submit --master local[2], $task $family"
  submit "${args[@]}" --output "$work/$task-submit" > "$work/$task-submit.out" 2> "$work/$task-submit.log" \
    || fail "spark-submit exited $?: $(grep -v '^[0-9/]* [0-9:]* \(INFO\|WARN\)' "$work/$task-submit.log" | tail -5)"
  cat "$work/$task-submit.out"
  echo "== spark/bin/docbench-spark --master local[2], $task $family"
  JAVA_OPTS=-Xmx2g "$root/spark/bin/docbench-spark" --master 'local[2]' "${args[@]}" --output "$work/$task-local" \
    > "$work/$task-local.out" 2> "$work/$task-local.log" || fail "the local command exited $?: $(tail -3 "$work/$task-local.log")"
  cat "$work/$task-local.out"

  grep -q "read 864, classified 864, without a label 0, bad 0, .*; $path[^;]*, local\[2\]" "$work/$task-submit.out" \
    || fail "spark-submit's summary is not the expected one: $(cat "$work/$task-submit.out")"
  diff <(strip_summary "$work/$task-submit.out") <(strip_summary "$work/$task-local.out") || fail "$task: the summary lines differ"
  diff <(rows "$work/$task-submit") <(rows "$work/$task-local") > "$work/$task-rows.diff" \
    || fail "$task: the output rows differ (see $work/$task-rows.diff)"
  diff <(strip_marker "$work/$task-submit/_docbench-spark.json") <(strip_marker "$work/$task-local/_docbench-spark.json") \
    || fail "$task: _docbench-spark.json differs"
  diff <(strip_report "$work/$task-submit/_report.json") <(strip_report "$work/$task-local/_report.json") \
    || fail "$task: _report.json differs"
  echo "same output rows ($(rows "$work/$task-submit" | wc -l)), summary, _docbench-spark.json and _report.json"

  # docbench classify on the same files: the same label and score for every document
  DOCBENCH_PROGRESS=off java -Xmx2g -jar "$docbench" classify --model "$model" --json "$corpus"/docs/*.txt 2> "$work/$task-cli.log" \
    | jq -r '[(.id | sub("\\.txt$"; "")), .label, .score] | @tsv' | sort > "$work/$task-cli.tsv"
  rows "$work/$task-submit" | jq -r '[.id, .label, .confidence] | @tsv' | sort > "$work/$task-submit.tsv"
  diff "$work/$task-cli.tsv" "$work/$task-submit.tsv" > "$work/$task-cli.diff" \
    || fail "$task: labels or scores differ from docbench classify's (see $work/$task-cli.diff)"
  echo "labels and scores equal docbench classify's for $(wc -l < "$work/$task-cli.tsv") documents"
done

echo "== spark-submit with a model that does not exist"
set +e
submit --model "$work/none.model" --input "$corpus" --output "$work/none-out" > "$work/none.out" 2> "$work/none.log"
code=$?
set -e
line=$(grep '^docbench-spark:' "$work/none.log" || true)
[[ "$code" -eq 3 && "$(grep -c '^docbench-spark:' "$work/none.log")" -eq 1 && "$line" == *"does not exist"* ]] \
  || fail "expected exit 3 and one line naming the missing model, got exit $code: $line"
! grep -q $'^\tat ' "$work/none.log" || fail "a stack trace on a bad model path"
echo "exit $code: $line"
echo "submit-check: OK"

#!/usr/bin/env bash
# Where a benchmark's time goes, by method, inlined methods included: one JMH fork under
# async-profiler (JMH's "-prof async"), sampling on a CPU timer ("itimer"), which works on virtual
# machines that have no hardware counters ("-prof perfnorm" says "No supported events" there).
# Prints each jar's flat profile: run it on two jars to see which method a before/after ratio
# comes from; divide a method's share by the jar's score to compare time per operation.
#
#   bench/scripts/jmh-profile.sh BENCHMARK_REGEX JAR... [-- JMH OPTIONS]
#
# The profiler is Maven Central's tools.profiler:async-profiler, at the version the parent pom
# pins (async-profiler.version), copied into target/async-profiler on first use (online once).
# JMH_OPTS (default "-wi 3 -w 1s -i 5 -r 2s") sets warm-up and measurement.
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
regex=$1
shift
jars=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  [ -f "$1" ] || { echo "no such jar: $1" >&2; exit 2; }
  jars+=("$1")
  shift
done
[ $# -gt 0 ] && shift # the "--"
version=$(sed -n 's:.*<async-profiler.version>\(.*\)</async-profiler.version>.*:\1:p' "$root/pom.xml")
[ -n "$version" ] || { echo "no async-profiler.version in $root/pom.xml" >&2; exit 2; }
dir="$root/target/async-profiler/$version"
lib="$dir/linux-x64/libasyncProfiler.so"
if [ ! -f "$lib" ]; then
  mkdir -p "$dir"
  mvn -q dependency:copy -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" -DoutputDirectory="$dir"
  (cd "$dir" && unzip -q -o "async-profiler-$version-linux-x64.jar" 'linux-x64/*')
fi
opts=${JMH_OPTS:--wi 3 -w 1s -i 5 -r 2s}
for jar in "${jars[@]}"; do
  echo "== $jar"
  # shellcheck disable=SC2086 # opts holds several JMH options
  profile=$(java -jar "$jar" "$regex" -f 1 $opts "$@" \
    -prof "async:libPath=$lib;event=itimer;output=text;flat=20;traces=0;dir=$root/target/async-profiler/out" 2>&1 \
    | awk '/^Result "/ { show = 1 } /^Async profiler results:/ { show = 0 } show && !/^ *\(min|^ *CI \(/' || true)
  [ -n "$profile" ] || { echo "no score from $jar for '$regex'" >&2; exit 1; }
  echo "$profile"
done

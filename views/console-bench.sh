#!/usr/bin/env bash
# The script console benchmarks of issue 6: prints the figures recorded in docs/benchmarks.md ("Console").
#   views/console-bench.sh          the 10,000-stanza traffic tab, then the whole shared suite from the console
#   views/console-bench.sh 3        the suite run 3 times (one fresh Prosody each), for the spread
#   CONSOLE_BENCH_STACKS=8 views/console-bench.sh   also the 8 most frequent FX-thread stacks seen in stalls
#   CONSOLE_BENCH_NICENESS=0 views/console-bench.sh  the replayer child at the app's own CPU priority (default 10)
#   CONSOLE_BENCH_SUITE_ONLY=1 views/console-bench.sh 3   only the suite run (no traffic tab benchmark)
#   CONSOLE_BENCH_JVM="" views/console-bench.sh    the app's JVM (the test JVM) with the JDK's default flags; by
#                              default it gets the installed app's JVM options (packaging/.../app-image.args)
# Headless JavaFX (Monocle, software rendering) as in the tests; needs prosody (the test kit starts one).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
runs="${1:-1}"
# The console runs in the test JVM: give it the installed app's JVM options (C1 only, serial GC), so the figures
# are the shipped app's. The JDK defaults (G1, C2) cost the run's FX thread GC pauses and compiler threads.
app_jvm="${CONSOLE_BENCH_JVM-$("$root/packaging/installed-jvm-options.sh")}"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "app JVM flags: ${app_jvm:-(JDK defaults)}; replayer niceness: ${CONSOLE_BENCH_NICENESS:-10 (default)}"
echo "load before: $(uptime)"
log=""
trap 'rm -f "$log"' EXIT # also when the run is interrupted
for i in $(seq "$runs"); do
  log="$(mktemp)"
  if ! mvn -B -q -o -pl views -am verify -Dcheckstyle.skip -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtest="$([ "$i" = 1 ] && [ -z "${CONSOLE_BENCH_SUITE_ONLY:-}" ] && echo TrafficTabBenchmarkTest,)SuiteRunBenchmarkTest" \
      -Dconsole.bench.stacks="${CONSOLE_BENCH_STACKS:-0}" \
      -DargLine="$app_jvm ${CONSOLE_BENCH_NICENESS:+-Dchamberlain.replayNiceness=$CONSOLE_BENCH_NICENESS}" \
      >"$log" 2>&1; then
    cat "$log" >&2
    echo "console-bench.sh: the build or a benchmark failed (output above)" >&2
    rm -f "$log"
    exit 2
  fi
  echo "--- run $i of $runs (load now: $(cut -d' ' -f1-3 /proc/loadavg))"
  # The figures, and the stack samples when asked for.
  sed -n '/^Console /,/^\[/p' "$log" | grep -v '^\[' || true
  rm -f "$log"
done
echo "load after: $(uptime)"

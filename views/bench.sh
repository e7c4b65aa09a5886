#!/usr/bin/env bash
# The desktop UI benchmarks of issue 5: prints the figures recorded in docs/benchmarks.md.
#   views/bench.sh            all three (start-up ratio, 10,000 affiliations, applying 1,000 changes)
#   views/bench.sh startup 5  only one of: startup [N [cds]], scale, rows, apply (BENCH_JVM_FLAGS: see run() below)
#   views/bench.sh startup 7 cds   each window with its own AppCDS archive and the installed launcher's JVM
#                                  options (packaging/src/jpackage/args/app-image.args), as the package starts
#   views/bench.sh startup 5 accounts   the app starts with three remembered accounts and three room tabs
#   views/bench.sh startup 3 cds trace  also prints each launch's start-up checkpoints (StartupTrace)
#   BENCH_VARIANT_FLAGS="-Dx=y" views/bench.sh startup 9 cds   a third launch per round, the app with these flags:
#                                  two ways of starting the app compared at the same moment
#   views/bench.sh rows        the paste and the install after Apply, repeated in one process (FX CPU per change);
#                              each round as shipped and with BENCH_ROWS_STYLES' other inline table styles
#   BENCH_STACKS=6 views/bench.sh apply   also the 6 most frequent FX-thread stacks seen in the apply stalls
#   views/bench.sh apply-ab 3  Apply 1,000 with and without its pacing (BENCH_UI_PACE=false), alternating, 3 rounds
# Every stall over 40 ms is printed with what it consisted of: the FX and render threads' time on a core and
# waiting for one, the GC, the app's other threads, Prosody, Xvfb and idle cores (StallAnatomy, /proc).
# Needs Xvfb (real windows on a free display) and prosody (the apply benchmark starts a test server).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
mvn -B -q -o -pl views -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null 2>&1 \
  || { echo "bench.sh: the build failed; run: mvn -B -o -pl views -am test-compile" >&2; exit 2; }
cp="$root/views/target/test-classes:$root/views/target/classes:$(cat "$root/views/target/bench.classpath")"

# Xvfb on a free display (scripts/xvfb.sh), so two benchmark runs (or a test's Xvfb) never collide.
# shellcheck source=../scripts/xvfb.sh
. "$root/scripts/xvfb.sh"
xlog="$(mktemp)"
trap 'xvfb_stop; rm -f "$xlog"' EXIT
xvfb_start "$xlog" || { echo "bench.sh: Xvfb did not start" >&2; exit 2; }
export DISPLAY="$XVFB_DISPLAY"

# BENCH_JVM_FLAGS: extra flags for both windows of the start-up benchmark, e.g. the installed launcher's:
#   BENCH_JVM_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1" views/bench.sh startup 7
if [ "${1:-}" = startup ] && [[ " $* " == *" cds "* ]] && [ -z "${BENCH_JVM_FLAGS+set}" ]; then
  BENCH_JVM_FLAGS="$("$root/packaging/installed-jvm-options.sh" --with-properties)"
fi
# BENCH_APP_JVM: flags of the JVM that runs the scale, rows and apply benchmarks (the app's UI in them); by default
# the installed app's JVM options (packaging/src/jpackage/args/app-image.args); BENCH_APP_JVM="" for the JDK's.
app_jvm="${BENCH_APP_JVM-$("$root/packaging/installed-jvm-options.sh")}"
run() {
  # shellcheck disable=SC2086
  timeout 900 java $app_jvm -Dbench.watchPids="Xvfb:$XVFB_PID" -Dchamberlain.uiPace="${BENCH_UI_PACE:-true}" \
    -Dbench.jvmFlags="${BENCH_JVM_FLAGS:-}" -Dbench.variantFlags="${BENCH_VARIANT_FLAGS:-}" \
    -Dbench.stacks="${BENCH_STACKS:-0}" \
    -Dbench.rows.styles="${BENCH_ROWS_STYLES-|-fx-fixed-cell-size: -1}" -cp "$cp" org.chamberlain.views.bench.UiBench "$@"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "bench JVM flags (scale, rows, apply): ${app_jvm:-(JDK defaults)}"
echo "load: $(uptime)"
if [ "${1:-}" = apply-ab ]; then
  # Apply 1,000 with and without pacing (UiPace), alternating, N rounds: the comparison at the same load.
  for round in $(seq "${2:-3}"); do
    for pace in true false; do
      echo "--- round $round, Apply pacing $pace (load $(cut -d' ' -f1-3 /proc/loadavg))"
      BENCH_UI_PACE=$pace run apply 2>&1 | grep -E '^FIGURE apply 1000|^  FX-thread CPU during Apply|^  stalls over|^    stall|^  no stall'
    done
  done
elif [ $# -gt 0 ]; then
  run "$@"
else
  run startup 5
  run scale
  run apply
fi
echo "load: $(uptime)"

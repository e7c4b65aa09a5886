#!/usr/bin/env bash
# Prints the replayer's benchmark figures (docs/benchmarks.md, section "Replayer"):
#   1. the 25 shared Prosody suite scripts: replay phase, whole process (JVM start included),
#      arrival-to-verdict latency, connect+login time;
#   2. generated scripts where 3 and 50 accounts join one room and exchange messages;
#   3. the same with scripting/bench/reference-replayer.py, a minimal single-threaded Python replayer (issue 3's
#      yardstick), alternating with the Java runs so that both see the same machine, and the ratios.
# Each run gets a fresh Prosody (a suite is good for one pass per server start), stopped afterwards.
# Usage: scripting/bench.sh [ROUNDS]   (default 3 rounds of the suite run; the best and all are printed)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
shared="${CHAMBERLAIN_SHARED_DIR:-}"
if [ -z "$shared" ]; then  # like testkit's TestServers.sharedDir(): a shared/ beside the checkout or an ancestor
  dir="$root"
  while [ "$dir" != "/" ]; do
    if [ -d "$(dirname "$dir")/shared/prosody" ]; then shared="$(dirname "$dir")/shared"; break; fi
    dir="$(dirname "$dir")"
  done
fi
[ -d "$shared/prosody" ] || { echo "bench: cannot find shared/ (set CHAMBERLAIN_SHARED_DIR)" >&2; exit 2; }
rounds="${1:-3}"
work="$(mktemp -d /tmp/chamberlain-bench.XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start_server() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work/data"; mkdir -p "$work/data"
  port=$(free_port); http=$(free_port)
  XMPP_TEST_DIR="$work/data" XMPP_TEST_PORT=$port XMPP_TEST_HTTP_PORT=$http \
    prosody -F --config "$shared/prosody/prosody-test.cfg.lua" >"$work/data/console.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && return 0; sleep 0.05; done
  echo "bench: Prosody did not start" >&2; exit 2
}

generate() { # accounts room
  local n=$1 room=$2 i
  echo "# Generated: $n accounts join one room and exchange messages"; echo
  for ((i = 0; i < n; i++)); do printf '[Client] U%d\n\tjid: b%d-%s@localhost/r\n\tpassword: p\n\n' $i $i "$room"; done
  echo "---"; echo
  for ((i = 0; i < n; i++)); do echo "U$i connects"; done; echo
  printf "U0 sends:\n\t<presence to='%s@conference.localhost/U0'><x xmlns='http://jabber.org/protocol/muc'/></presence>\n\n" "$room"
  printf "U0 receives:\n\t<presence from='%s@conference.localhost/U0'><x xmlns='http://jabber.org/protocol/muc#user' scansion:strict='false'><status code='201'/></x></presence>\n\n" "$room"
  printf "U0 sends:\n\t<iq id='cfg' type='set' to='%s@conference.localhost'><query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/></query></iq>\n\n" "$room"
  printf "U0 receives:\n\t<iq id='cfg' type='result'/>\n\n"
  for ((i = 1; i < n; i++)); do
    printf "U%d sends:\n\t<presence to='%s@conference.localhost/U%d'><x xmlns='http://jabber.org/protocol/muc'/></presence>\n\n" $i "$room" $i
    printf "U%d receives:\n\t<presence from='%s@conference.localhost/U%d'><x xmlns='http://jabber.org/protocol/muc#user' scansion:strict='false'><status code='110'/></x></presence>\n\n" $i "$room" $i
    printf "U0 receives:\n\t<presence from='%s@conference.localhost/U%d'/>\n\n" "$room" $i
  done
  for ((i = 0; i < n; i++)); do
    printf "U%d sends:\n\t<message type='groupchat' to='%s@conference.localhost'><body>hello %d</body></message>\n\n" $i "$room" $i
    printf "U%d receives:\n\t<message type='groupchat' from='%s@conference.localhost/U%d'><body>hello %d</body></message>\n\n" $(((i + 1) % n)) "$room" $i $i
  done
}

cpu_ticks() { # pid: user + system CPU in clock ticks (stat(5) fields 14 and 15)
  sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

run() { # label args...
  local label=$1; shift
  start_server
  local t0 t1 c0 c1
  c0=$(cpu_ticks "$pid")
  t0=$(date +%s.%N)
  "$root/chamberlain" replay --bench --host 127.0.0.1 --port "$port" "$@" >"$work/out.txt" 2>&1 || true
  t1=$(date +%s.%N)
  c1=$(cpu_ticks "$pid")
  echo "== $label (whole process as a user runs it, \`./chamberlain replay\`, measured outside:" \
    "$(echo "$t1 - $t0" | bc) s; Prosody CPU during it $(echo "scale=2; ($c1 - $c0) / $(getconf CLK_TCK)" | bc) s)"
  grep '^bench:\|passed,\|^FAIL \|^ERROR ' "$work/out.txt"
  { echo "whole $(echo "$t1 - $t0" | bc)"; cat "$work/out.txt"; } >"$work/result-$(echo "$label" | tr -c 'a-z0-9' '-').txt"
}

python_bin="$(command -v /usr/bin/python3 || command -v python3)"  # the plain interpreter, not a pyenv shim
run_reference() { # label args...: the Python yardstick (bench/reference-replayer.py) against its own fresh server
  local label=$1; shift
  start_server
  local t0 t1
  t0=$(date +%s.%N)
  "$python_bin" "$root/scripting/bench/reference-replayer.py" --host 127.0.0.1 --port "$port" "$@" \
    >"$work/out.txt" 2>&1 || true
  t1=$(date +%s.%N)
  echo "== reference $label (Python, single thread, whole process measured outside: $(echo "$t1 - $t0" | bc) s)"
  grep '^reference:\|passed,' "$work/out.txt"
  { echo "whole $(echo "$t1 - $t0" | bc)"; cat "$work/out.txt"; } \
    >"$work/reference-$(echo "$label" | tr -c 'a-z0-9' '-').txt"
}

summary() { # the figures of issue 3 against their targets, from the runs above
  python3 - "$work" <<'PY'
import glob, re, statistics, sys
work = sys.argv[1]
def read(pattern):
    runs = []
    for name in sorted(glob.glob(work + "/result-" + pattern + "*.txt")):
        text = open(name).read()
        if re.search(r"^0 failed|, 0 failed", text, re.M) is None:
            print("summary: " + name + " had failures; its figures are left out")
            continue
        runs.append(text)
    return runs
def figure(text, regex):
    m = re.search(regex, text, re.M)
    return float(m.group(1)) if m else float("nan")
suite = read("suite-round")
reference = sorted(glob.glob(work + "/reference-suite-round*.txt"))
reference = [open(n).read() for n in reference]
reference = [t for t in reference if re.search(r"^0 failed|, 0 failed", t, re.M)]
print("== summary (issue 3 targets), suite rounds without failures: %d" % len(suite))
if suite:
    med = lambda rx: statistics.median(figure(t, rx) for t in suite)
    print("replay phase median %.3f s (target <= 0.47 s)" % med(r"replay phase .* ([0-9.]+) s"))
    print("whole process median %.3f s (target <= 0.70 s)" % med(r"^whole ([0-9.]+)"))
    print("arrival to verdict: median of medians %.3f ms (target <= 0.2 ms), median p99 %.3f ms"
          % (med(r"arrival to verdict.*median ([0-9.]+) ms"), med(r"arrival to verdict.*p99 ([0-9.]+) ms")))
    print("connect+login median %.2f ms" % med(r"connect\+login.*median ([0-9.]+) ms"))
    print("logins: waits for the server per suite run, median %d (the reference waits 4 per login); started ahead"
          " of their action %d, redone %d, pipelined %d, fell back %d (medians)" % (
              med(r"^bench: logins.*, ([0-9]+) in all"), med(r"^bench: logins.*started ahead of their action ([0-9]+)"),
              med(r"^bench: logins.*redone at the action ([0-9]+)"), med(r"^bench: logins.*pipelined ([0-9]+)"),
              med(r"^bench: logins.*fell back ([0-9]+)")))
if reference:
    rmed = lambda rx: statistics.median(figure(t, rx) for t in reference)
    print("== the Python reference replayer in the same run (%d clean rounds, each against its own fresh server)"
          % len(reference))
    print("reference replay phase median %.3f s, whole process median %.3f s" % (
        rmed(r"replay phase ([0-9.]+) s"), rmed(r"^whole ([0-9.]+)")))
    print("reference arrival to verdict median of medians %.3f ms; connect+login median %.2f ms" % (
        rmed(r"arrival to verdict.*median ([0-9.]+) ms"), rmed(r"connect\+login.*median ([0-9.]+) ms")))
    if suite:
        print("Java / reference: replay phase %.2fx (target <= 1x), whole process %.2fx (target <= 1.5x)" % (
            med(r"replay phase .* ([0-9.]+) s") / rmed(r"replay phase ([0-9.]+) s"),
            med(r"^whole ([0-9.]+)") / rmed(r"^whole ([0-9.]+)")))
small, large, warm = read("3-accounts"), read("50-accounts"), read("3-then-50")
ref_small = [open(n).read() for n in glob.glob(work + "/reference-3-accounts*.txt")]
ref_large = [open(n).read() for n in glob.glob(work + "/reference-50-accounts*.txt")]
for verb in ("connects", "sends", "receives"):
    if small and large:
        a = figure(small[0], r"^bench: action '%s'.*median ([0-9.]+) ms" % verb)
        b = figure(large[0], r"^bench: action '%s'.*median ([0-9.]+) ms" % verb)
        print("50 vs 3 accounts, '%s' median, own processes: %.3f vs %.3f ms = %.1fx (target <= 2x)"
              % (verb, b, a, b / a))
    if ref_small and ref_large:
        a = figure(ref_small[0], r"^reference: action '%s'.*median ([0-9.]+) ms" % verb)
        b = figure(ref_large[0], r"^reference: action '%s'.*median ([0-9.]+) ms" % verb)
        print("50 vs 3 accounts, '%s' median, Python reference (its sends include the 1 ms pause): %.3f vs %.3f ms"
              " = %.1fx" % (verb, b, a, b / a))
    if warm:
        a = figure(warm[0], r"^bench-script: b-accounts3.scs action '%s'.*median ([0-9.]+) ms" % verb)
        b = figure(warm[0], r"^bench-script: c-accounts50.scs action '%s'.*median ([0-9.]+) ms" % verb)
        print("50 vs 3 accounts, '%s' median, one warm process: %.3f vs %.3f ms = %.1fx (target <= 2x)"
              % (verb, b, a, b / a))
PY
}

"$root/chamberlain" --version >/dev/null   # builds if needed and warms the class-data-sharing archive
generate 3 room3 >"$work/accounts3.scs"
# A user's first replay after a build writes replay's class-data archive at exit (slower); not measured.
# Written afresh here so that it holds what a real replay loads (not what, say, `replay --help` loaded).
rm -f "$root/views/target/chamberlain-replay.jsa"
run "warm-up, not a figure" "$work/accounts3.scs" >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
suite_label="$(ls "$shared"/suite/prosody-0.12.3/*.scs | wc -l) shared scripts"
for ((r = 1; r <= rounds; r++)); do  # Java and the Python reference alternate, so both see the same load
  run "suite round $r: $suite_label" "$shared/suite/prosody-0.12.3"
  run_reference "suite round $r: $suite_label" "$shared/suite/prosody-0.12.3"
done
run "3 accounts" "$work/accounts3.scs"
generate 50 room50 >"$work/accounts50.scs"; run "50 accounts" "$work/accounts50.scs"
run_reference "3 accounts" "$work/accounts3.scs"; run_reference "50 accounts" "$work/accounts50.scs"
# The same two scripts in one process after a warm-up script: per-action times without the cold start (the
# 3-account figures above are mostly the first execution of every code path).
mkdir -p "$work/warm"
generate 3 roomw >"$work/warm/a-warm-up.scs"; generate 3 room3 >"$work/warm/b-accounts3.scs"
generate 50 room50 >"$work/warm/c-accounts50.scs"
run "3 then 50 accounts in one process, after a warm-up script" "$work/warm" >/dev/null
echo "== 3 then 50 accounts in one process, after a 3-account warm-up script (per script)"
grep '^bench-script: [bc]-' "$work"/result-3-then-50*.txt | sed 's/^[^:]*://'
echo "== where a receives spends its time (waiting for the server vs the replayer's own work), per script above"
grep -h '^bench: receives split' "$work"/result-3-accounts*.txt "$work"/result-50-accounts*.txt | sed 's/^bench: //'
summary

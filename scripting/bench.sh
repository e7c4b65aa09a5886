#!/usr/bin/env bash
# Prints the replayer's benchmark figures (docs/benchmarks.md, section "Replayer"):
#   1. the 25 shared Prosody suite scripts: replay phase, whole process (JVM start included),
#      arrival-to-verdict latency, connect+login time;
#   2. generated scripts where 3 and 50 accounts join one room and exchange messages.
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
  grep '^bench:\|passed,' "$work/out.txt"
}

"$root/chamberlain" --version >/dev/null   # builds if needed and warms the class-data-sharing archive
generate 3 room3 >"$work/accounts3.scs"
# A user's first replay after a build writes replay's class-data archive at exit (slower); not measured.
# Written afresh here so that it holds what a real replay loads (not what, say, `replay --help` loaded).
rm -f "$root/views/target/chamberlain-replay.jsa"
run "warm-up, not a figure" "$work/accounts3.scs" >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do run "suite round $r: $(ls "$shared"/suite/prosody-0.12.3/*.scs | wc -l) shared scripts" "$shared/suite/prosody-0.12.3"; done
run "3 accounts" "$work/accounts3.scs"
generate 50 room50 >"$work/accounts50.scs"; run "50 accounts" "$work/accounts50.scs"

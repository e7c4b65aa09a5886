#!/usr/bin/env bash
# Prints the packaging figures of docs/benchmarks.md: installer sizes, and the start time of the installed
# app: `chamberlain --version`, and the desktop app until its window exists (under Xvfb).
#
#   packaging/bench.sh              measures /opt/chamberlain if installed, else the app image in packaging/target
#   packaging/bench.sh --install    (root) installs the built .deb first and purges it afterwards
#
# Build first: mvn -B -pl packaging -am verify. "cold" = first run after dropping the page cache (root only;
# otherwise the first run after the build), "warm" = median of the next RUNS runs (default 5).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
runs="${RUNS:-5}"
install=no
[ "${1:-}" = "--install" ] && install=yes

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
drop_caches() {
  sync
  if [ "$(id -u)" = 0 ] && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then echo "page cache dropped"; else
    echo "page cache NOT dropped (needs root)"; fi
}

echo "== installers"
found=no
for f in "$target"/installers/*.deb "$target"/installers/*.rpm; do
  [ -f "$f" ] || continue
  found=yes
  awk -v name="$(basename "$f")" -v bytes="$(stat -c %s "$f")" 'BEGIN { printf "%-40s %6.1f MB\n", name, bytes / 1048576 }'
done
[ $found = yes ] || echo "none in $target/installers (build: mvn -B -pl packaging -am verify)"

if [ $install = yes ]; then
  deb=$(ls "$target"/installers/*.deb)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
  trap 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq chamberlain >/dev/null' EXIT
fi

if [ -x /opt/chamberlain/bin/chamberlain ]; then
  launcher=/opt/chamberlain/bin/chamberlain; what="installed copy (/opt/chamberlain, $(dpkg-query -W -f '${Version}' chamberlain 2>/dev/null || echo '?'))"
  du_dir=/opt/chamberlain
else
  launcher="$target/jpackage/image/chamberlain/bin/chamberlain"; what="app image in packaging/target (not installed)"
  du_dir="$target/jpackage/image/chamberlain"
fi
[ -x "$launcher" ] || { echo "no launcher at $launcher: build first" >&2; exit 2; }
echo "== measuring the $what"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every figure)"
echo "installed size: $(du -sh "$du_dir" | cut -f1)"

home="$(mktemp -d)"
cleanup_home() { rm -rf "$home"; }
trap 'cleanup_home; [ $install = yes ] && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq chamberlain >/dev/null || true' EXIT

version_once() { # prints WALL_MS
  local start; start=$(date +%s%N)
  HOME="$home" timeout 30 "$launcher" --version >/dev/null
  ms_since "$start"
}
echo "== chamberlain --version"
note=$(drop_caches)
echo "cold: $(version_once) ms ($note)"
echo "warm: median $(for _ in $(seq "$runs"); do version_once; done | median) ms of $runs"

echo "== desktop app: start until its window exists (Xvfb)"
if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null; then
  echo "skipped: needs Xvfb and xwininfo (apt-get install -y xvfb x11-utils)"; exit 0
fi
xlog="$(mktemp)"
Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp >"$xlog" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; cleanup_home; [ $install = yes ] && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq chamberlain >/dev/null || true' EXIT
for _ in $(seq 150); do grep -qE '^[0-9]+$' "$xlog" && break; sleep 0.1; done
display=":$(head -n 1 "$xlog")"

cpu_ms() { # CPU time (user + system) a live process has used so far, from /proc (clock ticks)
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"
}
main_window_up() { # a window named *Chamberlain* of at least 640x400 (smaller ones are dialogs, e.g. an error)
  xwininfo -root -tree -display "$display" 2>/dev/null | grep '"[^"]*Chamberlain' \
    | grep -oE '[[:space:]][0-9]+x[0-9]+[+-]' | tr -d ' \t+-' \
    | awk -Fx '$1 >= 640 && $2 >= 400 { found = 1 } END { exit !found }'
}
window_once() { # prints "WALL_MS CPU_MS" until a window named *Chamberlain* exists, or "none: ..." if the app exits
  local start app ms="" cpu=""
  start=$(date +%s%N)
  # No `timeout` wrapper: the launcher is the JVM process itself, so /proc/$app is the app's CPU time.
  DISPLAY="$display" HOME="$home" XDG_CACHE_HOME="$home/.cache" "$launcher" >/dev/null 2>&1 &
  app=$!
  while kill -0 "$app" 2>/dev/null; do
    if main_window_up; then
      ms=$(ms_since "$start"); cpu=$(cpu_ms "$app"); break
    fi
    [ "$(ms_since "$start")" -gt 30000 ] && break
    sleep 0.02
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  if [ -n "$ms" ]; then echo "$ms $cpu"; else echo "none: the app showed no window (exited or over 30 s)"; fi
}
note=$(drop_caches)
cold=$(window_once)
case "$cold" in none*) echo "cold: $cold ($note)"; exit 0 ;; esac
echo "cold: ${cold% *} ms wall, ${cold#* } ms CPU ($note)"
warm=$(for _ in $(seq "$runs"); do window_once; done)
echo "warm: median $(echo "$warm" | cut -d' ' -f1 | median) ms wall, $(echo "$warm" | cut -d' ' -f2 | median) ms CPU, of $runs"

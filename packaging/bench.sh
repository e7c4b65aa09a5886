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
if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null || ! command -v xev >/dev/null; then
  echo "skipped: needs Xvfb, xwininfo and xev (apt-get install -y xvfb x11-utils)"; exit 0
fi
# shellcheck source=../scripts/xvfb.sh
. "$here/../scripts/xvfb.sh"
trap 'xvfb_stop; cleanup_home; [ $install = yes ] && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq chamberlain >/dev/null || true' EXIT
# The display number goes to $home, which the trap deletes (a mktemp file of its own was left in /tmp).
xvfb_start "$home/xvfb.display" || { echo "skipped: Xvfb did not start"; exit 0; }
display="$XVFB_DISPLAY"

cpu_ms() { # CPU time (user + system) a live process has used so far, from /proc (clock ticks)
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"
}
is_main_window() { # X window id: named *Chamberlain* and at least 640x400 (smaller ones: dialogs, GTK's leader)
  local info
  info="$(xwininfo -id "$1" -display "$display" 2>/dev/null)" || return 1
  echo "$info" | grep -q '^xwininfo: Window id: [^"]*"[^"]*Chamberlain' || return 1
  echo "$info" | awk '/^ *Width:/ { w = $2 } /^ *Height:/ { h = $2 } END { exit !(w >= 640 && h >= 400) }'
}
# The window is detected from X events (xev on the root window: a MapNotify per top-level window), not by
# polling: an `xwininfo -tree | grep | awk` poll every 20 ms cost ~11 ms of CPU per round on this 2-core
# machine and, under load, a round took up to 200 ms, which is both a competitor for the CPU and the
# resolution of the figure. Now the only work while the app starts is one xwininfo per mapped window.
window_once() { # prints "WALL_MS CPU_MS" when the main window is mapped, or "none: ..." if the app exits
  local start app ms="" cpu="" fifo="$home/xev.fifo" events line win waited=0
  rm -f "$fifo"; mkfifo "$fifo"
  stdbuf -oL xev -display "$display" -root -event substructure >"$fifo" 2>/dev/null &
  events=$!
  exec 3<"$fifo"
  sleep 0.2 # xev selects the root window's events before the app starts
  start=$(date +%s%N)
  # No `timeout` wrapper: the launcher is the JVM process itself, so /proc/$app is the app's CPU time.
  DISPLAY="$display" HOME="$home" XDG_CACHE_HOME="$home/.cache" "$launcher" >/dev/null 2>&1 &
  app=$!
  while [ "$waited" -lt 30 ]; do
    if ! IFS= read -r -t 1 -u 3 line; then
      waited=$((waited + 1)); kill -0 "$app" 2>/dev/null || break; continue
    fi
    case "$line" in
      MapNotify*)
        local now; now=$(ms_since "$start"); local used; used=$(cpu_ms "$app" 2>/dev/null || echo -1)
        IFS= read -r -t 1 -u 3 line || continue
        win=$(echo "$line" | grep -oE 'window 0x[0-9a-f]+' | cut -d' ' -f2)
        if [ -n "$win" ] && is_main_window "$win"; then ms=$now; cpu=$used; break; fi ;;
      *) ;;
    esac
  done
  kill "$app" "$events" 2>/dev/null || true
  wait "$app" "$events" 2>/dev/null || true
  exec 3<&-
  rm -f "$fifo"
  if [ -n "$ms" ]; then echo "$ms $cpu"; else echo "none: the app showed no window (exited or over 30 s)"; fi
}
note=$(drop_caches)
cold=$(window_once)
case "$cold" in none*) echo "cold: $cold ($note)"; exit 0 ;; esac
echo "cold: ${cold% *} ms wall, ${cold#* } ms CPU ($note)"
warm=$(for _ in $(seq "$runs"); do window_once; done)
echo "warm: median $(echo "$warm" | cut -d' ' -f1 | median) ms wall, $(echo "$warm" | cut -d' ' -f2 | median) ms CPU, of $runs"

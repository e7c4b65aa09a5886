#!/usr/bin/env bash
# Records which classes the desktop app loads until its main window shows, into the app image
# (lib/app/chamberlain.classlist). The .deb's postinst turns that list into the runtime's CDS archive at the
# installed path (an archive made here would be rejected there: JDK 17 checks the class path by location).
# Needs Xvfb and xwininfo; without them the package simply starts without the app's classes archived.
#   record-classlist.sh IMAGE_DIR
set -euo pipefail
image="$1"
list="$image/lib/app/chamberlain.classlist"
rm -f "$list"
for tool in Xvfb xwininfo; do
  if ! command -v "$tool" >/dev/null; then
    echo "record-classlist: $tool not found; the package will start without an archive of its own classes" \
      "(apt-get install -y xvfb x11-utils)" >&2
    exit 0
  fi
done
work="$(mktemp -d)"
xlog="$work/xvfb.log"
Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp >"$xlog" 2>/dev/null &
xvfb=$!
app=""
cleanup() {
  # The app and Xvfb end by our signal, so their exit statuses say nothing.
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 150); do grep -qE '^[0-9]+$' "$xlog" && break; sleep 0.1; done
display=":$(head -n 1 "$xlog")"
DISPLAY="$display" HOME="$work" XDG_CACHE_HOME="$work/.cache" \
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" "$image/bin/chamberlain" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 600); do
  if xwininfo -root -tree -display "$display" 2>/dev/null | grep -qE '"Chamberlain": .* [0-9]{3,4}x[0-9]{3}[+-]'; then
    sleep 1 # the first frame's classes
    echo "record-classlist: $(wc -l <"$list") classes until the main window"
    exit 0
  fi
  kill -0 "$app" 2>/dev/null || break
  sleep 0.1
done
echo "record-classlist: the app showed no main window; no class list (its output follows)" >&2
cat "$work/app.log" >&2
rm -f "$list"
exit 0

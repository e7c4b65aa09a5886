#!/usr/bin/env bash
# Records which classes the desktop app loads until its main window is complete, into the app image
# (lib/app/chamberlain.classlist). The .deb's postinst turns that list into the runtime's CDS archive at the
# installed path (an archive made here would be rejected there: JDK 17 checks the class path by location).
# Needs Xvfb; without it the package simply starts without the app's classes archived.
#   record-classlist.sh IMAGE_DIR
set -euo pipefail
image="$1"
list="$image/lib/app/chamberlain.classlist"
rm -f "$list"
if ! command -v Xvfb >/dev/null; then
  echo "record-classlist: Xvfb not found; the package will start without an archive of its own classes" \
    "(apt-get install -y xvfb)" >&2
  exit 0
fi
work="$(mktemp -d)"
xlog="$work/xvfb.log"
Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp >"$xlog" 2>/dev/null &
xvfb=$!
cleanup() {
  # Xvfb ends by our signal, so its exit status says nothing.
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 150); do grep -qE '^[0-9]+$' "$xlog" && break; sleep 0.1; done
display=":$(head -n 1 "$xlog")"
# The app's own first-frame probe closes the window once it is complete (workspace built and rendered), so
# the list holds every class up to the complete window, however slowly this machine gets there.
DISPLAY="$display" HOME="$work" XDG_CACHE_HOME="$work/.cache" \
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Dchamberlain.firstFrameProbe=exit" \
  timeout 120 "$image/bin/chamberlain" >"$work/app.log" 2>&1 || true
if grep -q '^ready-epoch-ms=' "$work/app.log"; then
  echo "record-classlist: $(wc -l <"$list") classes until the main window was complete"
  exit 0
fi
echo "record-classlist: the app did not complete its main window; no class list (its output follows)" >&2
cat "$work/app.log" >&2
rm -f "$list"
exit 0

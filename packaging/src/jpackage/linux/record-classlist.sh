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
# Run by the packaging build from the source tree (packaging/pom.xml, exec-maven-plugin), so the repository's
# scripts/ is four levels up.
# shellcheck source=../../../../scripts/xvfb.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../../../scripts/xvfb.sh"
work="$(mktemp -d)"
cleanup() {
  xvfb_stop
  rm -rf "$work"
}
trap cleanup EXIT
if ! xvfb_start "$work/xvfb.log"; then
  echo "record-classlist: Xvfb did not start; the package will start without an archive of its own classes" >&2
  exit 0
fi
# The app's own first-frame probe closes the window once it is complete (workspace built and rendered), so
# the list holds every class up to the complete window, however slowly this machine gets there.
DISPLAY="$XVFB_DISPLAY" HOME="$work" XDG_CACHE_HOME="$work/.cache" \
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

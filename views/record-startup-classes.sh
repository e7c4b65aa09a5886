#!/usr/bin/env bash
# Records which classes the desktop app loads from start until its main window is complete (workspace built
# and rendered), in load order, into the list ClassPreloader loads on a background thread at start-up:
#   views/src/main/resources/org/chamberlain/views/shell/startup-classes.txt
# Run it again when the start-up path changes much (new controls in the main window, new libraries);
# StartupClassListTest fails when the list names a class that no longer exists. Needs Xvfb.
#   views/record-startup-classes.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
list="$root/views/src/main/resources/org/chamberlain/views/shell/startup-classes.txt"
mvn -B -q -o -pl views -am compile dependency:build-classpath -Dmdep.outputFile=target/startup.classpath \
  >/dev/null 2>&1 || { echo "record-startup-classes: the build failed: mvn -B -o -pl views -am compile" >&2; exit 2; }
cp="$root/views/target/classes:$(cat "$root/views/target/startup.classpath")"
work="$(mktemp -d)"
# shellcheck source=../scripts/xvfb.sh
. "$root/scripts/xvfb.sh"
trap 'xvfb_stop; rm -rf "$work"' EXIT
xvfb_start "$work/xvfb.log" || { echo "record-startup-classes: Xvfb did not start" >&2; exit 2; }
# The probe closes the window once it is complete; an empty HOME: no accounts, default layout.
DISPLAY="$XVFB_DISPLAY" HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" timeout 120 java -cp "$cp" \
  -Dchamberlain.firstFrameProbe=exit -Dchamberlain.preloadClasses=false -Xlog:class+load=info:file="$work/classes.log" \
  org.chamberlain.views.Main >"$work/app.log" 2>&1 || { cat "$work/app.log" >&2; exit 1; }
grep -q '^ready-epoch-ms=' "$work/app.log" || { echo "record-startup-classes: no complete window" >&2; exit 1; }
{
  echo "# Classes the desktop app loads until its main window is complete, in load order (not from the JDK's"
  echo "# CDS archive, no generated classes). Made by views/record-startup-classes.sh; read by ClassPreloader."
  # "source: jrt:/..." (JDK modules) and "source: file:..." (jars, class directories); lambdas and other
  # generated classes name their defining class as the source and cannot be loaded by name.
  sed -nE 's/^\[[^]]*\]\[info\]\[class,load\] ([^ ]+) source: (jrt:|file:).*/\1/p' "$work/classes.log"
} >"$list"
echo "record-startup-classes: $(grep -vc '^#' "$list") classes in $list"

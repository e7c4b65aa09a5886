#!/usr/bin/env bash
# Replaces jpackage's native launcher (IMAGE_DIR/bin/chamberlain) by a shell script that starts the bundled
# runtime's java directly, with the same options, class path and main class (read from the launcher's
# lib/app/chamberlain.cfg, which stays for postinst and for people who read it).
#
# Why: jpackage's Linux launcher asks the package managers which package owns it at every start, twice (once
# in the launcher, once in libapplauncher): `sh -c "rpm -qf …"`, `sh -c "dpkg -S …"`, and, when a package owns
# it, `sh -c "dpkg -L …"`. dpkg -S reads every package's file list. On this 2-core machine those six commands
# took 0.55-0.68 s warm and 0.77 s cold (load 10), before the JVM even started (docs/notes/packaging.md).
#   write-launcher.sh IMAGE_DIR
set -euo pipefail
image="$1"
cfg="$image/lib/app/chamberlain.cfg"
launcher="$image/bin/chamberlain"
[ -f "$cfg" ] || { echo "write-launcher: no $cfg" >&2; exit 1; }
main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")
[ -n "$main_class" ] || { echo "write-launcher: no app.mainclass in $cfg" >&2; exit 1; }
# The class path in the cfg's order: the AppCDS archive made by postinst from the same lines only maps if the
# class path at run time starts with the one it was dumped with.
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed 's|^\$APPDIR|$app/lib/app|' | paste -sd: -)
options=""
while IFS= read -r option; do
  case "$option" in
    *\'*|*'$'*) echo "write-launcher: option needs quoting this script does not do: $option" >&2; exit 1 ;;
    *) options="$options '$option'" ;;
  esac
done < <(sed -n 's/^java-options=//p' "$cfg")
cat >"$launcher.new" <<SCRIPT
#!/bin/sh
# Starts Chamberlain on its bundled Java runtime. Written at build time by write-launcher.sh from
# lib/app/chamberlain.cfg: jpackage's native launcher asked rpm and dpkg which package owns it at every
# start (0.5 s and more on a small machine), this script does not.
self=\$(readlink -f "\$0")
app=\${self%/bin/*}
exec "\$app/lib/runtime/bin/java"$options \\
  -Djpackage.app-path="\$self" -Djava.library.path="\$app/lib/app" \\
  -cp "$classpath" \\
  $main_class "\$@"
SCRIPT
chmod 755 "$launcher.new"
mv -f "$launcher.new" "$launcher"
echo "write-launcher: $launcher starts $main_class on lib/runtime directly"

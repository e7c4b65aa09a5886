#!/usr/bin/env bash
# Prints, on one line, the JVM options the installed package starts the app with (its -XX: options, read from
# packaging/src/jpackage/args/app-image.args), so that benchmarks run the app's UI as it ships.
#   packaging/installed-jvm-options.sh                    the -XX: options
#   packaging/installed-jvm-options.sh --with-properties  also the package's -Dchamberlain.* properties
set -euo pipefail
args="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)/src/jpackage/args/app-image.args"
if [ "${1:-}" = --with-properties ]; then
  pattern='s/^--java-options \(-XX:[^ ]*\|-Dchamberlain\.[^ ]*\)$/\1/p'
else
  pattern='s/^--java-options \(-XX:[^ ]*\)$/\1/p'
fi
sed -n "$pattern" "$args" | paste -sd' '

#!/usr/bin/env bash
# Renders the icon source (chamberlain.svg) into the formats jpackage wants on each OS:
#   chamberlain.png  (Linux, 256 px)   chamberlain.ico  (Windows, 16–256 px)   chamberlain.icns (macOS)
# The results are committed, so building packages needs neither ImageMagick nor Python.
# Run it again after editing the SVG: packaging/src/icons/make-icons.sh   (needs ImageMagick and python3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

render() { # size output
  convert -background none -density 300 "$here/chamberlain.svg" -resize "$1x$1" -depth 8 "PNG32:$2"
}

render 256 "$here/chamberlain.png"
for size in 16 32 48 256; do render "$size" "$work/$size.png"; done
convert "$work/16.png" "$work/32.png" "$work/48.png" "$work/256.png" "$here/chamberlain.ico"

# ICNS is a 'icns' header plus typed chunks; macOS accepts PNG data in ic07/ic08/ic09 (128/256/512 px).
for size in 128 512; do render "$size" "$work/$size.png"; done
python3 - "$work" "$here/chamberlain.icns" <<'PY'
import struct, sys
work, out = sys.argv[1], sys.argv[2]
chunks = b""
for kind, size in ((b"ic07", 128), (b"ic08", 256), (b"ic09", 512)):
    data = open(f"{work}/{size}.png", "rb").read()
    chunks += kind + struct.pack(">I", 8 + len(data)) + data
open(out, "wb").write(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
PY
echo "icons written to $here"

#!/usr/bin/env bash
# Takes the README/docs screenshots from the real app: `./chamberlain sandbox` in a 1280x800 Xvfb screen
# with openbox as window manager (so dialogs have frames), driven by xdotool, captured with
# `import -window root`. Writes docs/screenshots/<name>.png and leaves nothing running.
#
#   apt-get install -y xvfb xdotool openbox imagemagick     (plus what ./chamberlain sandbox needs)
#   bash docs/screenshots/take-screenshots.sh
#
# The clicks are screen coordinates of the layout at 1280x800 with openbox's default theme: after a layout
# change, look at the PNGs and adjust. Not part of CI.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
out="$root/docs/screenshots"
work="$(mktemp -d)"
pids=()

# shellcheck source=../../scripts/xvfb.sh
. "$root/scripts/xvfb.sh"
cleanup() {
  # Newest first: the app (which stops its sandbox server), then the window manager, then the X server.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
  xvfb_stop
  rm -rf "$work"
}
trap cleanup EXIT

xvfb_start "$work/display" "$work/xvfb.log" \
  || { echo "Xvfb did not start; its log:" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY="$XVFB_DISPLAY"
openbox >"$work/openbox.log" 2>&1 &
pids+=($!)

mkdir -p "$work/xdg/chamberlain/sandbox"
printf 'window.x=0\nwindow.y=0\nwindow.width=1280\nwindow.height=780\nwindow.maximized=false\n%s\n%s\n' \
  'sidebar.divider=0.26' 'theme=light' >"$work/xdg/chamberlain/sandbox/window.properties"
XDG_CONFIG_HOME="$work/xdg" timeout 900 "$root/chamberlain" sandbox >"$work/app.log" 2>&1 &
pids+=($!)

for _ in $(seq 240); do
  xdotool search --name '^Chamberlain$' >/dev/null 2>&1 && break
  sleep 1
done
window="$(xdotool search --name '^Chamberlain$' | head -n 1)"
[ -n "$window" ] || { echo "the app did not open; its log:" >&2; cat "$work/app.log" >&2; exit 1; }
sleep 8   # sign-in of the three accounts, room discovery, the lobby
xdotool windowsize "$window" 1280 778
xdotool windowmove "$window" 0 0
sleep 1
# The window manager resizes the window after it is shown, and the sidebar keeps its first width (it does
# not resize with the window), so drag the divider to where the clicks below expect it.
xdotool mousemove 228 412 mousedown 1 mousemove 290 412 mousemove 344 412 mouseup 1
sleep 0.5

shot() { sleep "${2:-1}"; import -window root "$out/$1.png"; echo "wrote docs/screenshots/$1.png"; }
click() { xdotool mousemove "$1" "$2" click "${3:-1}"; sleep 0.3; }
type_text() { xdotool type --delay 15 "$1"; }
dismiss_notifications() { for y in 453 539 625; do click 1241 "$y"; done; }

# Main window: the lobby's occupants, one selected so the moderation actions are enabled.
click 400 314
shot main-window

# Members editor: three pending additions with a reason, then Revert.
click 496 115
click 650 220
type_text "alice@sandbox.localhost, bob@sandbox.localhost, carol@example.org"
click 1080 245
type_text "core team"
click 1237 225
shot members-editor
click 1154 766

# Configuration: three changed fields, highlighted, then Reset.
click 604 115
sleep 1
click 940 268
type_text "Lobby"
click 940 314
type_text "Where everyone meets first"
click 652 465
shot configuration
click 1153 743

# Create room, "configure now": the dialog, then the locked room's Configuration tab.
xdotool key ctrl+n
sleep 1.5
type_text "board"
click 498 468
shot create-dialog
click 857 596
sleep 3
dismiss_notifications
click 940 325
type_text "Board"
click 940 371
type_text "Decisions of the board"
click 940 625
type_text "s3cret"
xdotool mousemove 1100 700
shot configure-now
click 1202 743
sleep 2

# Join as alice: a wrong password first (the dialog keeps the input and says why), then the right one.
xdotool key ctrl+shift+a
sleep 1
xdotool key ctrl+j
sleep 2
xdotool key Tab
type_text "letmein"
xdotool key Return
shot join-dialog 2
xdotool key ctrl+a
type_text "s3cret"
xdotool key Return
sleep 2
dismiss_notifications

# Back to the owner, a server admin of the sandbox: destroy rooms from the service's right-click menu.
xdotool key ctrl+shift+a
sleep 0.5
xdotool key ctrl+shift+a
sleep 0.5
click 150 179 3
click 280 201
sleep 2
click 381 291
click 670 560
type_text "Test room, no longer needed"
click 858 654
shot destroy-rooms-confirm
click 858 654
shot destroy-rooms-results 3
click 761 655
sleep 1
dismiss_notifications

# The owner's destroy dialog for the lobby (cancelled).
click 380 77
click 397 115
xdotool key ctrl+shift+d
sleep 1.5
type_text "We moved to the new server"
xdotool key Tab
type_text "lobby@conference.example.org"
xdotool key Tab
type_text "lobby"
shot destroy-dialog
xdotool key Escape
sleep 1

# Dark theme.
xdotool key ctrl+shift+l
shot main-window-dark 2
xdotool key ctrl+shift+l

# Quit through the app, so it stops its sandbox server in order.
xdotool key ctrl+q
sleep 5

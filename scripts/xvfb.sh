# shellcheck shell=bash
# A private X server for the scripts that show real windows (benchmarks, class-list recording, screenshots).
# Source it, set the EXIT trap first (xvfb_stop is safe before and after xvfb_start), then start:
#
#   . "$root/scripts/xvfb.sh"
#   trap 'xvfb_stop; rm -rf "$work"' EXIT
#   xvfb_start "$work/xvfb.display" || { echo "my-script: Xvfb did not start" >&2; exit 2; }
#   DISPLAY="$XVFB_DISPLAY" java ...
#
# Call xvfb_start in the script's own shell, not in $(...): it sets XVFB_PID and XVFB_DISPLAY for the caller.

# xvfb_start DISPLAY_FILE [LOG_FILE] [SCREEN]
# Starts Xvfb (screen 0: SCREEN, default 1280x800x24; no TCP) on a display it picks itself (-displayfd), so two
# runs, or a test's Xvfb, never collide. Xvfb writes the display number to DISPLAY_FILE and its messages to
# LOG_FILE (default: discarded). Sets XVFB_PID at once and XVFB_DISPLAY (":N") once Xvfb has reported its
# display; returns 1 if it exits first or has not reported one within 15 seconds (then left to xvfb_stop).
xvfb_start() {
  local display_file="$1" log="${2:-/dev/null}" screen="${3:-1280x800x24}" _
  XVFB_DISPLAY=""
  # Created here: the background job's redirection may come after the first look at the file.
  : >"$display_file"
  Xvfb -displayfd 1 -screen 0 "$screen" -nolisten tcp >"$display_file" 2>"$log" &
  XVFB_PID=$!
  for _ in $(seq 150); do
    grep -qE '^[0-9]+$' "$display_file" && break
    kill -0 "$XVFB_PID" 2>/dev/null || break # it has exited (no Xvfb, or it could not start)
    sleep 0.1
  done
  grep -qE '^[0-9]+$' "$display_file" || return 1
  XVFB_DISPLAY=":$(head -n 1 "$display_file")"
}

# xvfb_stop: stops the Xvfb of xvfb_start, if any, and waits until it has gone (its display is free again).
xvfb_stop() {
  [ -n "${XVFB_PID:-}" ] || return 0
  kill "$XVFB_PID" 2>/dev/null || true
  # Xvfb ends by our signal, so its exit status says nothing.
  wait "$XVFB_PID" 2>/dev/null || true
  XVFB_PID=""
}

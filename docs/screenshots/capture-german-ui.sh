#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Retakes docs/screenshots/german-ui.png: lap-desktop started with LANG=de_DE.UTF-8 on a private
# Xvfb, signed in to the local platform through LAP_BASE_URL/LAP_MASTER_KEY, with a shell tab
# on the `shell` agent and the "Sitzung" menu open. Needs xvfb, xdotool, imagemagick, curl, tmux.
# Usage: docs/screenshots/capture-german-ui.sh [build dir with src/app/lap-desktop, default build/qt5]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build/qt5}" && pwd)
out="$root/docs/screenshots/german-ui.png"
state=$(mktemp -d /tmp/lap-shot.XXXXXX)
xvfb_pid="" platform_pid="" app_pid=""
cleanup() {
    for pid in $app_pid $platform_pid $xvfb_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true # killed children report 143; not an error here
    done
    rm -rf "$state"
    true
}
trap cleanup EXIT
mkdir -p "$state/home" "$state/run"
chmod 700 "$state/run"
export HOME="$state/home" XDG_RUNTIME_DIR="$state/run" XDG_CONFIG_HOME="$state/home/.config"
unset WAYLAND_DISPLAY TMUX LANGUAGE LC_ALL LC_MESSAGES

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$state/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$state/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$state/display")"

# A neutral prompt: the screenshot should not show this machine's user and host name.
"$build/src/localplatform/lap-localplatform" --port 0 --quiet --ready-delay-ms 300 \
    --command "env PS1='\$ ' HISTFILE=/dev/null bash --norc --noprofile" \
    --credentials-file "$state/credentials.json" >/dev/null &
platform_pid=$!
for _ in $(seq 100); do [ -s "$state/credentials.json" ] && break; sleep 0.1; done
read_json() { tr -d '\n' <"$1" | sed -n "s/.*\"$2\" *: *\"\([^\"]*\)\".*/\1/p"; }
base=$(read_json "$state/credentials.json" base)
key=$(read_json "$state/credentials.json" key)

LANG=de_DE.UTF-8 LAP_BASE_URL=$base LAP_MASTER_KEY=$key \
    "$build/src/app/lap-desktop" --agent shell >"$state/app.log" 2>&1 &
app_pid=$!
win=""
for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --name '^LAP Desktop$' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.1
done
[ -n "$win" ] || { echo "no lap-desktop window" >&2; cat "$state/app.log" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1000 620
for _ in $(seq 100); do
    curl -sf -H "Authorization: Bearer $key" "$base/api/v1/managed_agents/sessions" |
        grep -q '"status":"ready"' && break
    sleep 0.1
done
sleep 2 # the tab attaches and the shell prints its prompt
# No window manager: focus by hand, then type through XTEST (Qt ignores sent events).
xdotool windowfocus "$win"
sleep 0.3
xdotool type --delay 20 'printf "%-44s%s\n" "" "Hallo von LAP Desktop!" "" "Ein Terminal auf der Sandbox des Agenten shell."'
xdotool key Return
sleep 1
xdotool key alt+s # opens the "Sitzung" menu
sleep 1
/usr/bin/import -window root -crop 1000x620+0+0 +repage "$out"
echo "wrote $out"

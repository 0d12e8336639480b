# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Shell functions shared by tools/test, tools/package, tools/demo and bench/run. Source it; it
# only defines functions.
# shellcheck disable=SC2034 # platform_* are set for the scripts that source this file

# use_sandbox_home DIR: HOME, the XDG dirs and the runtime dir inside DIR, and headless Qt, so
# nothing of the developer's HOME, settings, keyring files or tmux is touched.
use_sandbox_home() {
    mkdir -p "$1/home" "$1/run"
    chmod 700 "$1/run"
    export HOME="$1/home" XDG_RUNTIME_DIR="$1/run"
    export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
    export XDG_CACHE_HOME="$HOME/.cache"
    unset DISPLAY WAYLAND_DISPLAY TMUX
    export QT_QPA_PLATFORM=offscreen
}

# start_local_platform EXE DIR [ARGS...]: starts lap-localplatform EXE on a free port of
# 127.0.0.1 with its output in DIR/platform.log. Sets platform_pid, platform_base and
# platform_key (read from the 0600 credentials file it writes, so the key never passes argv).
# Returns 1 if it has not written them within 10 s.
start_local_platform() {
    local exe=$1 dir=$2
    shift 2
    "$exe" --port 0 --credentials-file "$dir/credentials.json" "$@" >"$dir/platform.log" 2>&1 &
    platform_pid=$!
    for _ in $(seq 100); do
        [ -s "$dir/credentials.json" ] && break
        sleep 0.1
    done
    [ -s "$dir/credentials.json" ] || return 1
    platform_base=$(credentials_field "$dir/credentials.json" base)
    platform_key=$(credentials_field "$dir/credentials.json" key)
}

# credentials_field FILE NAME: one string value of the credentials file lap-localplatform
# writes, which is one line of flat JSON whose values never hold quotes.
credentials_field() {
    tr -d '\n' <"$1" | sed -n "s/.*\"$2\" *: *\"\([^\"]*\)\".*/\1/p"
}

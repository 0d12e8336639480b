# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Shell functions shared by tools/test, tools/package, tools/demo and bench/run. Source it; it
# only defines functions.
# shellcheck disable=SC2034 # platform_* and lap_sandbox are set for the scripts that source this file

# use_sandbox_home DIR: HOME, the XDG dirs and the runtime dir inside DIR, and headless Qt, so
# nothing of the developer's HOME, settings, keyring files or tmux is touched.
use_sandbox_home() {
    lap_sandbox=$1
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

# in_keyring COMMAND...: the command in a private D-Bus session with an unlocked gnome-keyring
# (a real Secret Service), inside the sandbox of use_sandbox_home. Each call gets its own
# runtime dir, so a daemon still shutting down from the previous call cannot answer for this one.
in_keyring() {
    XDG_RUNTIME_DIR=$(mktemp -d "$lap_sandbox/run.XXXXXX") dbus-run-session -- bash -c '
        # gnome-keyring-daemon prints its environment; we only need the session bus it joined.
        echo -n lap-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        exec "$@"' in_keyring "$@"
}

# lap_build DIR CMAKE-ARGS...: configures (RelWithDebInfo, Ninja, ccache) and builds DIR.
lap_build() {
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@" >/dev/null
    cmake --build "$dir" -j"$(nproc 2>/dev/null || echo 2)"
}

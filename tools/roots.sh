# shellcheck shell=bash
# shellcheck disable=SC2034 # root_dir and spawned_pid are set for the scripts that source this file
# SPDX-License-Identifier: GPL-2.0-or-later
# Minimal Debian roots for tools/test and tools/package: a cached build root of Debian 13 (the
# Qt6 app is built and tested there) and fresh roots of Debian 12 and 13 that hold nothing but
# what an installed .deb pulls in. Source it; it only defines functions. A script that mounts
# a root must call `roots_cleanup` from its EXIT trap: every mount is undone on every exit path.
#
# The cache (LAP_CACHE_DIR, default /var/cache/lap-desktop) lives outside the clone so that a
# fresh clone reuses it; anything missing in it is made again:
#   <suite>-minbase.tar   what `debootstrap --variant=minbase <suite>` made (pristine)
#   <suite>-build/        a root made from it, with tools/deps test installed; reused
#   apt-<suite>/          downloaded .debs, shared by the fresh roots of one suite

lap_cache=${LAP_CACHE_DIR:-/var/cache/lap-desktop}
roots_mounted=() # mount points, in the order they were mounted

# debian_mirror: the archive this machine's apt uses, so the roots need no other host.
debian_mirror() {
    local uri=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        uri=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources | head -1)
    fi
    if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
        uri=$(sed -n 's/^deb  *\(\[[^]]*\] *\)\{0,1\}\(http[^ ]*\) .*/\2/p' /etc/apt/sources.list | head -1)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

# minbase_tar SUITE: prints the path of the suite's pristine minbase tarball, making it first
# when it is missing (about 20-40 s).
minbase_tar() {
    local suite=$1 tar="$lap_cache/$1-minbase.tar"
    if [ ! -s "$tar" ]; then
        mkdir -p "$lap_cache"
        local tmp
        tmp=$(mktemp -d "$lap_cache/debootstrap.XXXXXX")
        chmod 755 "$tmp" # the root's / (mktemp makes it 0700: apt's _apt user could not enter)
        echo "roots: debootstrap --variant=minbase $suite ($(debian_mirror))" >&2
        if ! debootstrap --variant=minbase "$suite" "$tmp" "$(debian_mirror)" >"$tmp.log" 2>&1; then
            tail -20 "$tmp.log" >&2
            rm -rf "$tmp" "$tmp.log"
            return 1
        fi
        tar -C "$tmp" -cf "$tar.part" . && mv "$tar.part" "$tar"
        rm -rf "$tmp" "$tmp.log"
    fi
    echo "$tar"
}

# root_mount_fs DIR: proc, the host's /dev (for /dev/null, /dev/urandom…), a devpts of the
# root's own (the local platform's PTYs) and a private /dev/shm.
root_mount_fs() {
    local r=$1
    mount -t proc proc "$r/proc" && roots_mounted+=("$r/proc")
    mount --bind /dev "$r/dev" && roots_mounted+=("$r/dev")
    mount -t devpts devpts "$r/dev/pts" -o newinstance,ptmxmode=0666,mode=0620,gid=5 &&
        roots_mounted+=("$r/dev/pts")
    mount -t tmpfs tmpfs "$r/dev/shm" -o mode=1777 && roots_mounted+=("$r/dev/shm")
}

# root_bind SRC DIR/PATH: SRC visible at PATH inside the root.
root_bind() {
    mkdir -p "$2"
    mount --bind "$1" "$2" && roots_mounted+=("$2")
}

# root_stop_processes DIR: ends what still runs inside the root (a daemon a test left behind
# would keep its mounts busy). Only processes whose root directory is DIR: ours.
root_stop_processes() {
    local r p pid
    r=$(readlink -f "$1")
    for sig in TERM KILL; do
        for p in /proc/[0-9]*; do
            pid=${p#/proc/}
            [ "$(readlink "$p/root" 2>/dev/null)" = "$r" ] && kill -s $sig "$pid" 2>/dev/null
        done
        [ $sig = TERM ] && sleep 0.5
    done
    return 0
}

# roots_cleanup: stops what still runs in the roots mounted through this file, then unmounts
# everything mounted through it, newest first.
roots_cleanup() {
    local i m
    for m in "${roots_mounted[@]}"; do
        [[ "$m" == */proc ]] && root_stop_processes "${m%/proc}"
    done
    for ((i = ${#roots_mounted[@]} - 1; i >= 0; i--)); do
        m=${roots_mounted[$i]}
        mountpoint -q "$m" 2>/dev/null || continue
        umount "$m" 2>/dev/null || umount -l "$m" || echo "roots: could not unmount $m" >&2
    done
    roots_mounted=()
}

# root_unmount DIR: stops DIR's processes and unmounts everything below DIR.
root_unmount() {
    local r i m keep=()
    r=$(readlink -f "$1")
    root_stop_processes "$r"
    for ((i = ${#roots_mounted[@]} - 1; i >= 0; i--)); do
        m=${roots_mounted[$i]}
        if [[ "$m" == "$r"/* ]]; then
            mountpoint -q "$m" 2>/dev/null && { umount "$m" 2>/dev/null || umount -l "$m"; }
        fi
    done
    for m in "${roots_mounted[@]}"; do [[ "$m" == "$r"/* ]] || keep+=("$m"); done
    roots_mounted=("${keep[@]}")
}

# root_run DIR COMMAND...: COMMAND as root inside DIR with a clean environment (plus the
# variables named in root_pass_env).
root_pass_env=(CI LAP_SKIP_SANITIZE)
root_run() {
    local r=$1 v
    shift
    local env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
        LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive)
    for v in "${root_pass_env[@]}"; do [ -n "${!v+x}" ] && env+=("$v=${!v}"); done
    chroot "$r" /usr/bin/env -i "${env[@]}" "$@"
}

# root_spawn DIR LOG COMMAND...: like root_run, in the background with its output in LOG;
# sets spawned_pid to the command's own PID (chroot execs it), not a subshell's, so that
# killing spawned_pid ends the command.
root_spawn() {
    local r=$1 log=$2
    shift 2
    local env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
        LANG=C.UTF-8 TERM=dumb)
    chroot "$r" /usr/bin/env -i "${env[@]}" "$@" >"$log" 2>&1 &
    spawned_pid=$!
}

# fresh_root SUITE DIR: DIR becomes a new minimal root of SUITE (nothing installed beyond
# debootstrap's minbase), mounted, with the suite's download cache bound in.
fresh_root() {
    local suite=$1 r=$2 tar
    tar=$(minbase_tar "$suite") || return 1
    mkdir -p "$r" "$lap_cache/apt-$suite"
    chmod 755 "$r"
    tar -C "$r" -xf "$tar"
    cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
    root_mount_fs "$r"
    root_bind "$lap_cache/apt-$suite" "$r/var/cache/apt/archives"
}

# build_root SUITE SRC: sets root_dir to the suite's cached build root (made from the minbase
# tarball when missing), mounted, with SRC bound at /src and tools/deps test installed. Not in
# a $(…) subshell: the mounts must be recorded in this shell for roots_cleanup.
build_root() {
    local suite=$1 src=$2 r="$lap_cache/$1-build"
    if [ ! -f "$r/.lap-build-root" ]; then
        local tar
        tar=$(minbase_tar "$suite") || return 1
        rm -rf "$r"
        mkdir -p "$r"
        chmod 755 "$r"
        tar -C "$r" -xf "$tar"
        touch "$r/.lap-build-root"
    fi
    cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
    root_mount_fs "$r"
    root_bind "$src" "$r/src"
    root_dir=$r
    root_run "$r" bash /src/tools/deps test
}

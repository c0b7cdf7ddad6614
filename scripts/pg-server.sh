#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and benchmarks, on a free loopback port.
#
#   scripts/pg-server.sh start DIR   # installs Debian's postgresql when missing (apt, sudo when not root),
#                                    # runs initdb and pg_ctl in DIR as a non-root user (the `postgres`
#                                    # system user when run as root, else the current user), fsync off;
#                                    # prints the server's URL (postgres://syndic@127.0.0.1:PORT/postgres)
#   scripts/pg-server.sh stop DIR    # stops that server and removes DIR
#
# The server trusts loopback connections (it exists only for the run that started it).
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { # the newest installed server's bin directory
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_postgresql() {
    pg_bin >/dev/null && return 0
    echo "pg-server: installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq >&2
    as_root apt-get install -y -qq --no-install-recommends postgresql >&2
    pg_bin >/dev/null || { echo "pg-server: postgresql installed but no initdb under /usr/lib/postgresql" >&2; exit 69; }
}

# Runs a command as the server's user: `postgres` when we are root (initdb refuses root), else us.
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local dir=$1 bin port
    ensure_postgresql
    bin=$(pg_bin)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || { echo "pg-server: no postgres system user (the postgresql package creates it)" >&2; exit 69; }
        chown postgres "$dir"
        chmod 700 "$dir"
    fi
    as_server_user "$bin/initdb" -D "$dir/data" -U syndic --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 70; }
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        if as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off \
                -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB" \
            start >"$dir/pg_ctl.log" 2>&1; then
            echo "$port" >"$dir/port"
            echo "postgres://syndic@127.0.0.1:$port/postgres?sslmode=disable"
            return 0
        fi
    done
    cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
    exit 70
}

stop() {
    local dir=$1 bin
    [ -d "$dir/data" ] || { rm -rf "$dir"; return 0; }
    bin=$(pg_bin) || true
    if [ -n "${bin:-}" ]; then
        as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start "${2:?usage: pg-server.sh start DIR}" ;;
    stop) stop "${2:?usage: pg-server.sh stop DIR}" ;;
    *) sed -n '2,10p' "$0" >&2; exit 64 ;;
esac

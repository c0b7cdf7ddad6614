#!/usr/bin/env bash
# Installs scripts/systemd/syndic-poll.{service,timer} and starts the timer, which runs
# `syndic poll --quiet` every --every (any interval: a timer counts from the last run, so 7m is even).
#   scripts/install-systemd.sh [--every 15m] [--db PATH|URL] [--bin PATH] [--system [--run-as USER]] [--print|--dir DIR]
# User units go to ~/.config/systemd/user (run `loginctl enable-linger` to poll while logged out);
# --system puts them in /etc/systemd/system, run as --run-as (default: the user who ran sudo).
# The database is --db, else $SYNDIC_DB, else syndic's default. --print shows the units and changes
# nothing; --dir DIR writes them to DIR without starting them (for packaging, or to look first).
set -euo pipefail
source "$(dirname "$0")/schedule-lib.sh"
units="$(cd "$(dirname "$0")" && pwd)/systemd"
every=15m
db="${SYNDIC_DB:-}"
bin=""
system=0
run_as="${SUDO_USER:-$(id -un)}"
print_only=0
dir=""
while (($#)); do
    case "$1" in
        --every|--db|--bin|--run-as|--dir)
            [ $# -ge 2 ] && [ -n "$2" ] || fail 64 "$1 needs a value (see --help)"
            case "$1" in --every) every=$2 ;; --db) db=$2 ;; --bin) bin=$2 ;; --run-as) run_as=$2 ;; --dir) dir=$2 ;; esac
            shift 2 ;;
        --system) system=1; shift ;;
        --print) print_only=1; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail 64 "unknown option $1 (see --help)" ;;
    esac
done
bin=$(syndic_binary "$bin") || exit $?
minutes=$(every_minutes "$every") || exit $?
case "$bin$db" in *'"'*|*'\'*|*'%'*|*'|'*|*'&'*|*$'\n'*) fail 64 "--bin and --db must not hold quotes, backslashes, %, |, & or line breaks; move the file or link it from a plain path" ;; esac

# The shipped units with the binary, the database, the run-as user and the interval filled in.
service() {
    local environment="" user=""
    [ -n "$db" ] && environment="Environment=\"SYNDIC_DB=$db\"\n"
    [ "$system" -eq 1 ] && user="User=$run_as\n"
    sed -e "s|^ExecStart=.*|${user}${environment}ExecStart=\"$bin\" poll --quiet|" "$units/syndic-poll.service"
}
timer() {
    sed -e "s|^OnUnitActiveSec=.*|OnUnitActiveSec=${minutes}min|" \
        -e "s|^Description=.*|Description=Poll news feeds with Syndic every $every|" \
        -e "s|every 15 minutes (installed|every $every (installed|" "$units/syndic-poll.timer"
}

if [ "$print_only" -eq 1 ]; then
    echo "# syndic-poll.service"; service; echo; echo "# syndic-poll.timer"; timer
    exit 0
fi
start=1
if [ -n "$dir" ]; then start=0
elif [ "$system" -eq 1 ]; then dir=/etc/systemd/system
else dir="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"; fi
ctl=(systemctl); [ "$system" -eq 1 ] || ctl=(systemctl --user)
mkdir -p "$dir" || fail 73 "cannot create $dir"
service > "$dir/syndic-poll.service" || fail 73 "cannot write $dir/syndic-poll.service"
timer > "$dir/syndic-poll.timer" || fail 73 "cannot write $dir/syndic-poll.timer"
echo "installed $dir/syndic-poll.service and $dir/syndic-poll.timer (every $every)"
[ "$start" -eq 1 ] || exit 0
if "${ctl[@]}" daemon-reload && "${ctl[@]}" enable --now syndic-poll.timer; then
    echo "started: ${ctl[*]} list-timers syndic-poll.timer shows the next run"
else
    fail 69 "the units are installed but systemd could not start them here; run: ${ctl[*]} daemon-reload && ${ctl[*]} enable --now syndic-poll.timer"
fi

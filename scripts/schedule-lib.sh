# Shared by install-cron.sh, install-systemd.sh and install.sh (sourced, not run): errors, finding
# the syndic binary, and reading --every.

# fail STATUS MESSAGE: prints "SCRIPT: MESSAGE" on stderr and exits with STATUS (sysexits).
fail() {
    echo "$(basename "$0" .sh): $2" >&2
    exit "$1"
}

# syndic_binary [PATH]: PATH if given (it must be executable), else this checkout's release build,
# else `syndic` on the PATH.
syndic_binary() {
    local here
    if [ -n "${1:-}" ]; then
        [ -x "$1" ] || fail 66 "--bin $1 is not an executable file"
        echo "$1"; return
    fi
    here=$(cd "$(dirname "$0")/.." && pwd)
    if [ -x "$here/.build/release/syndic" ]; then echo "$here/.build/release/syndic"
    elif command -v syndic >/dev/null 2>&1; then command -v syndic
    else fail 66 "no syndic binary; run scripts/install.sh (or swift build -c release) first, or pass --bin PATH"; fi
}

# every_minutes VALUE: the minutes in an --every value (15m, 2h, 1d); fails on anything else.
every_minutes() {
    local value=$1 n unit
    [[ "$value" =~ ^([0-9]{1,5})([mhd])$ ]] || fail 64 "--every takes a whole number and a unit: 15m, 2h or 1d (got '$value')"
    n=$((10#${BASH_REMATCH[1]})); unit=${BASH_REMATCH[2]}
    [ "$n" -ge 1 ] || fail 64 "--every must be at least 1m (got '$value')"
    case "$unit" in
        m) echo "$n" ;;
        h) echo $((n * 60)) ;;
        d) echo $((n * 1440)) ;;
    esac
}

# cron_schedule VALUE: the five cron fields that run every VALUE, evenly. Cron steps restart at each
# hour (or day), so only intervals that divide it evenly are accepted: `*/7` would run at :56 and
# again at :00.
cron_schedule() {
    local minutes
    minutes=$(every_minutes "$1") || exit $?
    if [ "$minutes" -lt 60 ]; then
        if [ $((60 % minutes)) -ne 0 ]; then
            local runs last=$((59 / minutes * minutes))
            runs=$(for ((m = 0; m < 60; m += minutes)); do printf ':%02d ' "$m"; done)
            fail 64 "--every $1 does not divide the hour evenly: cron's */$minutes runs at ${runs}and again at :00, $((60 - last)) minutes after :$last; choose 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30m, or whole hours (the systemd timer, scripts/install-systemd.sh, takes any interval)"
        fi
        [ "$minutes" -eq 1 ] && echo "* * * * *" || echo "*/$minutes * * * *"
    elif [ $((minutes % 60)) -eq 0 ] && [ $((1440 % minutes)) -eq 0 ]; then
        local hours=$((minutes / 60))
        if [ "$hours" -eq 1 ]; then echo "0 * * * *"
        elif [ "$hours" -eq 24 ]; then echo "0 0 * * *"
        else echo "0 */$hours * * *"; fi
    else
        fail 64 "--every $1 does not divide the day evenly for cron; choose 1, 2, 3, 4, 6, 8, 12 or 24h (the systemd timer, scripts/install-systemd.sh, takes any interval)"
    fi
}

#!/usr/bin/env bash
# Installs one crontab line that runs `syndic poll --quiet` on a schedule, and prints it. Idempotent:
# running it again replaces Syndic's line instead of adding a second one.
#   scripts/install-cron.sh [--every 15m|1h|…] [--db PATH|URL] [--bin PATH] [--print]
# The database is --db, else $SYNDIC_DB, else syndic's default; it is written into the line (cron
# runs without your environment). --every must divide the hour or the day evenly: minutes 1, 2, 3,
# 4, 5, 6, 10, 12, 15, 20, 30; hours 1, 2, 3, 4, 6, 8, 12, 24 (or 1d).
set -euo pipefail
source "$(dirname "$0")/schedule-lib.sh"
every=15m
db="${SYNDIC_DB:-}"
bin=""
print_only=0
while (($#)); do
    case "$1" in
        --every|--db|--bin)
            [ $# -ge 2 ] && [ -n "$2" ] || fail 64 "$1 needs a value (see --help)"
            case "$1" in --every) every=$2 ;; --db) db=$2 ;; --bin) bin=$2 ;; esac
            shift 2 ;;
        --print) print_only=1; shift ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail 64 "unknown option $1 (see --help)" ;;
    esac
done
bin=$(syndic_binary "$bin") || exit $?
schedule=$(cron_schedule "$every") || exit $?
dbarg=""
[ -n "$db" ] && dbarg=" --db $(printf '%q' "$db")"
line="$schedule $(printf '%q' "$bin") poll --quiet$dbarg # syndic-poll"
if [ "$print_only" -eq 0 ]; then
    { crontab -l 2>/dev/null | grep -v '# syndic-poll$' || true; echo "$line"; } | crontab -
fi
echo "$line"

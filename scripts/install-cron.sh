#!/usr/bin/env bash
# Installs one crontab line that runs `syndic poll` on a schedule, and prints it. Idempotent:
# running it again replaces Syndic's line instead of adding a second one.
#   scripts/install-cron.sh [--every 15m|1h|…] [--db PATH] [--bin PATH] [--print]
set -euo pipefail
every=15m
db=""
bin=""
print_only=0
while (($#)); do
    case "$1" in
        --every) every=$2; shift 2 ;;
        --db) db=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --print) print_only=1; shift ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "install-cron: unknown option $1 (see --help)" >&2; exit 64 ;;
    esac
done
if [ -z "$bin" ]; then
    here=$(cd "$(dirname "$0")/.." && pwd)
    if [ -x "$here/.build/release/syndic" ]; then bin="$here/.build/release/syndic"
    elif command -v syndic >/dev/null 2>&1; then bin=$(command -v syndic)
    else echo "install-cron: no syndic binary; run 'swift build -c release' first or pass --bin PATH" >&2; exit 66; fi
fi
case "$every" in
    *m) n=${every%m}; [ "$n" -ge 1 ] && [ "$n" -le 59 ] || { echo "install-cron: minutes must be 1-59" >&2; exit 64; }
        schedule="*/$n * * * *" ;;
    *h) n=${every%h}; [ "$n" -ge 1 ] && [ "$n" -le 23 ] || { echo "install-cron: hours must be 1-23" >&2; exit 64; }
        schedule="0 */$n * * *" ;;
    *) echo "install-cron: --every takes minutes (15m) or hours (2h)" >&2; exit 64 ;;
esac
dbarg=""
[ -n "$db" ] && dbarg=" --db $(printf '%q' "$db")"
line="$schedule $(printf '%q' "$bin") poll --quiet$dbarg # syndic-poll"
if [ "$print_only" -eq 0 ]; then
    { crontab -l 2>/dev/null | grep -v '# syndic-poll$' || true; echo "$line"; } | crontab -
fi
echo "$line"

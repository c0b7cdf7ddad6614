#!/usr/bin/env bash
# The poller under test for ../shared/eval/polling/bench.sh --extra 'poll-cmd.sh DB {urls}'.
#
#   scripts/bench/poll-cmd.sh DB URLS
#
# First use of DB: imports the URL list (`syndic feeds import URLS --db DB`), so the first poll is
# cold (every feed 200) and the next ones warm (conditional GETs). Then polls every feed now,
# without fetching article pages. With /usr/bin/time present, each poll's peak RSS (KB) is
# appended to DB.rss. The syndic binary: $SYNDIC, else the release build of this checkout.
set -euo pipefail
if [ $# -ne 2 ]; then sed -n '2,9p' "$0"; exit 64; fi
db=$1; urls=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
syndic=${SYNDIC:-$root/.build/release/syndic}
[ -x "$syndic" ] || { echo "poll-cmd.sh: $syndic not built; run: swift build -c release --product syndic" >&2; exit 69; }
if [ ! -e "$db" ]; then
  "$syndic" feeds import "$urls" --db "$db" --quiet > /dev/null
fi
if [ -x /usr/bin/time ]; then
  exec /usr/bin/time -f %M -a -o "$db.rss" "$syndic" poll --force --full-text never --db "$db"
fi
exec "$syndic" poll --force --full-text never --db "$db"

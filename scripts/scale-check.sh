#!/usr/bin/env bash
# The scale check of shared polls on PostgreSQL (issue 18 §3): generated feeds on a loopback nginx,
# several `syndic poll` at once on one PostgreSQL database, judged from nginx's access log and the
# databases. Prints PASS or FAIL with figures for each check; exit 1 on any FAIL.
#
#   scripts/scale-check.sh [--feeds 10000] [--hosts 500] [--pollers 4] [--keep]
#
# (a) P pollers at once: all exit 0, every URL requested exactly once, nothing left due or leased;
# (b) everything due again: exactly one more request per URL, all 304;
# (c) the story partition ((feed URL, guid) sets) equals a single SQLite poll's of the same feeds and the
#     generated one, and some stories hold copies fetched by different pollers;
# (d) kill -9 one poller while it holds leases (SYNDIC_LEASE_SECONDS=6, fresh database): after its
#     leases expire another poller takes over; only its leased feeds are fetched twice; no duplicate
#     entries; the same partition;
# (e) kill -9 `syndic place --follow` while it places (fresh database): the polls still running place
#     what it left at their end, the next poll the rest; no entry is left unplaced, the same partition;
# (f) never more than 2 requests at once to one host across pollers, over the whole log (two hosts
#     answer slowly in (a), so their limit is exercised).
# nginx (Debian's nginx-light) is installed when missing; PostgreSQL comes from scripts/pg-server.sh.
# Each poller maps every host to its own loopback address (SYNDIC_RESOLVE), so nginx's $server_addr
# says which poller made a request. SYNDIC (default .build/debug/syndic) is the binary checked.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FEEDS=10000 HOSTS=500 POLLERS=4 KEEP=0
while (($#)); do
  case $1 in
    --feeds) FEEDS=$2; shift 2 ;;
    --hosts) HOSTS=$2; shift 2 ;;
    --pollers) POLLERS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "scale-check: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
[ "$POLLERS" -ge 2 ] && [ "$POLLERS" -le 200 ] || { echo "scale-check: --pollers takes 2 to 200" >&2; exit 64; }
SYNDIC=${SYNDIC:-$ROOT/.build/debug/syndic}
[ -x "$SYNDIC" ] || { echo "scale-check: $SYNDIC is not built (swift build, or set SYNDIC)" >&2; exit 69; }
export SYNDIC_RESOLVE_ONLY=1
unset SYNDIC_DB
# shellcheck source=scripts/scale/world.sh
source "$ROOT/scripts/scale/world.sh"
world_ensure_nginx || { echo "scale-check: SKIPPED: nginx is not installed and apt-get could not install it" >&2; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/syndic-scale.XXXXXX")
cleanup() { world_stop; if [ $KEEP = 1 ]; then echo "scale-check: kept $T"; else rm -rf "$T"; fi; }
trap cleanup EXIT
CHECKS="python3 $ROOT/scripts/scale/checks.py"
FAILED=0
result() { # result LETTER STATUS TEXT
  if [ "$2" = 0 ]; then echo "PASS ($1) $3"; else echo "FAIL ($1) $3"; FAILED=1; fi
}
addresses() { local net=$1 n=$2 i; for i in $(seq "$n"); do echo "$net.$i"; done; }
regex_of() { local r; r=$(printf '%s|' "$@"); r=${r%|}; echo "(${r//./\\.})"; }

A_ADDRS=($(addresses 127.0.0 "$POLLERS")); LITE_ADDR=127.0.0.$((POLLERS + 1))
D_ADDRS=($(addresses 127.0.1 $((POLLERS + 1)))); E_ADDRS=($(addresses 127.0.2 $((POLLERS + 1))))
export WORLD_SLOW_ADDRESSES="${A_ADDRS[*]}" WORLD_CRAWL_ADDRESSES="${D_ADDRS[0]}"
world_start "$T" "$FEEDS" "$HOSTS" "${A_ADDRS[@]}" "$LITE_ADDR" "${D_ADDRS[@]}" "${E_ADDRS[@]}"
LOG=$T/access.log URLS=$T/urls.txt PORT=$WORLD_PORT
ENTRIES=$(( FEEDS / 5 * 5 + 2 * FEEDS ))
BATCH=${SYNDIC_LEASE_BATCH:-$(( FEEDS / (POLLERS * 4) ))}
FPH=$(( (FEEDS + HOSTS - 1) / HOSTS )); [ "$BATCH" -ge "$FPH" ] || BATCH=$FPH; [ "$BATCH" -le 200 ] || BATCH=200
export SYNDIC_LEASE_BATCH=$BATCH
echo "scale-check: $FEEDS feeds on $HOSTS hosts, $POLLERS pollers, lease batch $BATCH, nginx port $PORT, $SYNDIC"

q() { psql "$1" -AtXq -F $'\t' -c "$2"; } # q URL SQL
new_db() { # new_db NAME: a migrated database with the feeds imported; prints its URL
  local url; url=$(world_db "$1")
  "$SYNDIC" migrate --db "$url" --quiet >&2
  "$SYNDIC" feeds import "$URLS" --db "$url" --quiet >&2
  echo "$url"
}
left_over() { # "N due, M leased"
  q "$1" "SELECT count(*) FILTER (WHERE next_fetch_at IS NULL OR next_fetch_at <= extract(epoch FROM now())) || ' due, '
          || count(*) FILTER (WHERE lease_owner IS NOT NULL) || ' leased, '
          || count(*) FILTER (WHERE last_fetched_at IS NULL) || ' never fetched' FROM feed"
}
dump_partition() { q "$1" "SELECT e.story_id, f.url, e.guid FROM entry e JOIN feed f ON f.id = e.feed_id WHERE e.story_id IS NOT NULL" > "$2"; }
entry_figures() { # "E entries (expected X), D duplicated, U unplaced"
  q "$1" "SELECT (SELECT count(*) FROM entry) || ' entries (expected $ENTRIES), '
          || (SELECT count(*) FROM (SELECT 1 FROM entry GROUP BY feed_id, guid HAVING count(*) > 1) d) || ' duplicated (feed, guid), '
          || (SELECT count(*) FROM entry WHERE story_id IS NULL) || ' unplaced'"
}
entries_ok() { [[ "$(entry_figures "$1")" =~ ^$ENTRIES\ entries.*\ 0\ duplicated.*\ 0\ unplaced$ ]]; }
now() { date +%s.%N; }
rate() { python3 -c "import sys; n, a, b = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]); print(f'{b - a:.1f} s, {n / (b - a):.0f} feeds/s')" "$@"; }

PIDS=()
start_poll() { # start_poll URL ADDRESS OUT [VAR=VALUE...]: a poller in the background (PID appended to PIDS)
  local url=$1 addr=$2 out=$3; shift 3
  env SYNDIC_DB="$url" SYNDIC_RESOLVE="$(world_resolve "$addr")" "$@" \
    "$SYNDIC" poll --full-text never > "$out" 2>&1 &
  PIDS+=($!)
}
wait_polls() { # waits for PIDS; sets STATUSES (their exit statuses); non-zero when one was not 0
  local st=() bad=0 p s
  for p in "${PIDS[@]}"; do s=0; wait "$p" || s=$?; st+=("$s"); [ "$s" = 0 ] || bad=1; done
  PIDS=(); STATUSES="${st[*]}"; return $bad
}
polled() { sed -n 's/^polled \([0-9]*\) feeds.*/\1/p' "$1" | tail -1; }

# ---------------------------------------------------------------- (a) P pollers at once
DB_A=$(new_db scale_a)
t0=$(now)
for i in "${!A_ADDRS[@]}"; do start_poll "$DB_A" "${A_ADDRS[$i]}" "$T/a$i.out"; done
st=0; wait_polls || st=1; statuses=$STATUSES; t1=$(now)
counts=""; for i in "${!A_ADDRS[@]}"; do counts+="$(polled "$T/a$i.out") "; done
req=0; requests=$($CHECKS once "$LOG" "$PORT" "$URLS" "$(regex_of "${A_ADDRS[@]}")" --status 200) || req=1
left=$(left_over "$DB_A")
[[ $st = 0 && $req = 0 && $left =~ ^0\ due,\ 0\ leased,\ 0\ never ]] && ok=0 || ok=1
result a $ok "$POLLERS pollers: exit statuses $statuses; feeds polled each: ${counts% }; $(rate "$FEEDS" "$t0" "$t1"); $requests; left: $left"
[ $st = 0 ] || for i in "${!A_ADDRS[@]}"; do tail -3 "$T/a$i.out" | sed "s/^/  poller $i: /"; done

# ---------------------------------------------------------------- (b) everything due again: all 304
from=$(wc -l < "$LOG")
q "$DB_A" "UPDATE feed SET next_fetch_at = 0" >/dev/null
t0=$(now)
for i in "${!A_ADDRS[@]}"; do start_poll "$DB_A" "${A_ADDRS[$i]}" "$T/b$i.out"; done
st=0; wait_polls || st=1; statuses=$STATUSES; t1=$(now)
req=0; requests=$($CHECKS once "$LOG" "$PORT" "$URLS" "$(regex_of "${A_ADDRS[@]}")" --from "$from" --status 304) || req=1
left=$(left_over "$DB_A")
[[ $st = 0 && $req = 0 && $left =~ ^0\ due,\ 0\ leased ]] && ok=0 || ok=1
result b $ok "warm: exit statuses $statuses; $(rate "$FEEDS" "$t0" "$t1"); $requests; left: $left"

# ---------------------------------------------------------------- (c) the same partition as one SQLite poll
LITE=$T/single.sqlite
"$SYNDIC" feeds import "$URLS" --db "$LITE" --quiet
t0=$(now)
st=0; SYNDIC_RESOLVE=$(world_resolve "$LITE_ADDR") "$SYNDIC" poll --full-text never --db "$LITE" > "$T/lite.out" 2>&1 || st=$?
t1=$(now)
dump_partition "$DB_A" "$T/pg_a.tsv"
part=0; partition=$($CHECKS partition "$T/pg_a.tsv" "$LITE" "$T/expected.json" "$LOG" "$PORT" "$(regex_of "${A_ADDRS[@]}")") || part=1
figures=$(entry_figures "$DB_A")
[[ $st = 0 && $part = 0 ]] && entries_ok "$DB_A" && ok=0 || ok=1
result c $ok "one SQLite poll: exit $st, $(rate "$FEEDS" "$t0" "$t1"); $partition; PostgreSQL: $figures"

# ---------------------------------------------------------------- (d) kill -9 a poller holding leases
DB_D=$(new_db scale_d)
LEASE=(SYNDIC_LEASE_SECONDS=6)
start_poll "$DB_D" "${D_ADDRS[0]}" "$T/d0.out" "${LEASE[@]}"; victim=${PIDS[0]}; PIDS=()
held_n=0
for _ in $(seq 300); do
  held_n=$(q "$DB_D" "SELECT count(*) FROM feed WHERE lease_owner LIKE 'pid $victim on %'")
  [ "$held_n" -gt 0 ] && break; sleep 0.1
done
for i in $(seq 1 $((POLLERS - 1))); do start_poll "$DB_D" "${D_ADDRS[$i]}" "$T/d$i.out" "${LEASE[@]}"; done
sleep 1.5
kill -9 "$victim"; wait "$victim" 2>/dev/null || true
q "$DB_D" "SELECT url FROM feed WHERE lease_owner LIKE 'pid $victim on %'" > "$T/held.txt"
held_n=$(wc -l < "$T/held.txt")
st=0; wait_polls || st=1; statuses=$STATUSES
until_s=$(q "$DB_D" "SELECT COALESCE(max(lease_until), 0) FROM feed WHERE lease_owner LIKE 'pid $victim on %'")
still=$(q "$DB_D" "SELECT count(*) FROM feed WHERE lease_owner LIKE 'pid $victim on %' AND last_fetched_at IS NULL")
python3 -c "import time, sys; time.sleep(max(0, float(sys.argv[1]) - time.time() + 0.5))" "$until_s"
start_poll "$DB_D" "${D_ADDRS[$POLLERS]}" "$T/dlate.out" "${LEASE[@]}"
late=0; wait_polls || late=1
late_n=$(polled "$T/dlate.out")
req=0; requests=$($CHECKS takeover "$LOG" "$PORT" "$URLS" "$(regex_of "${D_ADDRS[@]}")" "$T/held.txt") || req=1
left=$(left_over "$DB_D")
dump_partition "$DB_D" "$T/pg_d.tsv"
part=0; partition=$($CHECKS partition "$T/pg_d.tsv" "$LITE" "$T/expected.json" "$LOG" "$PORT" "$(regex_of "${D_ADDRS[@]}")") || part=1
figures=$(entry_figures "$DB_D")
[[ $held_n -gt 0 && $st = 0 && $late = 0 && $req = 0 && $part = 0 && $left =~ ^0\ due,\ 0\ leased,\ 0\ never ]] && entries_ok "$DB_D" && ok=0 || ok=1
result d $ok "killed poller (pid $victim) held $held_n leases, $still of them unfetched and still leased when the others ended (exit statuses $statuses); the poll after expiry (exit $late) polled ${late_n:-?} feeds; $requests; left: $left; $figures; $partition"

# ---------------------------------------------------------------- (e) kill -9 the placer mid-run
# The follower places what a poll announces at its end: it is killed while it places (a poll has ended,
# entries wait), and the polls still running, or the next poll, place what it left.
DB_E=$(new_db scale_e)
SYNDIC_DB=$DB_E "$SYNDIC" place --follow > "$T/follow.out" 2>&1 & placer=$!
for _ in $(seq 300); do grep -q . "$T/follow.out" && break; sleep 0.1; done
for i in $(seq 0 $((POLLERS - 1))); do start_poll "$DB_E" "${E_ADDRS[$i]}" "$T/e$i.out"; done
ended=0
for _ in $(seq 1200); do
  ended=0; for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || ended=$((ended + 1)); done
  [ $ended -gt 0 ] && break; sleep 0.05
done
sleep 0.3
running=0; for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && running=$((running + 1)); done
kill -9 "$placer"; wait "$placer" 2>/dev/null || true
at_kill=$(q "$DB_E" "SELECT count(*) FILTER (WHERE story_id IS NOT NULL) || ' placed, ' || count(*) FILTER (WHERE story_id IS NULL) || ' unplaced' FROM entry")
st=0; wait_polls || st=1; statuses=$STATUSES
after_polls=$(q "$DB_E" "SELECT count(*) FROM entry WHERE story_id IS NULL")
start_poll "$DB_E" "${E_ADDRS[$POLLERS]}" "$T/enext.out"
pl=0; wait_polls || pl=1
after_next=$(q "$DB_E" "SELECT count(*) FROM entry WHERE story_id IS NULL")
dump_partition "$DB_E" "$T/pg_e.tsv"
part=0; partition=$($CHECKS partition "$T/pg_e.tsv" "$LITE" "$T/expected.json" "$LOG" "$PORT" "$(regex_of "${E_ADDRS[@]}")") || part=1
figures=$(entry_figures "$DB_E")
[[ $st = 0 && $pl = 0 && $after_next = 0 && $part = 0 ]] && entries_ok "$DB_E" && ok=0 || ok=1
[[ $running -gt 0 && $after_polls != 0 ]] && ok=1 # a poll that ran past the kill must have placed everything
result e $ok "placer killed while placing ($at_kill in the database, $running of $POLLERS polls still running); polls' exit statuses $statuses, $after_polls entries unplaced after them; the next poll (exit $pl) left $after_next unplaced; $figures; $partition"

# ---------------------------------------------------------------- (f) politeness across pollers
conc=0; concurrency=$($CHECKS concurrency "$LOG" "$T/slow.txt") || conc=1
result f $conc "$concurrency ($(wc -l < "$LOG") requests in the log)"

if [ $FAILED = 0 ]; then echo "scale-check: all checks passed"; else echo "scale-check: some checks FAILED"; KEEP=1; fi
exit $FAILED

#!/usr/bin/env bash
# One measurement of the `scale` bench area (scripts/bench.sh scale): POLLERS `syndic poll` at once on
# a fresh database of BACKEND (sqlite or postgres) over the generated feeds of a running world
# (scripts/scale/world.sh: WORLD_DIR, WORLD_PORT, WORLD_PG, WORLD_PG_DIR exported by the caller), cold
# (every feed new) and then warm (every feed due again, all 304). Prints, per phase:
#   cold: 1000 feeds in 2.10 s, 476 feeds/s; CPU 3.20 s (syndic 2.50 s, PostgreSQL 0.70 s), 3.20 ms per feed
# CPU = user + system of the pollers (/usr/bin/time) plus, on PostgreSQL, of the server's processes.
#   scripts/bench/scale-run.sh BACKEND POLLERS
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
backend=$1 pollers=$2
# shellcheck source=scripts/scale/world.sh
source "$ROOT/scripts/scale/world.sh"
export SYNDIC_RESOLVE_ONLY=1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/syndic-scale-run.XXXXXX")
name=scale_run_$$_$RANDOM
cleanup() {
  rm -rf "$tmp"
  if [ "$backend" = postgres ]; then psql "$WORLD_PG/postgres?sslmode=disable" -qXc "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
feeds=$(wc -l < "$WORLD_DIR/urls.txt")
if [ "$backend" = postgres ]; then db=$(world_db "$name"); else db=$tmp/db.sqlite; fi
"$SYNDIC" migrate --db "$db" --quiet
"$SYNDIC" feeds import "$WORLD_DIR/urls.txt" --db "$db" --quiet
export SYNDIC_LEASE_BATCH=${SYNDIC_LEASE_BATCH:-200}

sql() { # sql STATEMENT: on the backend under test
  if [ "$backend" = postgres ]; then psql "$db" -AtXqc "$1"; else python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); r = c.execute(sys.argv[2]).fetchall(); c.commit(); print("\n".join("|".join(map(str, x)) for x in r))' "$db" "$1"; fi
}

phase() { # phase NAME
  local pg0=0 pg1=0 t0 t1 i pids=() st=0
  [ "$backend" = postgres ] && pg0=$(world_pg_cpu)
  t0=$(date +%s.%N)
  for i in $(seq "$pollers"); do
    SYNDIC_RESOLVE=$(world_resolve "127.0.0.$i") /usr/bin/time -f "%U %S" -o "$tmp/cpu.$1.$i" \
      "$SYNDIC" poll --full-text never --quiet --db "$db" > "$tmp/out.$1.$i" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || st=$?; done
  t1=$(date +%s.%N)
  [ "$st" = 0 ] || { cat "$tmp"/out."$1".* >&2; echo "scale-run: a poller failed (exit $st)" >&2; exit 1; }
  [ "$backend" = postgres ] && pg1=$(world_pg_cpu)
  local fetched; fetched=$(sql "SELECT count(*) FROM feed WHERE last_fetched_at IS NOT NULL AND (next_fetch_at IS NULL OR next_fetch_at > $(date +%s))")
  [ "$fetched" = "$feeds" ] || { echo "scale-run: $1: only $fetched of $feeds feeds fetched" >&2; exit 1; }
  python3 - "$1" "$feeds" "$t0" "$t1" "$pg0" "$pg1" "$tmp"/cpu."$1".* <<'PY'
import sys
name, feeds, t0, t1, pg0, pg1, *files = sys.argv[1:]
feeds, wall = int(feeds), float(t1) - float(t0)
mine = sum(sum(float(x) for x in open(f).read().split()[-2:]) for f in files)
pg = float(pg1) - float(pg0)
print(f"{name}: {feeds} feeds in {wall:.2f} s, {feeds / wall:.0f} feeds/s; CPU {mine + pg:.2f} s "
      f"(syndic {mine:.2f} s, PostgreSQL {pg:.2f} s), {1000 * (mine + pg) / feeds:.2f} ms per feed")
PY
}

phase cold
sql "UPDATE feed SET next_fetch_at = 0" >/dev/null
phase warm

#!/usr/bin/env bash
# Candidate-index query latency at N entries (issue 18): fills a migrated PostgreSQL database with N
# entries in stories of 3 copies, each filed in story_band under 37 band keys its story's copies share
# and 8 sampled-shingle keys of its own (the real placer files 37 bands and up to 192 samples), then
# runs CandidateSQL.candidates' statement text for random entries' keys with pgbench and prints
# p50 / p99 / max in ms.
#
#   scripts/bench/candidates.sh SYNDIC_BINARY POSTGRES_URL [N=1000000] [SECONDS=20]
set -euo pipefail
SYNDIC=$1 URL=$2 N=${3:-1000000} SECS=${4:-20}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$SYNDIC" migrate --db "$URL" >/dev/null
psql() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 "$URL" "$@"; }
NOW=$(date +%s)
SECONDS_FILL=$SECONDS
psql <<SQL
TRUNCATE story_band, signature, entry, story, feed CASCADE;
INSERT INTO feed (url, title, added_at, next_fetch_at) VALUES ('https://bench.localhost/feed.xml', 'bench', $NOW, $NOW);
INSERT INTO story (id, first_seen_at, last_seen_at, size, source_count, updated_at)
  SELECT g * 3 + 1, $NOW, $NOW, 3, 3, $NOW FROM generate_series(0, ($N - 1) / 3) g;
INSERT INTO entry (id, feed_id, guid, first_seen_at, last_seen_at, story_id)
  SELECT g, (SELECT id FROM feed), 'g' || g, $NOW - (g % 600000), $NOW, ((g - 1) / 3) * 3 + 1 FROM generate_series(1, $N) g;
INSERT INTO signature (entry_id, minhash, shingle_count, source, full_text, created_at, filed)
  SELECT g, decode(repeat(lpad(to_hex(g % 256), 2, '0'), 600), 'hex'), 300, 'content', true, $NOW, true FROM generate_series(1, $N) g;
INSERT INTO story_band (hash, entry_id)
  SELECT hashint8extended(((g - 1) / 3) * 64 + b, 0), g FROM generate_series(1, $N) g, generate_series(0, 36) b
  UNION ALL SELECT hashint8extended(g * 1000 + b + 100, 0), g FROM generate_series(1, $N) g, generate_series(0, 7) b
  ON CONFLICT DO NOTHING;
ANALYZE;
SQL
echo "filled $N entries in $((SECONDS - SECONDS_FILL)) s; story_band rows: $(psql -tAc 'SELECT count(*) FROM story_band')"
# The statement CandidateSQL.candidates sends, for a random entry's 37 band keys and 8 samples, padded to 64.
{
  echo "\\set e random(1, $N)"
  echo "\\set s ((:e - 1) / 3) * 64"
  keys=""
  for b in $(seq 0 36); do keys+="hashint8extended(:s + $b, 0), "; done
  for b in $(seq 0 7); do keys+="hashint8extended(:e * 1000 + $b + 100, 0), "; done
  for b in $(seq 45 63); do keys+="hashint8extended(:e * 1000 + 107, 0), "; done
  keys=${keys%, }
  cat <<Q
SELECT s.entry_id, s.minhash, s.shingle_count, s.source, s.full_text, s.roundup, e.story_id, e.first_seen_at
FROM entry e JOIN signature s ON s.entry_id = e.id
WHERE e.first_seen_at >= $((NOW - 7 * 86400)) AND e.story_id IN (
  SELECT h.story_id FROM entry h WHERE h.id IN (SELECT b.entry_id FROM story_band b WHERE b.hash IN ($keys) ORDER BY b.entry_id DESC LIMIT 2000)
    AND h.first_seen_at >= $((NOW - 7 * 86400)) AND h.story_id IS NOT NULL
  UNION SELECT o.story_id FROM entry o WHERE o.id = :e AND o.story_id IS NOT NULL)
ORDER BY e.first_seen_at, e.id;
Q
} >"$WORK/query.sql"
(cd "$WORK" && "$BIN/pgbench" -n -M prepared -c 1 -T "$SECS" -f query.sql -l --log-prefix=lat "$URL" >"$WORK/pgbench.out" 2>&1) \
  || { cat "$WORK/pgbench.out"; exit 1; }
# Per-transaction log: client_id transaction_no time_us script_no epoch epoch_us
cat "$WORK"/lat* | awk '{print $3 / 1000}' | sort -n | awk '{a[NR]=$1} END {
  printf "queries %d  p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", NR, a[int(NR*0.5)+1], a[int(NR*0.99)+1], a[NR] }'

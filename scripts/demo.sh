#!/usr/bin/env bash
# The demo: builds Syndic (release), serves the bundled demo world (Feeds/demo: six fictional news
# sites with their feeds and article pages) on a loopback port, polls it into a fresh database, and
# shows the story clusters and the deduplicated digest.
#   scripts/demo.sh            # everything, results in out/demo/
#   SYNDIC_DEMO_DIR=/tmp/d scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/setup.sh
export PATH="/opt/swift/usr/bin:$PATH"

echo "==> building Syndic (release; the first build takes a few minutes)"
swift build -c release --product syndic 2>&1 | tail -n 1
bin="$root/.build/release/syndic"

out=${SYNDIC_DEMO_DIR:-$root/out/demo}
rm -rf "$out" && mkdir -p "$out"
export SYNDIC_DB="$out/syndic.sqlite"

# Serve each demo site under its own host name (<site>.localhost, on loopback), as real sites have their own hosts.
python3 scripts/demo-server.py Feeds/demo.opml "$out/demo.opml" >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q ready "$out/server.log" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$out/server.log" || { echo "demo: the demo web server did not start:" >&2; cat "$out/server.log" >&2; exit 1; }

echo "==> subscribing to the demo sites"
"$bin" feeds import "$out/demo.opml"
echo "==> polling (fetch feeds, fetch article pages, strip boilerplate, cluster copies)"
"$bin" poll
echo "==> the story clusters"
"$bin" stories
# The demo world is a fixed snapshot whose stories were published on 24-26 November 2026: digests
# select by published time (24 hours by default), so the demo asks for all of them. For the same
# reason the poll counts its entries as backlog (dated more than the 7-day window before now), not new.
"$bin" digest --since all --format html --output "$out/digest.html" --title "Syndic demo digest"
"$bin" digest --since all --format markdown --output "$out/digest.md" --title "Syndic demo digest"
"$bin" digest --since all --format atom --output "$out/digest.atom" --title "Syndic demo digest"

cat <<NEXT

Done. The database is $SYNDIC_DB
  digest (HTML):      $out/digest.html
  digest (Markdown):  $out/digest.md
  digest (Atom):      $out/digest.atom

Try next:
  export SYNDIC_DB=$SYNDIC_DB
  $bin story <ID>                      # every copy of one story and its text
  $bin explain <ENTRY-ID> <ENTRY-ID>   # why two entries were (or were not) folded together
  $bin serve                           # the web view on http://127.0.0.1:8080/
  $bin feeds list
NEXT

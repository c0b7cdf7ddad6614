#!/usr/bin/env bash
# Opens every page of `syndic serve` in headless Chromium and fails on any console message (Syndic's
# pages carry no JavaScript, so any message is an error or a blocked injection), on a <script> in the
# rendered DOM, or on an unexpected HTTP status. Screenshots (phone size, 412x900) go to out/screenshots/.
#
#   scripts/browser-check.sh                  # builds, seeds a temporary database (with a hostile story)
#   scripts/browser-check.sh PATH/TO/DB.sqlite  # checks that database instead (e.g. the demo's)
#
# Needs Debian's `chromium` (installed with apt-get when missing and possible). When Chromium cannot be
# installed at all, it says so and exits 0 (skipped); any other problem exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

find_chromium() { command -v chromium || command -v chromium-browser || true; }
CHROMIUM=$(find_chromium)
if [[ -z "$CHROMIUM" ]] && command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
    echo "browser-check: installing chromium with apt-get…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || true
    CHROMIUM=$(find_chromium)
fi
if [[ -z "$CHROMIUM" ]]; then
    echo "browser-check: SKIPPED — chromium is not installed and could not be installed (apt-get install chromium)."
    exit 0
fi

WORK=$(mktemp -d)
swift build --product syndic >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
BIN="$(swift build --show-bin-path 2>/dev/null)/syndic"
SERVER_PID=""
cleanup() {
    [[ -n "${KEEP_WORK:-}" ]] && { echo "work folder kept: $WORK"; return; }
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ $# -ge 1 ]]; then
    DB="$1"
    [[ -f "$DB" ]] || { echo "browser-check: no database at $DB" >&2; exit 66; }
else
    DB="$WORK/syndic.sqlite"
    for site in wire daily gazette evening evil evil2; do
        "$BIN" feeds add --db "$DB" --quiet "https://$site.example/feed.xml" >/dev/null
    done
    python3 scripts/browser-seed.py "$DB" >/dev/null
fi

"$BIN" serve --db "$DB" --host 127.0.0.1 --port 0 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
BASE=""
for _ in $(seq 1 100); do
    BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/serve.log" | head -1 || true)
    [[ -n "$BASE" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; echo "browser-check: server did not start" >&2; exit 1; }
    sleep 0.2
done
[[ -n "$BASE" ]] || { echo "browser-check: server did not report its address in 20 s" >&2; exit 1; }
echo "browser-check: server at $BASE, database $DB"

STORY_IDS=$("$BIN" stories --db "$DB" --format json | python3 -c 'import json,sys; print(" ".join(str(s["id"]) for s in json.load(sys.stdin)[:8]))')

SHOTS=out/screenshots
mkdir -p "$SHOTS"
rm -f "$SHOTS"/*.png
FAILURES=0
fail() { echo "  FAIL: $*"; FAILURES=$((FAILURES + 1)); }

CHROME=("$CHROMIUM" --headless --disable-gpu --no-sandbox --no-first-run --disable-dev-shm-usage
        --user-data-dir="$WORK/profile" --enable-logging=stderr --v=0)

# check PATH NAME EXPECTED_STATUS
check_page() {
    local path=$1 name=$2 expected=$3 url="${BASE%/}$1"
    echo "page $path"
    local status
    status=$(curl -s -o "$WORK/$name.body" -w '%{http_code}' "$url")
    [[ "$status" == "$expected" ]] || fail "$path answered $status, expected $expected"
    timeout 90 "${CHROME[@]}" --dump-dom "$url" >"$WORK/$name.dom" 2>"$WORK/$name.log" || fail "$path: chromium failed"
    if grep -q 'CONSOLE' "$WORK/$name.log"; then
        fail "$path: console messages:"; grep 'CONSOLE' "$WORK/$name.log" | sed 's/^/      /'
    fi
    if grep -qi '<script' "$WORK/$name.dom"; then fail "$path: a <script> element is in the DOM"; fi
    grep -q '</html>' "$WORK/$name.dom" || fail "$path: no page was rendered"
    timeout 90 "${CHROME[@]}" --hide-scrollbars --window-size=412,900 --screenshot="$SHOTS/$name.png" "$url" \
        >/dev/null 2>"$WORK/$name.shot.log" || fail "$path: screenshot failed"
    [[ -s "$SHOTS/$name.png" ]] || fail "$path: no screenshot written"
}

check_page "/" index 200
check_page "/?since=all&min-sources=2" index-filtered 200
check_page "/feeds" feeds 200
check_page "/digest.html?since=all" digest 200
for id in $STORY_IDS; do check_page "/story/$id" "story-$id" 200; done
check_page "/story/999999999" not-found 404
timeout 90 "${CHROME[@]}" --hide-scrollbars --window-size=1280,900 --screenshot="$SHOTS/index-desktop.png" "$BASE" \
    >/dev/null 2>&1 || fail "desktop screenshot failed"

# The digest feeds: status, media type, ETag and 304.
for feed in digest.atom digest.rss digest.json digest.md; do
    echo "feed /$feed"
    headers=$(curl -s -D - -o "$WORK/$feed" "${BASE}$feed?since=all")
    grep -q '^HTTP/1.1 200' <<<"$headers" || fail "/$feed did not answer 200"
    etag=$(grep -i '^etag:' <<<"$headers" | cut -d' ' -f2- | tr -d '\r')
    [[ -n "$etag" ]] || fail "/$feed has no ETag"
    again=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "${BASE}$feed?since=all")
    [[ "$again" == "304" ]] || fail "/$feed with If-None-Match answered $again, expected 304"
    if [[ "$feed" == *.atom || "$feed" == *.rss ]] && command -v xmllint >/dev/null; then
        xmllint --noout --nonet "$WORK/$feed" || fail "/$feed is not well-formed XML"
    fi
    if [[ "$feed" == *.json ]]; then python3 -m json.tool "$WORK/$feed" >/dev/null || fail "/$feed is not JSON"; fi
done

if ((FAILURES > 0)); then
    echo "browser-check: $FAILURES failure(s); screenshots in $SHOTS/"
    exit 1
fi
echo "browser-check: all pages clean; screenshots in $SHOTS/"

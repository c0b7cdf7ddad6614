#!/usr/bin/env bash
# Opens every page of `syndic serve` in headless Chromium and fails on any console message (Syndic's
# pages carry no JavaScript, so any message is an error or a blocked injection), on a <script> in the
# rendered DOM, or on an unexpected HTTP status. Screenshots (phone size, 412x900) go to out/screenshots/.
#
# No name is ever asked of the system resolver: Chromium's --host-resolver-rules map the served names
# (syndic.test, and rebound.test for the DNS-rebinding check) to 127.0.0.1 and every other name to
# ~NOTFOUND, and each run's NetLog is read by scripts/browser-netlog-check.py, which fails the check when a
# page asks for a name outside the map (proven at the start on a canary page that does). curl and the
# seeding use 127.0.0.1 and `feeds add --no-check` (nothing fetched).
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
    for pid in "$SERVER_PID" "${CANARY_PID:-}"; do
        if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ $# -ge 1 ]]; then
    DB="$1"
    [[ -f "$DB" ]] || { echo "browser-check: no database at $DB" >&2; exit 66; }
else
    DB="$WORK/syndic.sqlite"
    for site in wire daily gazette evening evil evil2; do
        "$BIN" feeds add --db "$DB" --quiet --no-check "https://$site.example/feed.xml" >/dev/null
    done
    python3 scripts/browser-seed.py "$DB" >/dev/null
fi

SERVED_NAME=syndic.test    # the name the pages are opened by (allowed below)
REBOUND_NAME=rebound.test  # a name that points at the server but is not allowed: a DNS-rebinding page
"$BIN" serve --db "$DB" --host 127.0.0.1 --port 0 --allowed-host "$SERVED_NAME" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
BASE=""
for _ in $(seq 1 100); do
    BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/serve.log" | head -1 || true)
    [[ -n "$BASE" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; echo "browser-check: server did not start" >&2; exit 1; }
    sleep 0.2
done
[[ -n "$BASE" ]] || { echo "browser-check: server did not report its address in 20 s" >&2; exit 1; }
PORT=${BASE#http://127.0.0.1:}; PORT=${PORT%/}
NAMED_BASE="http://$SERVED_NAME:$PORT/"
echo "browser-check: server at $BASE (opened as $NAMED_BASE), database $DB"

STORY_IDS=$("$BIN" stories --db "$DB" --format json | python3 -c 'import json,sys; print(" ".join(str(s["id"]) for s in json.load(sys.stdin)[:8]))')

SHOTS=out/screenshots
mkdir -p "$SHOTS"
rm -f "$SHOTS"/*.png
FAILURES=0
fail() { echo "  FAIL: $*"; FAILURES=$((FAILURES + 1)); }

# Served names first: the first matching rule wins.
RESOLVER_RULES="MAP $SERVED_NAME 127.0.0.1, MAP $REBOUND_NAME 127.0.0.1, MAP * ~NOTFOUND"
CHROME=("$CHROMIUM" --headless --disable-gpu --no-sandbox --no-first-run --disable-dev-shm-usage
        --user-data-dir="$WORK/profile" --enable-logging=stderr --v=0
        --host-resolver-rules="$RESOLVER_RULES" --disable-background-networking --disable-component-update)

# names_check NETLOG WHAT: fails when the run logged in NETLOG asked for a name outside the map.
names_check() {
    local out
    if ! out=$(python3 scripts/browser-netlog-check.py "$1" "$SERVED_NAME" "$REBOUND_NAME" 2>/dev/null); then
        fail "$2: a name outside the resolver map was asked:"; sed 's/^/      /' <<<"$out"
    fi
}

# The name check must see a page that asks for another name: a canary page served on loopback.
mkdir -p "$WORK/canary"
echo '<!doctype html><title>canary</title><img src="http://canary-outside.example/pixel.png" alt="">' >"$WORK/canary/canary.html"
python3 -c 'import functools, http.server, sys
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
handler.log_message = lambda *a: None
server = http.server.HTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
server.serve_forever()' "$WORK/canary" >"$WORK/canary.port" 2>/dev/null &
CANARY_PID=$!
for _ in $(seq 1 50); do [[ -s "$WORK/canary.port" ]] && break; sleep 0.1; done
echo "canary page (asks for canary-outside.example)"
timeout 90 "${CHROME[@]}" --log-net-log="$WORK/canary.netlog.json" --dump-dom "http://$SERVED_NAME:$(head -1 "$WORK/canary.port")/canary.html" \
    >"$WORK/canary.dom" 2>/dev/null || fail "canary: chromium failed"
grep -q 'canary-outside.example' "$WORK/canary.dom" || fail "canary: the page was not loaded through the resolver map"
canary=$(python3 scripts/browser-netlog-check.py "$WORK/canary.netlog.json" "$SERVED_NAME" "$REBOUND_NAME" 2>/dev/null || true)
grep -q 'canary-outside.example' <<<"$canary" || fail "canary: the name check did not notice a page asking for canary-outside.example"
kill "$CANARY_PID" 2>/dev/null || true; wait "$CANARY_PID" 2>/dev/null || true; CANARY_PID=""

# check PATH NAME EXPECTED_STATUS
check_page() {
    local path=$1 name=$2 expected=$3 url="${NAMED_BASE%/}$1"
    echo "page $path"
    local status
    status=$(curl -s -o "$WORK/$name.body" -w '%{http_code}' -H "Host: $SERVED_NAME:$PORT" "${BASE%/}$path")
    [[ "$status" == "$expected" ]] || fail "$path answered $status, expected $expected"
    timeout 90 "${CHROME[@]}" --log-net-log="$WORK/$name.netlog.json" --dump-dom "$url" >"$WORK/$name.dom" 2>"$WORK/$name.log" \
        || fail "$path: chromium failed"
    names_check "$WORK/$name.netlog.json" "$path"
    if grep -q 'CONSOLE' "$WORK/$name.log"; then
        fail "$path: console messages:"; grep 'CONSOLE' "$WORK/$name.log" | sed 's/^/      /'
    fi
    if grep -qi '<script' "$WORK/$name.dom"; then fail "$path: a <script> element is in the DOM"; fi
    grep -q '</html>' "$WORK/$name.dom" || fail "$path: no page was rendered"
    timeout 90 "${CHROME[@]}" --log-net-log="$WORK/$name.shot.netlog.json" --hide-scrollbars --window-size=412,900 \
        --screenshot="$SHOTS/$name.png" "$url" >/dev/null 2>"$WORK/$name.shot.log" || fail "$path: screenshot failed"
    names_check "$WORK/$name.shot.netlog.json" "$path (screenshot)"
    [[ -s "$SHOTS/$name.png" ]] || fail "$path: no screenshot written"
}

check_page "/" index 200
check_page "/?since=all&min-sources=2" index-filtered 200
check_page "/feeds" feeds 200
check_page "/digest.html?since=all" digest 200
for id in $STORY_IDS; do check_page "/story/$id" "story-$id" 200; done
check_page "/story/999999999" not-found 404
timeout 90 "${CHROME[@]}" --log-net-log="$WORK/desktop.netlog.json" --hide-scrollbars --window-size=1280,900 \
    --screenshot="$SHOTS/index-desktop.png" "$NAMED_BASE" >/dev/null 2>&1 || fail "desktop screenshot failed"
names_check "$WORK/desktop.netlog.json" "desktop screenshot"

# DNS rebinding: a name that resolves to the server but is not one it serves gets 421 and no stories.
echo "rebound name http://$REBOUND_NAME:$PORT/"
timeout 90 "${CHROME[@]}" --log-net-log="$WORK/rebound.netlog.json" --dump-dom "http://$REBOUND_NAME:$PORT/?since=all" \
    >"$WORK/rebound.dom" 2>/dev/null || fail "rebound: chromium failed"
grep -q '421 Misdirected Request' "$WORK/rebound.dom" || fail "rebound: a page under $REBOUND_NAME was not refused with 421"
if grep -q '/story/' "$WORK/rebound.dom"; then fail "rebound: stories were shown under $REBOUND_NAME"; fi
names_check "$WORK/rebound.netlog.json" "rebound"

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

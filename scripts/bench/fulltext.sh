#!/usr/bin/env bash
# Full-text poll throughput: 50 summary-only RSS feeds × 20 entries on a loopback nginx, each entry's
# article page one of the aeb dev pages (125 pages, each served under 8 URLs, so 125 stories are
# expected). Runs `syndic poll` (full text auto) on a fresh database RUNS times and prints entries/s
# and peak RSS per run.   scripts/bench/fulltext.sh [RUNS]   (needs nginx and ../shared)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
bin=$root/.build/release/syndic
shared=${SYNDIC_SHARED:-$root/../shared}
T=$(mktemp -d); chmod 755 "$T"; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'kill $(cat "$T/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$T"' EXIT
mkdir -p "$T/www/p" "$T/www/f" "$T/logs" "$T/tmp"
python3 - "$shared" "$T" "$port" <<'PY'
import glob, gzip, sys
shared, T, port = sys.argv[1], sys.argv[2], sys.argv[3]
bodies = [gzip.open(p).read() for p in sorted(glob.glob(f"{shared}/corpus/extraction/aeb/html/*.html.gz"))]
for i in range(1000):
    open(f"{T}/www/p/{i}.html", "wb").write(bodies[i % len(bodies)])
for f in range(50):
    items = "".join(f"<item><title>Story {f*20+j}</title><link>http://127.0.0.1:{port}/p/{f*20+j}.html</link>"
                    f"<guid>s{f*20+j}</guid><description>Short teaser {f*20+j}.</description></item>" for j in range(20))
    open(f"{T}/www/f/{f}.xml", "w").write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F{f}</title>'
                                          f'<link>http://x.example/</link>{items}</channel></rss>')
open(f"{T}/urls.txt", "w").write("".join(f"http://127.0.0.1:{port}/f/{f}.xml\n" for f in range(50)))
PY
cat > "$T/nginx.conf" <<CONF
worker_processes 2; daemon off; pid $T/nginx.pid; error_log $T/logs/error.log warn;
events { worker_connections 1024; }
http { types { text/xml xml; text/html html; } access_log off; sendfile on; keepalive_requests 100000;
  client_body_temp_path $T/tmp/b; proxy_temp_path $T/tmp/p; fastcgi_temp_path $T/tmp/f; uwsgi_temp_path $T/tmp/u; scgi_temp_path $T/tmp/s;
  server { listen 127.0.0.1:$port; root $T/www; } }
CONF
nginx -p "$T" -c "$T/nginx.conf" & sleep 0.5
for i in $(seq "$runs"); do
    rm -f "$T/db.sqlite"*
    "$bin" feeds import "$T/urls.txt" --db "$T/db.sqlite" --quiet
    /usr/bin/time -o "$T/time" -f "%e %M" "$bin" poll --db "$T/db.sqlite" > "$T/out"
    read -r secs kb < "$T/time"
    echo "run $i: $(grep -o 'entries: [0-9]* new' "$T/out"), $(grep -o 'stories: [0-9]* new' "$T/out"); $secs s; $(python3 -c "print(round(1000/$secs))") entries/s; peak $((kb / 1024)) MB"
done

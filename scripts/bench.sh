#!/usr/bin/env bash
# Measures Syndic against its peers on this machine and writes the tables to docs/BENCHMARKS.md.
#
#   scripts/bench.sh [fetch|parse|extract|dedup|dedupstream|poll|fulltext|import|digest|storage|web|scale|api|micro|all]...   (default: all)
#
# Release build first, then per area Syndic and its peers run alternately, median of
# $BENCH_RUNS runs (default 5), peak memory from /usr/bin/time -v. Peers are installed on demand:
# a Python venv in .bench/venv (feedparser, fastfeedparser, feedparser-rs, trafilatura,
# readability-lxml, resiliparse, datasketch, lxml) and Debian packages (nginx, newsboat, curl, time).
# Corpora come from ../shared (or $SYNDIC_SHARED) when present, generated data otherwise; what
# cannot be measured without it is said in the table. Each area is independent: one failing is
# reported as failed in its section and the others still run. Logs: .bench/logs/AREA.log.
# `all` runs every area but `micro` (the ordo-one/benchmark microbenchmarks, scripts/microbench).
# Environment: BENCH_RUNS (5), BENCH_RUNS_1M (BENCH_RUNS), BENCH_SCALE (dedup sizes, "10000 100000 1000000"),
# BENCH_DOC (docs/BENCHMARKS.md), SYNDIC_SHARED (../shared), BENCH_NOISE (a word on the load),
# BENCH_STORAGE_SIZES (storage: entries, "100000 1000000"), BENCH_STORAGE_BASE (storage: the commit
# measured as "before", the last one before the storage contract: f21fd22), BENCH_WEB_STORIES
# (web: stories, 10000), BENCH_WEB_SECONDS (web: seconds of wrk per route, 30), BENCH_SCALE_FEEDS (scale:
# generated feeds, 1000), BENCH_SCALE_RUNS (scale: runs, 3), BENCH_API_ENTRIES (api: entries, 100000),
# BENCH_API_SECONDS (api: seconds of wrk per run, 10), BENCH_SYNDIC (a syndic binary to measure
# instead of building the release one, e.g. .build/debug/syndic: the tables then say so).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SYNDIC_SHARED:-$ROOT/../shared}
BENCH=$ROOT/.bench
WORK=$BENCH/work
LOGS=$BENCH/logs
VENV=$BENCH/venv
PY=$VENV/bin/python
DOC=${BENCH_DOC:-$ROOT/docs/BENCHMARKS.md}
RUNS=${BENCH_RUNS:-5}
HELP=$ROOT/scripts/bench
COMMAND_LINE="scripts/bench.sh $*"
ALL_AREAS="import parse extract dedup dedupstream fetch poll fulltext digest storage web scale api"
noise_note() { # the machine's load when the area started, so a reader can judge the figures
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  NOTE_NOISE="load average when this area started: $load on $(nproc) cores${BENCH_NOISE:+ ($BENCH_NOISE)}; compare ratios measured in the same run rather than absolute figures across runs"
}
NOTE_NOISE="load unknown"

say() { printf '\033[1m== %s\033[0m\n' "$*"; }
warn() { printf 'bench.sh: %s\n' "$*" >&2; }

usage() { sed -n '2,20p' "$0"; }

# ------------------------------------------------------------------ set-up

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() { # apt_install PACKAGE... (only the missing ones)
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  if [ $APT_UPDATED = 0 ]; then as_root apt-get update -qq || warn "apt-get update failed"; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >"$LOGS/apt.log" 2>&1 \
    || warn "apt-get install ${missing[*]} failed (see $LOGS/apt.log)"
}

ensure_system_tools() {
  apt_install time curl
  command -v nginx >/dev/null || apt_install nginx-light || true
  command -v nginx >/dev/null || apt_install nginx || true
  command -v newsboat >/dev/null || apt_install newsboat || true
}

# Python peers: each installed separately so one that fails to install is dropped, not fatal.
PEERS="feedparser fastfeedparser feedparser-rs trafilatura readability-lxml resiliparse datasketch lxml html-text"
ensure_venv() {
  [ -x "$PY" ] || python3 -m venv "$VENV" || { warn "cannot create $VENV"; return 1; }
  local have p v
  have=$("$VENV/bin/pip" list --format=freeze 2>/dev/null | tr 'A-Z_' 'a-z-')
  for p in $PEERS; do
    grep -q "^$p==" <<<"$have" && continue
    say "pip install $p (into .bench/venv)"
    "$VENV/bin/pip" install -q "$p" >"$LOGS/pip-$p.log" 2>&1 || warn "pip install $p failed; its rows will be missing"
  done
  have=$("$VENV/bin/pip" list --format=freeze 2>/dev/null | tr 'A-Z_' 'a-z-')
  : > "$BENCH/peers.txt"
  for p in $PEERS; do
    v=$(sed -n "s/^$p==//p" <<<"$have")
    echo "$p ${v:-NOT-INSTALLED (see .bench/logs/pip-$p.log)}" >> "$BENCH/peers.txt"
  done
}
peer_ok() { grep -q "^$1 [0-9]" "$BENCH/peers.txt" 2>/dev/null; }
peer_versions() { tr '\n' ',' < "$BENCH/peers.txt" | sed 's/,$//; s/,/, /g'; }

build() {
  if [ -n "${BENCH_SYNDIC:-}" ]; then
    SYNDIC=$(cd "$ROOT" && realpath "$BENCH_SYNDIC"); export SYNDIC
    warn "measuring $SYNDIC (BENCH_SYNDIC), not a fresh release build"; return 0
  fi
  say "swift build -c release --product syndic"
  (cd "$ROOT" && swift build -c release --product syndic) >"$LOGS/build.log" 2>&1 \
    || { tail -20 "$LOGS/build.log"; warn "release build failed"; return 1; }
  SYNDIC=$(cd "$ROOT" && swift build -c release --show-bin-path)/syndic
  export SYNDIC
}

# ------------------------------------------------------------------ helpers for the areas

# contender SPEC TOOL CMD METRIC...   METRIC = "name;;kind;;how;;arg" with how one of
# json / regex / regex_pair (arg = r1;;r2) / wall_rate / wall; optional env RUNS_OVERRIDE, RSS_FILE.
contender() {
  python3 - "$@" <<'PY'
import json, os, sys
spec, tool, cmd, *metrics = sys.argv[1:]
try:
    data = json.load(open(spec))
except (OSError, ValueError):
    data = {"contenders": []}
c = {"tool": tool, "cmd": cmd, "metrics": []}
if os.environ.get("RUNS_OVERRIDE"):
    c["runs"] = int(os.environ["RUNS_OVERRIDE"])
if os.environ.get("RSS_FILE"):
    c["rss_file"] = os.environ["RSS_FILE"]
for m in metrics:
    name, kind, how, *arg = m.split(";;")
    d = {"metric": name, "kind": kind}
    if how == "json": d["json"] = arg[0]
    elif how == "regex": d["regex"] = arg[0]
    elif how == "regex_pair": d["regex_pair"] = arg[:2]
    elif how == "wall_rate": d["wall_rate"] = float(arg[0])
    elif how == "wall": d["wall"] = True
    c["metrics"].append(d)
data["contenders"].append(c)
json.dump(data, open(spec, "w"), indent=1)
PY
}

measure() { # measure AREA SPEC ROWS
  python3 "$HELP/compare.py" run --spec "$2" --runs "$RUNS" --rows "$3" --append --log "$LOGS/$1.runs.log"
}

render() { # render AREA TITLE ROWS NOTE...
  local area=$1 title=$2 rows=$3; shift 3
  local args=()
  for n in "$@"; do args+=(--note "$n"); done
  python3 "$HELP/compare.py" render --rows "$rows" --area "$area" --doc "$DOC" --title "$title" \
    --command "$COMMAND_LINE" "${args[@]}"
}

render_failed() { # render_failed AREA TITLE REASON
  python3 "$HELP/compare.py" render --area "$1" --doc "$DOC" --title "$2" --command "$COMMAND_LINE" \
    --failed "$3" --note "$NOTE_NOISE" >/dev/null
}

have_shared() { [ -e "$SHARED/$1" ]; }

# nginx on loopback serving DIR at PORT; sets NGINX_PID. Stopped by stop_nginx (by its PID).
NGINX_PID=""
start_nginx() { # start_nginx DIR PORT
  local dir=$1 port=$2 t; t=$(mktemp -d); chmod 755 "$t"; mkdir -p "$t/logs" "$t/tmp"
  cat > "$t/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $t/nginx.pid;
error_log $t/logs/error.log warn;
events { worker_connections 1024; }
http {
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $t/tmp/body; proxy_temp_path $t/tmp/proxy; fastcgi_temp_path $t/tmp/fcgi;
  uwsgi_temp_path $t/tmp/uwsgi; scgi_temp_path $t/tmp/scgi;
  sendfile on; keepalive_requests 1000000; etag on;
  server { listen 127.0.0.1:$port; root $dir; }
}
CONF
  nginx -p "$t" -c "$t/nginx.conf" & NGINX_PID=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.1; done
  warn "nginx did not answer on 127.0.0.1:$port"; return 1
}
stop_nginx() { if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""; fi; }

# ------------------------------------------------------------------ areas

area_import() {
  local d=$WORK/import rows=$WORK/import/rows.json spec=$WORK/import/spec.json
  rm -rf "$d"; mkdir -p "$d"
  python3 "$HELP/gendata.py" urls "$d/urls.txt" 1000
  contender "$spec" "Syndic (empty database)" \
    "rm -f '$d/db.sqlite'*; '$SYNDIC' feeds import '$d/urls.txt' --db '$d/db.sqlite' --quiet" \
    "import 1,000 URLs, seconds;;time;;wall"
  "$SYNDIC" feeds import "$d/urls.txt" --db "$d/again.sqlite" --quiet >/dev/null
  contender "$spec" "Syndic (all already present)" \
    "'$SYNDIC' feeds import '$d/urls.txt' --db '$d/again.sqlite' --quiet" \
    "re-import 1,000 URLs, seconds;;time;;wall"
  measure import "$spec" "$rows"
  render import "Import: 1,000-line URL list" "$rows" \
    "input: generated list (scripts/bench/gendata.py urls), 1,000 URLs over 97 hosts, some with tags; wall time of the whole process, database file created fresh each run" \
    "target (issue 2): under 1 s; no peer" "$NOTE_NOISE"
}

area_parse() {
  local d=$WORK/parse rows=$WORK/parse/rows.json spec=$WORK/parse/spec.json dirs=() note
  rm -rf "$d"; mkdir -p "$d"
  if have_shared corpus/feeds; then
    for sub in "$SHARED"/corpus/feeds/*/; do
      case "$(basename "$sub")" in *-tests) ;; *) dirs+=("${sub%/}") ;; esac
    done
    note="input: the real-world sub-corpora of ../shared/corpus/feeds, $(du -cb $(find "${dirs[@]}" -type f ! -name '*.expected.json' ! -name README.md ! -name SCHEMA.md ! -name MANIFEST.txt) | tail -1 | awk '{printf "%.1f MB", $1/1e6}'); files read into memory first, one thread, parse calls only (\`syndic parse --bench\`, \`../shared/eval/feeds/speed.py --parsers X\`), one pass per process"
  else
    python3 "$HELP/gendata.py" feeds "$d/feeds" 200; dirs=("$d/feeds")
    note="input: 200 generated RSS feeds (../shared absent); peers skipped: they run through ../shared/eval/feeds/speed.py"
  fi
  contender "$spec" "Syndic" "'$SYNDIC' parse --bench $(printf "'%s' " "${dirs[@]}") --repeat 1" \
    "parse MB/s;;rate;;json;;mb_per_s"
  if [ -f "$SHARED/eval/feeds/speed.py" ]; then
    for p in fastfeedparser feedparser_rs feedparser; do
      peer_ok "${p//_/-}" || { warn "parse: $p not installed, skipped"; continue; }
      contender "$spec" "$p" "'$PY' '$SHARED/eval/feeds/speed.py' --parsers $p --repeat 1 $(printf "'%s' " "${dirs[@]}")" \
        "parse MB/s;;rate;;regex;;^$p\\s+\\S+\\s+real-world\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+(?P<v>[\\d.]+)"
    done
  fi
  measure parse "$spec" "$rows"
  render parse "Parse: feeds, MB/s, one thread" "$rows" "$note" \
    "target (issue 4): at least 1.2× fastfeedparser" "peers: $(peer_versions)" "$NOTE_NOISE"
}

area_extract() {
  local d=$WORK/extract rows=$WORK/extract/rows.json spec=$WORK/extract/spec.json
  rm -rf "$d"; mkdir -p "$d/pages"
  local aeb=$SHARED/corpus/extraction/aeb score=$SHARED/eval/extraction/score.py anchors=$SHARED/eval/extraction/anchors.py
  if [ -d "$aeb/html" ]; then
    for f in "$aeb"/html/*.html.gz; do gzip -dc "$f" > "$d/pages/$(basename "${f%.gz}")"; done
  else
    python3 "$HELP/gendata.py" pages "$d/pages" 180
  fi
  local npages; npages=$(ls "$d/pages" | wc -l)
  local inproc="in-process pages/s (one thread, files in memory)"
  local wallm="pages/s incl. start-up (one process, score.py --batch)"
  local loopm="pages/s in the extractor call (score.py in-loop)"
  contender "$spec" "Syndic" "'$SYNDIC' extract --bench '$d/pages'" \
    "$inproc;;rate;;regex;;pages, [\\d.]+ MB in [\\d.]+ s(?: wall)?: (?P<v>[\\d.]+) pages/s"
  if [ -d "$aeb/html" ] && [ -f "$score" ]; then
    RSS_FILE=$d/syndic.rss contender "$spec" "Syndic (score.py batch)" \
      "python3 '$score' --corpus '$aeb' --bootstrap 0 --worst 0 --batch \"/usr/bin/time -f %M -o '$d/syndic.rss' '$SYNDIC' extract --manifest {manifest} --out {out}\"" \
      "$wallm;;rate;;regex;;wall [\\d.]+s\\s+(?P<v>[\\d.]+) pages/s" \
      "$loopm;;rate;;regex;;in-loop (?P<v>[\\d.]+) pages/s" \
      "aeb F1 (token 4-shingles);;score;;regex;;F1 (?P<v>[\\d.]+)"
    for tool in trafilatura trafilatura-fast readability resiliparse lxml-parse; do
      local pkg=$tool; case $tool in trafilatura-fast) pkg=trafilatura;; readability) pkg=readability-lxml;; lxml-parse) pkg=lxml;; esac
      peer_ok "$pkg" || { warn "extract: $pkg not installed, $tool skipped"; continue; }
      local label=$tool f1=("aeb F1 (token 4-shingles);;score;;regex;;F1 (?P<v>[\\d.]+)")
      [ "$tool" = lxml-parse ] && { label="lxml-parse (libxml2 parse only, no text)"; f1=(); }
      RSS_FILE=$d/$tool.rss contender "$spec" "$label" \
        "python3 '$score' --corpus '$aeb' --bootstrap 0 --worst 0 --batch \"/usr/bin/time -f %M -o '$d/$tool.rss' '$PY' '$anchors' $tool {manifest} {out}\"" \
        "$wallm;;rate;;regex;;wall [\\d.]+s\\s+(?P<v>[\\d.]+) pages/s" \
        "$loopm;;rate;;regex;;in-loop (?P<v>[\\d.]+) pages/s" \
        "${f1[@]}"
    done
    local note="input: ../shared/corpus/extraction/aeb dev pages ($npages pages, $(du -cb "$d"/pages/* | tail -1 | awk '{printf "%.1f MB", $1/1e6}')); \`syndic extract --bench\` is best of 3 rounds inside one process; the score.py rows run each tool once over the corpus in one process (peak RSS = the extractor process)"
  else
    local note="input: $npages generated pages (../shared absent): Syndic's pages/s only; F1 and the peers need ../shared/eval/extraction and its corpus"
  fi
  measure extract "$spec" "$rows"
  render extract "Extract: article text from news pages" "$rows" "$note" \
    "target (issue 5): at least 500 pages/s and 10× trafilatura, peak memory at most 64 MB for a 5 MB page" \
    "peers: $(peer_versions)" "$NOTE_NOISE"
}

area_dedup() {
  local d=$WORK/dedup rows=$WORK/dedup/rows.json spec=$WORK/dedup/spec.json texts note
  rm -rf "$d"; mkdir -p "$d"
  if [ -d "$SHARED/corpus/dedup/texts" ]; then
    texts=$SHARED/corpus/dedup/texts; note="input: 500-word windows of ../shared/corpus/dedup/texts"
  else
    python3 "$HELP/gendata.py" texts "$d/texts" 400; texts=$d/texts
    note="input: 500-word windows of generated texts (../shared absent; datasketch and the C probe skipped)"
  fi
  local sig="signatures docs/s (tokenize, word shingles, 128-lane MinHash)" lsh="LSH insert+query docs/s (threshold 0.5)"
  contender "$spec" "Syndic" "'$SYNDIC' dedup --bench '$texts' --docs 20000 --bench-mode signature" \
    "$sig;;rate;;regex;;signature one-permutation\\s+full \\(sorted set \\+ lanes\\) (?P<v>\\d+) docs/s" \
    "signatures docs/s, multiply-shift scheme;;rate;;regex;;signature multiply-shift\\s+full \\(sorted set \\+ lanes\\) (?P<v>\\d+) docs/s" \
    "signatures per CPU-second (Syndic's own count, less sensitive to load);;rate;;regex;;signature one-permutation\\s+full \\(sorted set \\+ lanes\\) \\d+ docs/s wall \\((?P<v>\\d+) per CPU-s\\)"
  contender "$spec" "Syndic (LSH)" "'$SYNDIC' dedup --bench '$texts' --docs 100000 --bench-mode lsh" \
    "$lsh;;rate;;regex;;LSH insert\\+query \\(threshold 0\\.5[^)]*\\) (?P<v>\\d+) docs/s"
  if [ -f "$SHARED/eval/dedup/bench_datasketch.py" ] && [ -d "$SHARED/corpus/dedup/texts" ] && peer_ok datasketch; then
    contender "$spec" "datasketch" "'$PY' '$SHARED/eval/dedup/bench_datasketch.py' --texts '$texts' --docs 2000" \
      "$sig;;rate;;regex;;^shingle\\+update_batch\\s+(?P<v>\\d+) docs/s" \
      "$lsh;;rate;;regex_pair;;^LSH insert\\s+(?P<v>\\d+) docs/s;;^LSH query\\s+(?P<v>\\d+) docs/s"
  fi
  if [ -f "$SHARED/eval/dedup/minhash_bench.c" ] && [ -d "$SHARED/corpus/dedup/texts" ] && command -v cc >/dev/null; then
    cc -O3 -march=native -o "$d/minhash_bench" "$SHARED/eval/dedup/minhash_bench.c" && cat "$texts"/*.txt > "$d/all.txt"
    contender "$spec" "C probe (minhash_bench.c -O3 -march=native)" "'$d/minhash_bench' '$d/all.txt' 20000 500" \
      "$sig;;rate;;regex;;^full sig ms64 \\(128 perms\\)\\s+(?P<v>\\d+) docs/s" \
      "signatures docs/s, multiply-shift scheme;;rate;;regex;;^full sig ms64 \\(128 perms\\)\\s+(?P<v>\\d+) docs/s"
  fi
  # End to end over files (issues 18 and 19): `syndic dedup --format json DIR` on 20,000 generated
  # 500-word files (the scale benchmark's stories and copies, written by --bench-write; groups
  # in DIR/labels.json), on all cores and on one thread, against datasketch doing the same job
  # in one Python process (scripts/make_dedup_files.py datasketch: read, shingle, MinHash, LSH,
  # union-find, JSON); and 20,000 files in 40 stories of 500 copies each (placement must stay
  # linear when stories are large).
  "$SYNDIC" dedup --bench "$texts" --bench-write "$d/files" --docs 20000 >/dev/null
  python3 "$ROOT/scripts/make_dedup_files.py" write --texts "$texts" --out "$d/big" --docs 20000 --copies 500 >/dev/null
  local e2e="end to end docs/s: 20,000 generated 500-word files (read, sign, cluster, JSON out)"
  local big="end to end docs/s: 20,000 files in 40 stories of 500 copies"
  contender "$spec" "Syndic" "'$SYNDIC' dedup --format json '$d/files' > '$d/pred.json'" "$e2e;;rate;;wall_rate;;20000"
  contender "$spec" "Syndic --threads 1" "'$SYNDIC' dedup --format json --threads 1 '$d/files' > /dev/null" "$e2e;;rate;;wall_rate;;20000"
  contender "$spec" "Syndic" "'$SYNDIC' dedup --format json '$d/big' > /dev/null" "$big;;rate;;wall_rate;;20000"
  contender "$spec" "Syndic --threads 1" "'$SYNDIC' dedup --format json --threads 1 '$d/big' > /dev/null" "$big;;rate;;wall_rate;;20000"
  if peer_ok datasketch; then
    contender "$spec" "datasketch (MinHashLSH 0.5 + union-find, one process)" \
      "'$PY' '$ROOT/scripts/make_dedup_files.py' datasketch '$d/files' > /dev/null" "$e2e;;rate;;wall_rate;;20000"
  fi
  measure dedup "$spec" "$rows"
  if [ -f "$SHARED/eval/dedup/score.py" ]; then
    E2E_SCORE=$(python3 "$SHARED/eval/dedup/score.py" --labels "$d/files/labels.json" --pred "$d/pred.json" | sed -n 2p | sed 's/ *(.*//; s/  */ /g')
  fi
  # Scale: end to end clustering of generated stories with known groups (Syndic only).
  local sspec=$d/scale.json
  for n in ${BENCH_SCALE:-10000 100000 1000000}; do
    local runs=$RUNS; [ $n = 1000000 ] && runs=${BENCH_RUNS_1M:-$RUNS}
    RUNS_OVERRIDE=$runs contender "$sspec" "Syndic $n docs" "'$SYNDIC' dedup --bench '$texts' --docs $n --bench-mode scale" \
      "cluster $n generated docs: sign+cluster seconds;;time;;regex;;sign\\+cluster (?P<v>[\\d.]+) s" \
      "cluster $n generated docs: pairwise F1;;score;;regex;;F1 (?P<v>[\\d.]+)"
  done
  measure dedup "$sspec" "$rows"
  render dedup "Dedup: signatures, LSH and clustering at scale" "$rows" "$note" \
    "Syndic's signature figure: \`syndic dedup --bench --bench-mode signature\` over 20,000 docs (default one-permutation scheme; the multiply-shift row is the scheme the C probe uses); datasketch: \`bench_datasketch.py --docs 2000\` (its LSH row combines its insert and query rates); LSH: Syndic over 100,000 synthetic signatures in groups of three near-copies; shingles: Syndic 4 words, datasketch and the C probe 5 words" \
    "scale rows: \`syndic dedup --bench --bench-mode scale --docs N\`, time to sign and cluster (generation excluded), peak RSS of the whole process; 1M docs: ${BENCH_RUNS_1M:-$RUNS} run(s) (about 40 s each on a quiet machine, minutes on a loaded one; BENCH_RUNS_1M=N to change)" \
    "end-to-end rows: \`syndic dedup --format json DIR\` over files written by \`syndic dedup --bench CORPUS --bench-write DIR --docs 20000\` (quality against its labels: ${E2E_SCORE:-not scored}) and by \`scripts/make_dedup_files.py write --copies 500\`; docs/s = 20,000 / wall time of the whole process; datasketch: \`scripts/make_dedup_files.py datasketch DIR\` (the same job in one Python process, start-up and imports included)" \
    "targets (issue 6): signatures at least 40,000 docs/s and 30× datasketch; LSH at least 500,000 docs/s; 1M docs in at most 60 s with at most 2 GB; (issue 18) end to end at least 40,000 docs/s on both cores and 30× datasketch in the same run" \
    "$NOTE_NOISE"
}

# The labelled stream of scripts/make_dedup_stream.py: quality per kind of copy and end-to-end speed of
# `syndic dedup --format json` (start-up, reading the files, signing, clustering, printing).
area_dedupstream() {
  local d=$WORK/dedupstream rows=$WORK/dedupstream/rows.json spec=$WORK/dedupstream/spec.json
  rm -rf "$d"; mkdir -p "$d"
  have_shared corpus/dedup/texts || { render_failed dedupstream "$(area_title dedupstream)" "../shared/corpus/dedup absent"; return 0; }
  local half seed
  for half in a b; do
    seed=1; [ $half = b ] && seed=2
    python3 "$ROOT/scripts/make_dedup_stream.py" --shared "$SHARED" --out "$d/stream-$half" --half $half --seed $seed >"$d/stream-$half.txt"
    local m=() kind
    m+=("stream $half (seed $seed): docs/s end to end;;rate;;regex;;\\((?P<v>\\d+) docs/s\\)")
    m+=("stream $half (seed $seed): pair F1;;score;;regex;;pair_f1 (?P<v>[\\d.]+)")
    m+=("stream $half (seed $seed): pair precision;;score;;regex;;pair_precision (?P<v>[\\d.]+)")
    for kind in wire edited excerpt developing local; do
      m+=("stream $half (seed $seed): $kind copies joined;;score;;regex;;share $kind (?P<v>[\\d.]+)")
    done
    for kind in followup roundup; do
      m+=("stream $half (seed $seed): ${kind}s merged (count);;score;;regex;;count $kind (?P<v>\\d+)")
    done
    contender "$spec" "Syndic stream $half" "python3 '$ROOT/scripts/score_dedup_stream.py' --shared '$SHARED' --stream '$d/stream-$half' --syndic '$SYNDIC' --machine" "${m[@]}"
  done
  measure dedupstream "$spec" "$rows"
  render dedupstream "$(area_title dedupstream)" "$rows" \
    "input: \`scripts/make_dedup_stream.py --half a --seed 1\` ($(cat "$d/stream-a.txt")) and \`--half b --seed 2\` ($(cat "$d/stream-b.txt")); half a is the one tuned on, half b is reported" \
    "command: \`scripts/score_dedup_stream.py --stream DIR --syndic syndic\` runs \`syndic dedup --format json DIR/texts\` (wall time of that process: start-up, reading, signing, clustering, output) and scores it with ../shared/eval/dedup/score.py; joined = share of copies of that kind put with their story's origin; merged = follow-ups / roundups put with any other story's document" \
    "targets (issue 19): pair F1 at least 0.98 with precision at least 0.995, 0 follow-up or roundup merges, every kind joined at least 0.97 (edited 0.90), at least 20,000 docs/s end to end" \
    "$NOTE_NOISE"
}

area_fetch() {
  local d=$WORK/fetch rows=$WORK/fetch/rows.json spec=$WORK/fetch/spec.json port=${BENCH_FETCH_PORT:-18090} n=10000
  rm -rf "$d"; mkdir -p "$d/www"; chmod 755 "$d" "$d/www"
  command -v nginx >/dev/null || { echo "nginx not installed"; return 1; }
  python3 -c 'import random, string, sys; r = random.Random(7); sys.stdout.write("".join(r.choice(string.ascii_letters + " \n") for _ in range(20480)))' > "$d/www/body.txt"
  for i in $(seq $n); do echo "http://127.0.0.1:$port/body.txt?n=$i"; done > "$d/urls.txt"
  sed 's/.*/url = "&"\noutput = "\/dev\/null"/' "$d/urls.txt" > "$d/urls.curl"
  trap stop_nginx EXIT
  start_nginx "$d/www" "$port"
  contender "$spec" "Syndic" "'$SYNDIC' fetch --bench-urls '$d/urls.txt' --concurrency 32" \
    "10,000 GETs of 20 KB, requests/s;;rate;;json;;requests_per_s"
  contender "$spec" "curl --parallel --parallel-max 32" "curl --parallel --parallel-max 32 --no-progress-meter -s -K '$d/urls.curl'" \
    "10,000 GETs of 20 KB, requests/s;;rate;;wall_rate;;$n"
  measure fetch "$spec" "$rows"
  stop_nginx
  render fetch "Fetch: loopback nginx, 10,000 GETs of a 20 KB body" "$rows" \
    "server: nginx $(nginx -v 2>&1 | cut -d/ -f2) on 127.0.0.1 (2 workers, keep-alive), 32 transfers in flight; Syndic's rate is its own timing of the transfers (\`syndic fetch --bench-urls\`, start-up excluded), curl's is 10,000 / the wall time of the process (start-up and reading its 10,000-entry config included); $(curl --version | head -1 | cut -d' ' -f1-2)" \
    "target (issue 3): at least 80 % of curl's rate, peak memory under 50 MB" "$NOTE_NOISE"
}

area_poll() {
  local d=$WORK/poll rows=$WORK/poll/rows.json bench=$SHARED/eval/polling/bench.sh
  [ -f "$bench" ] && [ -d "$SHARED/corpus/feeds" ] || { echo "needs ../shared/eval/polling/bench.sh and ../shared/corpus/feeds"; return 1; }
  command -v nginx >/dev/null || { echo "nginx not installed"; return 1; }
  rm -rf "$d"; mkdir -p "$d/shim"
  local nb; nb=$(command -v newsboat || true)
  if [ -n "$nb" ]; then # newsboat's peak RSS through a PATH shim (bench.sh calls it by name)
    printf '#!/bin/sh\nexec /usr/bin/time -f %%M -a -o "$NB_RSS_FILE" %s "$@"\n' "$nb" > "$d/shim/newsboat"
    chmod +x "$d/shim/newsboat"
  fi
  local outs=()
  for r in $(seq "$RUNS"); do
    say "poll run $r/$RUNS (bench.sh: curl, newsboat x3, syndic x3)"
    local out=$d/run$r.txt db=$d/run$r.sqlite
    NB_RSS_FILE=$out.newsboat.rss PATH="$d/shim:$PATH" SYNDIC=$SYNDIC \
      bash "$bench" --port "${BENCH_POLL_PORT:-18081}" --extra "'$HELP/poll-cmd.sh' '$db' {urls}" > "$out" 2>&1 \
      || { warn "poll run $r: bench.sh failed (see $out)"; tail -5 "$out"; }
    cat "$out"
    [ -f "$db.rss" ] && cp "$db.rss" "$out.syndic.rss"
    rm -f "$db" "$db"-*
    outs+=("$out")
  done
  python3 "$HELP/poll_rows.py" "$rows" "${outs[@]}"
  local st; st=$(grep -h '^extra run2' "${outs[@]}" | sed 's/.*feeds\/s *//; s/ *$//' | sort | uniq -c | awk -v n=${#outs[@]} '{c=$1; $1=""; printf "%s%s in %d of %d runs", (NR>1?"; ":""), substr($0,2), c, n}')
  render poll "Poll: 1,000 real feeds on a loopback nginx, cold and warm" "$rows" \
    "command per run: \`../shared/eval/polling/bench.sh --extra 'scripts/bench/poll-cmd.sh DB {urls}'\` (fresh temp dir, fresh DB); Syndic = \`syndic poll --force --full-text never\` (its first run includes \`feeds import\` of the 1,000 URLs); newsboat reload-threads=32, its warm run is run 3 (it sends validators only from its third run)" \
    "Syndic warm run HTTP statuses (nginx log): ${st:-?}" \
    "peak RSS of the run in that row (Syndic: \`/usr/bin/time\` inside poll-cmd.sh; newsboat: a PATH shim); curl's figure is its best of 3 inside bench.sh" \
    "targets (issue 7): first poll at least 3× newsboat's first run; warm poll at least 2,000 feeds/s; peak memory at most 200 MB" \
    "$NOTE_NOISE"
}

area_micro() {
  local pkg=$ROOT/scripts/microbench out=$WORK/micro.txt
  mkdir -p "$WORK"
  (cd "$pkg" && swift package --allow-writing-to-package-directory benchmark --no-progress --format markdown) > "$out" 2>"$LOGS/micro.stderr" \
    || { tail -5 "$LOGS/micro.stderr"; cat "$out" | tail -5; return 1; }
  cat "$out"
  python3 "$HELP/micro_summary.py" "$DOC" "$out" "$COMMAND_LINE" "$NOTE_NOISE"
}

area_digest() {
  # The demo world polled from file URLs, then its digest feeds rendered (timed) and read by feedparser.
  local d=$WORK/digest rows=$WORK/digest/rows.json spec=$WORK/digest/spec.json
  rm -rf "$d"; mkdir -p "$d"
  sed "s|@DEMO@|$ROOT/Feeds/demo|" "$ROOT/Feeds/demo/urls.template" > "$d/urls.txt"
  "$SYNDIC" feeds import "$d/urls.txt" --db "$d/db.sqlite" --quiet
  "$SYNDIC" poll --db "$d/db.sqlite" --quiet
  for f in atom rss jsonfeed; do
    contender "$spec" "Syndic digest --format $f" \
      "'$SYNDIC' digest --db '$d/db.sqlite' --since all --format $f --self-url https://news.example/digest --output '$d/digest.$f'" \
      "render the demo digest ($f), seconds;;time;;wall"
  done
  measure digest "$spec" "$rows"
  local check="feedparser not installed: validity not checked by a peer"
  if peer_ok feedparser; then
    check=$("$PY" - "$d" <<'PY'
import json, sys, feedparser
d = sys.argv[1]
out = []
for f in ("atom", "rss"):
    p = feedparser.parse(open(f"{d}/digest.{f}", "rb").read())
    ids = [e.get("id") for e in p.entries]
    out.append(f"{f}: bozo={int(p.bozo)}, version={p.version}, {len(p.entries)} entries, {len(set(ids))} distinct ids")
j = json.load(open(f"{d}/digest.jsonfeed"))
out.append(f"jsonfeed: version={j.get('version')}, {len(j.get('items', []))} items")
print("; ".join(out))
PY
)
  fi
  render digest "Digest: the demo world's digest feeds" "$rows" \
    "input: Feeds/demo polled from file URLs (8 stories, 20 entries)" \
    "feedparser $(grep '^feedparser ' "$BENCH/peers.txt" 2>/dev/null | cut -d' ' -f2) reads them as: $check" \
    "target (issue 8): valid Atom, RSS and JSON Feed, each story once" "$NOTE_NOISE"
}

area_fulltext() {
  # 1,000 new entries whose feeds are summary-only: every article page fetched from a loopback nginx,
  # extracted and clustered (scripts/bench/fulltext.sh builds the world; one poll per run).
  local d=$WORK/fulltext rows=$WORK/fulltext/rows.json spec=$WORK/fulltext/spec.json
  rm -rf "$d"; mkdir -p "$d"
  have_shared corpus/extraction/aeb || { render_failed fulltext "$(area_title fulltext)" "needs ../shared/corpus/extraction/aeb for the pages"; return 0; }
  contender "$spec" "Syndic poll --full-text auto" "SYNDIC_SHARED='$SHARED' '$ROOT/scripts/bench/fulltext.sh' 1" \
    "full-text poll, entries/s (fetch page, extract, sign, cluster, store);;rate;;regex;;(?P<v>[\\d.]+) entries/s" \
    "peak RSS of the poll, MB;;size;;regex;;peak (?P<v>[\\d.]+) MB"
  measure fulltext "$spec" "$rows"
  render fulltext "$(area_title fulltext)" "$rows" \
    "input: 50 summary-only RSS feeds x 20 entries on one loopback nginx host (per-host limit 2); pages = the 125 aeb dev pages, each under 8 URLs (125 stories expected, and found)" \
    "target (issue 7): at least 200 entries/s end to end" "$NOTE_NOISE"
}

# The Syndic of BENCH_STORAGE_BASE, built once (release) from `git archive` into .bench/storage-before.
build_storage_before() {
  local rev=${BENCH_STORAGE_BASE:-f21fd22} dir
  dir=$BENCH/storage-before/$rev
  if [ ! -x "$dir/build/release/syndic" ]; then
    say "building the Syndic of $rev (before the storage contract) into ${dir#$ROOT/}"
    rm -rf "$dir/src"; mkdir -p "$dir/src"
    git -C "$ROOT" archive "$rev" | tar -x -C "$dir/src"
    (cd "$dir/src" && swift build -c release --product syndic --scratch-path "$dir/build") >"$LOGS/storage-before-build.log" 2>&1 \
      || { tail -20 "$LOGS/storage-before-build.log"; return 1; }
  fi
  BEFORE="$dir/build/release/syndic"
}

area_storage() {
  # `stories` and `digest` for a page of 50 on synthetic archives (scripts/bench/storage_data.py): the
  # Syndic before the SQL rewrite (v3 schema: every story of the window fetched, a query per story,
  # filtered and sorted in Swift) against this build on SQLite (one query per page) and on PostgreSQL
  # (a throwaway server from scripts/pg-server.sh, the same rows loaded with COPY).
  local d=$WORK/storage rows=$WORK/storage/rows.json spec=$WORK/storage/spec.json
  local sizes=${BENCH_STORAGE_SIZES:-"100000 1000000"} now pg_base notes=()
  rm -rf "$d"; mkdir -p "$d"
  apt_install sqlite3
  build_storage_before
  now=$(date +%s)
  # Global, not local: the area's subshell stops the server on exit, after this function has returned.
  STORAGE_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/syndic-bench-pg.XXXXXX")
  trap '"$ROOT/scripts/pg-server.sh" stop "$STORAGE_PG_DIR"' EXIT
  pg_base=$("$ROOT/scripts/pg-server.sh" start "$STORAGE_PG_DIR"); pg_base=${pg_base%/postgres*}
  for n in $sizes; do
    local v3=$d/v3-$n.sqlite v4=$d/v4-$n.sqlite url="$pg_base/bench_$n?sslmode=disable" label runs t0 t1
    label=$(python3 -c "print(f'{$n:,}')")
    runs=$RUNS; [ "$n" -lt 1000000 ] || runs=${BENCH_RUNS_1M:-$RUNS}
    "$BEFORE" feeds add --no-check --quiet https://seed.example/feed.xml --db "$v3"   # creates the v3 schema
    "$BEFORE" feeds remove 1 --quiet --db "$v3"
    python3 "$HELP/storage_data.py" "$v3" "$n" "$now"
    cp "$v3" "$v4"
    t0=$(date +%s.%N); "$SYNDIC" migrate --db "$v4" --quiet; t1=$(date +%s.%N)
    notes+=("$label entries: \`syndic migrate\` of the v3 file (v4: entry sites and story source counts backfilled) took $(python3 -c "print(f'{$t1 - $t0:.1f}')") s")
    # PostgreSQL: Syndic's schema by `syndic migrate`, then the v4 file's rows with COPY.
    psql "$pg_base/postgres" -qc "CREATE DATABASE bench_$n" >/dev/null
    "$SYNDIC" migrate --db "$url" --quiet
    for table in feed story entry article; do
      local cols
      cols=$(sqlite3 "$v4" "SELECT group_concat(name, ',') FROM pragma_table_info('$table')")
      sqlite3 -csv "$v4" "SELECT $cols FROM $table" > "$d/$table.csv"
      psql "$pg_base/bench_$n" -qc "\\copy $table ($cols) FROM '$d/$table.csv' WITH (FORMAT csv)" >/dev/null
      rm -f "$d/$table.csv"
    done
    psql "$pg_base/bench_$n" -q >/dev/null <<'SQL'
SELECT setval(pg_get_serial_sequence('feed', 'id'), (SELECT max(id) FROM feed));
SELECT setval(pg_get_serial_sequence('entry', 'id'), (SELECT max(id) FROM entry));
ANALYZE;
SQL
    for query in "stories --limit 50" "stories --since 24h --min-sources 2 --limit 50" "digest --since 24h --limit 50 --format markdown"; do
      local step=${query%% *} timing
      timing="$step query: \\d+ stories in (?P<v>[\\d.]+) ms"
      RUNS_OVERRIDE=$runs contender "$spec" "before: f21fd22 (v3 schema)" "'$BEFORE' $query --db '$v3' >/dev/null" \
        "$query, $label entries: command, s;;time;;wall"
      for store in "SQLite;;$v4" "PostgreSQL;;$url"; do
        RUNS_OVERRIDE=$runs contender "$spec" "Syndic ${store%%;;*}" "'$SYNDIC' $query --db '${store##*;;}' >/dev/null" \
          "$query, $label entries: command, s;;time;;wall"
      done
      for store in "SQLite;;$v4" "PostgreSQL;;$url"; do
        RUNS_OVERRIDE=$runs contender "$spec" "Syndic ${store%%;;*}" "'$SYNDIC' $query --db '${store##*;;}' --verbose 2>&1 >/dev/null" \
          "$query, $label entries: query alone, ms;;time;;regex;;$timing"
      done
    done
  done
  measure storage "$spec" "$rows"
  render storage "$(area_title storage)" "$rows" \
    "input: scripts/bench/storage_data.py (2,000 feeds on 500 sites over 90 days; stories of 1-5 copies on distinct sites, about entries/2.2 stories; an article for every third)" \
    "before: the Syndic of ${BENCH_STORAGE_BASE:-f21fd22} (ratio column: this build on SQLite vs it; every story of the window fetched, a query per story, sorted in Swift); SQLite and PostgreSQL: this build (one query per page, ordered and limited in SQL)" \
    "command = the whole process in seconds (start-up, open, query, print); query alone = the store call in ms, from the --verbose timing line (the build before has none)" \
    "PostgreSQL $(psql --version | cut -d' ' -f3) from scripts/pg-server.sh on loopback (fsync off), the v4 rows loaded with COPY, then ANALYZE" \
    "${notes[@]}" "$NOTE_NOISE"
}

area_web() {
  # The web view on 10,000 stories (scripts/bench/web.py): 304s from the data's validator, then
  # wrk -c8 against /, /feeds and /digest.atom while polls of 300 loopback feeds run back to back.
  local d=$WORK/web rows=$WORK/web/rows.json
  rm -rf "$d"; mkdir -p "$d"
  apt_install wrk
  command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk failed)"; return 1; }
  local stories=${BENCH_WEB_STORIES:-10000} seconds=${BENCH_WEB_SECONDS:-30}
  python3 "$HELP/web.py" "$SYNDIC" "$d" "$rows" "$stories" "$seconds" | tee "$d/web.txt"
  render web "$(area_title web)" "$rows" \
    "input: scripts/bench/web.py: $stories generated stories of 1-3 copies on 300 feeds over 7 days, signed and placed by \`syndic poll\`; \`syndic serve\` on the SQLite file; one run (the load runs are ${seconds} s each)" \
    "304 rows: \`wrk -t1 -c1 -d10s --latency -H 'If-None-Match: <the ETag of a first GET>'\` (every answer 304); full answer: one GET timed by the script" \
    "load rows: \`wrk -t2 -c8 -d${seconds}s --latency --timeout 10s\` per route while \`syndic poll --force --full-text never\` runs back to back on the same database (300 loopback feeds, 5 new items each per round)" \
    "$(grep '^polls during' "$d/web.txt" || true)" \
    "targets (issue 15 item 12): a 304 under 10 ms on 10,000 stories; p99 under 200 ms for / and the feeds while polls run" "$NOTE_NOISE"
}

area_scale() {
  # Shared polls (issue 18 §3): 1, 2 and 4 `syndic poll` at once on PostgreSQL against one on SQLite,
  # over the same generated feeds on a loopback nginx (scripts/scale/world.sh), cold then warm
  # (scripts/bench/scale-run.sh: one fresh database per run).
  local d=$WORK/scale rows=$WORK/scale/rows.json spec=$WORK/scale/spec.json n=${BENCH_SCALE_FEEDS:-1000}
  local runs=${BENCH_SCALE_RUNS:-3} c label build=release
  rm -rf "$d"; mkdir -p "$d"
  [ -n "${BENCH_SYNDIC:-}" ] && build="BENCH_SYNDIC=${BENCH_SYNDIC}"
  # shellcheck source=scripts/scale/world.sh
  source "$ROOT/scripts/scale/world.sh"
  world_ensure_nginx || { echo "nginx not installed"; return 1; }
  trap world_stop EXIT
  world_start "$d/world" "$n" $(( n / 20 )) 127.0.0.1 127.0.0.2 127.0.0.3 127.0.0.4
  export WORLD_DIR WORLD_PORT WORLD_PG WORLD_PG_DIR SYNDIC
  for c in "sqlite 1" "postgres 1" "postgres 2" "postgres 4"; do
    case $c in "sqlite 1") label="Syndic SQLite, 1 poller";; "postgres 1") label="PostgreSQL, 1 poller";; *) label="PostgreSQL, ${c#* } pollers";; esac
    RUNS_OVERRIDE=$runs contender "$spec" "$label" "'$ROOT/scripts/bench/scale-run.sh' $c" \
      "cold poll, feeds/s;;rate;;regex;;^cold: \\d+ feeds in [\\d.]+ s, (?P<v>\\d+) feeds/s" \
      "cold poll, CPU ms per feed (pollers + PostgreSQL server);;time;;regex;;^cold: .*, (?P<v>[\\d.]+) ms per feed" \
      "warm poll (all 304), feeds/s;;rate;;regex;;^warm: \\d+ feeds in [\\d.]+ s, (?P<v>\\d+) feeds/s" \
      "warm poll, CPU ms per feed (pollers + PostgreSQL server);;time;;regex;;^warm: .*, (?P<v>[\\d.]+) ms per feed"
  done
  measure scale "$spec" "$rows"
  render scale "$(area_title scale)" "$rows" \
    "input: scripts/scale/world.py: $n generated RSS feeds (3 items each, a fifth of the stories in 5 copies) on $(( n / 20 )) hosts \`site-NNNN.localhost\` served by nginx $(nginx -v 2>&1 | cut -d/ -f2) on 127.0.0.1-4 (poller i maps every host to 127.0.0.i); one run = \`scripts/bench/scale-run.sh BACKEND POLLERS\`: a fresh database, \`feeds import\`, then POLLERS \`syndic poll --full-text never\` at once (cold: every feed new, every entry placed), then \`UPDATE feed SET next_fetch_at = 0\` and the same again (warm: all 304); feeds/s = feeds / wall time from the first start to the last exit" \
    "binary: $build; CPU = user + system of the pollers (/usr/bin/time) plus, on PostgreSQL, of every server process (the postmaster's own and reaped children's times and its live children's, from /proc); PostgreSQL $(psql --version | cut -d' ' -f3) from scripts/pg-server.sh (fsync off); lease batch 200; peak RSS = the largest process of the run" \
    "ratio column: the SQLite poller's figure against this row's (feeds/s: SQLite ÷ row, above 1× = SQLite faster; CPU: row ÷ SQLite, above 1× = the row costs more)" \
    "targets (issue 18): 4 pollers on PostgreSQL at least as fast as one SQLite poller; CPU-seconds per feed within 1.5× of SQLite's; warm poll at least 2,000 feeds/s" \
    "$NOTE_NOISE"
}

area_api() {
  # The Google Reader API's reading list on 100,000 entries (scripts/bench/api.py): wrk -c32 on the
  # first page (n=100, 1000) for the default user and a user with 300 subscriptions, the digest route
  # beside it, and walks of the whole list with continuation (n=100, 1000, 20000).
  local d=$WORK/api rows=$WORK/api/rows.json
  rm -rf "$d"; mkdir -p "$d"
  apt_install wrk
  command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk failed)"; return 1; }
  local entries=${BENCH_API_ENTRIES:-100000} seconds=${BENCH_API_SECONDS:-10}
  python3 "$HELP/api.py" "$SYNDIC" "$d" "$rows" "$entries" "$seconds" | tee "$d/api.txt"
  render api "$(area_title api)" "$rows" \
    "input: scripts/bench/api.py: $entries entries in stories of 1-3 copies on 300 feeds over 30 days (SQL after \`syndic migrate\`); \`syndic serve\` on the SQLite file; binary: $SYNDIC" \
    "load rows: \`wrk -t2 -c32 -d${seconds}s --latency -H 'Authorization: GoogleLogin auth=TOKEN'\` on stream/contents/user/-/state/com.google/reading-list?n=N (the first page); the digest row: the same wrk on /digest.atom?since=all&limit=100 (its rendering kept by ETag)" \
    "walk rows: one client follows \`continuation\` through the whole deduplicated reading list" \
    "target (issue 17): p99 under 50 ms for n=100" "$NOTE_NOISE"
}

area_title() {
  case $1 in
    import) echo "Import: 1,000-line URL list";; parse) echo "Parse: feeds, MB/s, one thread";;
    extract) echo "Extract: article text from news pages";; dedup) echo "Dedup: signatures, LSH and clustering at scale";;
    dedupstream) echo "Dedup: a labelled stream of edited copies, excerpts, developing stories and roundups";;
    fetch) echo "Fetch: loopback nginx, 10,000 GETs of a 20 KB body";;
    poll) echo "Poll: 1,000 real feeds on a loopback nginx, cold and warm";;
    digest) echo "Digest: the demo world's digest feeds";;
    storage) echo "Storage: a page of 50 stories at 100,000 and 1,000,000 entries, before and after the SQL rewrite, SQLite and PostgreSQL";;
    fulltext) echo "Full-text poll: 1,000 new entries with their article pages";;
    web) echo "Web view: conditional requests on 10,000 stories, and latency while polls run";;
    scale) echo "Scale: shared polls on PostgreSQL (1, 2, 4 pollers) against one SQLite poller, cold and warm";;
    api) echo "Reader API: the deduplicated reading list on 100,000 entries";; *) echo "$1";;
  esac
}

# ------------------------------------------------------------------ main

# The whole run is one function, parsed before it starts: editing this file mid-run is harmless.
main() {
  areas=()
  for a in "${@:-all}"; do
    case $a in
      all) areas+=($ALL_AREAS);;
      fetch|parse|extract|dedup|dedupstream|poll|import|digest|fulltext|storage|web|scale|api|micro) areas+=("$a");;
      -h|--help|help) usage; exit 0;;
      *) usage; echo "bench.sh: unknown area '$a'" >&2; exit 64;;
    esac
  done

  mkdir -p "$WORK" "$LOGS" "$(dirname "$DOC")"
  [ -x /usr/bin/time ] || ensure_system_tools
  if [ "${areas[*]}" != micro ]; then
    ensure_system_tools
    [ "${areas[*]}" = scale ] || ensure_venv || warn "no Python venv: the Python peers are skipped"   # scale has no Python peer
    build || { for a in "${areas[@]}"; do [ "$a" = micro ] || render_failed "$a" "$(area_title "$a")" "release build failed (see .bench/logs/build.log)"; done; exit 1; }
  fi
  [ -d "$SHARED" ] || warn "$SHARED not found: generated data only; poll and the peers that need ../shared/eval are skipped"

  status=0; summary=()
  for a in "${areas[@]}"; do
    say "area $a (log: .bench/logs/$a.log)"
    noise_note
    # A background subshell keeps `set -e` active inside the area (it is off in an `||` list).
    ( set -euo pipefail; "area_$a" ) > >(tee "$LOGS/$a.log") 2>&1 &
    if wait $!; then
      summary+=("$a: ok")
    else
      sleep 0.5 # let tee write the area's last lines
      reason=$(grep -v '^\s*$' "$LOGS/$a.log" | tail -1 | cut -c1-200)
      warn "area $a failed: $reason"
      [ "$a" = micro ] || render_failed "$a" "$(area_title "$a")" "failed: ${reason//|//}"
      summary+=("$a: FAILED ($reason)"); status=1
    fi
  done
  sleep 0.2
  say "done"; printf '  %s\n' "${summary[@]}"; echo "  table: ${DOC#$ROOT/}"
  return $status
}

# One line, parsed whole before it runs: the exit happens even if this file changed meanwhile.
main "$@"; exit $?

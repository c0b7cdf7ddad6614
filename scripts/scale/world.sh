# The scale check's world, sourced by scripts/scale-check.sh and scripts/bench.sh (area scale):
# generated feeds served by nginx on loopback addresses, and a throwaway PostgreSQL server.
#
#   world_start DIR FEEDS HOSTS ADDRESSES...   # generates the feeds into DIR, starts nginx listening on
#                                              # each ADDRESS at one free port (WORLD_PORT); access log
#                                              # DIR/access.log: `$host $server_addr $request_uri $status
#                                              # $msec $request_time`; starts PostgreSQL (WORLD_PG, a URL
#                                              # base without the database name)
#   world_stop                                 # stops both (by the PIDs this shell started)
#   world_db NAME                              # creates database NAME, prints its URL
#   world_resolve ADDRESS                      # SYNDIC_RESOLVE mapping every host to ADDRESS
#
# Slow answers, so the politeness and kill checks have requests that last: WORLD_SLOW_ADDRESSES (a
# space-separated list) get the paths of DIR/slow.txt at 4 KB/s (6 KB bodies: about a second each),
# and WORLD_CRAWL_ADDRESSES get every path at 2 KB/s (2.2 KB bodies: the last bytes wait for the next second, half a second on average).

WORLD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORLD_NGINX_PID=${WORLD_NGINX_PID:-}
WORLD_PG_DIR=${WORLD_PG_DIR:-}

world_as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

world_ensure_nginx() {
  command -v nginx >/dev/null 2>&1 && return 0
  echo "scale: installing nginx (apt-get)" >&2
  { world_as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive world_as_root apt-get install -y -qq nginx-light; } >&2 \
    || { DEBIAN_FRONTEND=noninteractive world_as_root apt-get install -y -qq nginx >&2 || true; }
  command -v nginx >/dev/null 2>&1
}

world_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

world_start() {
  local dir=$1 feeds=$2 hosts=$3; shift 3
  WORLD_DIR=$dir
  mkdir -p "$dir/nginx/logs" "$dir/nginx/tmp"
  chmod 755 "$dir" "$dir/nginx"
  WORLD_PORT=$(world_free_port)
  python3 "$WORLD_ROOT/scripts/scale/world.py" "$dir" "$feeds" "$hosts" "$WORLD_PORT" >&2
  local listens="" rates="" a p user=""
  for a in "$@"; do listens+="  server { listen $a:$WORLD_PORT; root $dir/www; }"$'\n'; done
  for a in ${WORLD_SLOW_ADDRESSES:-}; do
    while read -r p; do [ -n "$p" ] && rates+="    \"$a $p\" 4096;"$'\n'; done < "$dir/slow.txt"
  done
  for a in ${WORLD_CRAWL_ADDRESSES:-}; do rates+="    \"~^${a//./\\.} \" 2048;"$'\n'; done
  [ "$(id -u)" = 0 ] && user="user $(id -un) $(id -gn);"
  cat > "$dir/nginx/nginx.conf" <<CONF
$user
worker_processes 2;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  default_type application/rss+xml;
  log_format scale '\$host \$server_addr \$request_uri \$status \$msec \$request_time';
  access_log $dir/access.log scale;
  client_body_temp_path $dir/nginx/tmp/body; proxy_temp_path $dir/nginx/tmp/proxy; fastcgi_temp_path $dir/nginx/tmp/fcgi;
  uwsgi_temp_path $dir/nginx/tmp/uwsgi; scgi_temp_path $dir/nginx/tmp/scgi;
  keepalive_requests 1000000; etag on;
  map "\$server_addr \$uri" \$scale_rate {
    default 0;
$rates  }
  limit_rate \$scale_rate;
$listens}
CONF
  nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" & WORLD_NGINX_PID=$!
  local ok=0
  for _ in $(seq 100); do
    if python3 -c "import socket,sys; socket.create_connection(('$1', $WORLD_PORT), 0.2)" 2>/dev/null; then ok=1; break; fi
    sleep 0.1
  done
  [ $ok = 1 ] || { cat "$dir/nginx/logs/error.log" >&2; echo "scale: nginx did not start" >&2; return 1; }
  WORLD_PG_DIR=$dir/pg
  WORLD_PG=$("$WORLD_ROOT/scripts/pg-server.sh" start "$WORLD_PG_DIR") || { echo "scale: PostgreSQL did not start" >&2; return 1; }
  WORLD_PG=${WORLD_PG%/postgres*}
}

world_stop() {
  if [ -n "$WORLD_NGINX_PID" ]; then kill "$WORLD_NGINX_PID" 2>/dev/null || true; wait "$WORLD_NGINX_PID" 2>/dev/null || true; WORLD_NGINX_PID=""; fi
  if [ -n "$WORLD_PG_DIR" ]; then "$WORLD_ROOT/scripts/pg-server.sh" stop "$WORLD_PG_DIR" || true; WORLD_PG_DIR=""; fi
}

world_db() {
  psql "$WORLD_PG/postgres?sslmode=disable" -qc "CREATE DATABASE $1" >/dev/null
  echo "$WORLD_PG/$1?sslmode=disable"
}

world_resolve() {
  sed "s/\$/:$WORLD_PORT:$1/" "$WORLD_DIR/hosts.txt" | paste -sd, -
}

# CPU seconds (user + system) PostgreSQL has used so far: every server process's own time plus what
# its exited children (connection backends) added to the postmaster's.
world_pg_cpu() {
  python3 - "$WORLD_PG_DIR/data/postmaster.pid" <<'PY'
import os, sys
root = int(open(sys.argv[1]).readline())
tick = os.sysconf("SC_CLK_TCK")
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    fields = s[s.rindex(")") + 2:].split()
    return int(fields[1]), [int(x) for x in fields[11:15]]  # ppid; utime stime cutime cstime
total = 0
for name in os.listdir("/proc"):
    if not name.isdigit():
        continue
    try:
        ppid, t = stat(int(name))
    except OSError:
        continue
    if int(name) == root:
        total += sum(t)
    elif ppid == root:
        total += t[0] + t[1]
print(f"{total / tick:.2f}")
PY
}

#!/usr/bin/env python3
"""The web view under load (issue 15 item 12), as compare.py rows.

    web.py SYNDIC WORKDIR ROWS.json [STORIES] [SECONDS]   (defaults: 10,000 stories, 30 s per route)

1. A database of STORIES stories (1-3 copies each on distinct sites, 300 feeds, the last 7 days)
   written by `syndic migrate` and filled with SQL.
2. `syndic serve` on it. For `/digest.atom?since=all` and `/?since=all`: the first answer (rendered)
   and the second (the rendering kept by its ETag), timed; then `wrk -c1 -d10s` with the ETag in
   `If-None-Match` (every answer must be 304), latency p50/p99.
3. Load: `syndic poll --force` runs back to back against the same database (feeds on a loopback
   HTTP server, new items every round) while `wrk -t2 -c8 -dSECONDS --latency` hits `/`, `/feeds`
   and `/digest.atom` in turn; p50/p99 latency, requests/s, timeouts and errors, polls completed.
Rows: kind "time" in ms (latencies), "rate" (requests/s); stdlib only.
"""
import http.server
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request

FEEDS = 300
WORDS = ("government year people new minister city police market report percent week company officials "
         "statement court health school water energy election council budget workers union price bank climate "
         "project research study hospital village river border trade talks agreement season team match coach "
         "players festival museum artists film music record storm flood fire road rail airport station bridge "
         "harbour farmers crops prices inflation rates housing said told after before during against").split()


def text(rng, words=60):
    """Random words, so that distinct stories never look alike to the clusterer."""
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def populate(db, stories, now):
    rng = random.Random(15)
    c = sqlite3.connect(db)
    c.executemany("INSERT INTO feed (id, url, title, added_at, next_fetch_at) VALUES (?, ?, ?, ?, ?)",
                  [(f, f"http://127.0.0.1:@PORT@/feed{f}.xml", f"Site {f}", now - 30 * 86400, now + 86400) for f in range(1, FEEDS + 1)])
    entry_id = 0
    entries, story_rows = [], []
    for s in range(stories):
        copies = rng.choice((1, 1, 2, 3))
        seen = now - rng.uniform(0, 6.5 * 86400)
        feeds = rng.sample(range(1, FEEDS + 1), copies)
        first = entry_id + 1
        title = f"Story {s}: " + text(rng, 8)
        body = text(rng, 80)
        for k, f in enumerate(feeds):
            entry_id += 1
            t = seen + k * 600
            entries.append((entry_id, f, f"g{entry_id}", f"https://site{f}.example/story/{entry_id}", f"site{f}.example",
                            title, f"<p>{body}</p>",
                            f"h{entry_id}", t, t, first, 1.0 if k == 0 else 0.8))
        last = seen + (copies - 1) * 600
        story_rows.append((first, first, title, seen, last, copies, copies, last))
    c.executemany("INSERT INTO story (id, representative_entry_id, headline, first_seen_at, last_seen_at, size, source_count, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", story_rows)
    c.executemany("INSERT INTO entry (id, feed_id, guid, url, site, title, summary_html, content_hash, first_seen_at, last_seen_at, story_id, similarity) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
    c.commit()
    return entry_id


def write_feeds(directory, round_):
    rng = random.Random(round_)
    for f in range(1, FEEDS + 1):
        items = "".join(
            f"<item><guid>r{round_}-f{f}-i{i}</guid><title>Round {round_} report {i} from feed {f}</title>"
            f"<link>https://site{f}.example/r{round_}/{i}</link><description>{text(rng, 80)}</description></item>"
            for i in range(5))
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Site {f}</title><link>https://site{f}.example/</link>{items}</channel></rss>'
        tmp = os.path.join(directory, f".feed{f}.xml")
        with open(tmp, "w") as fh:
            fh.write(body)
        os.replace(tmp, os.path.join(directory, f"feed{f}.xml"))


def feed_server(directory):
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=directory, **k)
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(syndic, db):
    p = subprocess.Popen([syndic, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = p.stdout.readline()
    m = re.search(r"(http://\S+?)/? ", line + " ")
    if not m:
        p.kill()
        raise SystemExit(f"syndic serve printed no address: {line!r}")
    return p, m.group(1).rstrip("/")


def ms(text):
    v, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(v) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, connections, seconds, header=None, threads=1):
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if header:
        cmd += ["-H", header]
    out = subprocess.run(cmd + [url], capture_output=True, text=True).stdout
    lat = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+(?:us|ms|s|m))\s*$", out, re.M))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    return {"p50": ms(lat["50"]) if "50" in lat else None, "p99": ms(lat["99"]) if "99" in lat else None,
            "rps": float(rps.group(1)) if rps else None, "timeouts": int(timeouts.group(1)) if timeouts else 0,
            "errors": int(non2xx.group(1)) if non2xx else 0, "requests": int(total.group(1)) if total else 0, "raw": out}


def etag(url):
    with urllib.request.urlopen(url) as r:
        return r.headers["ETag"], len(r.read())


def main():
    syndic, work, rows_path = sys.argv[1:4]
    stories = int(sys.argv[4]) if len(sys.argv) > 4 else 10_000
    seconds = int(sys.argv[5]) if len(sys.argv) > 5 else 30
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "web.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    feeds_dir = os.path.join(work, "feeds")
    os.makedirs(feeds_dir, exist_ok=True)
    write_feeds(feeds_dir, 0)
    server = feed_server(feeds_dir)
    subprocess.run([syndic, "migrate", "--db", db, "--quiet"], check=True)
    now = time.time()
    entries = populate(db, stories, now)
    c = sqlite3.connect(db)
    c.execute("UPDATE feed SET url = replace(url, '@PORT@', ?)", (str(server.server_address[1]),))
    c.commit()
    c.close()
    # Polls until every generated entry is signed and placed by Syndic itself (a poll resumes at most
    # 10,000 unsigned entries; the feeds are not due yet), so the served stories are Syndic's own clustering of the rows.
    for _ in range(10):
        c = sqlite3.connect(db)
        unsigned = c.execute("SELECT count(*) FROM entry WHERE id NOT IN (SELECT entry_id FROM signature)").fetchone()[0]
        c.close()
        if unsigned == 0:
            break
        subprocess.run([syndic, "poll", "--full-text", "never", "--quiet", "--db", db], check=True)
    c = sqlite3.connect(db)
    stories = c.execute("SELECT count(*) FROM story WHERE size > 0").fetchone()[0]
    entries = c.execute("SELECT count(*) FROM entry").fetchone()[0]
    c.close()
    rows = []

    def row(metric, kind, value, note=None):
        rows.append({"metric": metric, "kind": kind, "tool": "Syndic serve", "values": [] if value is None else [value],
                     "rss_kb": [], "errors": [note] if note else [], "statuses": []})

    proc, base = serve(syndic, db)
    try:
        print(f"{stories:,} stories, {entries:,} entries; serving on {base}")
        for path in ("/digest.atom?since=all", "/?since=all"):
            t0 = time.time()
            tag, size = etag(base + path)
            full = (time.time() - t0) * 1000
            t0 = time.time()
            etag(base + path)
            cached = (time.time() - t0) * 1000
            r = wrk(base + path, 1, 10, header=f"If-None-Match: {tag}")
            ok = r["errors"] == 0 and r["requests"] > 0
            print(f"{path}: 200 of {size:,} bytes in {full:.1f} ms (rendered), {cached:.1f} ms (kept by ETag); 304: p50 {r['p50']} ms p99 {r['p99']} ms over {r['requests']} requests")
            row(f"{path} with a matching If-None-Match (304), {stories:,} stories: p50 ms", "time", r["p50"] if ok else None,
                None if ok else f"{r['errors']} answers were not 304")
            row(f"{path} with a matching If-None-Match (304), {stories:,} stories: p99 ms", "time", r["p99"] if ok else None)
            row(f"{path} first answer (200, {size:,} bytes, rendered), {stories:,} stories: ms", "time", full)
            row(f"{path} second answer (200, the rendering kept by its ETag), {stories:,} stories: ms", "time", cached)

        stop = threading.Event()
        polls = []

        def poll_loop():
            n = 0
            while not stop.is_set():
                n += 1
                write_feeds(feeds_dir, n)
                t0 = time.time()
                rc = subprocess.run([syndic, "poll", "--force", "--full-text", "never", "--quiet", "--db", db],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
                polls.append((rc, time.time() - t0))

        poller = threading.Thread(target=poll_loop)
        poller.start()
        for path in ("/", "/feeds", "/digest.atom"):
            r = wrk(base + path, 8, seconds, threads=2)
            with open(os.path.join(work, "wrk" + path.replace("/", "_") + ".txt"), "w") as fh:
                fh.write(r["raw"])
            print(f"GET {path} under polls: p50 {r['p50']} ms p99 {r['p99']} ms, {r['rps']} req/s, "
                  f"{r['timeouts']} timeouts, {r['errors']} errors")
            note = f"{r['timeouts']} timeouts, {r['errors']} non-2xx" if r["timeouts"] or r["errors"] else None
            label = f"GET {path}, wrk -c8 -d{seconds}s while polls run"
            row(f"{label}: p50 ms", "time", r["p50"], note)
            row(f"{label}: p99 ms", "time", r["p99"])
            row(f"{label}: requests/s", "rate", r["rps"])
        stop.set()
        poller.join()
        done = [d for rc, d in polls if rc == 0]
        print(f"polls during the load: {len(polls)} ({len(done)} exit 0), seconds each: {[round(d, 1) for d in done]}")
        row("polls completed during the load (300 feeds, 1,500 new items each)", "rate", float(len(done)))
    finally:
        proc.terminate()
        proc.wait()
        server.shutdown()
    with open(rows_path, "w") as f:
        json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The Google Reader API's reading list on 100,000 entries (issue 17), as compare.py rows.

    api.py SYNDIC WORKDIR ROWS.json [ENTRIES] [SECONDS]   (defaults: 100,000 entries, 10 s per wrk run)

1. A database of ENTRIES entries in stories of 1-3 copies on 300 feeds over 30 days (`syndic migrate`,
   then SQL), a default-user password and an API token (`syndic users passwd|tokens create`), and a
   second user `ann` subscribed to every feed (her streams go through the subscription filter).
2. `syndic serve` on it. `wrk -t2 -c32 -dSECONDS --latency` on
   `stream/contents/user/-/state/com.google/reading-list?n=100` and `n=1000` (first page), for the
   default user and for ann, beside `/digest.atom?since=all&limit=100` (the same 100 stories as the
   digest route serves them; its rendering is kept by ETag, so it measures the route's floor).
3. Walks: the whole reading list in pages of n=100, 1000 and 20000 following `continuation`, one
   client; per-page p50/p99 and the whole walk's time.
Rows: kind "time" in ms, "rate" in requests/s; stdlib only.
"""
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from web import wrk  # noqa: E402  (same wrk parsing as the web view's benchmark)

FEEDS = 300
READING_LIST = "/api/greader.php/reader/api/0/stream/contents/user/-/state/com.google/reading-list"


def populate(db, entries, now):
    rng = random.Random(17)
    c = sqlite3.connect(db)
    c.executemany("INSERT INTO feed (id, url, title, added_at, next_fetch_at) VALUES (?, ?, ?, ?, ?)",
                  [(f, f"https://site{f}.example/feed.xml", f"Site {f}", now - 60 * 86400, now + 86400) for f in range(1, FEEDS + 1)])
    c.executemany("INSERT INTO subscription (account_id, feed_id, title, tags, added_at) VALUES (2, ?, ?, ?, ?)",
                  [(f, f"Site {f}", f"Tag{f % 10}", now - 60 * 86400) for f in range(1, FEEDS + 1)])
    entry_id, rows, stories = 0, [], []
    s = 0
    while entry_id < entries:
        copies = min(rng.choice((1, 1, 2, 3)), entries - entry_id)
        seen = now - rng.uniform(0, 30 * 86400)
        first = entry_id + 1
        title = f"Story {s}: report on the council budget and the bridge, part {s % 97}"
        for k, f in enumerate(rng.sample(range(1, FEEDS + 1), copies)):
            entry_id += 1
            t = seen + k * 600
            rows.append((entry_id, f, f"g{entry_id}", f"https://site{f}.example/story/{entry_id}", f"site{f}.example", title,
                         f"<p>{title}. " + "The council met and approved the budget after a long debate. " * 6 + "</p>",
                         f"h{entry_id}", t, t, t, first, 1.0 if k == 0 else 0.8))
        stories.append((first, first, title, seen, seen + (copies - 1) * 600, seen, copies, copies, seen + (copies - 1) * 600))
        s += 1
    c.executemany("INSERT INTO story (id, representative_entry_id, headline, first_seen_at, last_seen_at, published_at, size, source_count, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", stories)
    c.executemany("INSERT INTO entry (id, feed_id, guid, url, site, title, content_html, content_hash, published_at, first_seen_at, last_seen_at, story_id, similarity) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    c.commit()
    c.execute("ANALYZE")
    c.close()
    return len(stories)


def get(url, token):
    req = urllib.request.Request(url, headers={"Authorization": f"GoogleLogin auth={token}"})
    t0 = time.time()
    with urllib.request.urlopen(req, timeout=300) as r:
        body = r.read()
    return (time.time() - t0) * 1000, json.loads(body)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    syndic, work, rows_path = sys.argv[1:4]
    entries = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
    seconds = int(sys.argv[5]) if len(sys.argv) > 5 else 10
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "api.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([syndic, "migrate", "--db", db, "--quiet"], check=True)
    secret = os.path.join(work, "pw.txt")
    with open(secret, "w") as f:
        f.write("bench-password\n")
    subprocess.run([syndic, "users", "add", "ann", "--password-file", secret, "--db", db, "--quiet"], check=True)
    subprocess.run([syndic, "users", "passwd", "default", "--password-file", secret, "--db", db, "--quiet"], check=True)
    tokens = {}
    for user in ("default", "ann"):
        out = subprocess.run([syndic, "users", "tokens", "create", user, "--label", "bench", "--db", db],
                             capture_output=True, text=True, check=True).stdout
        tokens[user] = re.search(r"syn_[0-9a-f]{64}", out).group(0)
    stories = populate(db, entries, time.time())
    rows = []

    def row(metric, kind, value, note=None):
        rows.append({"metric": metric, "kind": kind, "tool": "Syndic serve", "values": [] if value is None else [value],
                     "rss_kb": [], "errors": [note] if note else [], "statuses": []})

    p = subprocess.Popen([syndic, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = p.stdout.readline()
    base = re.search(r"(http://\S+?)/? ", line + " ").group(1).rstrip("/")
    try:
        print(f"{entries:,} entries in {stories:,} stories on {FEEDS} feeds; serving on {base}")
        for user in ("default", "ann"):
            for n in (100, 1000):
                r = wrk(f"{base}{READING_LIST}?n={n}", 32, seconds, header=f"Authorization: GoogleLogin auth={tokens[user]}", threads=2)
                note = f"{r['timeouts']} timeouts, {r['errors']} non-2xx" if r["timeouts"] or r["errors"] else None
                print(f"reading-list n={n} ({user}), wrk -c32: p50 {r['p50']} ms p99 {r['p99']} ms, {r['rps']} req/s {note or ''}")
                label = f"stream/contents reading-list n={n}, first page, {'default user' if user == 'default' else 'a user with 300 subscriptions'}, wrk -c32 -d{seconds}s"
                row(f"{label}: p50 ms", "time", r["p50"], note)
                row(f"{label}: p99 ms", "time", r["p99"])
                row(f"{label}: requests/s", "rate", r["rps"])
        r = wrk(f"{base}/digest.atom?since=all&limit=100", 32, seconds, threads=2)
        print(f"digest.atom limit=100, wrk -c32: p50 {r['p50']} ms p99 {r['p99']} ms, {r['rps']} req/s")
        label = f"/digest.atom?since=all&limit=100 (rendering kept by ETag), wrk -c32 -d{seconds}s"
        row(f"{label}: p50 ms", "time", r["p50"])
        row(f"{label}: p99 ms", "time", r["p99"])
        row(f"{label}: requests/s", "rate", r["rps"])
        for n in (100, 1000, 20000):
            times, seen, cont = [], 0, None
            t0 = time.time()
            while True:
                ms, page = get(f"{base}{READING_LIST}?n={n}" + (f"&c={cont}" if cont else ""), tokens["default"])
                times.append(ms)
                seen += len(page["items"])
                cont = page.get("continuation")
                if not cont:
                    break
            walk = time.time() - t0
            print(f"walk n={n}: {len(times)} pages, {seen:,} items, page p50 {pct(times, 50):.1f} ms p99 {pct(times, 99):.1f} ms, {walk:.1f} s in all")
            label = f"the whole reading list ({seen:,} stories) in pages of n={n} with continuation, one client"
            row(f"{label}: page p50 ms", "time", pct(times, 50), None if seen == stories else f"{seen} items for {stories} stories")
            row(f"{label}: page p99 ms", "time", pct(times, 99))
            row(f"{label}: whole walk s", "time", walk)
    finally:
        p.terminate()
        p.wait()
    with open(rows_path, "w") as f:
        json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()

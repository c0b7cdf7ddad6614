#!/usr/bin/env python3
"""Fills a Syndic SQLite database of the v3 schema (as the Syndic before the SQL rewrite created it)
with a synthetic archive for `scripts/bench.sh storage`.

    storage_data.py DATABASE ENTRIES [NOW]

ENTRIES entries of 2,000 feeds on 500 sites, first seen over the 90 days before NOW (default: the
current time), grouped in stories of 1 to 5 copies on distinct sites (about ENTRIES / 2.2 stories,
their copies within 6 hours of the first); every third representative has extracted article text.
Deterministic for a given ENTRIES and NOW.
"""
import random
import sqlite3
import sys
import time

path, total = sys.argv[1], int(sys.argv[2])
now = float(sys.argv[3]) if len(sys.argv) > 3 else time.time()
rng = random.Random(total)
db = sqlite3.connect(path)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = OFF")
have = [r[0] for r in db.execute("SELECT identifier FROM grdb_migrations")]
assert "v3-drop-signature-shingles" in have and "v4-story-source-count" not in have, f"not a v3 database: {have}"

SITES, FEEDS, SPAN = 500, 2000, 90 * 86400.0
WORDS = ("council bridge harbour team cup library mayor budget river school rail storm court market election "
         "minister hospital museum festival airport police strike weather energy water housing park").split()
db.executemany("INSERT INTO feed (id, url, title, tags, added_at, next_fetch_at) VALUES (?, ?, ?, '', ?, ?)",
               [(f + 1, f"https://site{f % SITES}.example/feed{f}.xml", f"Site {f % SITES} feed {f}", now - SPAN, now + 3600)
                for f in range(FEEDS)])

entries, stories, articles = [], [], []
entry_id, k = 0, 0
while entry_id < total:
    copies = min(1 + rng.choice((0, 0, 0, 1, 1, 2, 3, 4)), total - entry_id)
    founded = now - SPAN * (1 - (entry_id + 0.5) / total)  # ids follow time, as in a real archive
    topic = " ".join(rng.choice(WORDS) for _ in range(4))
    sites = rng.sample(range(SITES), copies)
    first = entry_id + 1
    last_seen = founded
    for c, site in enumerate(sites):
        entry_id += 1
        feed = site + SITES * rng.randrange(FEEDS // SITES) + 1
        seen = founded + (c and rng.uniform(0, 6 * 3600))
        last_seen = max(last_seen, seen)
        title = f"Story {k}: the {topic}" + ("" if c == 0 else f" (copy {c})")
        summary = f"<p>Report {k} about the {topic}. " + " ".join(rng.choice(WORDS) for _ in range(30)) + ".</p>"
        entries.append((entry_id, feed, f"g{entry_id}", f"https://site{site}.example/{k}/{c}", title, seen - 600,
                        summary, f"h{entry_id}", seen, seen, first, 1.0 if c == 0 else 0.8))
    stories.append((first, first, f"Story {k}: the {topic}", founded, last_seen, copies, last_seen))
    if k % 3 == 0:
        articles.append((first, "ok", " ".join(rng.choice(WORDS) for _ in range(250)) + ".", founded))
    k += 1

db.executemany("INSERT INTO story (id, representative_entry_id, headline, first_seen_at, last_seen_at, size, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)", stories)
db.executemany("INSERT INTO entry (id, feed_id, guid, url, title, published_at, summary_html, content_hash, first_seen_at,"
               " last_seen_at, story_id, similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
db.executemany("INSERT INTO article (entry_id, status, text, fetched_at) VALUES (?, ?, ?, ?)", articles)
db.commit()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(f"{path}: {len(entries)} entries, {len(stories)} stories, {len(articles)} articles, {FEEDS} feeds")

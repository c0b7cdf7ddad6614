#!/usr/bin/env python3
"""Seeds a Syndic database (already created and migrated by `syndic feeds add`) with a few story
clusters for scripts/browser-check.sh, including one hostile story whose title, links and body try
script tags, event handlers, javascript:/data: links and CSS/comment injection.

Usage: browser-seed.py DATABASE               # the feeds wire, daily, gazette, evening, evil, evil2 .example
       browser-seed.py DATABASE --synthetic N   # N more synthetic stories of 1 to 5 copies (benchmarks)
"""
import sqlite3
import sys
import time
from urllib.parse import urlsplit

db = sqlite3.connect(sys.argv[1])
now = time.time()
feed_ids = {url: fid for fid, url in db.execute("SELECT id, url FROM feed")}

def feed(site):
    return feed_ids["https://%s/feed.xml" % site]

STORIES = [
    # (copies: [(site, title, url, content_html)], article_text or None, hours ago)
    ([("wire.example", "Council approves new harbour bridge after decade of debate", "https://wire.example/news/bridge",
       "<p>HARBOURTON (Wire) — The city council approved the new harbour bridge on Monday, ending a decade of debate. Construction starts in May. The U.S. Department of Transportation will fund a third of it.</p>"),
      ("daily.example", "Harbour bridge finally approved", "https://daily.example/2026/bridge", None),
      ("gazette.example", "Council says yes to the bridge", "https://gazette.example/local/bridge-yes", None),
      ("evening.example", "Bridge vote: what happens next", "https://evening.example/bridge-next", None)],
     "The city council approved the new harbour bridge on Monday, ending a decade of debate.\n\nConstruction starts in May and should take three years. Mr. Alvarez, the mayor, called it a historic day.\n\nCritics said the cost was too high.", 2),
    ([("daily.example", "Local team wins the regional cup", "https://daily.example/sport/cup",
       "<p>The local team won the regional cup 3-1 on Saturday. Fans filled the square. The coach thanked the city.</p>"),
      ("gazette.example", "Cup victory for the home side", "https://gazette.example/sport/cup-win", None)],
     None, 5),
    ([("evil.example", "<script>alert('title')</script><img src=x onerror=alert(1)>Hostile story --><style>body{display:none}</style>",
       "javascript:alert(2)",
       "<p onclick=\"alert(3)\">This body tries <a href=\"javascript:alert(4)\">a link</a>.</p><!-- --><script>alert(5)</script>"
       "<iframe src=\"data:text/html,<script>alert(6)</script>\"></iframe><p style=\"background:url(javascript:alert(7))\">"
       "Second &lt;script&gt;alert(8)&lt;/script&gt; sentence.</p>"),
      ("evil2.example", "</title><script>alert(9)</script>Copy", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=", None)],
     "Plain <script>alert(11)</script> text. Then </style><b onmouseover=alert(12)>bold</b>. End -->", 1),
    ([("gazette.example", "Library extends opening hours", "https://gazette.example/library", "<p>The central library will open until 9 p.m. from next week. Staff welcomed the change.</p>")],
     None, 8),
]

def host(url):
    """The site Syndic stores for a link (Storage's StorySite): the host without www., or None."""
    try:
        name = urlsplit(url).hostname
    except ValueError:
        return None
    if not name:
        return None
    return name[4:] if name.startswith("www.") else name

def insert_story(copies, article, hours_ago, key):
    t = now - hours_ago * 3600
    ids = []
    sites = set()
    for i, (site, title, url, content) in enumerate(copies):
        stored_site = host(url) or site
        sites.add(stored_site)
        cur = db.execute(
            "INSERT INTO entry (feed_id, guid, url, site, title, published_at, content_html, content_hash, first_seen_at, last_seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (feed(site), "%s-%s-%d" % (site, key, i), url, stored_site, title, t - 600 + i * 300, content, "h%s-%d" % (key, i),
             t + i * 60, t + i * 60))
        ids.append(cur.lastrowid)
    story = ids[0]
    last = t + (len(ids) - 1) * 60
    db.execute("INSERT INTO story (id, representative_entry_id, headline, first_seen_at, last_seen_at, size, source_count, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (story, story, copies[0][1], t, last, len(ids), len(sites), last))
    for i, entry in enumerate(ids):
        db.execute("UPDATE entry SET story_id = ?, similarity = ? WHERE id = ?", (story, 1.0 if i == 0 else 0.8 - 0.05 * i, entry))
    if article:
        db.execute("INSERT INTO article (entry_id, text, status, fetched_at) VALUES (?, ?, 'ok', ?)", (story, article, t))


for n, (copies, article, hours_ago) in enumerate(STORIES):
    insert_story(copies, article, hours_ago, "fixed%d" % n)

if len(sys.argv) > 3 and sys.argv[2] == "--synthetic":
    sites = ["wire.example", "daily.example", "gazette.example", "evening.example", "evil.example"]
    words = "council bridge harbour team cup library mayor budget river school rail storm court market".split()
    for n in range(int(sys.argv[3])):
        topic = " ".join(words[(n * k) % len(words)] for k in (1, 3, 5))
        copies = [(sites[c], "Story %d: the %s" % (n, topic), "https://%s/s/%d" % (sites[c], n),
                   "<p>Report %d about the %s. Officials met on Monday. The U.S. office said more on Tuesday. Residents reacted.</p>" % (n, topic))
                  for c in range(1 + n % 5)]
        insert_story(copies, None, 1 + (n % 20) / 10.0, "syn%d" % n)

# Feed states for /feeds: healthy, failing with a hostile error message, disabled.
db.execute("UPDATE feed SET last_fetched_at = ?, last_success_at = ?, last_status = 200, next_fetch_at = ?", (now - 600, now - 600, now + 1800))
db.execute("UPDATE feed SET last_status = 500, consecutive_failures = 3, failing_since = ?, last_error = ? WHERE url = ?",
           (now - 86400, "<script>alert('error')</script> server error", "https://evil2.example/feed.xml"))
db.execute("UPDATE feed SET disabled_reason = '410 Gone: the site removed this feed' WHERE url = ?", ("https://evening.example/feed.xml",))
db.commit()
print("seeded %d stories" % db.execute("SELECT COUNT(*) FROM story").fetchone()[0])

#!/usr/bin/env python3
"""The scale check's judgements, from nginx's access log and the two databases' story partitions.

Log lines: `$host $server_addr $request_uri $status $msec $request_time` (see scripts/scale/world.sh).
Each subcommand prints one line of figures and exits 1 when its condition fails:

    checks.py once LOG PORT URLS ADDR_REGEX [--from LINE] [--status CODE]
        every URL requested exactly once by the addresses matching ADDR_REGEX (from line LINE on)
    checks.py takeover LOG PORT URLS ADDR_REGEX HELD_URLS
        every URL requested at least once; those requested more than once were all in HELD_URLS, at most twice
    checks.py partition PG_ROWS SQLITE_DB EXPECTED LOG PORT ADDR_REGEX
        the PostgreSQL partition (rows `story_id TAB url TAB guid`) equals the SQLite database's and the
        generated one; counts stories whose copies were fetched through different addresses (pollers)
    checks.py concurrency LOG SLOW_PATHS
        never more than 2 requests at once to one host (intervals [msec - request_time, msec])
"""
import collections
import json
import re
import sqlite3
import sys


def lines(log, start=0):
    with open(log) as f:
        for n, line in enumerate(f):
            if n < start:
                continue
            parts = line.split()
            if len(parts) != 6:
                continue
            host, addr, uri, status, msec, rt = parts
            yield host, addr, uri, int(status), float(msec), float(rt)


def url_of(host, port, uri):
    return f"http://{host}:{port}{uri}"


def read_urls(path):
    with open(path) as f:
        return [l.strip() for l in f if l.strip()]


def once(argv):
    log, port, urls, addr_re = argv[:4]
    start, status = 0, None
    rest = argv[4:]
    while rest:
        if rest[0] == "--from":
            start = int(rest[1])
        elif rest[0] == "--status":
            status = int(rest[1])
        rest = rest[2:]
    pattern = re.compile(addr_re)
    counts, statuses = collections.Counter(), collections.Counter()
    for host, addr, uri, st, _, _ in lines(log, start):
        if pattern.fullmatch(addr):
            counts[url_of(host, port, uri)] += 1
            statuses[st] += 1
    wanted = read_urls(urls)
    missing = [u for u in wanted if counts[u] == 0]
    more = [u for u in wanted if counts[u] > 1]
    extra = set(counts) - set(wanted)
    bad_status = sum(n for s, n in statuses.items() if status is not None and s != status)
    print(f"{sum(counts.values())} requests for {len(wanted)} URLs: {len(missing)} never requested, "
          f"{len(more)} requested more than once, {len(extra)} unknown; statuses {dict(sorted(statuses.items()))}"
          + (f" (expected all {status})" if status else "")
          + (f"; e.g. missing {missing[:2]}" if missing else "") + (f"; e.g. twice {more[:2]}" if more else ""))
    return 0 if not missing and not more and not extra and bad_status == 0 else 1


def takeover(argv):
    log, port, urls, addr_re, held_path = argv[:5]
    pattern = re.compile(addr_re)
    counts = collections.Counter()
    for host, addr, uri, _, _, _ in lines(log):
        if pattern.fullmatch(addr):
            counts[url_of(host, port, uri)] += 1
    wanted = read_urls(urls)
    held = set(read_urls(held_path))
    missing = [u for u in wanted if counts[u] == 0]
    twice = [u for u in wanted if counts[u] > 1]
    outside = [u for u in twice if u not in held]
    thrice = [u for u in twice if counts[u] > 2]
    print(f"{len(held)} feeds leased by the killed poller; {len(twice)} URLs requested twice, "
          f"{len(outside)} of them outside its leases, {len(thrice)} more than twice; {len(missing)} never requested")
    return 0 if not missing and not outside and not thrice else 1


def partition_of(rows):
    stories = collections.defaultdict(set)
    for story, url, guid in rows:
        stories[story].add((url, guid))
    return {frozenset(v) for v in stories.values()}


def partition(argv):
    pg_rows, sqlite_db, expected_path, log, port, addr_re = argv[:6]
    with open(pg_rows) as f:
        pg = partition_of(tuple(l.rstrip("\n").split("\t")) for l in f if l.strip())
    db = sqlite3.connect(f"file:{sqlite_db}?mode=ro", uri=True)
    lite = partition_of(db.execute(
        "SELECT e.story_id, f.url, e.guid FROM entry e JOIN feed f ON f.id = e.feed_id WHERE e.story_id IS NOT NULL"))
    unplaced = db.execute("SELECT count(*) FROM entry WHERE story_id IS NULL").fetchone()[0]
    with open(expected_path) as f:
        expected = {frozenset(tuple(c) for c in story) for story in json.load(f)}
    pattern = re.compile(addr_re)
    fetched_by = {}
    for host, addr, uri, _, _, _ in lines(log):
        if pattern.fullmatch(addr):
            fetched_by[url_of(host, port, uri)] = addr
    mixed = sum(1 for s in pg if len({fetched_by.get(u) for u, _ in s}) > 1)
    multi = sum(1 for s in pg if len(s) > 1)
    print(f"PostgreSQL {len(pg)} stories ({multi} with several copies, {mixed} of them fetched by different pollers); "
          f"SQLite {len(lite)} stories ({unplaced} entries unplaced); generated {len(expected)}; "
          f"PostgreSQL == SQLite: {pg == lite}; == generated: {pg == expected}; "
          f"SQLite == generated: {lite == expected}")
    return 0 if pg == lite == expected and unplaced == 0 and mixed > 0 else 1


def concurrency(argv):
    log, slow_path = argv[:2]
    events = collections.defaultdict(list)
    for host, _, uri, _, msec, rt in lines(log):
        end = round(msec * 1000)  # whole milliseconds, as nginx logs them (no float rounding at the edges)
        events[host].append((end - round(rt * 1000), 1))
        events[host].append((end, -1))
    peaks = {}
    for host, ev in events.items():
        ev.sort(key=lambda e: (e[0], e[1]))  # an end before a start at the same millisecond
        now = peak = 0
        for _, d in ev:
            now += d
            peak = max(peak, now)
        peaks[host] = peak
    slow_hosts = set()
    with open(slow_path) as f:
        slow = {l.strip() for l in f if l.strip()}
    for host, _, uri, _, _, rt in lines(log):
        if uri in slow and rt > 0.2:
            slow_hosts.add(host)
    worst = max(peaks.values()) if peaks else 0
    over = sorted(h for h, p in peaks.items() if p > 2)
    print(f"{len(peaks)} hosts: at most {worst} requests at once to one host; "
          f"hosts over 2: {len(over)}{(' ' + str(over[:3])) if over else ''}; slow hosts "
          + ", ".join(f"{h} peak {peaks[h]}" for h in sorted(slow_hosts)))
    return 0 if peaks and not over and slow_hosts else 1


if __name__ == "__main__":
    commands = {"once": once, "takeover": takeover, "partition": partition, "concurrency": concurrency}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))

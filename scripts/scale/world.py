#!/usr/bin/env python3
"""The scale check's world: N RSS 2.0 feeds on H host names, written for nginx to serve.

    world.py OUT_DIR FEEDS HOSTS PORT

Feed i (0-based) lives on host `site-NNNN.localhost` (hosts in contiguous blocks, so feed order, host
order and the pollers' schedule order agree) at /f/i.xml. Each feed carries one copy of a shared story
and two stories of its own: shared story s (0 <= s < FEEDS // 5) is copied into feeds s + k * FEEDS // 5
for k = 0..4, which are a fifth of the schedule apart, so its copies land in different pollers' batches.
Texts are 80 pseudo-random words of a 50,000-word vocabulary: copies of a story are identical, other
stories share only a few words by chance.

Writes OUT_DIR/www/f/*.xml, OUT_DIR/urls.txt (one URL a line), OUT_DIR/hosts.txt (one host a line),
OUT_DIR/expected.json (the expected story partition: lists of [url, guid]) and OUT_DIR/slow.txt (the
paths nginx sends slowly in some phases: the first 6 feeds of two hosts, for the politeness check).
The slow feeds are padded to 6 KB so a limit_rate of 4 KB/s makes each request last about a second.
"""
import json
import os
import random
import sys


def words(seed: int, count: int = 80) -> str:
    r = random.Random(seed)
    return " ".join(f"w{r.randrange(50_000)}" for _ in range(count))


def main() -> None:
    out, feeds, hosts, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if feeds < 5 or hosts < 2 or hosts > feeds:
        sys.exit("world.py: need FEEDS >= 5 and 2 <= HOSTS <= FEEDS")
    www = os.path.join(out, "www", "f")
    os.makedirs(www, exist_ok=True)
    host_of = [f"site-{i * hosts // feeds:04d}.localhost" for i in range(feeds)]
    urls = [f"http://{host_of[i]}:{port}/f/{i}.xml" for i in range(feeds)]
    shared = feeds // 5
    slow_hosts = {host_of[0], host_of[feeds // 2]}
    slow = []
    for h in sorted(slow_hosts):
        slow += [f"/f/{i}.xml" for i in range(feeds) if host_of[i] == h][:6]
    slow_set = set(slow)
    expected = []
    for s in range(shared):
        expected.append([[urls[s + k * shared], f"wire-{s}"] for k in range(5)])
    for i in range(feeds):
        items = []
        if i < 5 * shared:
            s = i % shared
            items.append((f"wire-{s}", f"Wire story {s}", words(1_000_000 + s)))
        for j in range(2):
            items.append((f"own-{i}-{j}", f"Local story {i}.{j}", words(2_000_000 + 2 * i + j)))
            expected.append([[urls[i], f"own-{i}-{j}"]])
        body = [f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {i}</title>'
                f"<link>http://{host_of[i]}/</link>"]
        for guid, title, text in items:
            body.append(f'<item><title>{title}</title><guid isPermaLink="false">{guid}</guid>'
                        f"<link>http://{host_of[i]}/{guid}</link><description>{text}</description></item>")
        body.append("</channel></rss>\n")
        xml = "".join(body)
        if f"/f/{i}.xml" in slow_set:
            xml += "<!-- " + "x" * max(0, 6000 - len(xml)) + " -->\n"
        with open(os.path.join(www, f"{i}.xml"), "w") as f:
            f.write(xml)
    with open(os.path.join(out, "urls.txt"), "w") as f:
        f.write("\n".join(urls) + "\n")
    with open(os.path.join(out, "hosts.txt"), "w") as f:
        f.write("\n".join(sorted(set(host_of))) + "\n")
    with open(os.path.join(out, "slow.txt"), "w") as f:
        f.write("\n".join(slow) + "\n")
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f)
    print(f"world: {feeds} feeds on {len(set(host_of))} hosts, {shared} stories in 5 copies, "
          f"{2 * feeds} single-copy stories, {shared * 5 + 2 * feeds} entries")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generated inputs for scripts/bench.sh when ../shared is absent (and the import list always).

    gendata.py urls OUT [N]            N feed URLs (default 1,000), some with tags, a comment line
    gendata.py feeds DIR [N]           N RSS 2.0 feeds of 20 items each (about 20 KB apiece)
    gendata.py texts DIR [N]           N news-like texts of 600 words (for dedup --bench)
    gendata.py pages DIR [N]           N news-like HTML pages with navigation and footer chrome
Deterministic (fixed seed); stdlib only.
"""
import os
import random
import sys

WORDS = ("the of and to in a is that for on said with was as at by from it his be has he have an "
         "are were which not but had this they their government year people new would been after "
         "minister city police market report percent week company officials told statement court "
         "health school water energy election council budget workers union price bank climate "
         "project research study hospital village river border trade talks agreement season team "
         "match coach players festival museum artists film music record storm flood fire road "
         "rail airport station bridge harbour farmers crops prices inflation rates housing").split()


def sentence(rng, n=None):
    n = n or rng.randint(8, 22)
    w = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(w).capitalize() + "."


def paragraph(rng, k=4):
    return " ".join(sentence(rng) for _ in range(k))


def urls(out, n=1000):
    with open(out, "w") as f:
        f.write("# generated subscription list for the import benchmark\n")
        for i in range(n):
            tags = " news world" if i % 7 == 0 else (" tech" if i % 11 == 0 else "")
            f.write(f"https://feeds{i % 97}.example.org/section/{i}/rss.xml{tags}\n")


def feeds(d, n=200):
    rng = random.Random(1)
    os.makedirs(d, exist_ok=True)
    for i in range(n):
        items = []
        for j in range(20):
            items.append(
                f"<item><title>{sentence(rng, 8)}</title><link>https://site{i}.example.org/{j}</link>"
                f"<guid isPermaLink=\"false\">s{i}-{j}</guid>"
                f"<pubDate>Sun, {1 + j % 28:02d} Nov 2026 0{j % 10}:15:00 +0000</pubDate>"
                f"<description>&lt;p&gt;{paragraph(rng, 3)}&lt;/p&gt;</description></item>")
        with open(os.path.join(d, f"feed{i:04d}.xml"), "w") as f:
            f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                    f"<title>Site {i}</title><link>https://site{i}.example.org/</link>"
                    f"<description>generated</description>{''.join(items)}</channel></rss>\n")


def texts(d, n=400):
    rng = random.Random(2)
    os.makedirs(d, exist_ok=True)
    for i in range(n):
        with open(os.path.join(d, f"t{i:04d}.txt"), "w") as f:
            f.write("\n\n".join(paragraph(rng, 6) for _ in range(6)) + "\n")


def pages(d, n=180):
    rng = random.Random(3)
    os.makedirs(d, exist_ok=True)
    for i in range(n):
        nav = "".join(f'<li><a href="/s{k}">{rng.choice(WORDS).title()}</a></li>' for k in range(25))
        body = "".join(f"<p>{paragraph(rng, 5)}</p>" for _ in range(12))
        side = "".join(f'<li><a href="/r{k}">{sentence(rng, 7)}</a></li>' for k in range(10))
        with open(os.path.join(d, f"p{i:04d}.html"), "w") as f:
            f.write(f"<!doctype html><html><head><meta charset=utf-8><title>{sentence(rng, 7)}</title>"
                    f'<meta property="og:site_name" content="Site {i % 9}"></head><body>'
                    f'<header><nav class="menu"><ul>{nav}</ul></nav></header>'
                    f'<main><article><h1>{sentence(rng, 9)}</h1>{body}</article>'
                    f'<aside class="related"><ul>{side}</ul></aside></main>'
                    f"<footer><p>Copyright 2026 Site {i % 9}. All rights reserved.</p></footer></body></html>\n")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("urls", "feeds", "texts", "pages"):
        sys.exit(__doc__)
    fn = globals()[sys.argv[1]]
    fn(sys.argv[2], *([int(sys.argv[3])] if len(sys.argv) > 3 else []))

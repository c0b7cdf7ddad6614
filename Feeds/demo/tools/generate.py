#!/usr/bin/env python3
"""Writes the Syndic demo world (Feeds/demo/sites, EXPECTED.json, urls.template, ../demo.opml) and checks it.

    python3 Feeds/demo/tools/generate.py          # regenerate, then check
    python3 Feeds/demo/tools/generate.py --check  # only check well-formedness (xmllint, json)

The stories are in stories.py, the sites in sites.py, the copies and their wire-copy edits in copies.py;
the page templates of the six sites are in templates.py. Output is deterministic (no clock, no randomness).
Links: feed items point at their pages with paths RELATIVE to the feed (articles/<file>.html), and pages
link to each other with relative hrefs, so the world works from file:// and from http://127.0.0.1:8765/.
"""
import datetime as dt
import json
import os
import re
import subprocess
import sys
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xesc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from copies import COPIES, MUST_NOT_MERGE  # noqa: E402
from sites import SITES  # noqa: E402
from stories import STORIES  # noqa: E402
import templates  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.dirname(HERE)
FEEDS = os.path.dirname(DEMO)
PORT_BASE = "http://127.0.0.1:8765"


# ---------------------------------------------------------------------------------------- edits
def apply_edits(paragraphs, edits):
    paras = list(paragraphs)
    ed = dict((k, v) for k, v in edits)
    if "merge" in ed:
        i = ed["merge"]
        paras[i:i + 2] = [paras[i] + " " + paras[i + 1]]
    if "split" in ed:
        i = ed["split"]
        sentences = re.split(r"(?<=[.\u201d])\s+(?=[A-Z\u201c])", paras[i])
        half = max(1, len(sentences) // 2)
        paras[i:i + 1] = [" ".join(sentences[:half]), " ".join(sentences[half:])]
    if "drop_last" in ed:
        paras = paras[:-ed["drop_last"]]
    for a, b in ed.get("subs", []):
        if a == "said":  # attributions only, as a sub-editor would: "Olsen said" / "”, said" / "she said"
            paras = [re.sub(r"(\S+) said\b", lambda m: m.group(1) + (" says" if singular_speaker(m.group(1)) else " said"), p)
                     for p in paras]
            continue
        pat = re.compile(r"(?<![\w])" + re.escape(a) + r"(?![\w])") if a[0].isalnum() else re.compile(re.escape(a) + r"(?![\w])")
        paras = [pat.sub(b, p) for p in paras]
    if "dateline" in ed:
        paras[0] = ed["dateline"] + " \u2014 " + paras[0]
    top = ed.get("note_top")
    end = ed.get("note_end")
    return paras, top, end


def singular_speaker(word):
    """True when "<word> said" is an attribution to one speaker (a name, he/she, or after a quote)."""
    if word in ("he", "she", "\u201d", ",\u201d") or word.endswith((",\u201d", ".\u201d")):
        return True
    return word[:1].isupper() and word.rstrip(",") not in ("They", "Analysts", "Officials")


def edit_names(edits):
    out = []
    for k, v in edits:
        if k == "subs":
            out.append("subs " + ", ".join(f"{a.strip()}\u2192{b.strip()}" for a, b in v))
        elif k in ("note_top", "note_end"):
            out.append(f"{k} \u201c{v}\u201d")
        else:
            out.append(f"{k} {v}")
    return out


def first_sentences(text, n):
    s = re.split(r"(?<=[.])\s+(?=[A-Z\u201c])", text)
    return " ".join(s[:n])


# ---------------------------------------------------------------------------------------- model
def build_model():
    copies = []
    for c in COPIES:
        story = STORIES[c["story"]]
        paras, top, end = apply_edits(story["paragraphs"], c["edits"])
        when = dt.datetime.strptime(c["published"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
        copies.append(dict(c, paragraphs=paras, note_top=top, note_end=end, when=when,
                           topic=story["topic"], slug=c["file"][:-5]))
    by_site = {}
    for c in sorted(copies, key=lambda c: c["when"], reverse=True):
        by_site.setdefault(c["site"], []).append(c)
    for site, items in by_site.items():
        for i, c in enumerate(items):
            c["newer"] = items[i - 1] if i > 0 else None
            c["older"] = items[i + 1] if i + 1 < len(items) else None
            others = [o for o in items if o is not c]
            c["read_more"] = (c["older"] or c["newer"]) if others else None
            c["related"] = others[:3]
    return copies, by_site


# ---------------------------------------------------------------------------------------- feeds
def body_html(c, read_more=False):
    parts = []
    if c["note_top"]:
        parts.append(f"<p><em>{escape(c['note_top'], quote=False)}</em></p>")
    for i, p in enumerate(c["paragraphs"]):
        parts.append(f"<p>{escape(p, quote=False)}</p>")
        if read_more and i == 1 and c["read_more"]:
            rm = c["read_more"]
            parts.append(f"<p><strong>Read more:</strong> <a href=\"{rm['file']}\">{escape(rm['headline'])}</a></p>")
    if c["note_end"]:
        parts.append(f"<p><em>{escape(c['note_end'], quote=False)}</em></p>")
    return "\n".join(parts)


def rfc822(when):
    return format_datetime(when, usegmt=True)


def iso(when):
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def guid(c):
    site = SITES[c["site"]]
    return f"{site['host']}-{c['when'].strftime('%Y%m%d')}-{c['slug']}"


def feed_rss2(site_slug, items, mode):
    site = SITES[site_slug]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
           '<channel>',
           f'  <title>{xesc(site["name"])}</title>',
           '  <link>index.html</link>',
           f'  <description>{xesc(site["name"])} \u2014 latest stories (Syndic demo world; item links are relative to this feed)</description>',
           '  <language>en-gb</language>',
           f'  <lastBuildDate>{rfc822(items[0]["when"])}</lastBuildDate>',
           '  <generator>Syndic demo generator</generator>',
           '  <ttl>30</ttl>']
    for c in items:
        out.append('  <item>')
        out.append(f'    <title>{xesc(c["headline"])}</title>')
        out.append(f'    <link>articles/{c["file"]}</link>')
        out.append(f'    <guid isPermaLink="false">{guid(c)}</guid>')
        out.append(f'    <pubDate>{rfc822(c["when"])}</pubDate>')
        out.append(f'    <dc:creator>{xesc(site["author"])}</dc:creator>')
        out.append(f'    <category>{c["topic"]}</category>')
        if mode == "full":
            excerpt = first_sentences(c["paragraphs"][0], 1) + " [&#8230;]"
            out.append(f'    <description>{xesc(excerpt)}</description>')
            out.append(f'    <content:encoded><![CDATA[{body_html(c, read_more=True)}]]></content:encoded>')
        elif mode == "summary":
            lead = c["paragraphs"][0].split(" \u2014 ", 1)[-1]
            out.append(f'    <description>{xesc(first_sentences(lead, 1))}</description>')
        else:  # whole story as escaped HTML in <description>
            out.append(f'    <description>{xesc(body_html(c))}</description>')
        out.append('  </item>')
    out += ['</channel>', '</rss>', '']
    return "\n".join(out)


def feed_atom(site_slug, items):
    site = SITES[site_slug]
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
           f'  <title>{xesc(site["name"])}: Top stories</title>',
           '  <subtitle>Wire copy from the Northwind newsroom (Syndic demo world; links are relative to this feed)</subtitle>',
           f'  <id>tag:{site["host"]},2026:feeds/top</id>',
           '  <link rel="self" href="atom.xml"/>',
           '  <link rel="alternate" type="text/html" href="index.html"/>',
           f'  <updated>{iso(items[0]["when"])}</updated>',
           '  <author><name>Northwind Wire</name></author>',
           '  <rights>\u00a9 2026 Northwind Wire. Licensed to subscribing publishers.</rights>']
    for c in items:
        out += ['  <entry>',
                f'    <id>tag:{site["host"]},2026:story/{c["slug"]}</id>',
                f'    <title type="text">{xesc(c["headline"])}</title>',
                f'    <link rel="alternate" type="text/html" href="articles/{c["file"]}"/>',
                f'    <published>{iso(c["when"])}</published>',
                f'    <updated>{iso(c["when"] + dt.timedelta(minutes=12))}</updated>',
                f'    <author><name>{xesc(site["author"])}</name></author>',
                f'    <category term="{c["topic"]}"/>',
                f'    <summary type="text">{xesc(first_sentences(c["paragraphs"][0], 1))}</summary>',
                f'    <content type="html">{xesc(body_html(c))}</content>',
                '  </entry>']
    out += ['</feed>', '']
    return "\n".join(out)


def feed_rss1(site_slug, items):
    site = SITES[site_slug]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"',
           '         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
           '  <channel rdf:about="index.rdf">',
           f'    <title>{xesc(site["name"])}</title>',
           '    <link>index.html</link>',
           '    <description>Independent news, checked twice (Syndic demo world; links are relative to this feed)</description>',
           f'    <dc:date>{iso(items[0]["when"])}</dc:date>',
           '    <items>', '      <rdf:Seq>']
    for c in items:
        out.append(f'        <rdf:li rdf:resource="articles/{c["file"]}"/>')
    out += ['      </rdf:Seq>', '    </items>', '  </channel>']
    for c in items:
        out += [f'  <item rdf:about="articles/{c["file"]}">',
                f'    <title>{xesc(c["headline"])}</title>',
                f'    <link>articles/{c["file"]}</link>',
                f'    <description>{xesc(first_sentences(c["paragraphs"][0], 2))}</description>',
                f'    <dc:date>{iso(c["when"])}</dc:date>',
                f'    <dc:creator>{xesc(site["author"])}</dc:creator>',
                f'    <dc:subject>{c["topic"]}</dc:subject>',
                f'    <content:encoded><![CDATA[{body_html(c)}]]></content:encoded>',
                '  </item>']
    out += ['</rdf:RDF>', '']
    return "\n".join(out)


def feed_json(site_slug, items):
    site = SITES[site_slug]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site["name"],
        "home_page_url": "index.html",
        "feed_url": "feed.json",
        "description": "News from the valley (Syndic demo world; item urls are relative to this feed)",
        "language": "en-GB",
        "authors": [{"name": site["name"]}],
        "items": [],
    }
    for c in items:
        feed["items"].append({
            "id": guid(c),
            "url": f"articles/{c['file']}",
            "title": c["headline"],
            "summary": first_sentences(c["paragraphs"][0], 1),
            "content_html": body_html(c),
            "date_published": iso(c["when"]),
            "authors": [{"name": site["author"]}],
            "tags": [c["topic"]],
        })
    return json.dumps(feed, indent=2, ensure_ascii=False) + "\n"


def write_feed(site_slug, items):
    fmt = SITES[site_slug]["format"]
    text = {
        "rss2-full": lambda: feed_rss2(site_slug, items, "full"),
        "rss2-summary": lambda: feed_rss2(site_slug, items, "summary"),
        "rss2-description": lambda: feed_rss2(site_slug, items, "description"),
        "atom": lambda: feed_atom(site_slug, items),
        "rss1": lambda: feed_rss1(site_slug, items),
        "jsonfeed": lambda: feed_json(site_slug, items),
    }[fmt]()
    write(os.path.join(DEMO, "sites", site_slug, SITES[site_slug]["feed"]), text)


# ---------------------------------------------------------------------------------------- outputs
def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_expected(copies):
    stories = []
    for sid, s in STORIES.items():
        cs = [c for c in copies if c["story"] == sid]
        stories.append({
            "id": sid,
            "topic": s["topic"],
            "headline": s["headline"],
            "copies": [{
                "site": c["site"],
                "article": f"sites/{c['site']}/articles/{c['file']}",
                "feed": f"sites/{c['site']}/{SITES[c['site']]['feed']}",
                "link_in_feed": f"articles/{c['file']}",
                "title": c["headline"],
                "published": iso(c["when"]),
                "role": c["role"],
                "edits": (["new headline"] if c["headline"] != s["headline"] else []) + edit_names(c["edits"]),
                "summary_only_feed": SITES[c["site"]]["format"] == "rss2-summary",
            } for c in cs],
        })
    doc = {
        "about": "Ground truth of the Syndic demo world: every story with all its copies (paths relative to "
                 "Feeds/demo), and pairs of different stories that must not be merged. Generated by tools/generate.py.",
        "feeds": [{"site": k, "name": v["name"], "feed": f"sites/{k}/{v['feed']}", "format": v["format"]}
                  for k, v in SITES.items()],
        "stories": stories,
        "must_not_merge": [{"a": a, "b": b, "kind": k, "why": w} for a, b, k, w in MUST_NOT_MERGE],
        "expected_clusters": len(STORIES),
        "expected_entries": len(copies),
    }
    write(os.path.join(DEMO, "EXPECTED.json"), json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def write_subscriptions():
    lines = ["# One demo feed URL a line. The demo script replaces @DEMO@ with the absolute path of Feeds/demo,",
             "# e.g.  sed \"s|@DEMO@|$PWD/Feeds/demo|\" Feeds/demo/urls.template"]
    lines.append("# Words after the URL are tags; \"~Title\" names the feed (Syndic's URL-list format, like newsboat's).")
    lines += [f"file://@DEMO@/sites/{k}/{v['feed']} {' '.join(v['tags'])} \"~{v['name']}\"" for k, v in SITES.items()]
    write(os.path.join(DEMO, "urls.template"), "\n".join(lines) + "\n")
    fmt_names = {"rss2-full": "RSS 2.0, full text in content:encoded", "rss2-summary": "RSS 2.0, summary only",
                 "rss2-description": "RSS 2.0, full HTML in description", "atom": "Atom 1.0",
                 "rss1": "RSS 1.0 (RDF)", "jsonfeed": "JSON Feed 1.1"}
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- The Syndic demo world: six fictional news sites. Served from Feeds/demo by scripts/demo.sh on',
           '     http://127.0.0.1:8765/ (for file:// URLs use Feeds/demo/urls.template instead). -->',
           '<opml version="2.0">',
           '  <head>',
           '    <title>Syndic demo world</title>',
           '    <dateCreated>Fri, 27 Nov 2026 08:00:00 GMT</dateCreated>',
           '    <ownerName>Syndic</ownerName>',
           '  </head>',
           '  <body>',
           '    <outline text="Demo news sites" title="Demo news sites">']
    for k, v in SITES.items():
        out.append(f'      <outline type="rss" text="{xesc(v["name"])}" '
                   f'title="{xesc(v["name"])}" xmlUrl="{PORT_BASE}/sites/{k}/{v["feed"]}" '
                   f'htmlUrl="{PORT_BASE}/sites/{k}/index.html" category="{",".join(v["tags"])}" '
                   f'description="{xesc(fmt_names[v["format"]])}"/>')
    out += ['    </outline>', '  </body>', '</opml>', '']
    write(os.path.join(FEEDS, "demo.opml"), "\n".join(out))


# ---------------------------------------------------------------------------------------- checks
HTML5_TAG_NOISE = re.compile(r"Tag (article|aside|footer|header|main|nav|section|figure|figcaption|time|template|dialog|svg|path|math|mtext|mglyph) invalid")


def check():
    bad = 0
    xml = [os.path.join(FEEDS, "demo.opml")]
    html_files, json_files = [], [os.path.join(DEMO, "EXPECTED.json")]
    for root in (os.path.join(DEMO, "sites"), os.path.join(FEEDS, "hostile"), os.path.join(FEEDS, "starter")):
        for dirpath, _, names in os.walk(root):
            for n in sorted(names):
                p = os.path.join(dirpath, n)
                if n.endswith((".xml", ".rdf", ".opml")):
                    xml.append(p)
                elif n.endswith(".html"):
                    html_files.append(p)
                elif n.endswith(".json"):
                    json_files.append(p)
    for p in xml:
        r = subprocess.run(["xmllint", "--noout", p], capture_output=True, text=True)
        if r.returncode:
            bad += 1
            print(f"NOT WELL-FORMED {p}\n{r.stderr}")
    for p in html_files:
        r = subprocess.run(["xmllint", "--html", "--noout", p], capture_output=True, text=True)
        errs = [ln for ln in r.stderr.splitlines()
                if re.search(r":\d+: .*?error : ", ln) and not HTML5_TAG_NOISE.search(ln)]
        if errs:
            bad += 1
            print(f"HTML PARSE ERRORS {p}\n" + "\n".join(errs))
    for p in json_files:
        try:
            with open(p, encoding="utf-8") as f:
                json.load(f)
        except ValueError as e:
            bad += 1
            print(f"BAD JSON {p}: {e}")
    print(f"checked {len(xml)} XML, {len(html_files)} HTML, {len(json_files)} JSON files: {bad} bad")
    return bad == 0


def main():
    if "--check" not in sys.argv:
        copies, by_site = build_model()
        for site_slug, items in by_site.items():
            write_feed(site_slug, items)
            for c in items:
                page = templates.render(site_slug, SITES[site_slug], c, body_html)
                write(os.path.join(DEMO, "sites", site_slug, "articles", c["file"]), page)
            write(os.path.join(DEMO, "sites", site_slug, "index.html"),
                  templates.render_index(site_slug, SITES[site_slug], items))
        write_expected(copies)
        write_subscriptions()
    sys.exit(0 if check() else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds a labelled dedup stream of syndicated copies and hard negatives (stdlib only, deterministic).

    python3 scripts/make_dedup_stream.py --shared ../shared --out /tmp/stream-a --half a [--seed 1]

Source texts: the dedup corpus texts (one text per story: its origin, else its first copy) and the
article bodies of the extraction corpora (aeb stories are the dedup corpus's, so only dragnet and
readability bodies are added). Near-duplicate sources (>= 20 % of 5-word shingles seen before) are
dropped. `--half a|b|all` keeps the sources whose sha1(source id) first hex digit is even (a) or
odd (b): tune on one half, report on the other.

Each source becomes one of:
  - a syndicated story: its origin (inside its own site's template half of the time) and 1-5 copies,
    each inside another synthetic site's template (a header line and footer lines: share counters,
    "About Author", "Leave a Reply…", the same for every story of that site). Kinds of copy:
      wire        the text verbatim;
      edited      ~8 % of words substituted, dropped or inserted, and a new headline;
      excerpt     the first 30-50 % of paragraphs and a "read the full story" line;
      developing  an early version (first 40 % of paragraphs) or a later one (two new paragraphs on top);
      local       one or two local paragraphs inserted;
  - a follow-up (hard negative, own cluster): four of its own paragraphs with two consecutive
    paragraphs of a syndicated story quoted among them, a new headline;
  - a singleton story.
Roundups (hard negatives, own cluster) hold the headline and lead paragraph of four syndicated stories.
New and local paragraphs come from sources kept aside for that.

Writes OUT/texts/<id>.txt (headline, blank line, paragraphs separated by blank lines) and
OUT/labels.json in ../shared/eval/dedup/score.py's format plus `kind` (origin, wire, edited, excerpt,
developing, local, followup, roundup, single). Follow-ups and roundups list the stories they quote
in `related_stories`, so score.py counts their merges as related false merges. Score with
scripts/score_dedup_stream.py.
"""
import argparse, hashlib, json, os, random, re

WORD = re.compile(r"\w+")


def sha1(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def split_text(text, blank_lines):
    """(headline, paragraphs) of a text; short lines (< 4 words) are merged into the next one."""
    sep = "\n\n" if blank_lines else "\n"
    lines = [re.sub(r"\s+", " ", p).strip() for p in text.split(sep)]
    lines = [p for p in lines if p]
    if not lines:
        return None, []
    head = lines[0]
    body = lines[1:]
    if len(head.split()) > 20 or not body:
        body = lines
        head = " ".join(lines[0].split()[:9])
    merged, carry = [], ""
    for p in body:
        p = (carry + " " + p).strip() if carry else p
        if len(p.split()) < 4:
            carry = p
            continue
        merged.append(p)
        carry = ""
    if carry and merged:
        merged[-1] += " " + carry
    return head, merged


def load_sources(shared):
    """[(source id, headline, paragraphs)] in a fixed order."""
    out = []
    dedup = os.path.join(shared, "corpus/dedup")
    labels = json.load(open(os.path.join(dedup, "labels.json")))
    by_cluster = {}
    for doc in sorted(labels):
        by_cluster.setdefault(labels[doc]["cluster"], []).append(doc)
    for cluster in sorted(by_cluster):
        docs = by_cluster[cluster]
        origins = [d for d in docs if labels[d]["role"] == "origin"]
        doc = (origins or docs)[0]
        text = open(os.path.join(dedup, "texts", doc + ".txt"), encoding="utf-8").read()
        head, body = split_text(text, True)
        out.append(("dedup:" + cluster, head, body))
    for corpus in ("dragnet", "readability"):
        path = os.path.join(shared, "corpus/extraction", corpus, "ground-truth.json")
        if not os.path.exists(path):
            continue
        truth = json.load(open(path, encoding="utf-8"))
        for key in sorted(truth):
            head, body = split_text(truth[key]["articleBody"], False)
            out.append((corpus + ":" + key, head, body))
    return out


def drop_near_duplicates(sources):
    seen, kept = set(), []
    for sid, head, body in sources:
        if head is None or not body:
            continue
        words = WORD.findall(" ".join(body).lower())
        if len(words) < 40:
            continue
        sh = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
        if len(sh & seen) >= 0.2 * len(sh):
            continue
        seen |= sh
        kept.append((sid, head, body))
    return kept


class Sites:
    """Synthetic site templates: a header line and footer lines, fixed per site."""
    FOOTERS = ["About Author", "Leave a Reply", "Your email address will not be published. Required fields are marked *",
               "Share this article", "Related Posts", "Subscribe to our newsletter",
               "Follow us on social media for the latest updates", "Comments are closed."]

    def __init__(self, rng, vocabulary, count):
        self.sites = []
        for i in range(count):
            name = " ".join(w.capitalize() for w in rng.sample(vocabulary, 2))
            sections = " | ".join(w.capitalize() for w in rng.sample(vocabulary, 4))
            header = [f"{name} | {sections}"]
            if rng.random() < 0.5:
                header.append(f"Home » {rng.choice(['News', 'World', 'Business', 'Local', 'Tech'])}")
            footer = []
            if rng.random() < 0.7:
                footer.append(f"{rng.randint(0, 9)} {rng.randint(10, 999)}")
            footer += rng.sample(self.FOOTERS, rng.randint(2, 4))
            footer.append(f"© 2024 {name}. All rights reserved.")
            host = name.lower().replace(" ", "") + ".example"
            self.sites.append((host, header, footer))

    def wrap(self, site, head, body):
        host, header, footer = self.sites[site]
        return header + [head] + body + footer, host


def edit_words(rng, paragraph, vocabulary, rate):
    out = []
    for w in paragraph.split():
        r = rng.random()
        if r < rate * 0.6:
            out.append(rng.choice(vocabulary))
        elif r < rate * 0.8:
            continue
        elif r < rate:
            out += [w, rng.choice(vocabulary)]
        else:
            out.append(w)
    return " ".join(out) if out else paragraph


def new_headline(rng, head, body, vocabulary):
    choice = rng.random()
    if choice < 0.4:
        words = body[0].split()[:rng.randint(6, 10)]
        return " ".join(words).rstrip(",.;:")
    words = head.split()
    for _ in range(max(1, len(words) // 3)):
        words[rng.randrange(len(words))] = rng.choice(vocabulary).capitalize()
    prefix = rng.choice(["", "Update: ", "Analysis: ", "Report: ", "Breaking: "])
    return prefix + " ".join(words)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", required=True)
    ap.add_argument("--half", choices=["a", "b", "all"], default="all")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sites", type=int, default=40)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    sources = drop_near_duplicates(load_sources(args.shared))
    if args.half != "all":
        parity = 0 if args.half == "a" else 1
        sources = [s for s in sources if int(sha1(s[0])[0], 16) % 2 == parity]
    vocabulary = sorted({w.lower() for _, _, body in sources for p in body for w in WORD.findall(p)
                         if w.isascii() and w.isalpha() and 3 <= len(w) <= 10})
    sites = Sites(rng, vocabulary, args.sites)
    order = sources[:]
    rng.shuffle(order)

    # Sources with >= 4 paragraphs can be syndicated or followed up; short ones are singletons or
    # lend paragraphs (new paragraphs of developing stories, local inserts).
    long_ones = [s for s in order if len(s[2]) >= 4 and len(" ".join(s[2]).split()) >= 150]
    short_ones = [s for s in order if s not in long_ones]
    n = len(long_ones)
    syndicated = long_ones[:int(n * 0.5)]
    followups = long_ones[int(n * 0.5):int(n * 0.68)]
    spare_paragraphs = [p for s in long_ones[int(n * 0.68):int(n * 0.78)] for p in s[2] if len(p.split()) >= 15]
    singles = long_ones[int(n * 0.78):] + short_ones
    rng.shuffle(spare_paragraphs)

    out_texts = os.path.join(args.out, "texts")
    os.makedirs(out_texts, exist_ok=True)
    for f in os.listdir(out_texts):
        os.remove(os.path.join(out_texts, f))
    labels = {}
    used_ids = set()

    def new_id():
        while True:
            i = "%012x" % rng.getrandbits(48)
            if i not in used_ids:
                used_ids.add(i)
                return i

    def emit(lines, cluster, story, kind, host, related=None):
        doc = new_id()
        with open(os.path.join(out_texts, doc + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(lines) + "\n")
        labels[doc] = {"cluster": cluster, "source_story": story, "kind": kind,
                       "role": "origin" if kind in ("origin", "single", "followup", "roundup") else "copy",
                       "host_site": host}
        if related:
            labels[doc]["related_stories"] = sorted(set(related))
        return doc

    def spare(k):
        taken = [spare_paragraphs.pop() for _ in range(min(k, len(spare_paragraphs)))]
        return taken

    kinds = ["wire", "edited", "excerpt", "developing", "local"]
    weights = [0.32, 0.18, 0.19, 0.14, 0.17]
    for sid, head, body in syndicated:
        cluster = sha1(sid)[:12]
        own_site = rng.randrange(len(sites.sites))
        if rng.random() < 0.5:
            lines, host = sites.wrap(own_site, head, body)
        else:
            lines, host = [head] + body, "origin:" + sid.split(":")[0]
        emit(lines, cluster, cluster, "origin", host)
        others = [s for s in range(len(sites.sites)) if s != own_site]
        for site in rng.sample(others, rng.randint(1, 5)):
            kind = rng.choices(kinds, weights)[0]
            h, b = head, body
            if kind == "edited":
                b = [edit_words(rng, p, vocabulary, 0.08) for p in body]
                h = new_headline(rng, head, body, vocabulary)
            elif kind == "excerpt":
                take = max(1, round(len(body) * rng.uniform(0.3, 0.5)))
                b = body[:take] + [rng.choice(["Read the full story", "Read the full story at the source",
                                                "Continue reading the full story", "Read more"])]
            elif kind == "developing":
                if rng.random() < 0.5:
                    b = body[:max(1, round(len(body) * 0.4))]
                else:
                    b = spare(2) + body
                    h = new_headline(rng, head, body, vocabulary)
            elif kind == "local":
                b = body[:]
                for p in spare(rng.choice([1, 2])):
                    b.insert(rng.randint(1, len(b)), p)
            lines, host = sites.wrap(site, h, b)
            emit(lines, cluster, cluster, kind, host)

    story_of = [(sha1(sid)[:12], head, body) for sid, head, body in syndicated]
    for sid, head, body in followups:
        cluster = sha1(sid)[:12]
        quoted, _, qbody = rng.choice(story_of)
        j = rng.randrange(len(qbody) - 1)
        own = body[:4]
        at = rng.randint(1, len(own) - 1)
        b = own[:at] + qbody[j:j + 2] + own[at:]
        h = new_headline(rng, head, body, vocabulary)
        lines, host = sites.wrap(rng.randrange(len(sites.sites)), h, b)
        emit(lines, cluster, cluster, "followup", host, related=[quoted])

    for r in range(max(1, round(len(sources) * 0.09))):
        picked = rng.sample(story_of, 4)
        cluster = "roundup%04d" % r
        b = [rng.choice(["Here is what you need to know today.", "The day's top stories in brief.",
                         "Our morning briefing of the main news."])]
        for _, h, qbody in picked:
            b += [h, qbody[0]]
        lines, host = sites.wrap(rng.randrange(len(sites.sites)),
                                 rng.choice(["Morning briefing", "News roundup", "The day in brief"]), b)
        emit(lines, cluster, cluster, "roundup", host, related=[k for k, _, _ in picked])

    for sid, head, body in singles:
        cluster = sha1(sid)[:12]
        if rng.random() < 0.5:
            lines, host = sites.wrap(rng.randrange(len(sites.sites)), head, body)
        else:
            lines, host = [head] + body, "origin:" + sid.split(":")[0]
        emit(lines, cluster, cluster, "single", host)

    with open(os.path.join(args.out, "labels.json"), "w") as f:
        json.dump(labels, f, indent=1, sort_keys=True)
    counts = {}
    for v in labels.values():
        counts[v["kind"]] = counts.get(v["kind"], 0) + 1
    print(f"{len(labels)} texts from {len(sources)} sources (half {args.half}, seed {args.seed}): "
          + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))


if __name__ == "__main__":
    main()

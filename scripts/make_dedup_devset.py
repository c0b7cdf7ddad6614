#!/usr/bin/env python3
"""Builds the harder Dedup dev set from the labelled corpus texts (stdlib only, deterministic).

    python3 scripts/make_dedup_devset.py --texts ../shared/corpus/dedup/texts \
        --labels ../shared/corpus/dedup/labels.json --out /tmp/devset [--seed 1]

Writes OUT/texts/<doc>.txt and OUT/labels.json (score.py format). The data is not kept in the
repository; only this generator is. From the corpus clusters, ~70 % become "main" stories and the
rest only lend their bodies to follow-ups. Per main story (its origin text, or first copy):
  - the story's own corpus documents (origin + wire copies, labels kept);
  - partial: a contiguous 40-60 % of its paragraphs (prefix or from the middle), same cluster;
  - summary: the first 1-2 sentences of the body only (a summary-only feed entry), same cluster;
  - reordered: a new headline and the paragraphs shuffled, same cluster.
Per follow-up (one per spare story): the spare story's body with TWO paragraphs of a main story
inserted in the middle and a new headline -> its own cluster; it must NOT merge with the main story.
"""
import argparse, json, os, random, re


def paragraphs(text):
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return parts[0], parts[1:]          # headline, body paragraphs


def sentences(paragraph):
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“(])", paragraph)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", required=True)
    ap.add_argument("--labels", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    labels = json.load(open(args.labels))
    texts = {f[:-4]: open(os.path.join(args.texts, f), encoding="utf-8").read()
             for f in sorted(os.listdir(args.texts)) if f.endswith(".txt")}
    clusters = {}
    for doc in sorted(texts):
        clusters.setdefault(labels[doc]["cluster"], []).append(doc)
    keys = sorted(clusters)
    rng.shuffle(keys)
    # Stories need at least 4 body paragraphs to cut 40-60 % and quote two.
    def base_doc(key):
        docs = clusters[key]
        origins = [d for d in docs if labels[d]["role"] == "origin"]
        return (origins or docs)[0]
    usable = [k for k in keys if len(paragraphs(texts[base_doc(k)])[1]) >= 4]
    n_main = int(len(usable) * 0.7)
    main_keys, spare_keys = usable[:n_main], usable[n_main:]

    out_texts = os.path.join(args.out, "texts")
    os.makedirs(out_texts, exist_ok=True)
    out_labels = {}

    def emit(name, text, cluster, kind, story):
        with open(os.path.join(out_texts, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        out_labels[name] = {"cluster": cluster, "role": kind, "source_story": story, "host_site": kind}

    counts = {}
    for key in main_keys:
        for doc in clusters[key]:
            emit(doc, texts[doc], key, "corpus", key)
        head, body = paragraphs(texts[base_doc(key)])
        n = len(body)
        size = max(1, round(n * rng.uniform(0.4, 0.6)))
        start = 0 if rng.random() < 0.5 else rng.randint(1, n - size)
        emit(key + "-partial", head + "\n\n" + "\n\n".join(body[start:start + size]), key, "partial", key)
        # A feed description: the first 1-2 sentences, extended to at least 15 words.
        all_sentences = [s for p in body for s in sentences(p)]
        take = rng.choice([1, 2])
        while take < len(all_sentences) and len(" ".join(all_sentences[:take]).split()) < 15:
            take += 1
        summary = " ".join(all_sentences[:take])
        emit(key + "-summary", summary, key, "summary", key)
        shuffled = body[:]
        while len(shuffled) > 1 and shuffled == body:
            rng.shuffle(shuffled)
        new_head = "Update: " + " ".join(reversed(head.split()[:6]))
        emit(key + "-reordered", new_head + "\n\n" + "\n\n".join(shuffled), key, "reordered", key)
        for kind in ("partial", "summary", "reordered"):
            counts[kind] = counts.get(kind, 0) + 1
    for i, spare in enumerate(spare_keys):
        quoted_key = main_keys[i % len(main_keys)]
        _, quoted_body = paragraphs(texts[base_doc(quoted_key)])
        j = rng.randint(0, len(quoted_body) - 2)
        head, body = paragraphs(texts[base_doc(spare)])
        mid = len(body) // 2
        follow = body[:mid] + quoted_body[j:j + 2] + body[mid:]
        emit(spare + "-followup", "Follow-up: " + head + "\n\n" + "\n\n".join(follow), spare + "-followup",
             "followup", spare)
        counts["followup"] = counts.get("followup", 0) + 1
        # related_stories lets score.py count a follow-up merged into the story it quotes.
        out_labels[spare + "-followup"]["related_stories"] = [quoted_key]
    with open(os.path.join(args.out, "labels.json"), "w") as f:
        json.dump(out_labels, f, indent=1, sort_keys=True)
    print(f"{len(out_labels)} docs, {len(set(v['cluster'] for v in out_labels.values()))} clusters, "
          f"{len(main_keys)} main stories, added {counts}")


if __name__ == "__main__":
    main()

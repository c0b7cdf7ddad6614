#!/usr/bin/env python3
"""Writes N generated 500-word text files for the end-to-end `syndic dedup` benchmark, and times
datasketch end to end over the same folder.

    python3 scripts/make_dedup_files.py write --texts ../shared/corpus/dedup/texts --out DIR [--docs 20000] [--words 500]
    python3 scripts/make_dedup_files.py write ... --copies K       # big stories: K copies of each window
    python3 scripts/make_dedup_files.py datasketch DIR [--threshold 0.5]     # needs datasketch

`write`: the documents are bench_datasketch.py's (../shared/eval/dedup): consecutive --words-word
windows over the concatenated corpus texts, cycled with a new offset (+7 words) on each wrap-around,
so a window of one pass overlaps the nearby windows of the other passes (stories of many near-copies,
dozens of members each at 20,000 docs). One file per document, `000000.txt`…, one paragraph each.

With `--copies K`, --docs / K distinct windows (no wrap-around) each get K copies: 2-5 words
substituted (from the corpus), half of them truncated to 60-100 % (as the scale benchmark's copies):
stories of K members, for checking that placing a copy costs the same in a story of 10 or of 1,000.
Labels ({file: {"cluster", "source_story"}}) go to DIR/labels.json.

`datasketch`: the same job as `syndic dedup --format json DIR` done with datasketch in one Python
process: read every file, lowercase \\w+ words, word 5-shingles, MinHash(128).update_batch (one
shared set of permutations),
MinHashLSH(threshold) insert and query, union-find over the hits, JSON {file: cluster} to stdout.
Prints "datasketch end to end N docs S s (R docs/s)" to stderr.
"""
import argparse
import glob
import json
import os
import re
import sys
import time

WORD = re.compile(r"\w+", re.UNICODE)


def windows(texts, docs, words_per_doc):
    words = []
    for f in sorted(glob.glob(os.path.join(texts, "*.txt"))):
        words.extend(open(f, encoding="utf-8").read().split())
    out, i = [], 0
    while len(out) < docs:
        if i + words_per_doc > len(words):
            i = (i + 7) % 997  # new offsets on wrap-around (as bench_datasketch.py)
        out.append(" ".join(words[i:i + words_per_doc]))
        i += words_per_doc
    return out


def write(a):
    os.makedirs(a.out, exist_ok=True)
    if a.copies > 1:
        import random
        rng = random.Random(a.seed)
        sources = windows(a.texts, max(1, a.docs // a.copies), a.words)
        vocabulary = " ".join(sources).split()
        labels = {}
        for n in range(a.docs):
            story = n % len(sources)
            words = sources[story].split()
            for _ in range(rng.randint(2, 5)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            if rng.random() < 0.5:
                words = words[:max(1, len(words) * rng.randint(60, 100) // 100)]
            name = f"{n:06d}"
            with open(os.path.join(a.out, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(" ".join(words) + "\n")
            labels[name] = {"cluster": f"s{story}", "source_story": f"s{story}"}
        with open(os.path.join(a.out, "labels.json"), "w") as f:
            json.dump(labels, f)
        print(f"{a.docs} files in {len(sources)} stories of {a.copies} copies in {a.out}")
        return
    for n, text in enumerate(windows(a.texts, a.docs, a.words)):
        with open(os.path.join(a.out, f"{n:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(f"{a.docs} files of {a.words} words in {a.out}")


def datasketch(a):
    from datasketch import MinHash, MinHashLSH
    t0 = time.perf_counter()
    files = sorted(glob.glob(os.path.join(a.dir, "*.txt")))
    names = [os.path.splitext(os.path.basename(f))[0] for f in files]
    lsh = MinHashLSH(threshold=a.threshold, num_perm=128)
    hashes = []
    # One set of permutations for all documents (datasketch's fast path; building them per
    # MinHash would triple its time).
    first = MinHash(num_perm=128)
    permutations, scheme = first.permutations, first.scheme
    for k, f in enumerate(files):
        w = WORD.findall(open(f, encoding="utf-8").read().lower())
        m = MinHash(num_perm=128, permutations=permutations, scheme=scheme)
        m.update_batch([" ".join(w[j:j + 5]).encode("utf-8") for j in range(max(1, len(w) - 4))])
        hashes.append(m)
        lsh.insert(k, m)
    parent = list(range(len(files)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, m in enumerate(hashes):
        for other in lsh.query(m):
            ra, rb = find(k), find(other)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    json.dump({names[k]: names[find(k)] for k in range(len(files))}, sys.stdout, indent=0)
    sys.stdout.write("\n")
    s = time.perf_counter() - t0
    print(f"datasketch end to end {len(files)} docs {s:.2f} s ({len(files) / s:.0f} docs/s)", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("--texts", required=True)
    w.add_argument("--out", required=True)
    w.add_argument("--docs", type=int, default=20000)
    w.add_argument("--words", type=int, default=500)
    w.add_argument("--copies", type=int, default=1)
    w.add_argument("--seed", type=int, default=1)
    d = sub.add_parser("datasketch")
    d.add_argument("dir")
    d.add_argument("--threshold", type=float, default=0.5)
    a = ap.parse_args()
    write(a) if a.cmd == "write" else datasketch(a)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Train Syndic's learned block classifier (issue 16) and export it for the Swift extractor.

The extractor computes shallow features for every text block of a page (Sources/Extraction/
BlockFeatures.swift: sizes, densities, punctuation, position, tag path, class/id weights, the rules'
verdict, neighbour blocks) and writes them when SYNDIC_EXTRACTION_FEATURES_OUT names a file. This
script labels every block against the dev corpora's gold, fits scikit-learn's
HistGradientBoostingClassifier, and writes the trees as a small text model (format in
Sources/Extraction/BlockModel.swift) that the extractor reads. Nothing but Swift runs at extraction
time; this script is offline tooling, not part of scripts/test.sh.

Needs scikit-learn (PyPI): `python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn`.

Usage (from the package root, after `swift build --product syndic`):

    /tmp/venv/bin/python scripts/train-block-model.py --ship          # train on all dev pages and write
                                                                      # Sources/Extraction/ShippedBlockModel.swift
    /tmp/venv/bin/python scripts/train-block-model.py --out model.txt # the model file only

Cross-validated figures (one model per fold, trained on the other folds' sites):
`scripts/extract-cv.py --classifier` (it imports this file).

Labels: body corpora (aeb, dragnet, readability): a block is story text when its \\w+ tokens occur in
the gold body in order (under 4 tokens: when it is a whole gold line). Snippet corpus (trafilatura): a
block holding or lying inside a "with" snippet is story, one holding a "without" snippet is not,
others are left out of training. Each page weighs the same in total (the body scores average over
pages); inside a page a block weighs by its tokens.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOKEN_RE = re.compile(r"\w+")
SHIPPED = os.path.join(ROOT, "Sources", "Extraction", "ShippedBlockModel.swift")
FEATURE_SOURCE = os.path.join(ROOT, "Sources", "Extraction", "BlockFeatures.swift")

PARAMS = dict(max_iter=80, learning_rate=0.1, max_leaf_nodes=8, min_samples_leaf=200, l2_regularization=5.0,
              random_state=0)
# How the training pages weigh: "corpus" = every corpus the same in total (and inside a corpus every page
# the same), so the 946 dragnet pages do not set the conventions of the 125 aeb pages; "page" = every
# page the same.
BALANCE = "corpus"
# The rules' verdict on a block (BlockVerdict in Sources/Extraction/BlockVerdict.swift, in raw-value
# order); features 0-7 are its one-hot code, a block with none of them is a site-template block.
VERDICTS = ["kept", "outside", "chromeSubtree", "sectionCut", "chromeHeading", "textRule", "linkDensity",
            "headline", "siteTemplate"]
# Threshold search (on out-of-fold probabilities of the training pages only).
KEEP_GRID = [0.0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.3, 0.5]
RESTORE_GRID = [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01]
REACH_GRID = [None, 1, 2, 4, 8]
# A corpus whose F1 falls counts this many times over in the threshold search's objective.
FALL_PENALTY = 3.0


def feature_names():
    """BlockFeatures.names, read from the Swift source (the order of every vector)."""
    with open(FEATURE_SOURCE, encoding="utf-8") as f:
        source = f.read()
    m = re.search(r"static let names: \[String\] = \[(.*?)\n    \]", source, re.S)
    return re.findall(r'"([^"]+)"', m.group(1))


def normalize(text):
    return " ".join(text.split())


def label_block(kind, item, text):
    """1 story, 0 chrome, None unknown (snippet pages: neither kind of snippet in the block)."""
    if kind == "body":
        body = item.get("_tokens")
        if body is None:
            gold = item.get("articleBody", "")
            item["_tokens"] = body = " " + " ".join(TOKEN_RE.findall(gold)) + " "
            item["_lines"] = {normalize(line) for line in gold.splitlines() if line.strip()}
        tokens = TOKEN_RE.findall(text)
        if not tokens:
            return 0
        if len(tokens) < 4:
            return int(normalize(text) in item["_lines"])
        return int(" " + " ".join(tokens) + " " in body)
    flat = normalize(text)
    if any(normalize(s) in flat or (len(flat) >= 20 and flat in normalize(s)) for s in item.get("with", []) if s.strip()):
        return 1
    if any(normalize(s) in flat for s in item.get("without", []) if s.strip()):
        return 0
    return None


def run_dump(syndic, pages, work, name, rules_off=None):
    """`syndic extract --manifest` over pages with the rules' verdicts only (model off), dumping features.
    Returns {page key: record}."""
    manifest = os.path.join(work, name + ".manifest.jsonl")
    out = os.path.join(work, name + ".out.jsonl")
    dump = os.path.join(work, name + ".features.jsonl")
    with open(manifest, "w", encoding="utf-8") as f:
        for p in pages:
            f.write(json.dumps({"id": p["key"], "url": p["url"], "html": p["html"]}) + "\n")
    if os.path.exists(dump):
        os.remove(dump)
    env = dict(os.environ, SYNDIC_EXTRACTION_MODEL="off", SYNDIC_EXTRACTION_FEATURES_OUT=dump)
    env.pop("SYNDIC_EXTRACTION_RULES_OFF", None)
    if rules_off is not None:
        off = os.path.join(work, name + ".rules-off.tsv")
        with open(off, "w", encoding="utf-8") as f:
            f.writelines(f"{lst}\t{phrase}\n" for lst, phrase in sorted(rules_off))
        env["SYNDIC_EXTRACTION_RULES_OFF"] = off
    subprocess.run([syndic, "extract", "--manifest", manifest, "--out", out], env=env, check=True)
    records = {}
    with open(dump, encoding="utf-8") as f:
        lines = f.readlines()
    if len(lines) != len(pages):
        sys.exit(f"train-block-model: {len(lines)} feature records for {len(pages)} pages")
    for p, line in zip(pages, lines):
        record = json.loads(line)
        if (record["url"] or "") != (p["url"] or ""):
            sys.exit(f"train-block-model: feature record for {record['url']} where {p['url']} was expected")
        records[p["key"]] = record
    return records


def matrix(pages, records, corpora, balance=None):
    """X, y, sample weights over the labelled blocks of `pages` (weights: see BALANCE)."""
    import numpy as np
    balance = balance or BALANCE
    pages_in = collections.Counter(p["corpus"] for p in pages
                                   if records.get(p["key"]) and records[p["key"]]["applied"])
    rows, labels, weights = [], [], []
    for p in pages:
        record = records.get(p["key"])
        if not record or not record["applied"]:
            continue
        corpus = corpora[p["corpus"]]
        item = corpus["truth"][p["id"]]
        page_rows, page_labels, page_tokens = [], [], []
        for text, vector in record["blocks"]:
            label = label_block(corpus["kind"], item, text)
            if label is None:
                continue
            page_rows.append(vector)
            page_labels.append(label)
            page_tokens.append(max(1, len(TOKEN_RE.findall(text))))
        total = sum(page_tokens)
        if not total:
            continue
        share = 1.0 if balance == "page" else len(pages) / (len(pages_in) * pages_in[p["corpus"]])
        rows += page_rows
        labels += page_labels
        weights += [share * t / total for t in page_tokens]
    return np.array(rows, dtype=np.float32), np.array(labels), np.array(weights)


def train(X, y, w):
    from sklearn.ensemble import HistGradientBoostingClassifier
    model = HistGradientBoostingClassifier(**PARAMS)
    model.fit(X, y, sample_weight=w)
    return model


def export(model, names, threshold=0.5, decision=None):
    """The model as the text format of Sources/Extraction/BlockModel.swift. `decision`: a Decision
    (per-verdict thresholds and reach) that overrides `threshold`."""
    lines = ["syndic-block-model 1", "features " + " ".join(names)]
    if decision is None:
        lines.append(f"threshold {threshold:g}")
    else:
        lines.append(f"threshold {decision.default:g}")
        lines += [f"threshold {v} {t:g}" for v, t in sorted(decision.thresholds.items(), key=lambda x: VERDICTS.index(x[0]))]
        if decision.reach is not None:
            lines.append(f"reach {decision.reach}")
    lines += [f"base {float(model._baseline_prediction.ravel()[0])!r}", "rate 1"]
    for predictors in model._predictors:
        nodes = predictors[0].nodes
        lines.append(f"tree {len(nodes)}")
        for node in nodes:
            if node["is_leaf"]:
                lines.append(f"-1 0 0 0 {float(node['value'])!r}")
            else:
                lines.append(f"{int(node['feature_idx'])} {float(node['num_threshold'])!r} "
                             f"{int(node['left'])} {int(node['right'])} 0")
    return "\n".join(lines) + "\n"


def exported_scores(text, X):
    """Log-odds from the exported text, evaluated as the Swift reader does (float32 features)."""
    import numpy as np
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    i = next(k for k, line in enumerate(lines) if line.startswith("base "))
    base = float(lines[i].split()[1])
    out = np.full(len(X), base)
    i += 2
    while i < len(lines):
        size = int(lines[i].split()[1])
        nodes = [lines[i + 1 + k].split() for k in range(size)]
        i += 1 + size
        for r in range(len(X)):
            n = 0
            while int(nodes[n][0]) >= 0:
                f, t, left, right = int(nodes[n][0]), np.float32(float(nodes[n][1])), int(nodes[n][2]), int(nodes[n][3])
                n = left if X[r, f] <= t else right
            out[r] += float(nodes[n][4])
    return out


class Decision:
    """Which blocks the extractor keeps given P(story) (BlockClassifier.swift): a block is kept when P
    reaches the threshold of the rules' verdict on it (`default` where none is given); a block the rules
    removed only within `reach` blocks of one they kept (None: anywhere); site-template blocks never."""

    def __init__(self, default=0.5, thresholds=None, reach=None):
        self.default, self.thresholds, self.reach = default, dict(thresholds or {}), reach

    def threshold(self, verdict):
        return self.thresholds.get(verdict, self.default)

    def describe(self):
        parts = [f"{v} {t:g}" for v, t in sorted(self.thresholds.items(), key=lambda x: VERDICTS.index(x[0]))]
        return f"default {self.default:g}; " + ", ".join(parts) + f"; reach {self.reach}"

    def kept(self, verdicts, probabilities):
        near = near_kept(verdicts, self.reach) if self.reach is not None else None
        return tuple(i for i, (v, q) in enumerate(zip(verdicts, probabilities))
                     if v != "siteTemplate" and (v == "kept" or near is None or near[i]) and q >= self.threshold(v))


def near_kept(verdicts, reach):
    """Per block: a block the rules kept is at most `reach` blocks away (BlockClassifier.nearKept)."""
    n = len(verdicts)
    near = [False] * n
    last = -10 ** 9
    for i in range(n):
        if verdicts[i] == "kept":
            last = i
        near[i] = i - last <= reach
    last = 10 ** 9
    for i in reversed(range(n)):
        if verdicts[i] == "kept":
            last = i
        if last - i <= reach:
            near[i] = True
    return near


def verdicts_of(record):
    out = []
    for _, vector in record["blocks"]:
        out.append(next((VERDICTS[i] for i in range(8) if vector[i] == 1), "siteTemplate"))
    return out


def page_probabilities(pages, records, model):
    """{page key: (verdicts, P(story) per block)} for the pages the model applies to."""
    import numpy as np
    keys, rows, sizes = [], [], []
    for p in pages:
        record = records[p["key"]]
        if record["applied"] and record["blocks"]:
            keys.append(p["key"])
            rows += [v for _, v in record["blocks"]]
            sizes.append(len(record["blocks"]))
    if not rows:
        return {}
    probabilities = model.predict_proba(np.array(rows, dtype=np.float32))[:, 1]
    out, start = {}, 0
    for key, size in zip(keys, sizes):
        out[key] = (verdicts_of(records[key]), probabilities[start:start + size])
        start += size
    return out


def texts_for(pages, records, probabilities, decision):
    """The texts the extractor gives with these probabilities and this decision."""
    texts = {}
    for p in pages:
        record = records[p["key"]]
        if p["key"] not in probabilities:
            texts[p["key"]] = record["text"]
            continue
        verdicts, q = probabilities[p["key"]]
        kept = decision.kept(verdicts, q)
        texts[p["key"]] = "\n\n".join(record["blocks"][i][0] for i in kept) if kept else record["text"]
    return texts


def simulate(pages, records, model, threshold=0.5, decision=None):
    """The texts the extractor gives with this model (the decision of BlockClassifier.swift)."""
    return texts_for(pages, records, page_probabilities(pages, records, model), decision or Decision(threshold))


class PageScores:
    """eval/extraction/score.py's metrics per corpus for texts that differ only in the kept blocks,
    memoized per page and kept-block set (a threshold search re-scores the same pages many times)."""

    def __init__(self, pages, records, corpora, scorer):
        self.pages, self.records, self.corpora, self.scorer = pages, records, corpora, scorer
        self.memo = {}

    def row(self, p, kept):
        key = (p["key"], kept)
        row = self.memo.get(key)
        if row is None:
            record = self.records[p["key"]]
            text = "\n\n".join(record["blocks"][i][0] for i in kept) if kept else record["text"]
            corpus = self.corpora[p["corpus"]]
            item = corpus["truth"][p["id"]]
            row = self.scorer.body_page(item.get("articleBody", ""), text) if corpus["kind"] == "body" \
                else self.scorer.snippet_page(item, text)
            self.memo[key] = row
        return row

    def f1s(self, probabilities, decision):
        """{corpus: F1} over self.pages with this decision (pages the model skips keep the rules' text)."""
        rows = collections.defaultdict(list)
        for p in self.pages:
            if p["key"] in probabilities:
                verdicts, q = probabilities[p["key"]]
                kept = decision.kept(verdicts, q) or None
            else:
                kept = None
            rows[p["corpus"]].append(self.row(p, kept))
        out = {}
        for name, r in rows.items():
            agg = self.scorer.body_aggregate if self.corpora[name]["kind"] == "body" else self.scorer.snippet_aggregate
            out[name] = agg(r)["f1"]
        return out


def choose_decision(scores, probabilities, log=None):
    """Per-verdict thresholds and reach that raise every corpus's F1 over the rules alone on these
    (out-of-fold) probabilities: coordinate ascent from the rules' own decision (keep what they kept,
    restore nothing); objective = the sum of the per-corpus F1 changes, a fall counted FALL_PENALTY
    times over."""
    rules = Decision(0.5, {v: (0.0 if v == "kept" else 1.01) for v in VERDICTS[:8]})
    base = scores.f1s(probabilities, rules)

    def objective(decision):
        f1 = scores.f1s(probabilities, decision)
        return sum(d if d >= 0 else FALL_PENALTY * d for d in (f1[c] - base[c] for c in base))

    best, best_value = rules, 0.0
    for _ in range(2):
        improved = False
        for verdict in VERDICTS[:8] + ["reach"]:
            grid = REACH_GRID if verdict == "reach" else KEEP_GRID if verdict == "kept" else RESTORE_GRID
            for value in grid:
                if verdict == "reach":
                    candidate = Decision(best.default, best.thresholds, value)
                else:
                    candidate = Decision(best.default, dict(best.thresholds, **{verdict: value}), best.reach)
                v = objective(candidate)
                if v > best_value + 1e-4:
                    best, best_value, improved = candidate, v, True
        if not improved:
            break
    if log:
        f1 = scores.f1s(probabilities, best)
        log(f"  decision {best.describe()}; training-fold out-of-fold F1 change " +
            ", ".join(f"{c} {f1[c] - base[c]:+.4f}" for c in base))
    return best


def fit(pages, records, corpora, scorer, log=None):
    """A model fitted on `pages` and the decision chosen on their out-of-fold probabilities (one model
    per fold of `pages`, by their "fold" key, trained on the others), nothing else seen."""
    folds = sorted({p["fold"] for p in pages})
    oof = {}
    for g in folds:
        inner = [p for p in pages if p["fold"] != g]
        X, y, w = matrix(inner, records, corpora)
        oof.update(page_probabilities([p for p in pages if p["fold"] == g], records, train(X, y, w)))
    decision = choose_decision(PageScores(pages, records, corpora, scorer), oof, log)
    X, y, w = matrix(pages, records, corpora)
    return train(X, y, w), decision, len(X)


def write_shipped(text_model, path=SHIPPED, note=""):
    literal = text_model.replace("\\", "\\\\")
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/train-block-model.py --ship; do not edit. " + note + "\n\n")
        f.write("/// The block model trained on all dev pages (`scripts/train-block-model.py --ship`).\n")
        f.write("enum ShippedBlockModel {\n")
        f.write("    /// The model file's text (format in ``BlockModel``).\n")
        f.write('    static let text = """\n' + literal + '"""\n\n')
        f.write("    /// The parsed model, or nil when none is shipped.\n")
        f.write("    static let model: BlockModel? = text.isEmpty ? nil : try? BlockModel(text: text)\n")
        f.write("}\n")


def main():
    sys.path.insert(0, HERE)
    cv = __import__("extract-cv")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--syndic", default=None)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--work", default="/tmp/syndic-extract-cv")
    ap.add_argument("--out", help="write the model file here")
    ap.add_argument("--ship", action="store_true", help="write Sources/Extraction/ShippedBlockModel.swift")
    ap.add_argument("--k", type=int, default=5, help="site-grouped folds for choosing the thresholds")
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.shared, "eval", "extraction"))
    import score as scorer  # noqa: E402
    syndic = cv.find_syndic(args.syndic)
    os.makedirs(args.work, exist_ok=True)
    pages, corpora = cv.load_pages(os.path.join(args.shared, "corpus", "extraction"), args.work, scorer)
    cv.assign_folds(pages, args.k)
    records = run_dump(syndic, pages, args.work, "train-all")
    model, decision, _ = fit(pages, records, corpora, scorer, log=print)
    X, y, w = matrix(pages, records, corpora)
    text = export(model, feature_names(), decision=decision)
    check = exported_scores(text, X[:2000])
    import numpy as np
    gap = float(np.max(np.abs(check - model.decision_function(X[:2000]))))
    print(f"{len(X)} labelled blocks, {int(y.sum())} story; export check: max |log-odds difference| {gap:.2e}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    if args.ship:
        write_shipped(text, note=f"{len(pages)} dev pages, {len(X)} labelled blocks.")
        print(f"wrote {SHIPPED}")


if __name__ == "__main__":
    main()

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

PARAMS = dict(max_iter=150, learning_rate=0.1, max_leaf_nodes=15, min_samples_leaf=40, l2_regularization=1.0,
              random_state=0)


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


def matrix(pages, records, corpora):
    """X, y, sample weights over the labelled blocks of `pages`."""
    import numpy as np
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
        rows += page_rows
        labels += page_labels
        weights += [t / total for t in page_tokens]
    return np.array(rows, dtype=np.float32), np.array(labels), np.array(weights)


def train(X, y, w):
    from sklearn.ensemble import HistGradientBoostingClassifier
    model = HistGradientBoostingClassifier(**PARAMS)
    model.fit(X, y, sample_weight=w)
    return model


def export(model, names, threshold=0.5):
    """The model as the text format of Sources/Extraction/BlockModel.swift."""
    lines = ["syndic-block-model 1", "features " + " ".join(names), f"threshold {threshold:g}",
             f"base {float(model._baseline_prediction.ravel()[0])!r}", "rate 1"]
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
    base = float(lines[3].split()[1])
    out = np.full(len(X), base)
    i = 5
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


def simulate(pages, records, model, threshold=0.5):
    """The texts the extractor gives with this model (the decision of BlockClassifier.swift)."""
    import numpy as np
    texts = {}
    for p in pages:
        record = records[p["key"]]
        if not record["applied"] or not record["blocks"]:
            texts[p["key"]] = record["text"]
            continue
        X = np.array([v for _, v in record["blocks"]], dtype=np.float32)
        probabilities = model.predict_proba(X)[:, 1]
        kept = [t for (t, _), q in zip(record["blocks"], probabilities) if q >= threshold]
        texts[p["key"]] = "\n\n".join(kept) if kept else record["text"]
    return texts


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
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.shared, "eval", "extraction"))
    import score as scorer  # noqa: E402
    syndic = cv.find_syndic(args.syndic)
    os.makedirs(args.work, exist_ok=True)
    pages, corpora = cv.load_pages(os.path.join(args.shared, "corpus", "extraction"), args.work, scorer)
    records = run_dump(syndic, pages, args.work, "train-all")
    X, y, w = matrix(pages, records, corpora)
    model = train(X, y, w)
    text = export(model, feature_names())
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

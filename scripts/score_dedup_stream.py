#!/usr/bin/env python3
"""Scores a clustering of a stream made by scripts/make_dedup_stream.py, per kind of copy.

    python3 scripts/score_dedup_stream.py --stream /tmp/stream-a --pred pred.json [--json]
    python3 scripts/score_dedup_stream.py --stream /tmp/stream-a --syndic .build/release/syndic

With --syndic it runs `syndic dedup --format json STREAM/texts` itself and reports its wall time.
Prints ../shared/eval/dedup/score.py's pair and B-cubed figures, then for each kind of copy the
share put with its story's origin, and for the hard negatives (follow-ups, roundups) how many were
merged with any document of another story.
"""
import argparse, collections, importlib.util, json, os, subprocess, sys, time


def load_scorer(shared):
    path = os.path.join(shared, "eval/dedup/score.py")
    spec = importlib.util.spec_from_file_location("dedup_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def per_kind(labels, pred):
    cluster_of = {d: pred.get(d, "single:" + d) for d in labels}
    origin = {v["cluster"]: d for d, v in labels.items() if v["kind"] == "origin"}
    members = collections.defaultdict(list)
    for d, c in cluster_of.items():
        members[c].append(d)
    kinds = collections.defaultdict(lambda: [0, 0])
    for d, v in labels.items():
        k = v["kind"]
        if v["role"] == "copy":
            kinds[k][1] += 1
            kinds[k][0] += cluster_of[d] == cluster_of[origin[v["cluster"]]]
        elif k in ("followup", "roundup"):
            kinds[k][1] += 1
            kinds[k][0] += any(labels[o]["cluster"] != v["cluster"] for o in members[cluster_of[d]])
    return {k: {"joined" if k not in ("followup", "roundup") else "merged": a, "of": n}
            for k, (a, n) in sorted(kinds.items())}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stream", required=True)
    ap.add_argument("--pred")
    ap.add_argument("--syndic")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--machine", action="store_true", help="one 'name value' line per figure (for scripts/bench.sh)")
    args = ap.parse_args()
    if not (args.pred or args.syndic):
        ap.error("give --pred PRED.json or --syndic PATH")
    labels = json.load(open(os.path.join(args.stream, "labels.json")))
    seconds = None
    if args.syndic:
        start = time.monotonic()
        out = subprocess.run([args.syndic, "dedup", "--format", "json", os.path.join(args.stream, "texts")],
                             check=True, capture_output=True, text=True).stdout
        seconds = time.monotonic() - start
        pred = json.loads(out)
    else:
        pred = load_scorer(args.shared).load_pred(args.pred)
    scorer = load_scorer(args.shared)
    m = scorer.score(labels, pred)
    kinds = per_kind(labels, pred)
    if args.json:
        keep = {k: v for k, v in m.items() if not k.startswith("worst")}
        keep["kinds"] = kinds
        keep["seconds"] = seconds
        print(json.dumps(keep, sort_keys=True))
        return
    if args.machine:
        for key in ("pair_f1", "pair_precision", "pair_recall", "bcubed_f1", "false_merge_pairs"):
            print(f"{key} {m[key]:.4f}")
        for k, v in kinds.items():
            n = v.get("joined", v.get("merged"))
            print(f"share {k} {n / v['of']:.4f}\ncount {k} {n}")
        if seconds is not None:
            print(f"seconds {seconds:.3f} ({len(labels) / seconds:.0f} docs/s)")
        return
    scorer.report(m, worst=int(os.environ.get("WORST", "5")))
    print("per kind: " + "; ".join(
        f"{k} {v.get('joined', v.get('merged'))}/{v['of']} {'merged' if 'merged' in v else 'joined'}"
        f" ({v.get('joined', v.get('merged')) / v['of']:.3f})" for k, v in kinds.items()))
    if seconds is not None:
        print(f"syndic dedup: {len(labels)} texts in {seconds:.2f} s wall ({len(labels) / seconds:,.0f} docs/s)")


if __name__ == "__main__":
    main()

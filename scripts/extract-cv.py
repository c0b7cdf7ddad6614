#!/usr/bin/env python3
"""Site-grouped k-fold cross-validation of Syndic's extraction rules (issue 16).

The phrase and class/id vocabularies in Sources/Extraction (ChromeText.swift, BoilerplateVocabulary.swift)
were read off dev pages. This script measures how much of the dev score is fitted to those pages:

1. Every dev page (all corpora under --corpus, pooled) gets a site: the host of its URL cut to the
   registrable domain (blogs.example.com and example.com are one site); pages without a real URL are
   each their own site. Sites, never pages, are dealt into k folds (largest first, into the fold with
   the fewest pages), so the pages of one site are never in two folds.
2. One run of `syndic extract --manifest --explain` over all pages with every rule on gives the
   in-sample score and, from the removed blocks and their reasons, which rule fired on which page.
   A firing is harmful when the removed text is gold text (body corpora: its tokens occur in the gold,
   or, under 4 tokens, it is a whole gold line; snippet corpora: it holds or lies inside a "with"
   snippet), else it supports the rule.
3. For each fold, a rule counts only if pages of at least --min-hosts sites of the OTHER folds support
   it, and more sites support than harm it. The held-out fold is extracted with every other rule off
   (SYNDIC_EXTRACTION_RULES_OFF, see Sources/Extraction/RuleSwitch.swift), and the held-out outputs of
   all folds together are scored per corpus with eval/extraction/score.py's own scoring: the
   cross-validated figure.
4. The same criterion applied to all dev pages gives the "pruned" rule set; its in-sample score and the
   rules it drops (supported by pages of fewer than --min-hosts sites) are reported too.

Usage (from the package root, after `swift build --product syndic`, debug or release):

    python3 scripts/extract-cv.py [--syndic .build/debug/syndic] [--k 5] [--min-hosts 2] \
        [--json-out cv.json] [--rules-out single-site-rules.tsv]

Word vocabularies (counter, date words), content words, tag/ARIA rules and numeric thresholds are not
cross-validated here: they are not phrase rules that fire on their own.
"""
import argparse
import collections
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCES = os.path.join(ROOT, "Sources", "Extraction")

# Rule lists that are cross-validated: list name -> the Swift file that defines it.
RULE_LISTS = {
    "sectionMarkers": "ChromeText.swift",
    "shortPrefixes": "ChromeText.swift",
    "creditMarkers": "ChromeText.swift",
    "anywherePhrases": "ChromeText.swift",
    "embedConsentPhrases": "ChromeText.swift",
    "captionPhrases": "ChromeText.swift",
    "tailPhrases": "ChromeText.swift",
    "chromeWords": "BoilerplateVocabulary.swift",
    "chromeTokens": "BoilerplateVocabulary.swift",
}

SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gv"}
# Hosting platforms whose sub-domains are separate sites (public suffixes).
PLATFORMS = {"blogspot.com", "wordpress.com", "tumblr.com", "typepad.com", "livejournal.com", "github.io",
             "blogger.com", "medium.com", "substack.com", "wixsite.com", "over-blog.com", "blog.de", "jimdo.com"}
TOKEN_RE = re.compile(r"\w+")


# ---------------------------------------------------------------- rules

def parse_rule_lists():
    """The phrases of every list in RULE_LISTS, read from the Swift sources."""
    lists = {}
    for name, file in RULE_LISTS.items():
        with open(os.path.join(SOURCES, file), encoding="utf-8") as f:
            source = f.read()
        m = re.search(r"static let " + name + r": (?:\[String\]|Set<String>) = \[(.*?)\n    \]", source, re.S)
        if not m:
            sys.exit(f"extract-cv: list {name} not found in {file}")
        body = "\n".join(line for line in m.group(1).splitlines() if not line.strip().startswith("//"))
        phrases = [bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                   for s in re.findall(r'"((?:[^"\\]|\\.)*)"', body)]
        lists[name] = list(dict.fromkeys(phrases))
    return lists


def ascii_lower(text):
    return text.encode("utf-8").lower().decode("utf-8")


def fired_rules(reason, text, lists):
    """The (list, phrase) rules behind one removed block's reason."""
    m = re.fullmatch(r'chrome text "(.*)"', reason, re.S)
    if m:
        return [("shortPrefixes", m.group(1))]
    m = re.fullmatch(r'(?:chrome heading|after) "(.*)"', reason, re.S)
    if m:
        marker = m.group(1)
        marker = marker[:-2] if marker.endswith(" …") else marker
        return [("sectionMarkers", marker)]
    m = re.fullmatch(r'class/id "(.*)"', reason, re.S)
    if m:
        token = m.group(1)
        hits = [("chromeWords", w) for w in lists["chromeWords"] if w in token]
        return hits or ([("chromeTokens", token)] if token in lists["chromeTokens"] else [])
    by_text = {"comment form text": ("anywherePhrases", ascii_lower),
               "embed consent prompt": ("embedConsentPhrases", ascii_lower),
               "photo caption": ("captionPhrases", ascii_lower),
               "photo credit": ("creditMarkers", str.lower),
               "promotion at the end of the story": ("tailPhrases", ascii_lower)}
    if reason in by_text:
        name, fold = by_text[reason]
        lowered = fold(text)
        return [(name, p) for p in lists[name] if p in lowered]
    return []


def normalize(text):
    return " ".join(text.split())


class Gold:
    """Whether a removed block is gold text of its page."""

    def __init__(self, kind, item):
        self.kind = kind
        if kind == "body":
            body = item.get("articleBody", "")
            self.tokens = " " + " ".join(TOKEN_RE.findall(body)) + " "
            self.lines = {normalize(line) for line in body.splitlines() if line.strip()}
        else:
            self.snippets = [normalize(s) for s in item.get("with", []) if s.strip()]

    def holds(self, text):
        if self.kind == "body":
            tokens = TOKEN_RE.findall(text)
            if not tokens:
                return False
            if len(tokens) < 4:
                return normalize(text) in self.lines
            return " " + " ".join(tokens) + " " in self.tokens
        flat = normalize(text)
        return any(s in flat or (len(flat) >= 20 and flat in s) for s in self.snippets)


# ---------------------------------------------------------------- pages, sites, folds

def site_of(corpus, page_id, url):
    parsed = urllib.parse.urlparse(url or "")
    host = (parsed.hostname or "").lower().rstrip(".")
    if host == "web.archive.org":  # a snapshot: the site is the archived page's own
        m = re.match(r"/web/[^/]+/(https?://.*)", parsed.path)
        if m:
            return site_of(corpus, page_id, m.group(1))
    if not host or host in ("dragnet.invalid", "fakehost") or re.fullmatch(r"[\d.]+", host):
        return f"{corpus}:{page_id}"
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in PLATFORMS:
        return ".".join(labels[-3:])
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def load_pages(corpus_root, work, scorer):
    """Every page of every corpus, decompressed once into work/pages/<corpus>/<id>.html."""
    pages, corpora = [], {}
    for path in scorer.find_corpora(corpus_root):
        corpus = scorer.load_corpus(path)
        corpora[corpus["name"]] = corpus
        folder = os.path.join(work, "pages", corpus["name"])
        os.makedirs(folder, exist_ok=True)
        for page_id in corpus["ids"]:
            html = os.path.join(folder, page_id + ".html")
            if not os.path.exists(html):
                with gzip.open(os.path.join(path, "html", page_id + ".html.gz"), "rb") as f:
                    data = f.read()
                with open(html + ".tmp", "wb") as f:
                    f.write(data)
                os.replace(html + ".tmp", html)
            item = corpus["truth"][page_id]
            pages.append({"key": corpus["name"] + "/" + page_id, "corpus": corpus["name"], "id": page_id,
                          "url": item.get("url") or "", "html": html,
                          "site": site_of(corpus["name"], page_id, item.get("url")),
                          "gold": Gold(corpus["kind"], item)})
    return pages, corpora


def assign_folds(pages, k):
    """Sites dealt into k folds, largest first, each into the fold with the fewest pages so far."""
    sizes = collections.Counter(p["site"] for p in pages)
    order = sorted(sizes, key=lambda s: (-sizes[s], hashlib.sha1(s.encode()).hexdigest()))
    load, fold_of = [0] * k, {}
    for site in order:
        fold = min(range(k), key=lambda f: (load[f], f))
        fold_of[site] = fold
        load[fold] += sizes[site]
    for p in pages:
        p["fold"] = fold_of[p["site"]]


# ---------------------------------------------------------------- running

def find_syndic(given):
    syndic = given or next((b for b in (os.path.join(ROOT, ".build", c, "syndic") for c in ("release", "debug"))
                            if os.path.exists(b)), None)
    if not syndic:
        sys.exit("extract-cv: no syndic binary; run `swift build --product syndic` or pass --syndic")
    return syndic


def run_syndic(syndic, pages, work, name, rules_off=None, model="off"):
    """`syndic extract --manifest --explain` over pages; {key: record}. `model`: the block model
    (SYNDIC_EXTRACTION_MODEL: "off" = rules only, "" = the shipped one, else a model file)."""
    manifest = os.path.join(work, name + ".manifest.jsonl")
    out = os.path.join(work, name + ".out.jsonl")
    with open(manifest, "w", encoding="utf-8") as f:
        for p in pages:
            f.write(json.dumps({"id": p["key"], "url": p["url"], "html": p["html"]}) + "\n")
    env = dict(os.environ)
    env.pop("SYNDIC_EXTRACTION_RULES_OFF", None)
    env.pop("SYNDIC_EXTRACTION_FEATURES_OUT", None)
    env["SYNDIC_EXTRACTION_MODEL"] = model
    if rules_off is not None:
        off = os.path.join(work, name + ".rules-off.tsv")
        with open(off, "w", encoding="utf-8") as f:
            f.writelines(f"{lst}\t{phrase}\n" for lst, phrase in sorted(rules_off))
        env["SYNDIC_EXTRACTION_RULES_OFF"] = off
    subprocess.run([syndic, "extract", "--manifest", manifest, "--out", out, "--explain"], env=env, check=True)
    records = {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            records[record["id"]] = record
    return records


def rule_evidence(pages, records, lists):
    """{rule: {"support": set of sites, "harm": set of sites, "pages": n}} from one all-rules run."""
    evidence = collections.defaultdict(lambda: {"support": collections.defaultdict(set),
                                                "harm": collections.defaultdict(set)})
    for p in pages:
        good, bad = set(), set()
        for removal in records.get(p["key"], {}).get("removed") or []:
            rules = fired_rules(removal["reason"], removal["text"], lists)
            if not rules:
                continue
            harmful = p["gold"].holds(removal["text"])
            for rule in rules:
                (bad if harmful else good).add(rule)
        for rule in good - bad:
            evidence[rule]["support"][p["fold"]].add(p["site"])
        for rule in bad:
            evidence[rule]["harm"][p["fold"]].add(p["site"])
    return evidence


def counted_rules(evidence, folds, min_hosts):
    """The rules supported by pages of >= min_hosts sites in `folds`, by more sites than they harm."""
    counted = set()
    for rule, ev in evidence.items():
        support = set().union(*(ev["support"][f] for f in folds))
        harm = set().union(*(ev["harm"][f] for f in folds))
        if len(support) >= min_hosts and len(support) > len(harm):
            counted.add(rule)
    return counted


def score(corpora, pages, records, scorer, n_boot):
    result = {}
    for name, corpus in corpora.items():
        preds = {p["id"]: records[p["key"]].get("text", "") for p in pages
                 if p["corpus"] == name and p["key"] in records}
        metrics, _ = scorer.score_corpus(corpus, preds, n_boot)
        result[name] = {k: metrics[k] for k in ("precision", "recall", "f1", "f1_std") if k in metrics}
        result[name]["pages"] = len(corpus["ids"])
    return result


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--syndic", default=None, help="syndic binary (default .build/release/syndic, else .build/debug/syndic)")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"), help="the shared folder (corpus, eval)")
    ap.add_argument("--corpus", default=None, help="corpus parent folder (default SHARED/corpus/extraction)")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--min-hosts", type=int, default=2, help="sites whose pages must support a rule")
    ap.add_argument("--work", default="/tmp/syndic-extract-cv", help="decompressed pages and run files")
    ap.add_argument("--bootstrap", type=int, default=200, help="bootstrap resamples for the F1 sd (0 = off)")
    ap.add_argument("--json-out", help="write all figures as JSON")
    ap.add_argument("--classifier", action="store_true",
                    help="also cross-validate the learned block model (scripts/train-block-model.py): per fold, "
                         "features with that fold's rules, a model fitted on the other folds, the held-out fold "
                         "extracted with it; needs scikit-learn")
    ap.add_argument("--simulate", action="store_true",
                    help="with --classifier: take the held-out texts from the model in Python instead of a "
                         "syndic run (fast, for tuning; the figures to report come without it)")
    ap.add_argument("--params", default="{}", help="with --classifier: JSON overrides of the training parameters")
    ap.add_argument("--fixed-threshold", type=float, default=None,
                    help="with --classifier: keep every block at P >= this (default: per-verdict thresholds and "
                         "reach chosen on each fold's training pages, out of fold; see train-block-model.py)")
    ap.add_argument("--balance", choices=["corpus", "page"], default=None,
                    help="with --classifier: training weights (default train-block-model.py's BALANCE, corpus)")
    ap.add_argument("--rules-out", help="write every rule with its support (TSV: list, phrase, sites, harm, counted)")
    args = ap.parse_args()

    sys.path.insert(0, os.path.join(args.shared, "eval", "extraction"))
    import score as scorer  # noqa: E402  (the shared scorer: same metrics as score.py)

    syndic = find_syndic(args.syndic)
    os.makedirs(args.work, exist_ok=True)
    lists = parse_rule_lists()
    all_rules = {(name, phrase) for name, phrases in lists.items() for phrase in phrases}
    pages, corpora = load_pages(args.corpus or os.path.join(args.shared, "corpus", "extraction"), args.work, scorer)
    assign_folds(pages, args.k)

    full = run_syndic(syndic, pages, args.work, "in-sample")
    evidence = rule_evidence(pages, full, lists)
    in_sample = score(corpora, pages, full, scorer, args.bootstrap)

    cv_records, fold_rules = {}, []
    for fold in range(args.k):
        held_out = [p for p in pages if p["fold"] == fold]
        counted = counted_rules(evidence, [f for f in range(args.k) if f != fold], args.min_hosts)
        fold_rules.append(len(counted & all_rules))
        cv_records.update(run_syndic(syndic, held_out, args.work, f"fold{fold}", rules_off=all_rules - counted))
    cross_validated = score(corpora, pages, cv_records, scorer, args.bootstrap)
    if args.classifier:
        classifier_cv(args, syndic, pages, corpora, evidence, all_rules, scorer, in_sample, cross_validated)
        return

    kept = counted_rules(evidence, range(args.k), args.min_hosts) & all_rules
    pruned = score(corpora, pages, run_syndic(syndic, pages, args.work, "pruned", rules_off=all_rules - kept),
                   scorer, args.bootstrap)

    report_rules(lists, evidence, kept, args.rules_out)
    sites = collections.Counter(p["site"] for p in pages)
    print(f"\n{len(pages)} pages, {len(sites)} sites, {args.k} folds of "
          f"{', '.join(str(sum(1 for p in pages if p['fold'] == f)) for f in range(args.k))} pages; "
          f"rules counted per fold: {', '.join(map(str, fold_rules))} of {len(all_rules)}; "
          f"on all dev pages: {len(kept)}")
    print(f"\n| corpus | pages | in-sample F1 | cross-validated F1 | CV − in-sample | pruned rules, in-sample F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in corpora:
        a, b, c = in_sample[name], cross_validated[name], pruned[name]
        sd = lambda m: f" ± {m['f1_std']:.3f}" if "f1_std" in m else ""
        print(f"| {name} | {a['pages']} | {a['f1']:.4f}{sd(a)} (P {a['precision']:.3f} R {a['recall']:.3f}) "
              f"| {b['f1']:.4f} (P {b['precision']:.3f} R {b['recall']:.3f}) | {b['f1'] - a['f1']:+.4f} "
              f"| {c['f1']:.4f} (P {c['precision']:.3f} R {c['recall']:.3f}) |")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump({"pages": len(pages), "sites": len(sites), "k": args.k, "min_hosts": args.min_hosts,
                       "rules": len(all_rules), "rules_counted_per_fold": fold_rules, "rules_kept": len(kept),
                       "in_sample": in_sample, "cross_validated": cross_validated, "pruned": pruned},
                      f, indent=1, sort_keys=True)


def classifier_cv(args, syndic, pages, corpora, evidence, all_rules, scorer, in_sample, rules_cv):
    """Site-grouped CV of the learned block model, stacked on each fold's cross-validated rules."""
    sys.path.insert(0, HERE)
    tbm = __import__("train-block-model")
    tbm.PARAMS.update(json.loads(args.params))
    names = tbm.feature_names()
    if args.balance:
        tbm.BALANCE = args.balance
    cv_records, simulated, mismatches, decisions = {}, {}, 0, []
    for fold in range(args.k):
        held_out = [p for p in pages if p["fold"] == fold]
        counted = counted_rules(evidence, [f for f in range(args.k) if f != fold], args.min_hosts)
        off = all_rules - counted
        features = tbm.run_dump(syndic, pages, args.work, f"features{fold}", rules_off=off)
        training = [p for p in pages if p["fold"] != fold]
        print(f"fold {fold}:", file=sys.stderr)
        model, decision, n = fit(tbm, args, training, features, corpora, scorer)
        path = os.path.join(args.work, f"fold{fold}.model")
        with open(path, "w", encoding="utf-8") as f:
            f.write(tbm.export(model, names, decision=decision))
        decisions.append(decision.describe())
        texts = tbm.simulate(held_out, features, model, decision=decision)
        simulated.update({key: {"text": text} for key, text in texts.items()})
        if not args.simulate:
            records = run_syndic(syndic, held_out, args.work, f"model-fold{fold}", rules_off=off, model=path)
            mismatches += sum(1 for key, text in texts.items()
                              if normalize(records.get(key, {}).get("text") or "") != normalize(text))
            cv_records.update(records)
        print(f"fold {fold}: {n} labelled training blocks", file=sys.stderr)
    model_cv = score(corpora, pages, simulated if args.simulate else cv_records, scorer, args.bootstrap)

    features = tbm.run_dump(syndic, pages, args.work, "features-all")
    print("all dev pages:", file=sys.stderr)
    model, decision, _ = fit(tbm, args, pages, features, corpora, scorer)
    path = os.path.join(args.work, "all.model")
    with open(path, "w", encoding="utf-8") as f:
        f.write(tbm.export(model, names, decision=decision))
    decisions.append(decision.describe())
    if args.simulate:
        fitted = {key: {"text": text} for key, text in tbm.simulate(pages, features, model, decision=decision).items()}
    else:
        fitted = run_syndic(syndic, pages, args.work, "model-all", model=path)
    model_in = score(corpora, pages, fitted, scorer, args.bootstrap)

    print(f"\nblock model {'(simulated in Python) ' if args.simulate else ''}params {json.dumps(tbm.PARAMS)} "
          f"balance {tbm.BALANCE}; held-out pages where the syndic run and the Python model differ: "
          f"{'not run' if args.simulate else mismatches}")
    for fold, d in enumerate(decisions):
        print(f"  {'fold ' + str(fold) if fold < args.k else 'all pages'}: {d}")
    print("\n| corpus | pages | rules CV F1 | rules in-sample F1 | model CV F1 | model in-sample F1 | CV change |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in corpora:
        a, b, c, d = rules_cv[name], in_sample[name], model_cv[name], model_in[name]
        fmt = lambda m: f"{m['f1']:.4f} (P {m['precision']:.3f} R {m['recall']:.3f})"
        print(f"| {name} | {a['pages']} | {fmt(a)} | {fmt(b)} | {fmt(c)} | {fmt(d)} | {c['f1'] - a['f1']:+.4f} |")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump({"pages": len(pages), "k": args.k, "params": tbm.PARAMS, "balance": tbm.BALANCE,
                       "decision": "fixed" if args.fixed_threshold is not None else "tuned", "decisions": decisions,
                       "simulated": args.simulate, "mismatches": mismatches, "rules_cv": rules_cv,
                       "rules_in_sample": in_sample, "model_cv": model_cv, "model_in_sample": model_in},
                      f, indent=1, sort_keys=True)


def fit(tbm, args, pages, records, corpora, scorer):
    """Model and decision from `pages` only: tuned thresholds (tbm.fit) or one fixed threshold."""
    if args.fixed_threshold is None:
        return tbm.fit(pages, records, corpora, scorer, log=lambda m: print(m, file=sys.stderr))
    X, y, w = tbm.matrix(pages, records, corpora)
    return tbm.train(X, y, w), tbm.Decision(args.fixed_threshold), len(X)


def report_rules(lists, evidence, kept, path):
    """Per list: rules, rules that ever fire, rules supported by one site only, rules kept."""
    print("| list | rules | fire on dev pages | supported by 1 site | harm ≥ support | kept |")
    print("|---|---:|---:|---:|---:|---:|")
    rows = []
    for name, phrases in lists.items():
        fired = single = harmful = 0
        for phrase in phrases:
            ev = evidence.get((name, phrase))
            support = set().union(*ev["support"].values()) if ev else set()
            harm = set().union(*ev["harm"].values()) if ev else set()
            fired += bool(support or harm)
            single += len(support) == 1
            harmful += bool(harm) and len(harm) >= len(support)
            rows.append((name, phrase, len(support), len(harm), (name, phrase) in kept))
        print(f"| {name} | {len(phrases)} | {fired} | {single} | {harmful} | "
              f"{sum(1 for p in phrases if (name, p) in kept)} |")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            f.write("list\tphrase\tsupport_sites\tharm_sites\tcounted\n")
            for row in rows:
                f.write("\t".join(map(str, row)) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Condenses `swift package benchmark --format markdown` output into one table in BENCHMARKS.md.

    micro_summary.py DOC MICRO_OUTPUT COMMAND NOTE

One row per benchmark: wall-clock time p50 / p90 (with the tool's unit), mallocs p50, samples.
The full per-metric tables stay in MICRO_OUTPUT (.bench/work/micro.txt).
"""
import datetime
import os
import re
import sys


def parse(text):
    rows, name = [], None
    for line in text.splitlines():
        if line.startswith("### "):
            name = line[4:].strip()
            rows.append({"name": name})
            continue
        if not name or not line.startswith("|") or line.startswith("|:") or line.startswith("| Metric"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        metric, values = cells[0], cells[1:]
        # columns: p0 p25 p50 p75 p90 p99 p100 samples
        if metric.startswith("Time (wall clock)"):
            unit = re.search(r"\(([^)]+)\)$", metric.replace(" *", "").strip())
            rows[-1].update(time_p50=values[2], time_p90=values[4], unit=unit.group(1) if unit else "", samples=values[7])
        elif metric.startswith("Malloc (total)"):
            rows[-1]["mallocs"] = values[2]
    return rows


def main():
    doc, out, cmd, note = sys.argv[1:5]
    rows = parse(open(out, encoding="utf-8", errors="replace").read())
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["<!-- bench:micro:start -->", "## Microbenchmarks (ordo-one/benchmark, scripts/microbench)", "",
             f"- date: {now}", f"- command: `{cmd}` (= `swift package --package-path scripts/microbench benchmark`)",
             "- inputs are generated inside the benchmark (deterministic), through the modules' public API "
             "(`SignatureBuilder`, `MinHasher`, `LSHIndex`, `TextTokenizer`, `FeedParser.parse`, `FeedDate`, "
             "`ArticleExtractor.extract`); per-metric percentiles: `.bench/work/micro.txt` after a run",
             "- regression gate: `swift package --package-path scripts/microbench benchmark baseline update main`, "
             "later `... benchmark baseline check main`", f"- {note}", "",
             "| benchmark | wall clock p50 | p90 | mallocs p50 | samples |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        if "time_p50" in r:
            lines.append(f"| {r['name']} | {r['time_p50']} {r['unit']} | {r['time_p90']} {r['unit']} | "
                         f"{r.get('mallocs', '–')} | {r['samples']} |")
    lines.append("<!-- bench:micro:end -->")
    block = "\n".join(lines) + "\n"
    s = open(doc, encoding="utf-8").read() if os.path.exists(doc) else "# Benchmarks\n"
    pat = re.compile(r"<!-- bench:micro:start -->.*?<!-- bench:micro:end -->\n?", re.S)
    s = pat.sub(lambda _: block, s) if pat.search(s) else s.rstrip() + "\n\n" + block
    open(doc, "w", encoding="utf-8").write(s)
    print(block)


if __name__ == "__main__":
    main()

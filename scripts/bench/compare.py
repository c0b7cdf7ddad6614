#!/usr/bin/env python3
"""Runs Syndic and its peers alternately and writes one area's table into docs/BENCHMARKS.md.

    compare.py run    --spec SPEC.json --runs 5 --rows ROWS.json      # measure
    compare.py render --rows ROWS.json --area AREA --doc docs/BENCHMARKS.md \
                      --title T --command CMD [--note TEXT]...          # write the table

SPEC.json: {"contenders": [{"tool": "Syndic", "cmd": "shell command", "runs": 5 (optional),
            "rss_file": "path (optional: peak KB written there by the command itself)",
            "metrics": [{"metric": "parse MB/s", "kind": "rate|time|score",
                         "json": "key" | "regex": "…(?P<v>[0-9.]+)…" | "regex_pair": [r1, r2]
                         | "wall_rate": N | "wall": true
                         | "json_file": ["path", "dotted.key"]}]}]}
Run r of every contender happens before run r+1 of any, so machine noise hits all of them alike.
Each run is wrapped in `/usr/bin/time -v` for the peak resident set size. A run that fails (exit
status, missing figure) is recorded with its reason; the other contenders go on.

ROWS.json: [{"metric", "kind", "tool", "values": [...], "rss_kb": [...], "errors": [...]}]; the
first tool of each metric named "Syndic…" is the reference of the ratio column.
"""
import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time


def peak_rss_kb(time_output):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_output)
    return int(m.group(1)) if m else None


def dig(obj, dotted):
    for part in dotted.split("."):
        obj = obj[part]
    return obj


def extract(metric, stdout, wall):
    if "json" in metric:
        for line in reversed(stdout.splitlines()):
            line = line.strip()
            if line.startswith("{"):
                try:
                    return float(dig(json.loads(line), metric["json"]))
                except (ValueError, KeyError, TypeError):
                    continue
        raise ValueError(f"no JSON line with '{metric['json']}' in the output")
    if "regex" in metric:
        m = re.search(metric["regex"], stdout, re.M)
        if not m:
            raise ValueError(f"figure not found in the output (/{metric['regex']}/)")
        return float(m.group("v").replace(",", ""))
    if "regex_pair" in metric:  # two rates of one item's two steps -> the rate of both steps
        a, b = (extract({"regex": r}, stdout, wall) for r in metric["regex_pair"])
        return 1 / (1 / a + 1 / b)
    if "wall_rate" in metric:
        return metric["wall_rate"] / wall
    if metric.get("wall"):
        return wall
    if "json_file" in metric:
        path, key = metric["json_file"]
        with open(path, encoding="utf-8") as f:
            return float(dig(json.load(f), key))
    raise ValueError("metric has no way to read its figure")


def run_once(contender, log):
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        tpath = tf.name
    if contender.get("rss_file") and os.path.exists(contender["rss_file"]):
        os.remove(contender["rss_file"])
    t0 = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", "-o", tpath, "bash", "-c", contender["cmd"]],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                          timeout=contender.get("timeout", 1800))
    wall = time.perf_counter() - t0
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    with open(tpath, encoding="utf-8", errors="replace") as f:
        timing = f.read()
    os.remove(tpath)
    log.write(f"\n### {contender['tool']} (exit {proc.returncode}, {wall:.2f} s)\n$ {contender['cmd']}\n{out}\n{err[-3000:]}\n")
    log.flush()
    rss = peak_rss_kb(timing)
    if contender.get("rss_file"):
        try:
            with open(contender["rss_file"]) as f:
                rss = max(int(x) for x in f.read().split())
        except (OSError, ValueError):
            pass
    if proc.returncode != 0:
        tail = (err.strip().splitlines() or out.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"exit {proc.returncode}: {tail[:160]}")
    return out + "\n" + err, wall, rss


def cmd_run(a):
    with open(a.spec, encoding="utf-8") as f:
        spec = json.load(f)
    rows, index = [], {}
    for c in spec["contenders"]:
        for m in c["metrics"]:
            row = {"metric": m["metric"], "kind": m.get("kind", "rate"), "tool": c["tool"],
                   "values": [], "rss_kb": [], "errors": []}
            index[(c["tool"], m["metric"])] = row
            rows.append(row)
    log = open(a.log, "a", encoding="utf-8") if a.log else open(os.devnull, "w")
    rounds = max(c.get("runs", a.runs) for c in spec["contenders"])
    for r in range(rounds):
        for c in spec["contenders"]:
            if r >= c.get("runs", a.runs):
                continue
            label = f"[{r + 1}/{c.get('runs', a.runs)}] {c['tool']}"
            try:
                output, wall, rss = run_once(c, log)
            except Exception as ex:  # one contender failing must not stop the others
                print(f"  {label}: failed: {ex}", flush=True)
                for m in c["metrics"]:
                    index[(c["tool"], m["metric"])]["errors"].append(str(ex))
                continue
            shown = []
            for m in c["metrics"]:
                row = index[(c["tool"], m["metric"])]
                try:
                    v = extract(m, output, wall)
                    row["values"].append(v)
                    if rss:
                        row["rss_kb"].append(rss)
                    shown.append(f"{m['metric']}={v:.4g}")
                except Exception as ex:
                    row["errors"].append(str(ex))
                    shown.append(f"{m['metric']}: {ex}")
            print(f"  {label}: {', '.join(shown)}; {wall:.1f} s wall; peak {rss / 1024 if rss else 0:.0f} MB", flush=True)
    log.close()
    existing = []
    if a.append and os.path.exists(a.rows):
        with open(a.rows, encoding="utf-8") as f:
            existing = json.load(f)
    with open(a.rows, "w", encoding="utf-8") as f:
        json.dump(existing + rows, f, indent=1)


# ---------------------------------------------------------------- rendering

def fmt(v):
    if v is None:
        return "–"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}" if abs(v) >= 0.01 else f"{v:.2g}"


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        load = os.getloadavg()
        load = f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end"
    except OSError:
        load = ""
    return f"{os.cpu_count()} cores ({cpu}), {mem} RAM, {platform.system()} {platform.release()}; {load}"


def render_table(rows):
    lines = ["| metric | tool | median | min – max | runs | peak RSS | Syndic vs tool |",
             "|---|---|---:|---:|---:|---:|---:|"]
    order = {}
    for r in rows:
        order.setdefault(r["metric"], len(order))
    rows = sorted(rows, key=lambda r: order[r["metric"]])  # stable: tools keep their order
    ref = {}
    for r in rows:
        if r["tool"].startswith("Syndic") and r["metric"] not in ref and r["values"]:
            ref[r["metric"]] = statistics.median(r["values"])
    for r in rows:
        vals = r["values"]
        if not vals:
            reason = (r["errors"] or ["not run"])[-1].replace("|", "/")
            lines.append(f"| {r['metric']} | {r['tool']} | failed | {reason} | 0 | – | – |")
            continue
        med = statistics.median(vals)
        rng = f"{fmt(min(vals))} – {fmt(max(vals))}" if len(vals) > 1 else "–"
        rss = f"{statistics.median(r['rss_kb']) / 1024:.0f} MB" if r["rss_kb"] else "–"
        runs = str(len(vals)) + (f" ({len(r['errors'])} failed)" if r["errors"] else "")
        ratio = "–"
        base = ref.get(r["metric"])
        if base is not None and not r["tool"].startswith("Syndic") and med:
            if r["kind"] == "rate":
                ratio = f"{base / med:.2f}× (faster)" if base >= med else f"{base / med:.2f}× (slower)"
            elif r["kind"] == "time":
                ratio = f"{med / base:.2f}× (faster)" if base and med >= base else f"{med / base:.2f}× (slower)"
            elif r["kind"] == "score":
                ratio = f"{base - med:+.3f}"
        lines.append(f"| {r['metric']} | {r['tool']} | {fmt(med)} | {rng} | {runs} | {rss} | {ratio} |")
    return "\n".join(lines)


HEADER = """# Benchmarks

Written by `scripts/bench.sh` (one section per area, replaced when that area is run again); do not
edit by hand. Every figure is the median of the runs shown, Syndic and its peers run alternately in
the same session; "Syndic vs tool" is Syndic's speed divided by the tool's (above 1× = Syndic is
faster) or, for quality scores, the difference. Peak RSS is `/usr/bin/time -v`'s maximum resident
set size of the measured process (for Python peers it includes the interpreter and the corpus
they hold in memory).

Re-run: `scripts/bench.sh all` (every area but the microbenchmarks), or one or more areas:
`scripts/bench.sh import fetch parse extract dedup poll micro`. Peers are installed by the script
(a venv in `.bench/venv`, Debian packages); their versions are listed in each section. The targets
quoted under each table are the issues' speed requirements. On a shared machine the absolute
figures move with the load (noted per section); the ratios, measured run by run in alternation,
move much less.
"""


AREA_ORDER = ["import", "fetch", "parse", "extract", "dedup", "poll", "micro"]


def in_canonical_order(doc):
    """The header, then the area sections in pipeline order, whatever order they were run in."""
    pat = re.compile(r"<!-- bench:(\w+):start -->.*?<!-- bench:\1:end -->\n?", re.S)
    blocks = {m.group(1): m.group(0) for m in pat.finditer(doc)}
    if not blocks:
        return doc
    head = HEADER  # the explanation is the script's, refreshed on every run
    names = sorted(blocks, key=lambda n: (AREA_ORDER.index(n) if n in AREA_ORDER else len(AREA_ORDER), n))
    return head + "".join("\n" + blocks[n].rstrip("\n") + "\n" for n in names)


def cmd_render(a):
    rows = []
    if a.rows and os.path.exists(a.rows):
        with open(a.rows, encoding="utf-8") as f:
            rows = json.load(f)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body = [f"## {a.title}", "",
            f"- date: {now}",
            f"- machine: {machine()}",
            f"- command: `{a.command}`"]
    for n in a.note or []:
        body.append(f"- {n}")
    body.append("")
    if rows:
        body.append(render_table(rows))
    else:
        body.append(f"_Not measured: {a.failed or 'no figures'}._")
    section = "\n".join(body).rstrip() + "\n"
    start, end = f"<!-- bench:{a.area}:start -->", f"<!-- bench:{a.area}:end -->"
    block = f"{start}\n{section}{end}\n"
    doc = HEADER
    if os.path.exists(a.doc):
        with open(a.doc, encoding="utf-8") as f:
            doc = f.read()
    pat = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    doc = pat.sub(lambda _: block, doc) if pat.search(doc) else doc.rstrip() + "\n\n" + block
    doc = in_canonical_order(doc)
    os.makedirs(os.path.dirname(os.path.abspath(a.doc)), exist_ok=True)
    with open(a.doc, "w", encoding="utf-8") as f:
        f.write(doc)
    print(section)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--spec", required=True)
    r.add_argument("--runs", type=int, default=5)
    r.add_argument("--rows", required=True)
    r.add_argument("--append", action="store_true", help="add to the rows already in --rows")
    r.add_argument("--log", help="append every command's output here")
    w = sub.add_parser("render")
    w.add_argument("--rows")
    w.add_argument("--area", required=True)
    w.add_argument("--doc", required=True)
    w.add_argument("--title", required=True)
    w.add_argument("--command", required=True)
    w.add_argument("--note", action="append")
    w.add_argument("--failed", help="why the area has no figures")
    a = ap.parse_args()
    {"run": cmd_run, "render": cmd_render}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())

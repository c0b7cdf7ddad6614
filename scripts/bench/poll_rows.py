#!/usr/bin/env python3
"""Turns the outputs of repeated ../shared/eval/polling/bench.sh runs into compare.py rows.

    poll_rows.py ROWS.json OUTPUT.txt...   (each OUTPUT.txt: one bench.sh run; DB.rss / NB.rss beside it)

Rows: first poll (Syndic run 1 = empty database vs newsboat run 1 = empty cache) and warm poll
(Syndic run 2 vs newsboat run 3, its first run that sends validators), in feeds/s, plus curl's
HTTP ceiling. Peak RSS of that very run: Syndic's from the file poll-cmd.sh writes
(OUTPUT.syndic.rss), newsboat's from the PATH shim scripts/bench.sh installs (OUTPUT.newsboat.rss),
one KB figure per line in run order.
"""
import json
import re
import sys

ROW = re.compile(r"^(?P<name>.+?)\s+(?P<wall>[\d.]+) s\s+(?P<rate>[\d.]+) feeds/s\s*(?P<st>.*)$")


def main():
    out, files = sys.argv[1], sys.argv[2:]
    metrics = {
        ("first poll (all 200) feeds/s", "Syndic"): "extra run1-cold",
        ("first poll (all 200) feeds/s", "newsboat"): "newsboat reload-threads=32 run1-cold",
        ("warm poll (conditional GET) feeds/s", "Syndic"): "extra run2",
        ("warm poll (conditional GET) feeds/s", "newsboat"): "newsboat reload-threads=32 run3-warm",
        ("HTTP ceiling feeds/s", "curl --parallel-max 32"): "curl --parallel-max 32 (best of 3)",
    }
    rows = {k: {"metric": k[0], "kind": "rate", "tool": k[1], "values": [], "rss_kb": [], "errors": [],
                "statuses": []} for k in metrics}
    for path in files:
        seen = {}
        for line in open(path, encoding="utf-8", errors="replace"):
            m = ROW.match(line.rstrip("\n"))
            if m:
                seen[m.group("name").strip()] = (float(m.group("rate")), m.group("st").strip())
        rss = {}
        for tool, suffix in (("Syndic", ".syndic.rss"), ("newsboat", ".newsboat.rss")):
            try:
                rss[tool] = [int(x) for x in open(path + suffix).read().split()]
            except (OSError, ValueError):
                rss[tool] = []
        # Which line of the RSS file is which run: Syndic writes one per poll (run 1, 2, 3);
        # newsboat's shim one per call (run 1, 2, 3, then `newsboat --version`).
        rss_line = {"extra run1-cold": ("Syndic", 0), "extra run2": ("Syndic", 1),
                    "newsboat reload-threads=32 run1-cold": ("newsboat", 0),
                    "newsboat reload-threads=32 run3-warm": ("newsboat", 2)}
        for key, name in metrics.items():
            row = rows[key]
            if name in seen:
                row["values"].append(seen[name][0])
                row["statuses"].append(seen[name][1])
                tool, line = rss_line.get(name, (None, 0))
                if tool and len(rss.get(tool, [])) > line:
                    row["rss_kb"].append(rss[tool][line])
            else:
                row["errors"].append(f"no '{name}' line in {path}")
    with open(out, "w") as f:
        json.dump(list(rows.values()), f, indent=1)
    for r in rows.values():
        print(f"{r['metric']:<38} {r['tool']:<24} {r['values']}  statuses: {sorted(set(r['statuses']))}")


if __name__ == "__main__":
    main()

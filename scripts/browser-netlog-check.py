#!/usr/bin/env python3
"""Reads a Chromium NetLog (--log-net-log) written by scripts/browser-check.sh and fails when a page
asked for a host name outside the --host-resolver-rules map, or when any name reached a resolver.

Usage: browser-netlog-check.py NETLOG SERVED_NAME...

SERVED_NAME are the names the map sends to 127.0.0.1 (every other name maps to ~NOTFOUND, so Chromium
never asks the system resolver). Exits 1 and names each violation:
  - a request of a page (its initiator or network isolation key is a served name) for a URL whose host
    is not served, e.g. <img src="http://elsewhere.example/x">;
  - a lookup made for a page (network anonymization key of a served name) that the map refused
    (DNS prefetch, preconnect: Chromium logs these after mapping, so only the count is known);
  - any host-resolver job or DNS transaction at all (a name that got past the map).
Chromium's own background requests (update checks, accounts) have no served-name key; the map refuses
them before any lookup, and they are only counted.
"""
import json
import re
import sys
from urllib.parse import urlsplit

IP_LITERAL = re.compile(r"^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$")


def host_of(url):
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 64
    path, served = sys.argv[1], {n.lower() for n in sys.argv[2:]}
    try:
        with open(path) as f:
            log = json.load(f)
    except (OSError, ValueError) as error:
        print("netlog %s unreadable: %s" % (path, error))
        return 1
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}

    def mentions_served(text):
        return any(re.search(r"(^|[/ ])%s([:/ ]|$)" % re.escape(n), text or "") for n in served)

    violations, refused_internal = [], 0
    for event in log.get("events", []):
        kind = names.get(event.get("type"), "?")
        params = event.get("params") or {}
        if kind == "URL_REQUEST_START_JOB" and "url" in params:
            host = host_of(params["url"])
            page = mentions_served(params.get("initiator")) or mentions_served(params.get("network_isolation_key"))
            if page and host not in served and not IP_LITERAL.match(host):
                violations.append("a page asked for %s (%s)" % (host, params["url"][:120]))
        elif kind == "HOST_RESOLVER_MANAGER_REQUEST" and "~notfound" in str(params.get("host", "")):
            if mentions_served(params.get("network_anonymization_key")):
                violations.append("a page made a %slookup of a name outside the map (refused)"
                                  % ("speculative " if params.get("is_speculative") else ""))
            else:
                refused_internal += 1
        elif kind in ("HOST_RESOLVER_MANAGER_JOB", "HOST_RESOLVER_SYSTEM_TASK", "HOST_RESOLVER_DNS_TASK", "DNS_TRANSACTION"):
            name = params.get("host") or params.get("hostname") or ""
            if name and not IP_LITERAL.match(host_of(name) if "://" in name else name.split(":")[0]):
                violations.append("%s reached a resolver (%s)" % (name, kind))
    for line in sorted(set(violations)):
        print(line)
    if refused_internal:
        print("(%d of Chromium's own background lookups refused by the map)" % refused_internal, file=sys.stderr)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())

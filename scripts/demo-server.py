#!/usr/bin/env python3
"""Serves the demo world: each site of Feeds/demo/sites under its own host name, as real sites have
their own hosts (so Syndic's per-host politeness and template learning see six sites, not one).
Names are `<site>.localhost`, which libcurl and browsers resolve to the loopback address (RFC 6761).

    scripts/demo-server.py OPML_IN OPML_OUT     # prints "ready" when serving; stops on SIGTERM/SIGINT

OPML_IN names feeds as http://127.0.0.1:8765/sites/<slug>/<file>; OPML_OUT gets the same list with
each site's address, http://<site>.localhost:<port>/<file>. Conditional GET (If-Modified-Since) is
answered with 304 by Python's SimpleHTTPRequestHandler.
"""
import functools, http.server, os, re, signal, socket, sys, threading

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Feeds", "demo", "sites")
opml_in, opml_out = sys.argv[1], sys.argv[2]

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

def free_port(host):
    s = socket.socket()
    s.bind((host, 0))
    port = s.getsockname()[1]
    s.close()
    return port

servers, mapping = [], {}
for slug in sorted(os.listdir(root)):
    host = "127.0.0.1"
    port = free_port(host)
    handler = functools.partial(Quiet, directory=os.path.join(root, slug))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    servers.append(server)
    mapping[slug] = f"http://{slug}.localhost:{port}/"

text = open(opml_in, encoding="utf-8").read()
text = re.sub(r"http://127\.0\.0\.1:8765/sites/([a-z0-9-]+)/", lambda m: mapping[m.group(1)], text)
open(opml_out, "w", encoding="utf-8").write(text)
print("ready", flush=True)

stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())
stop.wait()
for server in servers:
    server.shutdown()

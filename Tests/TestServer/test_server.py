#!/usr/bin/env python3
"""A small HTTP/1.1 test server for Syndic's tests (python3 standard library only).

Usage:
    python3 test_server.py [--port 0] [--bind 127.0.0.1] [--files DIR] [--tls-cert PEM --tls-key PEM]

Prints the bound port alone on the first line of stdout, then serves until stdin reaches end of file
(so the server dies with the test process that launched it) or it is killed.

Keep-alive: HTTP/1.1 with persistent connections; every response has Content-Length or is chunked.
With --tls-cert/--tls-key the same routes are served over HTTPS (e.g. with a self-signed certificate, to
check that clients verify certificates).

Routes (query parameters in brackets):
    /ok                      200 "hello\n", ETag "v1", Last-Modified Sun, 06 Nov 1994 08:49:37 GMT
    /conditional             304 when If-None-Match is "v1" or If-Modified-Since is that date or later,
                             else 200 like /ok. Counts 304s in /_stats as "not_modified".
    /status/<code>           that status, small body; [retry_after=V] adds Retry-After: V (raw value)
    /redirect/<code>         redirect with that status to [to=/ok] (relative or absolute)
    /chain                   301 -> /chain/2 (302) -> /chain/3 (307) -> /chain/4 (308) -> /ok
    /loop                    302 to /loop forever
    /slow-headers            sleeps [delay=5] seconds before answering 200
    /slow-body               Content-Length [bytes=100000], sends [chunk=10] bytes every [interval=0.5] s
    /reset                   Content-Length 100000, sends 1000 bytes, then resets the connection (RST)
    /bytes                   [n=1024] bytes of "a"; [gzip=1] sends them gzip-encoded
    /gzip-bomb               gzip of [n=67108864] zero bytes with Content-Encoding: gzip (about 64 KB on the wire)
    /chunked                 Transfer-Encoding: chunked, [chunks=5] chunks of [size=1000] bytes
    /sleep                   sleeps [ms=20] then 200 "slept\n" (for concurrency tests)
    /echo-headers            200 JSON object of the request headers (lower-cased names -> last value)
    /headers                 200 with two Set-Cookie headers and Cache-Control: max-age=300
    /files/<path>            [delay=0] s later, serves DIR/<path> from --files (Content-Type from the extension, ETag and
                             Last-Modified from the file, honours If-None-Match/If-Modified-Since)
    /_stats                  JSON: connections (accepted), requests, not_modified, max_concurrent,
                             max_concurrent_per_host {Host header: peak in-flight requests},
                             requests_per_target {Host header + request target: requests}
    /_reset                  zeroes the statistics
HEAD works on every route (headers only).
"""

import argparse
import email.utils
import gzip
import hashlib
import json
import mimetypes
import os
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Sun, 06 Nov 1994 08:49:37 GMT"
ETAG = '"v1"'


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.connections = 0
        self.requests = 0
        self.not_modified = 0
        self.in_flight = 0
        self.max_concurrent = 0
        self.in_flight_per_host = {}
        self.max_per_host = {}
        self.per_target = {}

    def begin(self, host, target=""):
        with self.lock:
            self.requests += 1
            key = host + target
            self.per_target[key] = self.per_target.get(key, 0) + 1
            self.in_flight += 1
            self.max_concurrent = max(self.max_concurrent, self.in_flight)
            n = self.in_flight_per_host.get(host, 0) + 1
            self.in_flight_per_host[host] = n
            self.max_per_host[host] = max(self.max_per_host.get(host, 0), n)

    def end(self, host):
        with self.lock:
            self.in_flight -= 1
            self.in_flight_per_host[host] -= 1

    def snapshot(self):
        with self.lock:
            return {
                "connections": self.connections,
                "requests": self.requests,
                "not_modified": self.not_modified,
                "max_concurrent": self.max_concurrent,
                "max_concurrent_per_host": dict(self.max_per_host),
                "requests_per_target": dict(self.per_target),
            }


STATS = Stats()
FILES_DIR = None
_BOMBS = {}
_BOMB_LOCK = threading.Lock()


def gzip_bomb(n):
    with _BOMB_LOCK:
        if n not in _BOMBS:
            _BOMBS[n] = gzip.compress(b"\0" * n, compresslevel=9)
        return _BOMBS[n]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server_version = "SyndicTestServer/1"

    def log_message(self, fmt, *args):  # quiet
        pass

    def setup(self):
        super().setup()
        with STATS.lock:
            STATS.connections += 1

    # -- plumbing -------------------------------------------------------------------------------------------

    def do_GET(self):
        self.dispatch()

    def do_HEAD(self):
        self.dispatch()

    def dispatch(self):
        url = urllib.parse.urlsplit(self.path)
        self.query = {k: v[-1] for k, v in urllib.parse.parse_qs(url.query).items()}
        path = url.path
        host = self.headers.get("Host", "")
        if path in ("/_stats", "/_reset"):
            if path == "/_reset":
                with STATS.lock:
                    STATS.reset()
            return self.send(200, json.dumps(STATS.snapshot()).encode(), "application/json")
        STATS.begin(host, self.path)
        self.in_flight_host = host
        try:
            self.route(path)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self.end_in_flight()

    def end_in_flight(self):
        """Ends this request's count in the statistics, once. send() calls it just before the response's
        last write: after that write the client may start its next request (on another connection, so on
        another server thread), which must not find this one still counted in flight."""
        host = getattr(self, "in_flight_host", None)
        if host is not None:
            self.in_flight_host = None
            STATS.end(host)

    def send(self, status, body=b"", content_type="text/plain", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if status not in (304,) and not (100 <= status < 200):
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        has_body = self.command != "HEAD" and status not in (204, 304) and len(body) > 0
        if not has_body:
            self.end_in_flight()
        self.end_headers()
        if has_body:
            self.end_in_flight()
            self.wfile.write(body)

    def q(self, name, default):
        return type(default)(self.query.get(name, default))

    # -- routes ---------------------------------------------------------------------------------------------

    def route(self, path):
        if path == "/ok":
            return self.send(200, b"hello\n", headers=[("ETag", ETAG), ("Last-Modified", LAST_MODIFIED)])
        if path == "/conditional":
            return self.conditional(ETAG, LAST_MODIFIED, b"hello\n", "text/plain")
        if path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            extra = [("Retry-After", self.query["retry_after"])] if "retry_after" in self.query else []
            return self.send(code, ("status %d\n" % code).encode(), headers=extra)
        if path.startswith("/redirect/"):
            code = int(path.rsplit("/", 1)[1])
            return self.send(code, b"moved\n", headers=[("Location", self.q("to", "/ok"))])
        if path.startswith("/chain"):
            steps = {"/chain": (301, "/chain/2"), "/chain/2": (302, "/chain/3"),
                     "/chain/3": (307, "/chain/4"), "/chain/4": (308, "/ok")}
            code, target = steps[path]
            return self.send(code, b"moved\n", headers=[("Location", target)])
        if path == "/loop":
            return self.send(302, b"again\n", headers=[("Location", "/loop")])
        if path == "/slow-headers":
            time.sleep(self.q("delay", 5.0))
            return self.send(200, b"late\n")
        if path == "/slow-body":
            return self.slow_body(self.q("bytes", 100000), self.q("chunk", 10), self.q("interval", 0.5))
        if path == "/reset":
            return self.reset_mid_body()
        if path == "/bytes":
            body = b"a" * self.q("n", 1024)
            if self.q("gzip", 0):
                return self.send(200, gzip.compress(body), headers=[("Content-Encoding", "gzip")])
            return self.send(200, body)
        if path == "/gzip-bomb":
            return self.send(200, gzip_bomb(self.q("n", 64 * 1024 * 1024)), "application/xml",
                             headers=[("Content-Encoding", "gzip")])
        if path == "/chunked":
            return self.chunked(self.q("chunks", 5), self.q("size", 1000))
        if path == "/sleep":
            time.sleep(self.q("ms", 20) / 1000.0)
            return self.send(200, b"slept\n")
        if path == "/echo-headers":
            body = json.dumps({k.lower(): v for k, v in self.headers.items()}).encode()
            return self.send(200, body, "application/json")
        if path == "/headers":
            return self.send(200, b"cookies\n", headers=[("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"),
                                                         ("Cache-Control", "public, max-age=300")])
        if path.startswith("/files/") and FILES_DIR:
            return self.serve_file(path[len("/files/"):])
        return self.send(404, b"not found\n")

    def conditional(self, etag, last_modified, body, content_type, dates_usable=True):
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        elif ims is not None and dates_usable:
            try:
                fresh = email.utils.parsedate_to_datetime(ims) >= email.utils.parsedate_to_datetime(last_modified)
            except (TypeError, ValueError):
                fresh = False
        # Without usable dates no Last-Modified is sent either: a client whose libcurl sets a time
        # condition (newsboat does) drops a 200's body when its Last-Modified is not later than the
        # If-Modified-Since it sent, and a same-second rewrite has the same Last-Modified.
        headers = [("ETag", etag)] + ([("Last-Modified", last_modified)] if dates_usable else [])
        if fresh:
            with STATS.lock:
                STATS.not_modified += 1
            return self.send(304, headers=headers)
        return self.send(200, body, content_type, headers=headers)

    def serve_file(self, relative):
        if "delay" in self.query:  # a slow site: ?delay=SECONDS before the answer
            time.sleep(self.q("delay", 0.0))
        root = os.path.realpath(FILES_DIR)
        full = os.path.realpath(os.path.join(root, urllib.parse.unquote(relative)))
        if not full.startswith(root + os.sep) or not os.path.isfile(full):
            return self.send(404, b"not found\n")
        with open(full, "rb") as f:
            body = f.read()
        st = os.stat(full)
        # From the content, not (mtime seconds, size): tests rewrite a file several times a second (a
        # simulated month of digests), and a same-size rewrite within a second must not look unchanged.
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
        content_type = mimetypes.guess_type(full)[0] or "application/octet-stream"
        # A file changed within the last second cannot be judged by dates (HTTP dates have whole
        # seconds): it is sent in full and without Last-Modified, as a same-second rewrite would
        # otherwise look unchanged to If-Modified-Since and to clients that compare Last-Modified.
        return self.conditional(etag, last_modified, body, content_type, dates_usable=time.time() - st.st_mtime >= 1.0)

    def slow_body(self, total, chunk, interval):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(total))
        self.end_headers()
        if self.command == "HEAD":
            return
        sent = 0
        while sent < total:
            n = min(chunk, total - sent)
            self.wfile.write(b"s" * n)
            self.wfile.flush()
            sent += n
            time.sleep(interval)

    def reset_mid_body(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"r" * 1000)
        self.wfile.flush()
        time.sleep(0.05)
        # SO_LINGER with a zero timeout turns close() into a TCP RST.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def chunked(self, chunks, size):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if self.command == "HEAD":
            return
        for i in range(chunks):
            data = bytes([ord("a") + i % 26]) * size
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 512

    def handle_error(self, request, client_address):
        # Clients that hang up early (timeouts, size limits, the /reset route) are part of the tests.
        quiet = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)
        if "ssl" in sys.modules:
            quiet += (sys.modules["ssl"].SSLError,)  # clients rejecting the test certificate
        if isinstance(sys.exc_info()[1], quiet):
            return
        super().handle_error(request, client_address)


def exit_on_stdin_eof():
    try:
        while sys.stdin.buffer.read(1024):
            pass
    except Exception:
        pass
    os._exit(0)


def main():
    global FILES_DIR
    parser = argparse.ArgumentParser(description="Syndic test HTTP server")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--files", default=None, help="directory served under /files/")
    parser.add_argument("--no-stdin-watch", action="store_true", help="keep running when stdin closes")
    parser.add_argument("--tls-cert", default=None, help="PEM certificate: serve HTTPS")
    parser.add_argument("--tls-key", default=None, help="PEM private key for --tls-cert")
    args = parser.parse_args()
    FILES_DIR = args.files
    server = Server((args.bind, args.port), Handler)
    if args.tls_cert:
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    print(server.server_address[1], flush=True)
    if not args.no_stdin_watch:
        threading.Thread(target=exit_on_stdin_eof, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()

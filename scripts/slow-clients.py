#!/usr/bin/env python3
"""Opens N connections to a local `syndic serve` that trickle a request head 1 byte per second and
never finish it, starts a curl request DELAY seconds in, and reports when curl was answered and when
the server closed the slow connections (docs/RELIABILITY.md, slow clients).

Usage: scripts/slow-clients.py PORT [N=3000] [DELAY=5]
"""
import errno
import socket
import subprocess
import sys
import time

port = int(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 5
head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100000
start = time.time()
socks = []
for _ in range(n):
    s = socket.socket()
    s.setblocking(False)
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    socks.append(s)
print("opened %d connections in %.2f s" % (n, time.time() - start), flush=True)
sent = [0] * n
closed = [None] * n
curl = None
while time.time() - start < 180 and any(c is None for c in closed):
    if curl is None and time.time() - start >= delay:
        curl = subprocess.Popen(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} in %{time_total} s",
                                 "http://127.0.0.1:%d/healthz" % port], stdout=subprocess.PIPE, text=True)
        curl_started = time.time() - start
    if curl is not None and curl.returncode is None and curl.poll() is not None:
        print("curl started at %.1f s: %s; slow connections still open then: %d"
              % (curl_started, curl.stdout.read(), sum(c is None for c in closed)), flush=True)
    for i, s in enumerate(socks):
        if closed[i] is not None:
            continue
        try:
            s.send(head[sent[i]:sent[i] + 1])
            sent[i] += 1
        except BlockingIOError:
            pass
        except OSError as e:
            if e.errno in (errno.EPIPE, errno.ECONNRESET):
                closed[i] = time.time() - start
            continue
        try:
            if s.recv(4096) == b"":
                closed[i] = time.time() - start
        except BlockingIOError:
            pass
        except OSError as e:
            if e.errno == errno.ECONNRESET:
                closed[i] = time.time() - start
    time.sleep(1)
done = sorted(c for c in closed if c is not None)
if done:
    print("closed by the server: %d of %d; first at %.1f s, median %.1f s, last %.1f s"
          % (len(done), n, done[0], done[len(done) // 2], done[-1]))
else:
    print("closed by the server: none of %d in 180 s" % n)
sys.exit(0 if len(done) == n else 1)

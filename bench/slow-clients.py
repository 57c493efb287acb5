#!/usr/bin/env python3
"""Slow clients against a running server: how long a phone waits while others hold unfinished bodies.

  bench/slow-clients.py BASE_URL [STALLED] [ADDRESSES]
    BASE_URL   e.g. http://127.0.0.1:18082
    STALLED    connections that send a request head and a few bytes of a declared 1 MB body, then
               nothing (default 220)
    ADDRESSES  how many client addresses they come from (127.0.1.1 ... 127.0.1.250, 127.0.2.1, ...;
               default 1)

Measures 40 sequential GET /mobile_api/profile?user_id=1 from 127.0.0.2 (another address) before the
stalled connections open and while they are held, and prints p50, p90 and max in ms, and how many
got no answer. Linux only (any 127.x.y.z address is local there)."""
import socket
import sys
import time
import http.client
from urllib.parse import urlparse

if len(sys.argv) < 2:
    sys.exit(__doc__)
base = urlparse(sys.argv[1])
stalled_count = int(sys.argv[2]) if len(sys.argv) > 2 else 220
addresses = int(sys.argv[3]) if len(sys.argv) > 3 else 1
host, port = base.hostname, base.port


def phone_requests(n=40):
    times, failed = [], 0
    for _ in range(n):
        start = time.monotonic()
        conn = http.client.HTTPConnection(host, port, timeout=60, source_address=("127.0.0.2", 0))
        try:
            conn.request("GET", "/mobile_api/profile?user_id=1")
            body = conn.getresponse().read()
            assert b'"code"' in body, body[:200]
        except (OSError, http.client.HTTPException):
            failed += 1  # counted, and its time kept: the phone waited that long for nothing
        finally:
            conn.close()
        times.append((time.monotonic() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.9)], times[-1], failed


def stall(n, address_count):
    sockets = []
    for i in range(n):
        k = i % address_count
        source = "127.0.%d.%d" % (1 + k // 250, 1 + k % 250)
        s = socket.create_connection((host, port), timeout=10, source_address=(source, 0))
        s.sendall(("POST /mobile_api/profile HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   "Content-Length: 1000000\r\n\r\nuser_id=1&x=").encode())
        sockets.append(s)
    return sockets


print("phone alone:               p50 %.1f  p90 %.1f  max %.1f ms, %d failed" % phone_requests())
held = stall(stalled_count, addresses)
time.sleep(1)
print("with %d stalled bodies from %d address(es): p50 %.1f  p90 %.1f  max %.1f ms, %d failed"
      % ((stalled_count, addresses) + phone_requests()))
for s in held:
    s.close()

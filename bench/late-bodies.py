#!/usr/bin/env python3
"""Bodies that come a little after their request's head: how long their answers take.

  bench/late-bodies.py BASE_URL [REQUESTS] [CLIENTS] [BODY_BYTES] [DELAYS_US]
    BASE_URL    e.g. http://127.0.0.1:8580
    REQUESTS    per delay (default 400)
    CLIENTS     connections at once, from as many addresses 127.0.4.x (default 4; the server
                allows 8 bodies in flight per address)
    BODY_BYTES  size of each form body (default 2000)
    DELAYS_US   comma-separated gaps between head and body, microseconds
                (default 0,500,1500,3000,6000,12000,25000)

Each request is a `profile` form with a wrong token (answered with the envelope at once, so the
time is the server's receiving and dispatching, not the endpoint's work), sent on a new
connection as its head, then the gap, then the body. Prints per gap the answers and the
milliseconds from the body's last byte to the whole answer: p50 / p90 / max, and requests
not answered within 30 s. The server must not have had its head and body in one read for the
gap to matter: a gap of 0 is usually one read; 500 us and over are the late bodies."""
import socket
import statistics
import sys
import threading
import time
from urllib.parse import urlparse

if len(sys.argv) < 2:
    sys.exit(__doc__)
base = urlparse(sys.argv[1])
host, port = base.hostname, base.port
requests = int(sys.argv[2]) if len(sys.argv) > 2 else 400
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 4
body_bytes = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
delays = [int(d) for d in (sys.argv[5] if len(sys.argv) > 5 else "0,500,1500,3000,6000,12000,25000").split(",")]

prefix = "access_token=not-a-token&pad="
body = (prefix + "x" * max(0, body_bytes - len(prefix))).encode()
head = ("POST /mobile_api/profile HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(body)).encode()


gaps = []


def one(address, gap_us):
    """Milliseconds from the body's last byte to the end of the answer, or None if unanswered."""
    s = socket.socket()
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.settimeout(30)
    try:
        s.bind((address, 0))
        s.connect((host, port))
        s.sendall(head)
        headed = time.perf_counter()
        if gap_us:
            time.sleep(gap_us / 1e6)
        s.sendall(body)
        sent = time.perf_counter()
        gaps.append((sent - headed) * 1e6)
        answer = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        took = (time.perf_counter() - sent) * 1000
        if b'"code"' not in answer:
            return None
        return took
    except OSError:
        return None
    finally:
        s.close()


def run(gap_us):
    results = []
    gaps.clear()
    lock = threading.Lock()
    counter = iter(range(requests))

    def client(i):
        address = "127.0.4.%d" % (1 + i)
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            took = one(address, gap_us)
            with lock:
                results.append(took)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    answered = sorted(t for t in results if t is not None)
    lost = len(results) - len(answered)
    if not answered:
        return "gap %6d us: none answered of %d" % (gap_us, len(results))
    q = statistics.quantiles(answered, n=10) if len(answered) > 1 else [answered[0]] * 9
    return "gap %6d us (median as sent %6.0f): %d answered, %d not; ms p50 %.1f / p90 %.1f / max %.1f" % (
        gap_us, statistics.median(gaps), len(answered), lost, statistics.median(answered), q[8], answered[-1])


run(0)  # warm-up, not printed
for gap in delays:
    print(run(gap), flush=True)

#!/usr/bin/env python3
"""Stalled clients that stay connected after their refusal: when they are answered, and what a phone waits.

  bench/refused-clients.py BASE_URL [STALLED] [SECONDS]
    BASE_URL  e.g. http://127.0.0.1:8480
    STALLED   connections from as many addresses (127.0.2.1 ... 127.0.2.200, 127.0.3.1, ...) that send
              a login head and 6 bytes of a declared 100,000, then nothing, and never close (default 400)
    SECONDS   how long to watch (default 45; the server refuses them after its idle limit, 10 s)

Prints when the stalled connections got their answers (seconds after they opened, counted per
second), and a phone's wrong-password logins from 127.0.0.6 every 0.5 s throughout: start time and
milliseconds, and those over 1 s. Linux only (any 127.x.y.z address is local there)."""
import collections
import select
import socket
import sys
import threading
import time
from urllib.parse import urlparse

if len(sys.argv) < 2:
    sys.exit(__doc__)
base = urlparse(sys.argv[1])
host, port = base.hostname, base.port
count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 45

head = ("POST /mobile_api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 100000\r\n\r\nemail=").encode()
started = time.monotonic()
stalled = []
for i in range(count):
    s = socket.socket()
    s.bind(("127.0.%d.%d" % (2 + i // 200, 1 + i % 200), 0))
    s.connect((host, port))
    s.sendall(head)
    stalled.append(s)
print("opened %d in %.2f s" % (count, time.monotonic() - started), flush=True)

phone = []
done = threading.Event()


def phone_logins():
    form = b"email=nobody%40example.com&password=x"
    request = (b"POST /mobile_api/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
               b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(form)) + form
    while not done.is_set():
        at = time.monotonic()
        c = socket.socket()
        c.bind(("127.0.0.6", 0))
        c.settimeout(60)
        try:
            c.connect((host, port))
            c.sendall(request)
            data = b""
            while b"Incorrect Credentials" not in data:
                piece = c.recv(4096)
                if not piece:
                    break
                data += piece
        except OSError:
            pass  # its time is kept: the phone waited that long for nothing
        finally:
            c.close()
        phone.append((round(at - started, 1), round((time.monotonic() - at) * 1000)))
        time.sleep(0.5)


thread = threading.Thread(target=phone_logins)
thread.start()
waiting = {s.fileno(): s for s in stalled}
answered = []
while time.monotonic() - started < seconds and waiting:
    ready, _, _ = select.select(list(waiting.values()), [], [], 0.2)
    for s in ready:
        s.recv(4096)
        answered.append(time.monotonic() - started)
        del waiting[s.fileno()]
while time.monotonic() - started < seconds:
    time.sleep(0.2)
done.set()
thread.join()
answered.sort()
print("answered %d of %d, first after %.2f s, last after %.2f s" % (
    len(answered), count, answered[0] if answered else -1, answered[-1] if answered else -1))
print("answers per second:", sorted(collections.Counter(int(t) for t in answered).items()))
print("phone (start s, ms):", phone)
print("phone over 1 s:", [p for p in phone if p[1] > 1000])
for s in stalled:
    s.close()

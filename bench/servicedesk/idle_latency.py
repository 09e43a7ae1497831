#!/usr/bin/env python3
"""With GET /api/v1/conversations/events open, delivers one message at a time into the
mailbox (scripts/mail-test-servers.sh deliver) and times until the stream's next
`event: conversation` arrives. Prints each latency, then p50 and max.

usage: idle_latency.py URL TOKEN MAIL_DIR USER REPEATS"""
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

url, token, mail_dir, user, repeats = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
parsed = urllib.parse.urlparse(url)
events = []  # arrival times of `event: conversation`
cond = threading.Condition()


def listen():
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port)
    conn.request("GET", "/api/v1/conversations/events", headers={"Authorization": "Bearer " + token})
    res = conn.getresponse()
    assert res.status == 200, res.status
    while True:
        line = res.fp.readline()
        if not line:
            return
        if line.startswith(b"event: conversation"):
            with cond:
                events.append(time.monotonic())
                cond.notify_all()


threading.Thread(target=listen, daemon=True).start()
time.sleep(1.0)  # the stream is open and parked
latencies = []
with tempfile.TemporaryDirectory() as tmp:
    for i in range(repeats):
        path = os.path.join(tmp, "m%d.eml" % i)
        with open(path, "w", newline="") as f:
            f.write("From: Customer %d <idle%d@example.test>\r\nTo: %s\r\nSubject: IDLE test %d\r\n"
                    "Message-ID: <idle%d.%d@bench.test>\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\n"
                    "Content-Type: text/plain; charset=utf-8\r\n\r\nHello %d\r\n"
                    % (i, i, user, i, i, os.getpid(), i))
        with cond:
            seen = len(events)
        start = time.monotonic()
        subprocess.run(["scripts/mail-test-servers.sh", "deliver", mail_dir, user, path], check=True)
        with cond:
            if not cond.wait_for(lambda: len(events) > seen, timeout=120):
                print("  %2d: no event within 120 s" % (i + 1))
                latencies.append(float("inf"))
                continue
            arrived = events[seen]
        latencies.append((arrived - start) * 1000)
        print("  %2d: %.0f ms" % (i + 1, latencies[-1]))
        time.sleep(0.5)  # the reader is back in IDLE
ordered = sorted(latencies)
p50 = ordered[len(ordered) // 2]
print("p50 %.0f ms, max %.0f ms over %d deliveries (target: within 2 s): %s"
      % (p50, ordered[-1], len(ordered), "PASS" if ordered[-1] <= 2000 else "MISS"))

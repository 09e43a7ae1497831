#!/usr/bin/env python3
"""Writes N raw messages (CRLF) for the service-desk benchmarks: a mix like a real support
mailbox, 70% new threads and 30% replies (In-Reply-To an earlier thread), text of 0.5-3 KB,
every 50th with a small base64 attachment.

usage: make_mails.py DIR N TO [PREFIX]   (files DIR/000000.eml ...)"""
import base64
import os
import random
import sys

out, n, to = sys.argv[1], int(sys.argv[2]), sys.argv[3]
prefix = sys.argv[4] if len(sys.argv) > 4 else "b"
os.makedirs(out, exist_ok=True)
rng = random.Random(42)
words = ("order delivery invoice refund broken package tracking please help thanks account "
         "password payment shipped arrived damaged replacement warranty question urgent").split()
threads = []
for i in range(n):
    mid = "%s%d.%d@customers.bench" % (prefix, i, rng.randrange(1 << 30))
    who = rng.randrange(2000)
    headers = ["From: Customer %d <customer%d@example.test>" % (who, who), "To: " + to,
               "Date: Mon, 07 Dec 2026 10:%02d:%02d +0000" % (i // 60 % 60, i % 60), "Message-ID: <%s>" % mid,
               "MIME-Version: 1.0"]
    if threads and rng.random() < 0.3:
        root, subject = rng.choice(threads)
        headers += ["Subject: Re: " + subject, "In-Reply-To: <%s>" % root, "References: <%s>" % root]
    else:
        subject = "Order %d: %s" % (i, " ".join(rng.choice(words) for _ in range(4)))
        headers.append("Subject: " + subject)
        threads.append((mid, subject))
    text = " ".join(rng.choice(words) for _ in range(rng.randrange(80, 500)))
    if i % 50 == 49:
        data = base64.encodebytes(os.urandom(6000)).decode().replace("\n", "\r\n")
        body = ("Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: text/plain; "
                "charset=utf-8\r\n\r\n%s\r\n--XX\r\nContent-Type: application/octet-stream\r\n"
                "Content-Disposition: attachment; filename=\"photo.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                "%s\r\n--XX--\r\n" % (text, data))
    else:
        body = "Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n" % text
    with open(os.path.join(out, "%06d.eml" % i), "w", newline="") as f:
        f.write("\r\n".join(headers) + "\r\n" + body)

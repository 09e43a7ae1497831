"""A test SMTP server for Rapport's mail tests (scripts/mail-test-servers.sh starts it).

Run with Debian's interpreter (/usr/bin/python3, which has python3-aiosmtpd):

    test_smtp_server.py DIR PORT SMTPS_PORT CERT KEY PASSWORD_FILE

It listens on 127.0.0.1 only:
  - PORT: plain SMTP that offers STARTTLS (not required) and AUTH PLAIN/LOGIN;
  - SMTPS_PORT: SMTP over implicit TLS.
Each accepted message is stored whole, as received, in DIR/messages/NNNNNN.eml (written to a
temporary name first, then renamed, so a reader never sees half a file), with its envelope in
DIR/messages/NNNNNN.envelope ("MAIL FROM:<...>" then one "RCPT TO:<...>" per line).

Recipients whose local part starts with "reject" are refused with 550 (a permanent failure);
those starting with "tempfail" get 451 (a transient one). AUTH accepts any user with the
password in PASSWORD_FILE (the test Dovecot's too); a client that does not authenticate may
still send, as a relay on a trusted network would let it.
"""

import asyncio
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Authenticator:
    def __init__(self, password):
        self.password = password

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        password = auth_data.password.decode("utf-8", "replace")
        ok = bool(auth_data.login) and password == self.password
        return AuthResult(success=ok, handled=False)


class StoreHandler:
    def __init__(self, directory):
        self.directory = os.path.join(directory, "messages")
        os.makedirs(self.directory, exist_ok=True)
        self.lock = threading.Lock()

    def next_number(self):
        numbers = [int(n.split(".")[0]) for n in os.listdir(self.directory) if n.endswith(".eml")]
        return max(numbers, default=0) + 1

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 <%s>: recipient rejected (test server)" % address
        if local.startswith("tempfail"):
            return "451 4.3.0 <%s>: try again later (test server)" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = self.next_number()
            base = os.path.join(self.directory, "%06d" % number)
            with open(base + ".envelope.tmp", "w", encoding="utf-8") as f:
                f.write("MAIL FROM:<%s>\n" % envelope.mail_from)
                for rcpt in envelope.rcpt_tos:
                    f.write("RCPT TO:<%s>\n" % rcpt)
            os.rename(base + ".envelope.tmp", base + ".envelope")
            with open(base + ".eml.tmp", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 Message accepted for delivery as %06d" % number


def main():
    if len(sys.argv) != 7:
        print(__doc__, file=sys.stderr)
        return 2
    directory, port, smtps_port, cert, key, password_file = sys.argv[1:]
    with open(password_file, encoding="utf-8") as f:
        password = f.read().strip()
    handler = StoreHandler(directory)

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)

    common = dict(
        hostname="127.0.0.1",
        server_hostname="rapport-test-smtp",
        authenticator=Authenticator(password),
        auth_require_tls=False,
        decode_data=False,
    )
    plain = Controller(handler, port=int(port), tls_context=tls, require_starttls=False, **common)
    implicit = Controller(handler, port=int(smtps_port), ssl_context=tls, **common)
    plain.start()
    implicit.start()
    print("test-smtp-server: listening on 127.0.0.1:%s (STARTTLS) and :%s (TLS)" % (port, smtps_port), flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    plain.stop()
    implicit.stop()
    return 0


if __name__ == "__main__":
    asyncio.set_event_loop(asyncio.new_event_loop())
    sys.exit(main())

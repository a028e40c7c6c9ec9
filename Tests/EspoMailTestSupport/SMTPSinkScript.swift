/// The Python program behind `SMTPSink`, written into the sink's directory at start.
enum SMTPSinkScript {
  /// The script's text; it runs on Debian's interpreter, which has aiosmtpd.
  static let text = #"""
"""SMTP sink for the espomail tests, written out by SMTPSink.swift.

Runs aiosmtpd on 127.0.0.1 and stores every accepted message in a Maildir ("new/"), exactly as it
arrived after DATA (dot-unstuffed, CRLF kept), preceded by four lines that record the envelope:
"X-MailFrom: <sender>", "X-RcptTo: <recipient>, <recipient>", "X-Helo: <EHLO name>" and
"X-Auth: <SASL mechanism of the login, or none>". aiosmtpd's own Mailbox handler
re-serialises messages (LF line ends, added headers), which would hide what the client really sent.

Configuration comes from the JSON file named on the command line; once listening, the ports are
written to its "ready" file. Test hooks: a recipient whose local part starts with "reject-" is
refused with 550 and one starting with "defer-" with 451; a sender starting with "reject-" is
refused with 550 at MAIL FROM, and one starting with "refuse-data-" has its message refused with
554 after DATA.
"""
import asyncio
import base64
import json
import logging
import os
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, maildir, users):
        self.maildir = maildir
        self.users = users
        self.serial = 0
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(maildir, sub), exist_ok=True)

    async def handle_MAIL(self, server, session, envelope, address, options):
        if address.lower().startswith("reject-"):
            return "550 5.7.1 <%s>: sender refused by the test sink" % address
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):
        local = address.split("@")[0].lower()
        if local.startswith("reject-"):
            return "550 5.1.1 <%s>: recipient refused by the test sink" % address
        if local.startswith("defer-"):
            return "451 4.3.0 <%s>: recipient deferred by the test sink" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if (envelope.mail_from or "").lower().startswith("refuse-data-"):
            return "554 5.6.0 message refused by the test sink"
        self.serial += 1
        name = "%010d.%d.sink" % (self.serial, os.getpid())
        head = "X-MailFrom: %s\r\nX-RcptTo: %s\r\nX-Helo: %s\r\nX-Auth: %s\r\n" % (
            envelope.mail_from, ", ".join(envelope.rcpt_tos), session.host_name,
            getattr(session, "espomail_mechanism", "none"))
        temporary = os.path.join(self.maildir, "tmp", name)
        with open(temporary, "wb") as handle:
            handle.write(head.encode("utf-8", "surrogateescape"))
            handle.write(envelope.original_content)
        os.rename(temporary, os.path.join(self.maildir, "new", name))
        return "250 2.0.0 OK: queued as %s" % name

    async def auth_XOAUTH2(self, server, args):
        if len(args) > 1:
            try:
                response = base64.b64decode(args[1], validate=True)
            except Exception:
                return AuthResult(success=False, handled=False)
        else:
            response = await server.challenge_auth("", encode_to_b64=False)
            if not isinstance(response, bytes):
                return AuthResult(success=False, handled=True)
        fields = response.decode("utf-8", "replace").split("\x01")
        user = next((f[5:] for f in fields if f.startswith("user=")), None)
        token = next((f[12:] for f in fields if f.startswith("auth=Bearer ")), None)
        accepted = user is not None and self.users.get(user) == token
        server.session.espomail_mechanism = "XOAUTH2"
        return AuthResult(success=accepted, handled=False, auth_data=user)

    def authenticate(self, server, session, envelope, mechanism, data):
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        session.espomail_mechanism = mechanism
        login = data.login.decode("utf-8", "replace")
        password = data.password.decode("utf-8", "replace")
        return AuthResult(success=self.users.get(login) == password, handled=False, auth_data=login)


async def main():
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    with open(sys.argv[1]) as handle:
        config = json.load(handle)
    users = config.get("users") or {}
    sink = Sink(config["maildir"], users)
    context = None
    if config.get("certificate"):
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(config["certificate"], config["key"])

    def factory(starttls):
        return SMTP(
            sink,
            hostname="sink.espomail.test",
            data_size_limit=config.get("sizeLimit", 64 * 1024 * 1024),
            tls_context=context if starttls else None,
            authenticator=sink.authenticate if users else None,
            auth_required=bool(users),
            auth_require_tls=False,
        )

    loop = asyncio.get_running_loop()
    plain = await loop.create_server(lambda: factory(True), "127.0.0.1", 0)
    ports = {"port": plain.sockets[0].getsockname()[1]}
    if context is not None:
        secure = await loop.create_server(lambda: factory(False), "127.0.0.1", 0, ssl=context)
        ports["tlsPort"] = secure.sockets[0].getsockname()[1]
    ready = config["ready"]
    with open(ready + ".tmp", "w") as handle:
        json.dump(ports, handle)
    os.rename(ready + ".tmp", ready)
    await asyncio.Event().wait()


asyncio.run(main())
"""#
}

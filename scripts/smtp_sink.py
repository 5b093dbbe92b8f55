"""A real SMTP server for the tests (aiosmtpd), on loopback, that keeps every message's raw
bytes exactly as received (aiosmtpd's Mailbox handler would turn CRLF into LF and hide bugs).

Usage: smtp_sink.py --port 2525 --dir /tmp/mails [--tls starttls|implicit --cert C --key K]
Each message becomes <n>.eml in --dir, plus <n>.rcpt with the envelope recipients.
"""
import argparse
import asyncio
import itertools
import os
import signal
import ssl

from aiosmtpd.controller import Controller


class RawStore:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        path = os.path.join(self.directory, f"{n:05d}")
        with open(path + ".part", "wb") as f:
            f.write(envelope.original_content)
        with open(path + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos))
        os.rename(path + ".part", path + ".eml")
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    options = {}
    if args.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.tls == "starttls":
            options = {"tls_context": context, "require_starttls": True}
        else:
            options = {"ssl_context": context}
    controller = Controller(
        RawStore(args.dir), hostname=args.host, port=args.port, decode_data=False, **options
    )
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()

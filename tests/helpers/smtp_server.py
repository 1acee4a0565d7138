"""A real SMTP server for the mail tests (aiosmtpd on a free local port), recording what it accepted; it can stall
on DATA (to kill a sender mid-send) and be stopped and started again on the same port."""
from __future__ import annotations

import email
import email.policy
import socket
import threading
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    """The aiosmtpd handler: every message received, parsed; ``stall`` holds the answer to DATA until ``release``
    is set."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.stall = threading.Event()  # set: DATA waits for release
        self.release = threading.Event()
        self.in_data = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        import asyncio
        # The whole message is here: a real server may have queued it before it answers, so it counts as
        # delivered even if the sender dies before the answer (what a sender killed mid-send cannot know).
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(msg)  # type: ignore[arg-type]
        self.in_data.set()
        while self.stall.is_set() and not self.release.is_set():
            await asyncio.sleep(0.02)
        return "250 OK"

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.messages]


class SmtpServer:
    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.recorder = Recorder()
        self._controller: Controller | None = None

    def start(self) -> "SmtpServer":
        self._controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port, ready_timeout=5)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def release_all(self) -> None:
        self.recorder.release.set()

    @property
    def messages(self) -> list[EmailMessage]:
        return self.recorder.messages

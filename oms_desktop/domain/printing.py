"""Receipt printers: the ``printer.receipt`` setting (where counter receipts go), the lines a receipt printer
prints, and the states of a print job (docs/printing.md)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from .errors import StorageError, ValidationFailed
from .messages import msg

PRINTER_SETTING = "printer.receipt"
PRINTER_HELP = ("the counter's ESC/POS receipt printer: none, file:/dev/usb/lp0, network:HOST[:PORT], "
                "usb:VID:PID (hex), serial:/dev/ttyS0[:BAUD]")
DEFAULT_PORT = 9100  # the raw printing port of network receipt printers
DEFAULT_BAUD = 9600
WIDTH = 42  # characters on an 80 mm roll in the printers' standard font A (12 x 24 dots, 576 dots wide)
CLAIM_LEASE = timedelta(minutes=5)  # longer than any print: the network printer's timeout is 60 s
MAX_ATTEMPTS = 5

_HOST_RE = re.compile(r"^[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$")
_HEX_RE = re.compile(r"^(0x)?[0-9A-Fa-f]{1,4}$")


class PrintStatus(StrEnum):
    PENDING = "pending"    # waits for a sender
    PRINTING = "printing"  # a sender holds it: claimed, bytes may be on their way
    PRINTED = "printed"    # the printer took every byte
    FAILED = "failed"      # given up, or a sender died while printing (may have printed): a person reprints


class PrinterUnavailable(StorageError):
    """The receipt printer could not be reached or did not take the receipt (exit 5).

    Attributes:
        uncertain: True when some bytes may have reached the printer (so the receipt may have printed).
    """

    def __init__(self, message: str, *, uncertain: bool = False):
        super().__init__(message)
        self.uncertain = uncertain


@dataclass(frozen=True)
class PrinterTarget:
    """Where receipts go: ``kind`` none, file, network, usb or serial, with what that kind needs."""
    kind: str
    path: str = ""      # file, serial: the device or file
    host: str = ""      # network
    port: int = 0       # network: TCP port; serial: baud rate
    vendor: int = 0     # usb
    product: int = 0    # usb

    def __str__(self) -> str:
        if self.kind == "file":
            return f"file:{self.path}"
        if self.kind == "network":
            return f"network:{self.host}:{self.port}"
        if self.kind == "usb":
            return f"usb:{self.vendor:04x}:{self.product:04x}"
        if self.kind == "serial":
            return f"serial:{self.path}:{self.port}"
        return "none"

    @property
    def is_set(self) -> bool:
        return self.kind != "none"


NO_PRINTER = PrinterTarget("none")


def parse_printer(value: str) -> PrinterTarget:
    """The ``printer.receipt`` setting as typed, or ``ValidationFailed`` saying what is wrong and what is right."""
    text = str(value).strip()
    kind, sep, rest = text.partition(":")
    kind = kind.lower()
    bad = msg("{setting} '{value}' is not understood; use {forms}", setting=PRINTER_SETTING, value=value,
              forms=PRINTER_HELP.split(": ", 1)[1])
    if kind in ("", "none") and not rest:
        return NO_PRINTER
    if not sep or not rest.strip():
        raise ValidationFailed(bad)
    rest = rest.strip()
    if kind == "file":
        if "\x00" in rest or len(rest) > 500:
            raise ValidationFailed(msg("{setting}: the file path is not usable (got '{path}')", setting=PRINTER_SETTING,
                                       path=rest[:60]))
        return PrinterTarget("file", path=rest)
    if kind == "network":
        host, port = rest, DEFAULT_PORT
        if rest.count(":") == 1 or (rest.startswith("[") and "]:" in rest):
            host, _, port_text = rest.rpartition(":")
            if not port_text.isdecimal() or not 1 <= int(port_text) <= 65535:
                raise ValidationFailed(msg("{setting}: the port must be a number from 1 to 65535 (got '{port}')",
                                           setting=PRINTER_SETTING, port=port_text))
            port = int(port_text)
        if not _HOST_RE.match(host):
            raise ValidationFailed(msg("{setting}: '{host}' is not a host name or address", setting=PRINTER_SETTING,
                                       host=host))
        return PrinterTarget("network", host=host, port=port)
    if kind == "usb":
        parts = rest.split(":")
        if len(parts) != 2 or not all(_HEX_RE.match(p) for p in parts):
            raise ValidationFailed(msg("{setting}: a USB printer is usb:VENDOR:PRODUCT in hexadecimal, as lsusb "
                                       "shows it, e.g. usb:04b8:0202 (got '{value}')", setting=PRINTER_SETTING,
                                       value=value))
        vendor, product = (int(p, 16) for p in parts)
        if not vendor or not product:
            raise ValidationFailed(msg("{setting}: the USB vendor and product ids cannot be 0",
                                       setting=PRINTER_SETTING))
        return PrinterTarget("usb", vendor=vendor, product=product)
    if kind == "serial":
        path, baud = rest, DEFAULT_BAUD
        head, _, tail = rest.rpartition(":")
        if head and tail.isdecimal():
            path, baud = head, int(tail)
            if baud not in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200):
                raise ValidationFailed(msg("{setting}: {baud} is not a serial speed a printer uses "
                                           "(9600, 19200, 38400, 57600 or 115200)", setting=PRINTER_SETTING,
                                           baud=baud))
        return PrinterTarget("serial", path=path, port=baud)
    raise ValidationFailed(bad)


def normalize_printer(value: str) -> str:
    """The text stored for ``printer.receipt`` (``ValidationFailed`` names the key; nothing is stored)."""
    return str(parse_printer(value))


@dataclass(frozen=True)
class PrintLine:
    """One line of a receipt: text at most ``WIDTH`` characters (wider ones are wrapped by the layout)."""
    text: str
    bold: bool = False
    align: str = "left"  # left | center
    double: bool = False  # double height and width (the total)


def fit(text: str, width: int = WIDTH) -> list[str]:
    """``text`` wrapped at spaces into lines of at most ``width`` characters (a longer word is cut)."""
    words, lines, current = text.split(), [], ""
    for word in words:
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def columns(left: str, right: str, width: int = WIDTH) -> list[str]:
    """A label and an amount on one line, the amount flush right; a label too long for it wraps above."""
    indent = " " * (len(left) - len(left.lstrip(" ")))  # a line's quantity row is indented under its name
    room = width - len(right) - 1
    if room <= len(indent):
        return [*fit(left, width), right.rjust(width)]
    wrapped = fit(left, room - len(indent))
    wrapped = [indent + w for w in wrapped]
    return [*wrapped[:-1], wrapped[-1].ljust(room) + " " + right]


def plain(text: str) -> str:
    """Text a receipt printer's code pages can print: no-break and narrow spaces (Babel puts them between an
    amount and its currency sign) become spaces; control characters go."""
    out = []
    for ch in text:
        if unicodedata.category(ch) == "Zs":
            out.append(" ")
        elif unicodedata.category(ch) != "Cc":
            out.append(ch)
    return "".join(out)

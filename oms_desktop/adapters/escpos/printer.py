"""The receipt on an ESC/POS printer with python-escpos: a file or device (``File``, also /dev/usb/lp0), the
network (``Network``, raw port 9100), USB (``Usb``) or a serial line (``Serial``); the lines, a cut, and for cash
the cash drawer's kick (ESC p on pin 2, the drawer socket of most printers)."""
from __future__ import annotations

import logging
import socket

from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, File, Network, Serial, Usb

from oms_desktop.domain.messages import msg
from oms_desktop.domain.printing import PrinterTarget, PrinterUnavailable, PrintLine
from oms_desktop.services.documents import ReceiptDoc

from .receipt import receipt_lines

log = logging.getLogger(__name__)

NETWORK_TIMEOUT = 60  # seconds; below the sender's claim lease (domain/printing.py CLAIM_LEASE)


def open_printer(target: PrinterTarget) -> Escpos:
    """A python-escpos printer for ``target``, opened; ``PrinterUnavailable`` (nothing printed) when it cannot be."""
    printer: Escpos
    if target.kind == "file":
        printer = File(target.path)
    elif target.kind == "network":
        printer = Network(target.host.strip("[]"), port=target.port, timeout=NETWORK_TIMEOUT)
    elif target.kind == "usb":
        printer = Usb(target.vendor, target.product, timeout=NETWORK_TIMEOUT * 1000)
    elif target.kind == "serial":
        printer = Serial(target.path, baudrate=target.port)
    else:
        raise PrinterUnavailable(msg("No receipt printer is set."))
    try:
        if isinstance(printer, Network):
            # connected here: python-escpos's Network.open leaves the socket of a refused connection unclosed
            printer.device = socket.create_connection((printer.host, printer.port), timeout=NETWORK_TIMEOUT)
        else:
            printer.open()
    except (EscposError, OSError, ValueError, RuntimeError) as e:
        raise PrinterUnavailable(msg("the receipt printer {target} cannot be reached: {problem}", target=str(target),
                                     problem=_first_line(e))) from e
    return printer


def write_receipt(printer: Escpos, lines: list[PrintLine], *, kick_drawer: bool) -> None:
    """ESC @ (a printer left in bold or large type by someone else starts clean), the lines, a feed and a full cut
    (GS V), then the drawer kick (ESC p) for cash."""
    printer.hw("INIT")
    for line in lines:
        printer.set(align=line.align, bold=line.bold, double_height=line.double, double_width=line.double,
                    normal_textsize=not line.double)
        printer.textln(line.text)
    printer.set(normal_textsize=True)
    printer.cut()
    if kick_drawer:
        printer.cashdraw(2)


def receipt_bytes(doc: ReceiptDoc, *, kick_drawer: bool) -> bytes:
    """The ESC/POS bytes of a receipt, printed nowhere (tests, and a look at what a printer would get)."""
    dummy = Dummy()
    write_receipt(dummy, receipt_lines(doc), kick_drawer=kick_drawer)
    return dummy.output


class EscposReceiptPrinter:
    """The ``ReceiptPrinter`` port (``services/receipt_printing.py``)."""

    def print_receipt(self, target: PrinterTarget, doc: ReceiptDoc, *, kick_drawer: bool) -> None:
        lines = receipt_lines(doc)
        printer = open_printer(target)
        try:
            write_receipt(printer, lines, kick_drawer=kick_drawer)
        except (EscposError, OSError, ValueError) as e:
            raise PrinterUnavailable(msg("the receipt printer {target} stopped taking the receipt: {problem}",
                                         target=str(target), problem=_first_line(e)), uncertain=True) from e
        finally:
            try:
                printer.close()
            except (EscposError, OSError) as e:  # the receipt went out; a close that fails changes nothing
                log.warning("closing the receipt printer %s: %s", target, e)


def _first_line(e: BaseException) -> str:
    text = str(e).strip() or type(e).__name__
    return " ".join(text.split())

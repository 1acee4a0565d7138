"""Counter receipts on an ESC/POS receipt printer with python-escpos (docs/printing.md)."""
from .printer import EscposReceiptPrinter, open_printer
from .receipt import receipt_lines

__all__ = ["EscposReceiptPrinter", "open_printer", "receipt_lines"]

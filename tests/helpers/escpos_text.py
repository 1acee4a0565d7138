"""The text an ESC/POS printer prints from the bytes python-escpos sends it, for tests."""
from __future__ import annotations

import re

from escpos.capabilities import get_profile

_SELECT_CODE_PAGE = re.compile(rb"\x1bt(.)", re.S)  # ESC t n: the characters after it are in code page n


def printed_text(data: bytes) -> str:
    """``data`` decoded the way the printer reads it: each stretch in the code page the last ESC t chose (CP437
    before any), the ESC t commands themselves dropped (python-escpos switches even inside a word: ``R``, ESC t 0,
    ``\\x81ckgeld``), so a label with an umlaut is found whole. Other commands stay in, as characters."""
    pages = get_profile("default").codePages
    out, codec, start = [], "cp437", 0
    for switch in _SELECT_CODE_PAGE.finditer(data):
        out.append(data[start:switch.start()].decode(codec, errors="replace"))
        codec, start = pages.get(str(switch.group(1)[0]), "cp437"), switch.end()
    out.append(data[start:].decode(codec, errors="replace"))
    return "".join(out)


_COMMAND = re.compile("\x1b@|\x1b[!EaMd-].|\x1dV.|\x1dVA.|\x1bp...", re.S)  # init, type, align, feed, cut, kick


def printed_lines(data: bytes) -> list[str]:
    """``printed_text`` without the type, alignment, feed, cut and drawer commands python-escpos writes, one
    string a printed line: ``"SUMME    1.280,08 €"``."""
    return _COMMAND.sub("", printed_text(data)).split("\n")

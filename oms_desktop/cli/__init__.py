"""The ``oms`` admin command line: the services' use cases for scripts and terminals, with ``--json`` output.

``main`` builds the parser from one module per area (``core``, ``inventory``, ``purchasing``, ``warehouse``,
``accounts``, ``checks``, ``bench``); each has ``register(sub, leaf)``, where ``sub`` is the top-level subparsers
object and ``leaf(group, name, help)`` makes a command parser that accepts ``--json`` too. A command sets
``func=cmd(ctx) -> int`` with ``ctx`` a ``common.Context``. The area modules import ``common`` and never ``main``,
so the package has no import cycle.
"""
from .common import LOG_NAME
from .main import main

__all__ = ["LOG_NAME", "main"]

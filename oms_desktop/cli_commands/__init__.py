"""Subcommands of the ``oms`` CLI, one module per area; each module has ``register(sub, leaf)``.

``sub`` is the top-level subparsers object; ``leaf(group, name, help)`` makes a command parser that accepts
``--json`` too. A command sets ``func=cmd(ctx) -> int`` (see ``oms_desktop.cli.Context``).
"""
AREAS = ("inventory", "purchasing", "warehouse", "accounts", "checks", "bench")

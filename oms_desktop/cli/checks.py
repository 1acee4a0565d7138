"""``oms check``: the integrity checks (``services/checks.py``); exit 3 when one finds a problem."""
from __future__ import annotations


def register(sub, leaf) -> None:
    c = leaf(sub, "check", "run the integrity checks (stock against its moves, the ledger against the documents, "
                           "open accounts, gapless invoice numbers, coupons, waiting backorders, sales facts); exit 3 "
                           "if any finds a problem")
    c.add_argument("names", nargs="*", metavar="NAME", help="only these checks (default: all)")
    c.set_defaults(func=cmd_check)


def cmd_check(ctx) -> int:
    results = ctx.services.checks.run(ctx.need_actor(), ctx.args.names)
    failed = [r for r in results if not r.ok]

    def human() -> str:
        lines = []
        for r in results:
            lines.append(f"{'ok  ' if r.ok else 'FAIL'}  {r.name}: {r.what}")
            lines.extend(f"      {problem}" for problem in r.problems)
        lines.append(f"{len(results) - len(failed)} of {len(results)} checks passed.")
        return "\n".join(lines)

    ctx.emit({"ok": not failed, "checks": [{"name": r.name, "what": r.what, "ok": r.ok, "problems": list(r.problems)}
                                           for r in results]}, human)
    return 3 if failed else 0

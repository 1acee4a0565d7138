"""``oms bench``: seed a throwaway database and time the hot workloads (needs no signed-in user or database)."""
from __future__ import annotations

import argparse


def register(sub, leaf) -> None:
    c = leaf(sub, "bench", "seed a temporary database and time the hot workloads (median, p95, max, memory)")
    c.add_argument("--scale", choices=("small", "medium", "large"), default="small",
                   help="small: seconds; large: 100,000 products and customers, 1,000,000 orders (minutes)")
    c.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                   help="a PostgreSQL server URL: the bench creates a throwaway database there and drops it after "
                        "(default: a temporary SQLite file)")
    c.add_argument("--repeat", type=_positive_int, default=None, metavar="N",
                   help="timed rounds per workload (default: depends on the scale)")
    c.add_argument("--only", metavar="SUBSTRING", default=None,
                   help="run only the rows whose key or workload contains SUBSTRING (any case), e.g. dashboard or "
                        "promotions; the database is seeded as always, the floor runs, and so do the rows a chosen "
                        "one needs (the plain order row for the promotions row's target)")
    # opens="none": the bench creates its own database; common.run() must not open one or sign anybody in.
    c.set_defaults(func=cmd_bench, opens="none")


def _positive_int(text: str) -> int:
    from .common import positive_int as check
    return check(text)


def cmd_bench(args: argparse.Namespace) -> int:
    from ..devtools.bench import run_bench
    url = getattr(args, "database", None)
    if url and not url.startswith(("postgresql", "sqlite")):
        from ..domain.errors import ValidationFailed
        raise ValidationFailed(f"--database '{url}' is not a database URL; the bench takes a PostgreSQL server "
                               "URL (postgresql+psycopg://user@host/db) or none (a temporary SQLite file)")
    doc = run_bench(args.scale, database_url=url if url and url.startswith("postgresql") else None,
                    json=args.json, repeat=args.repeat, only=args.only)
    return 0 if doc["rows"] else 1

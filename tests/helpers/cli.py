"""Running the ``oms`` command line in-process in tests: ``Oms`` (exit code, stdout, stderr) and its passwords."""
from __future__ import annotations

import json
from pathlib import Path

from oms_desktop import cli

ADMIN_PW = "admin-secret"
AGENT_PW = "agent-secret"


class Oms:
    """Runs ``main([...])`` in-process against one database and returns (exit code, stdout, stderr)."""

    def __init__(self, db_url: str, capsys, monkeypatch, tmp_path: Path):
        self.db_url = db_url
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.tmp_path = tmp_path

    def __call__(self, *args: str, user: str | None = None, password: str | None = None,
                 new_password: str | None = None) -> tuple[int, str, str]:
        argv = ["--database", self.db_url]
        if user is not None:
            argv += ["--user", user]
            self.monkeypatch.setenv("OMS_PASSWORD", password if password is not None else
                                    {"admin": ADMIN_PW, "agent": AGENT_PW}[user])
        else:
            self.monkeypatch.delenv("OMS_PASSWORD", raising=False)
        if new_password is not None:
            self.monkeypatch.setenv("OMS_NEW_PASSWORD", new_password)
        else:
            self.monkeypatch.delenv("OMS_NEW_PASSWORD", raising=False)
        self.capsys.readouterr()
        code = cli.main(argv + list(args))
        out, err = self.capsys.readouterr()
        return code, out, err

    def admin(self, *args: str) -> tuple[int, str, str]:
        return self(*args, user="admin")

    def admin_json(self, *args: str):
        code, out, err = self("--json", *args, user="admin")
        assert code == 0, err
        return json.loads(out)


def products_by_sku(oms: Oms) -> dict[str, dict]:
    return {p["sku"]: p for p in oms.admin_json("catalog", "list")}

"""Users (lockout, deactivation, the last-admin rule, roles, passwords) and the audit trail through the ``oms``
command line on SQLite and PostgreSQL (issue 19): exit codes 0 done, 2 bad input, 3 refused by a rule, 4
permission or sign-in."""
from __future__ import annotations

import json

from tests.helpers.cli import AGENT_PW


def _json(oms, *args, user="admin", password=None):
    code, out, err = oms("--json", *args, user=user, password=password)
    assert code == 0, err
    return json.loads(out)


def test_five_wrong_passwords_lock_a_user_until_an_admin_unlocks_them(cli_shop):
    oms = cli_shop
    for _ in range(5):
        code, _, err = oms("order", "list", user="agent", password="not-the-password")
        assert code == 4 and "wrong password" in err
    code, _, err = oms("order", "list", user="agent")  # the right password, but locked
    assert code == 4 and "agent is locked after 5 failed sign-ins" in err
    users = {u["username"]: u for u in _json(oms, "user", "list")}
    assert users["agent"]["failed_logins"] == 5 and users["agent"]["locked_until"]
    code, _, err = oms("user", "unlock", "agent", user="agent")
    assert code == 4  # cannot unlock oneself without signing in
    unlocked = _json(oms, "user", "unlock", "agent")
    assert (unlocked["failed_logins"], unlocked["locked_until"]) == (0, None)
    assert oms("order", "list", user="agent")[0] == 0
    actions = [r["action"] for r in _json(oms, "audit", "list", "--entity", "user")["rows"]]
    assert actions[:2] == ["user.unlock", "user.lock"]


def test_a_deactivated_user_cannot_sign_in_and_only_an_admin_deactivates(cli_shop):
    oms = cli_shop
    code, _, err = oms("user", "deactivate", "admin", user="agent")
    assert code == 4 and "agent (agent) may not deactivate users" in err
    assert _json(oms, "user", "deactivate", "agent")["active"] is False
    code, _, err = oms("order", "list", user="agent")
    assert code == 4 and "wrong password" in err
    assert _json(oms, "user", "activate", "agent")["active"] is True
    assert oms("order", "list", user="agent")[0] == 0
    code, _, err = oms("user", "deactivate", "nobody", user="admin")
    assert code == 2 and "No user 'nobody'" in err


def test_the_last_active_admin_can_neither_deactivate_themself_nor_be_demoted(cli_shop):
    oms = cli_shop
    before = _json(oms, "audit", "list")["rows"]
    code, out, err = oms("user", "deactivate", "admin", user="admin")
    assert (code, out) == (3, "") and "admin is the last active administrator" in err
    code, _, err = oms("user", "set-role", "admin", "manager", user="admin")
    assert code == 3 and "cannot be made manager" in err
    assert _json(oms, "audit", "list")["rows"] == before  # nothing stored
    assert {u["username"]: u["active"] for u in _json(oms, "user", "list")} == {"admin": True, "agent": True}
    assert _json(oms, "user", "set-role", "agent", "admin")["role"] == "admin"
    assert _json(oms, "user", "deactivate", "admin", user="agent", password=AGENT_PW)["active"] is False
    code, _, err = oms("user", "set-role", "agent", "king", user="agent", password=AGENT_PW)
    assert code == 2 and "role 'king' is unknown" in err


def test_passwords_follow_the_policy_when_reset_or_changed(cli_shop):
    oms = cli_shop
    code, _, err = oms("user", "reset-password", "agent", user="admin", new_password="short")
    assert code == 2 and "at least 8 characters" in err
    code, _, err = oms("user", "reset-password", "agent", user="admin", new_password="iloveyou1")
    assert code == 2 and "most common passwords" in err
    assert oms("order", "list", user="agent")[0] == 0  # the old password still works
    assert oms("user", "reset-password", "agent", user="admin", new_password="fresh-agent-pw")[0] == 0
    assert oms("order", "list", user="agent", password="fresh-agent-pw")[0] == 0
    code, _, err = oms("user", "password", user="agent", password="fresh-agent-pw", new_password="123456789")
    assert code == 2 and "most common" in err
    assert oms("user", "password", user="agent", password="fresh-agent-pw", new_password="mine-only-pw")[0] == 0
    assert oms("order", "list", user="agent", password="mine-only-pw")[0] == 0
    code, _, err = oms("user", "add", "tom", "--role", "agent", user="admin", new_password="tom")
    assert code == 2 and "at least 8 characters" in err


def test_the_audit_list_filters_by_user_entity_action_and_days(cli_shop):
    oms = cli_shop
    oms("user", "deactivate", "agent", user="admin")
    rows = _json(oms, "audit", "list", "--user", "ADMIN", "--entity", "user")["rows"]
    assert [r["action"] for r in rows] == ["user.deactivate", "user.add", "user.add"]  # itself, then the agent
    assert json.loads(rows[0]["old_values"]) == {"active": True}
    assert _json(oms, "audit", "list", "--action", "user.deac")["rows"][0]["entity_id"] == rows[0]["entity_id"]
    assert _json(oms, "audit", "list", "--to", "2000-01-01")["rows"] == []
    today = rows[0]["at"][:10]
    assert len(_json(oms, "audit", "list", "--from", "2000-01-01", "--to", "2999-12-31")["rows"]) > 2
    page = _json(oms, "audit", "list", "--page-size", "1")
    assert len(page["rows"]) == 1 and page["has_more"] is True
    code, _, err = oms("audit", "list", "--from", "2026-13-01", user="admin")
    assert code == 2 and "is not a day" in err
    code, _, err = oms("audit", "list", "--from", "2030-01-02", "--to", "2030-01-01", user="admin")
    assert code == 2 and "is after the last day" in err
    oms("user", "activate", "agent", user="admin")
    code, _, err = oms("audit", "list", user="agent")
    assert code == 4 and "may not read the audit trail" in err
    code, out, _ = oms("audit", "list", "--user", "admin", user="admin")
    assert code == 0 and "user.deactivate" in out and today[:4] in out


def test_a_user_sets_their_own_language_an_admin_anyones_and_an_unknown_one_is_refused(cli_shop):
    oms = cli_shop
    assert _json(oms, "user", "set-language", "agent", "de", user="agent", password=AGENT_PW)["language"] == "de"
    code, out, _ = oms("user", "set-language", "agent", "en", user="agent")
    assert code == 0 and "agent sees the screens in en." in out
    code, _, err = oms("user", "set-language", "admin", "de", user="agent")
    assert code == 4 and "may not set other users' language" in err
    code, out, err = oms("user", "set-language", "agent", "klingon", user="admin")
    assert (code, out) == (2, "") and "language 'klingon' is not supported (choose one of: en, de)" in err
    assert _json(oms, "user", "set-language", "agent", "default")["language"] is None
    assert {u["username"]: u["language"] for u in _json(oms, "user", "list")} == {"admin": None, "agent": None}
    rows = _json(oms, "audit", "list", "--action", "user.set_language")["rows"]
    assert [(r["username"], json.loads(r["new_values"])) for r in rows] == [
        ("admin", {"language": None}), ("agent", {"language": "en"}), ("agent", {"language": "de"})]

"""The locks the README's commands install from agree with pyproject.toml and with each other."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\?$")


def read_lock(name: str) -> dict[str, tuple[Version, Marker | None, int]]:
    """Each package the lock installs on this Python: its version, its environment marker and how many file hashes
    it has. A universal lock may pin a package once per environment (numpy for Python < 3.12 and for >= 3.12; colorama
    on Windows only), but at most one of those pins applies wherever it is installed."""
    every: list[tuple[str, Version, Marker | None, list[int]]] = []
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            marker = Marker(match["marker"]) if match["marker"] else None
            every.append((canonicalize_name(match["name"]), Version(match["version"]), marker, [0]))
        elif line.strip().startswith("--hash=sha256:") and every:
            every[-1][3][0] += 1
    pins: dict[str, tuple[Version, Marker | None, int]] = {}
    for package, version, marker, hashes in every:
        if marker is not None and not marker.evaluate():
            continue
        assert package not in pins, f"{name} pins {package} twice for this Python"
        pins[package] = (version, marker, hashes[0])
    assert all(hashes[0] > 0 for *_, hashes in every), f"{name} pins a package without its hashes"
    return pins


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def assert_satisfies(lock: str, requirements: list[str]) -> None:
    pins = read_lock(lock)
    problems = []
    for text in requirements:
        req = Requirement(text)
        pinned = pins.get(canonicalize_name(req.name))
        if pinned is None:
            problems.append(f"{req.name} is not in {lock}")
        elif pinned[0] not in req.specifier:
            problems.append(f"{lock} pins {req.name} {pinned[0]}, pyproject.toml asks for {req.specifier}")
    assert not problems, "\n".join(problems) + "\nRun: bash packaging/lock.sh"


def test_the_app_lock_pins_every_dependency_of_pyproject_within_its_range():
    assert_satisfies("requirements.lock", project()["dependencies"])


def test_the_test_lock_pins_every_dependency_and_test_extra_within_its_range():
    assert_satisfies("requirements-test.lock", project()["dependencies"] + project()["optional-dependencies"]["test"])


def test_the_bundle_lock_pins_every_dependency_and_the_bundle_tools_within_their_range():
    assert_satisfies("packaging/requirements-bundle.lock",
                     project()["dependencies"] + project()["optional-dependencies"]["bundle"])


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-test.lock", "packaging/requirements-bundle.lock"])
def test_every_pin_carries_hashes_and_the_build_tools_are_locked_too(lock):
    pins = read_lock(lock)
    assert {name for name, (_, _, hashes) in pins.items() if hashes == 0} == set()
    build = [Requirement(r) for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]]
    # the README installs the project itself with --no-build-isolation: its build tools come from the lock
    assert_satisfies(lock, [str(r) for r in build])


def test_the_app_runs_on_the_same_versions_its_tests_ran_on():
    app, tests = read_lock("requirements.lock"), read_lock("requirements-test.lock")
    differing = {name: (app[name][0], tests.get(name, (None,))[0]) for name in app
                 if name not in tests or tests[name][0] != app[name][0]}
    assert differing == {}


def test_the_bundle_freezes_the_versions_the_app_runs_on():
    app, bundle = read_lock("requirements.lock"), read_lock("packaging/requirements-bundle.lock")
    differing = {name: (app[name][0], bundle.get(name, (None,))[0]) for name in app
                 if name not in bundle or bundle[name][0] != app[name][0]}
    assert differing == {}


def test_the_readme_and_ci_install_from_the_locks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    app_command = ("python3 -m venv .venv && .venv/bin/pip install -q -r requirements.lock && "
                   ".venv/bin/pip install -q --no-deps --no-build-isolation -e . && .venv/bin/oms-desktop --demo")
    test_command = ("python3 -m venv .venv && .venv/bin/pip install -q -r requirements-test.lock && "
                    ".venv/bin/pip install -q --no-deps --no-build-isolation -e . && .venv/bin/python -m pytest")
    assert app_command in readme
    assert test_command in readme
    assert test_command in ci

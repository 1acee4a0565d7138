#!/usr/bin/env bash
# Refreshes the locks the README's commands and .ci/run install from:
#   requirements.lock       what the app runs on (pyproject.toml's dependencies)
#   requirements-test.lock  the same plus the test extras (pytest, hypothesis, ruff, mypy, ...)
#   packaging/requirements-bundle.lock  the app's lock plus PyInstaller (the bundle extra), what
#                           packaging/build_bundle.sh freezes the app with
# Each pins every package to one version with the hashes of all its files (any platform, Python >= 3.11), plus
# setuptools and wheel, so `pip install --no-build-isolation -e .` builds with locked tools too. The app's lock is
# resolved inside the test lock and the bundle lock inside the app's, so the app, its tests and its bundle run on the
# same versions (tests/unit/test_lock.py checks it).
#
# Usage: bash packaging/lock.sh            keep what is pinned where pyproject.toml still allows it
#        bash packaging/lock.sh --upgrade  move every pin to the newest release pyproject.toml allows
# Needs uv (https://docs.astral.sh/uv/); without one on PATH it is installed into a throwaway venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

uv=$(command -v uv || true)
if [ -z "$uv" ]; then
    tools=$(mktemp -d)
    python3 -m venv "$tools" && "$tools/bin/pip" install -q uv
    uv="$tools/bin/uv"
fi
upgrade=()
[ "${1:-}" = "--upgrade" ] && upgrade=(--upgrade)

compile() {  # compile OUTPUT [uv options...]: pyproject.toml plus the build tools, for every platform
    local out=$1; shift
    printf 'setuptools>=68\nwheel\n' > packaging/build-tools.in
    "$uv" pip compile pyproject.toml packaging/build-tools.in --universal --python-version 3.11 --generate-hashes \
        --no-header --quiet "${upgrade[@]}" "$@" -o "$out"
    rm -f packaging/build-tools.in
    { printf '# Locked by packaging/lock.sh from pyproject.toml (%s): do not edit by hand.\n' "$*"; cat "$out"; } > "$out.tmp"
    mv "$out.tmp" "$out"
}
compile requirements-test.lock --extra test
compile requirements.lock --constraint requirements-test.lock
compile packaging/requirements-bundle.lock --extra bundle --constraint requirements.lock
for lock in requirements.lock requirements-test.lock packaging/requirements-bundle.lock; do
    echo "$lock: $(grep -c '^[a-z]' "$lock") packages"
done

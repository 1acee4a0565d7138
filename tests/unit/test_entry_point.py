"""One executable, two programs: started as ``oms`` it is the command line, under any other name the app
(the .deb links /usr/bin/oms and /usr/bin/oms-desktop to the same bundle executable)."""
from __future__ import annotations

import subprocess
import sys

import pytest

RUN = "import sys; sys.argv[0] = {name!r}; from oms_desktop.__main__ import main; sys.exit(main())"


@pytest.mark.parametrize("name", ["/usr/bin/oms", "oms", "oms.exe"])
def test_started_as_oms_it_is_the_command_line(name, tmp_path):
    db = tmp_path / "cli.db"
    done = subprocess.run([sys.executable, "-c", RUN.format(name=name), "--database", f"sqlite:///{db}", "init"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Database ready" in done.stdout and db.exists()


def test_under_another_name_it_is_the_app():
    done = subprocess.run([sys.executable, "-c", RUN.format(name="/usr/bin/oms-desktop"), "--help"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "usage: oms-desktop" in done.stdout or "--smoke-test" in done.stdout, done.stdout

"""The wheel installs as pipx installs it — into a venv of its own, not editable — and its jiebei-tracker command
runs from there, away from the source tree.

Offline by design: the test must not need the network, and a clean venv cannot get PySide6 without it. So the wheel
is built here without build isolation (setuptools is in the test extra), installed with --no-index --no-deps into a
fresh venv, and that venv borrows the dependencies — only them — from the test's own environment through a .pth
line: a directory named in a .pth joins sys.path but its own .pth files are not run, so the source tree's editable
finder never loads and the package can only come from the installed wheel (the test checks where it came from).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from jiebei_tracker import __version__



@pytest.mark.xdist_group("wheel")  # pip writes build/ and *.egg-info in the source tree: one at a time
def test_the_wheel_installed_in_a_fresh_venv_runs_its_command(tmp_path, wheel):
    venv = tmp_path / "pipx-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-index", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    command = venv / "bin" / "jiebei-tracker"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}

    def run(*arguments: str) -> str:
        result = subprocess.run(
            [str(command), *arguments], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert run("--version").strip() == f"jiebei-tracker {__version__}"
    database = tmp_path / "demo.db"
    assert "added the sample history" in run("--db", str(database), "demo")
    assert len(json.loads(run("--db", str(database), "loans", "--json"))) == 9
    where = subprocess.run(
        [str(python), "-c", "import jiebei_tracker; print(jiebei_tracker.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(site), f"jiebei_tracker came from {where}, not the installed wheel"

"""The wheel carries every package, the migrations and the resources, so a non-editable install works."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "jiebei_tracker").rglob("__init__.py")}
    assert on_disk <= listed
    assert "jiebei_tracker.resources" in listed


def test_wheel_contains_resources_and_migrations_and_runs_outside_the_source_tree(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("jiebei_tracker-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "jiebei_tracker/resources/icons/jiebei-tracker.svg" in names
    assert "jiebei_tracker/storage/migrations/env.py" in names
    assert "jiebei_tracker/storage/migrations/versions/0001_initial.py" in names
    # Unpacked on its own (no source tree on the path), the package finds its resources and migrations.
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from importlib.resources import files;"
        "assert (files('jiebei_tracker.resources') / 'icons' / 'jiebei-tracker.svg').read_bytes().startswith(b'<svg');"
        "from jiebei_tracker.storage.database import open_database;"
        "open_database(sys.argv[2]).close(); print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target), str(tmp_path / "t.db")], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.stdout.strip() == "ok", result.stderr

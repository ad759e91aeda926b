"""The wheel carries every package, the migrations and the resources, so a non-editable install works."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "jiebei_tracker").rglob("__init__.py")}
    assert on_disk <= listed
    assert "jiebei_tracker.resources" in listed


def _distribution_name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_library_the_package_imports_is_a_declared_dependency():
    """Not left to arrive with another one (numpy came with pyqtgraph until the chart series used it directly).
    The ``encryption`` extra counts: its libraries are imported only when a passphrase is used (and the app says
    how to install them when they are missing)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {_distribution_name(r) for r in project["dependencies"] + project["optional-dependencies"]["encryption"]}
    imported = set()
    for path in (ROOT / "jiebei_tracker").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"jiebei_tracker", "__future__"}
    providers = importlib.metadata.packages_distributions()
    undeclared = {
        module: providers.get(module)
        for module in third_party
        if not {_distribution_name(name) for name in providers.get(module, [module])} & declared
    }
    assert undeclared == {}


@pytest.mark.xdist_group("wheel")  # pip writes build/ and *.egg-info in the source tree: one at a time
def test_wheel_contains_resources_and_migrations_and_runs_outside_the_source_tree(tmp_path, wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "jiebei_tracker/resources/icons/jiebei-tracker.svg" in names
    assert "jiebei_tracker/storage/migrations/env.py" in names
    assert "jiebei_tracker/docs/user-guide.md" in names  # Help ▸ User guide, offline
    assert "jiebei_tracker/docs/user-guide.zh_CN.md" in names  # … and in Chinese
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

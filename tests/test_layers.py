"""The lines the house keeps (STYLE.md): nothing below the UI imports Qt; no SQL in the domain or the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jiebei_tracker"
QT = ("PySide6", "pyqtgraph", "shiboken6")
SQL = ("sqlmodel", "sqlalchemy", "sqlite3", "alembic")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _offenders(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in forbidden:
                found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


@pytest.mark.parametrize("layer", ["domain", "storage", "services", "importers"])
def test_no_qt_below_the_ui(layer):
    assert _offenders(layer, QT) == []


@pytest.mark.parametrize("layer", ["domain", "ui", "charts"])
def test_no_sql_in_domain_ui_or_charts(layer):
    assert _offenders(layer, SQL) == []


def test_the_checker_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert _imports(sample) == {"PySide6.QtCore", "sqlalchemy.orm"}


def _modules_pulled_in(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in output.split()}


def test_importing_the_domain_pulls_in_neither_qt_nor_sql():
    pulled = _modules_pulled_in(", ".join(f"jiebei_tracker.domain.{p.stem}" for p in (PACKAGE / "domain").glob("*.py")))
    assert pulled.isdisjoint(QT + SQL)


def test_importing_storage_and_services_pulls_in_no_qt():
    modules = [
        f"jiebei_tracker.{layer}.{p.stem}" for layer in ("storage", "services") for p in (PACKAGE / layer).glob("*.py")
    ]
    assert _modules_pulled_in(", ".join(modules)).isdisjoint(QT)

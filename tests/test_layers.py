"""The lines the house keeps (STYLE.md, docs/architecture.md): arrows between our own packages run one way and
never close a circle; nothing below the UI imports Qt; no SQL in the domain, the UI or the charts.

The arrows are read from the source, so an import cannot hide: at the top of a module or inside a function,
absolute or relative, under ``TYPE_CHECKING`` (a type-only import must follow the arrows all the same), or as
``importlib.import_module`` / ``__import__`` with a literal name (an f-string counts as importing every module its
literal start can name; a name the checker cannot read is itself a failure). Lazy imports inside functions are
allowed, for start-up speed, as long as they follow the arrows and close no circle: the cycle check counts them,
so a function-level import is never the way to break one. It leaves out only type-only imports, which never run.
What each layer really loads is checked too, by importing it in a fresh interpreter.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jiebei_tracker"
ROOT = "jiebei_tracker"
QT = ("PySide6", "pyqtgraph", "shiboken6")
SQL = ("sqlmodel", "sqlalchemy", "sqlite3", "sqlcipher3", "alembic")

FRONT_DOOR = "front door"  # cli.py, cli_*.py, app.py, __main__.py: parse the command line, compose the window
PACKAGE_ROOT = "package"  # jiebei_tracker/__init__.py (the version) and its resources, which any layer may read

# front door: cli.py, cli_*.py, app.py, __main__.py      may import any layer
#    │
#    ▼
#    ui ──────► charts ──────► qt_text                    the ui also imports qt_text and importers
#    │            │
#    ▼            ▼
#    services ◄───┘
#    │        │
#    ▼        ▼
# storage   importers
#    │        │
#    ▼        ▼
#    domain                                               every layer may import the domain
#
# Each layer and the layers it may import besides itself (and the package root, which holds the version).
# Arrows are not transitive: the ui reaches the data through services, so it may not import storage.
ALLOWED: dict[str, frozenset[str]] = {
    FRONT_DOOR: frozenset({"ui", "charts", "qt_text", "services", "importers", "storage", "domain"}),
    "ui": frozenset({"charts", "qt_text", "services", "importers", "domain"}),
    "charts": frozenset({"qt_text", "services", "domain"}),
    "qt_text": frozenset(),
    "services": frozenset({"storage", "importers", "domain"}),
    "storage": frozenset({"domain"}),
    "importers": frozenset({"domain"}),
    "domain": frozenset(),
    PACKAGE_ROOT: frozenset(),
}
LAYERS = ("domain", "storage", "importers", "services", "qt_text", "charts", "ui")
TYPE_ONLY = "under TYPE_CHECKING"


# -- reading the imports --------------------------------------------------------------------------------------


def module_names(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of ours by dotted name (a package under its own name, for its ``__init__.py``)."""
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = (package.name, *path.relative_to(package).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "resources":  # icons and translations, mapped into the package
        return PACKAGE_ROOT
    if parts[1] in LAYERS:
        return parts[1]
    return FRONT_DOOR


class _Imports(ast.NodeVisitor):
    """Collects what one module imports: ``(target module, line, how)``, targets being our own modules only."""

    def __init__(self, module: str, is_package: bool, known: dict[str, Path]) -> None:
        self.package = module if is_package else module.rpartition(".")[0]
        self.known = known
        self.found: list[tuple[str, int, str]] = []
        self.unreadable: list[int] = []
        self._where = ["top level"]

    def _ours(self, name: str) -> str | None:
        """The module of ours that importing ``name`` runs: the longest known prefix (``jiebei_tracker.resources``
        is data mapped into the package, so it resolves to the package itself)."""
        while name:
            if name in self.known:
                return name
            name = name.rpartition(".")[0]
        return None

    def _add(self, name: str, line: int, how: str | None = None) -> None:
        target = self._ours(name)
        if target is not None:
            self.found.append((target, line, how or self._where[-1]))

    def _absolute(self, name: str, level: int) -> str:
        base = self.package.split(".")
        if level > 1:
            base = base[: len(base) - (level - 1)]
        return ".".join(base + ([name] if name else []))

    def _nested(self, node: ast.AST, where: str) -> None:
        self._where.append(where)
        self.generic_visit(node)
        self._where.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._nested(node, "in a function")

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        test = ast.unparse(node.test)
        if test in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            self._where.append(TYPE_ONLY)
            for child in node.body:
                self.visit(child)
            self._where.pop()
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        source = self._absolute(node.module or "", node.level) if node.level else node.module or ""
        for alias in node.names:
            submodule = f"{source}.{alias.name}"
            self._add(submodule if submodule in self.known else source, node.lineno)

    def visit_Call(self, node: ast.Call) -> None:
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
        if name in ("import_module", "__import__") and node.args:
            self._dynamic(node.args[0], node.lineno)
        self.generic_visit(node)

    def _dynamic(self, argument: ast.expr, line: int) -> None:
        how = "by importlib"
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            text = argument.value
            level = len(text) - len(text.lstrip("."))
            self._add(self._absolute(text[level:], level) if level else text, line, how)
        elif isinstance(argument, ast.JoinedStr) and argument.values and isinstance(argument.values[0], ast.Constant):
            prefix = argument.values[0].value
            if not prefix.startswith(ROOT):
                self.unreadable.append(line)
            for module in self.known:
                if module.startswith(prefix):
                    self._add(module, line, how)
        else:
            self.unreadable.append(line)


def _read(package: Path) -> dict[str, _Imports]:
    known = module_names(package)
    readers = {}
    for module, path in known.items():
        reader = _Imports(module, path.name == "__init__.py", known)
        reader.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        readers[module] = reader
    return readers


def import_graph(package: Path = PACKAGE) -> dict[tuple[str, str], list[str]]:
    """``(importer, imported) → where and how``, for every import of one of our modules by another."""
    graph: dict[tuple[str, str], list[str]] = defaultdict(list)
    for module, reader in _read(package).items():
        for target, line, how in reader.found:
            where = f"line {line} ({how})"
            if target != module and where not in graph[module, target]:
                graph[module, target].append(where)
    return dict(graph)


def run_time_edges(graph: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], list[str]]:
    """The imports that run. One under ``TYPE_CHECKING`` names a type for the checker and never runs, so it
    cannot close a circle (it must still follow the arrows): a module may name in its annotations the class
    whose methods call it."""
    return {edge: where for edge, where in graph.items() if any(TYPE_ONLY not in entry for entry in where)}


def unreadable_imports(package: Path = PACKAGE) -> list[str]:
    return [f"{module} line {line}" for module, reader in _read(package).items() for line in reader.unreadable]


def wrong_arrows(graph: dict[tuple[str, str], list[str]]) -> list[str]:
    wrong = []
    for (importer, imported), where in sorted(graph.items()):
        source, target = layer_of(importer), layer_of(imported)
        if source != target and target != PACKAGE_ROOT and target not in ALLOWED[source]:
            wrong.append(f"{importer} → {imported} ({source} → {target}): {', '.join(where)}")
    return wrong


def cycles(graph: dict[tuple[str, str], list[str]]) -> list[set[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm, iteratively)."""
    edges: dict[str, list[str]] = defaultdict(list)
    for importer, imported in graph:
        edges[importer].append(imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def _third_party(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _offenders(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _third_party(path):
            if name.split(".")[0] in forbidden:
                found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


# -- the house's own arrows -----------------------------------------------------------------------------------


def test_every_module_belongs_to_a_layer_in_the_table():
    assert {layer_of(module) for module in module_names()} <= set(ALLOWED)


def test_arrows_between_our_packages_run_one_way():
    assert wrong_arrows(import_graph()) == []


def test_no_module_imports_itself_back_through_others():
    assert [sorted(component) for component in cycles(run_time_edges(import_graph()))] == []


def test_every_dynamic_import_names_what_it_loads():
    assert unreadable_imports() == []


def _sample_package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / ROOT
    for name, text in {"__init__.py": "", **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in path.relative_to(package).parents:
            (package / folder / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return package


def test_the_checker_sees_wrong_arrows_of_every_kind(tmp_path):
    package = _sample_package(
        tmp_path,
        {
            "ui/common.py": "",
            "storage/database.py": "",
            "services/series/data.py": "",
            "charts/base.py": (
                "from typing import TYPE_CHECKING\n"
                "from .. import ui\n"
                "from ..ui import common\n"
                "from ..services import series\n"  # allowed
                "import importlib\n"
                "def later():\n"
                "    from jiebei_tracker.storage.database import Database\n"
                "    importlib.import_module('jiebei_tracker.ui.common')\n"
                "if TYPE_CHECKING:\n"
                "    import jiebei_tracker.storage\n"
            ),
            "domain/rules/__init__.py": "from importlib import import_module\nimport_module(f'jiebei_tracker.ui.{n}')",
        },
    )
    wrong = wrong_arrows(import_graph(package))
    assert wrong == [
        "jiebei_tracker.charts.base → jiebei_tracker.storage (charts → storage): line 10 (under TYPE_CHECKING)",
        "jiebei_tracker.charts.base → jiebei_tracker.storage.database (charts → storage): line 7 (in a function)",
        "jiebei_tracker.charts.base → jiebei_tracker.ui (charts → ui): line 2 (top level)",
        "jiebei_tracker.charts.base → jiebei_tracker.ui.common (charts → ui): "
        "line 3 (top level), line 8 (by importlib)",
        "jiebei_tracker.domain.rules → jiebei_tracker.ui.common (domain → ui): line 2 (by importlib)",
    ]


def test_the_checker_sees_a_circle_closed_inside_a_function_and_an_unreadable_import(tmp_path):
    package = _sample_package(
        tmp_path,
        {
            "cli.py": "import importlib\ndef run(name):\n    return importlib.import_module(name)\n",
            "cli_extra.py": "def helper():\n    from jiebei_tracker.cli_more import x\n",
            "cli_more.py": "from . import cli_extra\n",
            "domain/a.py": "from jiebei_tracker.domain import b\n",
            "domain/b.py": "from jiebei_tracker.domain.c import thing\n",
            "domain/c.py": "import jiebei_tracker.domain.a\n",
        },
    )
    graph = import_graph(package)
    assert sorted(sorted(component) for component in cycles(graph)) == [
        ["jiebei_tracker.cli_extra", "jiebei_tracker.cli_more"],
        ["jiebei_tracker.domain.a", "jiebei_tracker.domain.b", "jiebei_tracker.domain.c"],
    ]
    assert unreadable_imports(package) == ["jiebei_tracker.cli line 3"]


# -- third-party lines ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("layer", ["domain", "storage", "services", "importers"])
def test_no_qt_below_the_ui(layer):
    assert _offenders(layer, QT) == []


@pytest.mark.parametrize("layer", ["domain", "ui", "charts"])
def test_no_sql_in_domain_ui_or_charts(layer):
    assert _offenders(layer, SQL) == []


_SQL_TEXT = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b")


def _sql_writers(folder: Path, *, allowed: Path | None = None) -> list[str]:
    """Modules under ``folder`` (less those under ``allowed``) that import a SQL package or hold SQL text, named
    from ``folder``."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        if allowed is not None and path.is_relative_to(allowed):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(name.split(".")[0] in SQL for name in _third_party(path)):
            found.append(f"{path.relative_to(folder)} imports SQL")
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL_TEXT.search(node.value):
                found.append(f"{path.relative_to(folder)}:{node.lineno} holds SQL")
    return found


def test_sql_lives_in_storage_and_the_ledger_alone():
    """The services read through storage (the Book's loader, the paged lists, the transfers); only the ledger,
    which owns every write transaction, speaks SQL itself."""
    assert _sql_writers(PACKAGE / "services", allowed=PACKAGE / "services" / "ledger") == []


def test_the_sql_checker_sees_a_query_and_an_import(tmp_path):
    (tmp_path / "reads.py").write_text('ROWS = "SELECT id FROM loan"\n', encoding="utf-8")
    (tmp_path / "orm.py").write_text("from sqlmodel import select\n", encoding="utf-8")
    (tmp_path / "words.py").write_text('HINT = "select a loan, then delete from the list"\n', encoding="utf-8")
    assert _sql_writers(tmp_path) == ["orm.py imports SQL", "reads.py:1 holds SQL"]


def test_the_checker_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert _third_party(sample) == {"PySide6.QtCore", "sqlalchemy.orm"}


# -- what each layer loads at run time ------------------------------------------------------------------------


def _modules_loaded_by(modules: list[str]) -> set[str]:
    code = f"import sys, {', '.join(modules)}; print('\\n'.join(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(output.split())


def _layer_modules(layer: str) -> list[str]:
    # Alembic runs the migration scripts (env.py reads its context on import); they are not imported by us.
    return [
        module
        for module in module_names()
        if layer_of(module) == layer and not module.startswith(f"{ROOT}.storage.migrations.")
    ]


# Third-party packages each layer must not load, even through the layers below it.
NOT_LOADED = {
    "domain": (*QT, *SQL),
    "storage": QT,
    "importers": (*QT, *SQL),
    "services": QT,
    "qt_text": (*SQL, "pydantic", "pyqtgraph"),
    "charts": (*SQL, "pydantic"),  # sqlmodel's models are pydantic's
    "ui": (),
}


def _below(layer: str) -> set[str]:
    """The layers ``layer`` reaches by following the arrows, itself and the package root included."""
    reached, todo = {layer, PACKAGE_ROOT}, [layer]
    while todo:
        for lower in ALLOWED[todo.pop()] - reached:
            reached.add(lower)
            todo.append(lower)
    return reached


@pytest.mark.parametrize("layer", LAYERS)
def test_what_a_layer_loads_at_run_time(layer):
    loaded = _modules_loaded_by(_layer_modules(layer))
    assert {layer_of(name) for name in loaded if name.split(".")[0] == ROOT} <= _below(layer)
    assert {name.split(".")[0] for name in loaded}.isdisjoint(NOT_LOADED[layer])


# Where an import may wait until it is used, and why; everywhere else imports sit at the top of the module.
LATE_IMPORTS = {
    # The front door: each command loads only what it runs (``--help`` answers at once); the window's composition.
    "jiebei_tracker.cli": "front door",
    "jiebei_tracker.cli_data": "front door",
    "jiebei_tracker.cli_health": "front door",
    "jiebei_tracker.cli_import": "front door",
    "jiebei_tracker.cli_listings": "front door",
    "jiebei_tracker.cli_repayments": "front door",
    "jiebei_tracker.cli_plan": "front door",
    "jiebei_tracker.cli_options": "front door",
    "jiebei_tracker.cli_words": "front door: Qt's translation file, only when a refusal is said in Chinese",
    "jiebei_tracker.app": "front door",
    # The door: the ledger, the Session and the lists' modules, made on first use.
    "jiebei_tracker.services.workspace": "the door",
    # The window: pages, features and dialogs made after its first frame or when first opened.
    "jiebei_tracker.ui.feature_hooks": "after the first frame",
    "jiebei_tracker.ui.dialogs.on_demand": "when a dialog is first opened",
    "jiebei_tracker.ui.views.health_panel": "its widgets, after the first frame",
    "jiebei_tracker.ui.single_instance": "QtNetwork, after the first frame or in a second launch",
    "jiebei_tracker.ui.errors": "the passphrase prompt, only when a file is protected (or damaged)",
    "jiebei_tracker.ui.refusal_text": "Qt's widgets, only for the window's language (the CLI needs QtCore alone)",
    "jiebei_tracker.cli_passphrase": "front door",
    # Storage: SQLAlchemy with the first write's engine, Alembic with a migration.
    "jiebei_tracker.storage.database": "the engine",
    # SQLCipher only when a passphrase is first used: a plain database (and start-up) never pays for it, and the
    # app runs without the encryption extra.
    "jiebei_tracker.storage.connections": "sqlcipher3, with the first passphrase",
    # The system keyring only when the user asks to remember a passphrase (or a protected file is opened).
    "jiebei_tracker.services.files.protection": "keyring, on request",
    "jiebei_tracker.storage.migrations_runner": "Alembic",
    # A chart run on its own (``python -m jiebei_tracker.charts.balance``) makes its demo data with the services.
    "jiebei_tracker.charts.demo": "demo data",
}


def late_imports(package: Path = PACKAGE) -> dict[str, list[int]]:
    """Per module, the lines of the imports made inside a function."""
    found: dict[str, list[int]] = defaultdict(list)
    for module, path in module_names(package).items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        found[module].append(inner.lineno)
    return {module: sorted(set(lines)) for module, lines in found.items()}


def test_imports_wait_only_in_the_places_named_for_it():
    late = late_imports()
    assert {module: lines for module, lines in late.items() if module not in LATE_IMPORTS} == {}
    assert set(LATE_IMPORTS) <= set(late)  # a place that no longer needs it comes off the list


def test_the_checker_sees_an_import_made_late(tmp_path):
    package = _sample_package(tmp_path, {"services/late.py": "def f():\n    import json\n    return json\n"})
    assert late_imports(package) == {"jiebei_tracker.services.late": [2]}

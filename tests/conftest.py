"""Shared fixtures: offscreen Qt, a fresh database per test, a ledger whose "today" is fixed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types

# Before anything imports Qt: no display on CI machines.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "en_US.UTF-8")

from datetime import date
from pathlib import Path

import pytest

from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.storage.database import open_database

TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def _no_user_database(monkeypatch, tmp_path):
    """No test may touch the real user's database: the default path points into the test's folder."""
    monkeypatch.setenv("JIEBEI_TRACKER_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


class MemoryKeyring(types.ModuleType):
    """A stand-in for the ``keyring`` library: no test reaches the system keyring (or needs one installed)."""

    def __init__(self) -> None:
        super().__init__("keyring")
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.saved.get((service, account))

    def set_password(self, service: str, account: str, password: str) -> None:
        self.saved[(service, account)] = password

    def delete_password(self, service: str, account: str) -> None:
        del self.saved[(service, account)]


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    keyring = MemoryKeyring()
    monkeypatch.setitem(sys.modules, "keyring", keyring)
    return keyring


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "tracker.db"


@pytest.fixture(scope="session")
def _empty_database_file(tmp_path_factory) -> Path:
    """A new database, migrated to the head once for the whole run (the migrations take ~60 ms a file)."""
    path = tmp_path_factory.mktemp("template") / "tracker.db"
    open_database(path).close()
    return path


@pytest.fixture
def database(db_path, _empty_database_file):
    """A new, empty database at ``db_path``: a copy of the migrated template (its 0600 mode kept), opened as the
    app opens any file."""
    shutil.copy2(_empty_database_file, db_path)
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def ledger(database):
    return Ledger(database=database, today=lambda: TODAY)


@pytest.fixture
def workspace(database):
    return Workspace(database=database, today=lambda: TODAY)


@pytest.fixture
def ledger_factory():
    """A ledger over a given database (for tests that open their own)."""
    return lambda database: Ledger(database=database, today=lambda: TODAY)


@pytest.fixture
def screenshot(tmp_path):
    """Save a widget's picture as NAME.png into $JIEBEI_SCREENSHOTS (to look at) or the test's folder."""
    from pathlib import Path

    folder = Path(os.environ.get("JIEBEI_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)

    def save(widget, name: str) -> Path:
        path = folder / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not write {path}"
        return path

    return save


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built once a worker. pip writes build/ and *.egg-info in the source tree: a test that
    asks for it is marked ``xdist_group("wheel")``, so that one worker builds it, once."""
    folder = tmp_path_factory.mktemp("wheel")
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(folder)]
    subprocess.run([*command, str(root)], check=True, capture_output=True)
    (built,) = folder.glob("jiebei_tracker-*.whl")
    return built

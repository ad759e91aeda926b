"""The CLI tests' way in: run the command line against the test database."""

from __future__ import annotations

import datetime as dt

import pytest

from jiebei_tracker import cli
from jiebei_tracker.cli import main
from tests.conftest import TODAY


@pytest.fixture
def run(db_path, capsys):
    """Run the CLI against the test database (or ``db``); returns (exit status, stdout, stderr)."""

    def _run(*args: str, db=None):
        status = main(["--db", str(db or db_path), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return _run


class _Today(dt.date):
    @classmethod
    def today(cls):
        return TODAY


@pytest.fixture
def fixed_today(monkeypatch):
    """The CLI's "today" is the tests' TODAY (``pytestmark = pytest.mark.usefixtures("fixed_today")``)."""
    monkeypatch.setattr(cli, "date", _Today)

"""The CLI tests' way in: run the command line against the test database."""

from __future__ import annotations

import pytest

from jiebei_tracker.cli import main


@pytest.fixture
def run(db_path, capsys):
    """Run the CLI against the test database; returns (exit status, stdout, stderr)."""

    def _run(*args: str):
        status = main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return _run

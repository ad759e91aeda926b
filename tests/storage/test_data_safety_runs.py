"""The data-safety runs of benchmarks/data_safety.py, small: writers in other processes all land while a long
write holds the file (none fails with "database is locked"), and a writer killed with SIGKILL loses nothing it
confirmed and leaves only whole, private backups."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent.parent / "benchmarks" / "data_safety.py"


def _runs():
    spec = importlib.util.spec_from_file_location("data_safety", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_writers_and_a_long_write_all_land(tmp_path):
    result = _runs().writers(2, 30, tmp_path)
    assert (result["failed"], result["lost"], result["landed"]) == (0, 0, 60), result["errors"]


def test_kill_9_loses_no_confirmed_write_and_leaves_no_partial_backup(tmp_path):
    result = _runs().kills(4, tmp_path, min_confirmed=6, jitter=False)
    assert result["confirmed"] >= 24
    assert (result["lost"], result["problems"]) == (0, [])

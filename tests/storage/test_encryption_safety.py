"""The kill -9 run of benchmarks/encryption_safety.py, small: a passphrase conversion killed at random moments
leaves the old file or the new one, whole, every time; the next conversion removes what a killed one left."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")  # in the test extra: this never skips where the README's test command ran

SCRIPT = Path(__file__).resolve().parent.parent.parent / "benchmarks" / "encryption_safety.py"


def test_kill_9_during_conversions_leaves_the_old_file_or_the_new_one_whole(tmp_path):
    spec = importlib.util.spec_from_file_location("encryption_safety", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.kills(3, tmp_path)  # one of each: set, change, remove
    assert (result["neither"], result["problems"]) == (0, [])
    assert result["old_file_whole"] + result["new_file_whole"] == 3
    assert result["temporary_files_left_at_the_end"] == 0

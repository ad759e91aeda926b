"""Every benchmark script still loads against the code it measures (a renamed function fails here, not the next
time someone runs the benchmark by hand). Loading runs no benchmark: each starts only under ``__main__``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).parent.parent / "benchmarks").glob("*.py"))


def test_there_are_benchmarks():
    assert len(BENCHMARKS) >= 7


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.stem)
def test_the_benchmark_loads(script: Path, monkeypatch):
    monkeypatch.syspath_prepend(str(script.parent))  # as Python does for a script it runs: one may import another
    spec = importlib.util.spec_from_file_location(f"benchmark_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(getattr(module, "main", None)), f"{script.name} has no main()"

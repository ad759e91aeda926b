"""``import`` reads its file from the path a line at a time: checking (``--dry-run``) and importing a file holds a
fraction of it in memory, never the whole file (benchmarks/bench_import_memory.py measures 200 MB files)."""

from __future__ import annotations

import gc
import tracemalloc

from jiebei_tracker.services.ledger import bulk as ledger_bulk
from tests.importers.samples import loans_csv

NOTE = "还款记录：每月5日从工资卡自动扣款，" * 700  # about 25 KB of UTF-8


def _file(path, count: int, prefix: str):
    rows = [f"{prefix}-{n},借呗,2026-11-20,{1000 + n},12,等额本息,9.12%,,,{NOTE}" for n in range(count)]
    path.write_text(loans_csv(*rows), encoding="utf-8")
    return path


def _traced(run, *args) -> tuple[tuple, int]:
    gc.collect()
    tracemalloc.start()
    try:
        result = run(*args)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_checking_and_importing_a_file_hold_a_fraction_of_it(run, tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_bulk, "HISTORY_BATCH", 20)  # what is written is held a batch at a time
    assert run("import", "loans", str(_file(tmp_path / "warm.csv", 2, "W")))[0] == 0  # every module loaded first
    path = _file(tmp_path / "notes.csv", 400, "N")  # 15 MB
    size = path.stat().st_size
    (status, out, _), peak = _traced(run, "import", "loans", str(path), "--dry-run")
    assert status == 0 and "dry run: would import 400 loans; nothing written" in out
    assert peak < size / 3, f"the dry run peaked at {peak:,} bytes for a {size:,}-byte file"
    (status, out, _), peak = _traced(run, "import", "loans", str(path))
    assert status == 0 and "imported 400 loans" in out
    assert peak < size / 3, f"the import peaked at {peak:,} bytes for a {size:,}-byte file"

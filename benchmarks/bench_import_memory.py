"""Import memory: a 200 MB CSV checked (``import loans FILE --dry-run``) and imported stays under 400 MB peak.

Two generated files of about 200 MB each: (a) dense — about 2.3 million short loan rows (``bench_import``'s
generator), and (b) long notes — about 100,000 loans with a note of about 2 KB each. Each case runs the real CLI
(``jiebei_tracker.cli.main``) in its own interpreter, so its peak memory (``ru_maxrss``) is its own:

- baseline: the csv module streaming the same file and counting its rows (the least any reader holds);
- dry run of (a) and of (b);
- real import of (b) into a fresh database; the real import of (a) only with ``--real-dense`` (it writes
  about 20 million installments and takes several minutes).

Prints each peak, its ratio to the baseline, and whether it is under the target. Not a test; run it by hand:

    python benchmarks/bench_import_memory.py
    python benchmarks/bench_import_memory.py --megabytes 50 --real-dense
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import HEADER, TODAY, generate, run_phase  # a script beside this one, not a package

MEMORY_TARGET_MB = 400
_SAMPLE_ROWS = 20_000  # written first to learn how many rows make the size asked for
_NOTE_WORDS = ("借款用于装修，分十二期归还。", "朋友介绍的平台，利率偏高，需要尽快结清。", "提前还款需要收取手续费。",
               "Paid from the salary account on the 5th. ", "征信报告上显示为正常。")  # fmt: skip


def dense_file(path: Path, megabytes: float) -> int:
    """(a): bench_import's loans, as many as make ``megabytes``. Returns the number of rows."""
    generate(path, _SAMPLE_ROWS)
    count = int(_SAMPLE_ROWS * megabytes * 1e6 / path.stat().st_size)
    generate(path, count)
    return count


def long_notes_file(path: Path, megabytes: float, note_bytes: int = 2000) -> int:
    """(b): loans each with a note of about ``note_bytes`` bytes of mixed Chinese and English."""
    rng = random.Random(7)
    start = date(2021, 1, 1)
    count = int(megabytes * 1e6 / (note_bytes + 80))
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(count):
            note, size = [], 0
            while size < note_bytes:
                words = rng.choice(_NOTE_WORDS)
                note.append(words)
                size += len(words.encode())
            day = start + timedelta(days=rng.randrange((TODAY - start).days))
            writer.writerow([f"N{number + 1:08d}", "借呗", day.isoformat(), str(rng.randrange(10, 600) * 100),
                             "12", "等额本息", "", "0.03%", "日常消费", "是", "".join(note)])  # fmt: skip
    return count


def run_baseline(csv_path: Path, _db_path: Path) -> dict:
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle)) - 1
    return {"rows": rows}


def run_cli(csv_path: Path, db_path: Path, *, dry_run: bool) -> dict:
    from jiebei_tracker.cli import main

    arguments = ["--db", str(db_path), "import", "loans", str(csv_path), "--past", "unpaid"]
    status = main([*arguments, "--dry-run"] if dry_run else arguments)
    if status != 0:
        raise SystemExit(f"the import ended with status {status}")
    return {}


_PHASES = {
    "baseline": run_baseline,
    "dry-run": lambda csv_path, db_path: run_cli(csv_path, db_path, dry_run=True),
    "import": lambda csv_path, db_path: run_cli(csv_path, db_path, dry_run=False),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=200, help="size of each generated file")
    parser.add_argument("--real-dense", action="store_true", help="also import file (a) for real (slow)")
    parser.add_argument("--phase", choices=tuple(_PHASES), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        csv_path, db_path = map(Path, args.paths)
        started = time.perf_counter()
        figures = _PHASES[args.phase](csv_path, db_path)
        figures["seconds"] = time.perf_counter() - started
        figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
        print(json.dumps(figures))
        return 0
    met = True
    with tempfile.TemporaryDirectory(prefix="bench-import-memory-") as folder:
        files = {"a": Path(folder) / "dense.csv", "b": Path(folder) / "long-notes.csv"}
        rows = {"a": dense_file(files["a"], args.megabytes), "b": long_notes_file(files["b"], args.megabytes)}
        cases = [("a", "dry-run"), ("b", "dry-run"), ("b", "import")] + ([("a", "import")] if args.real_dense else [])
        for name in ("a", "b"):
            size_mb = files[name].stat().st_size / 1e6
            label = "dense" if name == "a" else "long notes"
            print(f"({name}) {label}: {rows[name]:,} loans, {size_mb:.0f} MB")
            baseline = run_phase(__file__, "baseline", files[name], Path(folder) / "unused.db")
            print(f"    csv module, counting rows : {baseline['seconds']:7.1f} s   peak {baseline['peak_mb']:5.0f} MB")
            for case_file, phase in cases:
                if case_file != name:
                    continue
                figures = run_phase(__file__, phase, files[name], Path(folder) / f"{name}-{phase}" / "tracker.db")
                ok = figures["peak_mb"] < MEMORY_TARGET_MB
                met &= ok
                print(f"    {phase:<26}: {figures['seconds']:7.1f} s   peak {figures['peak_mb']:5.0f} MB   "
                      f"{figures['peak_mb'] / baseline['peak_mb']:4.1f} × baseline   "
                      f"{'ok' if ok else 'OVER'} (< {MEMORY_TARGET_MB} MB)")  # fmt: skip
    print("target met" if met else "TARGET NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

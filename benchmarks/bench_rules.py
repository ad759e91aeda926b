"""Rules and score speed: a 10-year demo history of 5,000 loans, against a plain load of the same records.

(a) the load alone: every row of the tables the rules read (platform, loan, installment, repayment, limit,
    note) fetched as plain tuples with one SELECT each, through a plain ``sqlite3`` connection to the file — no
    project code (the app's engine and its connection hooks are part of what (b) measures, not of the floor);
(b) the health check: ``load_book`` (the same rows into domain records) + snapshot + all rules + score.

Target (issue 5): the rules add no more than the load itself, i.e. (b) ≤ 2 × (a). Also shown, for the charts and
the CLI: the monthly score history over the ten years and the diagnosis of the demo's 借呗 cut. Each figure is the
best of ``--rounds`` interleaved runs in one process, on the same database, each started after a full garbage
collection; CPU time is the steadier figure on a shared machine. Not a test; run it by hand:

    python benchmarks/bench_rules.py
    python benchmarks/bench_rules.py --loans 1000 --years 3 --rounds 3
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from jiebei_tracker.domain.health import health_score
from jiebei_tracker.domain.rules import RULES, run_rules
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.health import HealthSettings
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.book import load_book
from jiebei_tracker.storage.database import Database, open_database

TODAY = date(2026, 11, 28)
TARGET = 2.0
_TABLES = ("platform", "loan", "installment", "repayment", "creditlimitrecord", "creditreportnote")


def plain_load(path: Path) -> int:
    """Every row of the tables the rules read, as tuples; returns the number of rows (so none is skipped). The
    garbage collector is paused as ``load_book`` pauses it, so both sides load under the same regime."""
    rows = 0
    gc.disable()
    connection = sqlite3.connect(path)
    try:
        for table in _TABLES:
            rows += len(connection.execute(f"SELECT * FROM {table}").fetchall())
    finally:
        connection.close()
        gc.enable()
    return rows


def health_pass(database: Database, settings: HealthSettings) -> int:
    """What the dashboard and ``flags`` / ``score`` do: a new ``Session``'s ``health()`` — load, snapshot as of
    today, all rules, the score."""
    return Session(database=database, settings=settings).health(TODAY).score


class Timer:
    """The best (least) CPU and wall-clock time over the rounds. CPU time of this process is the steadier figure
    on a shared machine; SQLite runs in-process, so reading the file is in it."""

    def __init__(self) -> None:
        self.cpu = self.wall = float("inf")

    def run(self, work):
        gc.collect()  # every side starts with the collector in the same state
        cpu, wall = time.process_time(), time.perf_counter()
        result = work()
        self.cpu = min(self.cpu, time.process_time() - cpu)
        self.wall = min(self.wall, time.perf_counter() - wall)
        return result

    def __str__(self) -> str:
        return f"{self.cpu * 1000:8.1f} ms CPU {self.wall * 1000:8.1f} ms wall"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.db")
        started = time.perf_counter()
        demo = generate_history(today=TODAY, years=args.years, loans=args.loans)
        Ledger(database=database, today=lambda: TODAY).add_history(
            demo.loans, limits=demo.limits, notes=demo.notes, platform_kinds=demo.platform_kinds
        )
        print(
            f"{args.loans} loans over {args.years} years generated and stored in {time.perf_counter() - started:.1f} s"
        )
        settings = HealthSettings.load(database)
        load, records, rules, check = Timer(), Timer(), Timer(), Timer()
        history = load_book(database)
        for _ in range(args.rounds):  # interleaved, so that a busy moment hits both sides alike
            rows = load.run(lambda: plain_load(database.path))
            check.run(lambda: health_pass(database, settings))
            records.run(lambda: load_book(database))
            score = rules.run(lambda: health_score(run_rules(history.snapshot(TODAY), settings.thresholds)))
        start = date(TODAY.year - args.years, TODAY.month, 1)
        monthly, diagnosis = Timer(), Timer()
        points = monthly.run(
            lambda: Session(database=database, settings=settings).score_history(start=start, end=TODAY)
        )
        diagnosis.run(lambda: Session(database=database, settings=settings).platform_diagnosis("借呗", TODAY))
        database.close()
    print(f"(a) plain load of {rows:,} rows:                {load}")
    print(f"    load_book (rows → domain records):     {records}")
    print(f"    snapshot + {len(RULES)} rules + score, in memory:   {rules}   (score {score})")
    print(f"(b) health check (load_book + index + rules + score): {check}")
    for name, a, b in (("CPU", load.cpu, check.cpu), ("wall", load.wall, check.wall)):
        ratio = b / a
        print(
            f"ratio (b) / (a), {name}: {ratio:.2f} × (target ≤ {TARGET:.1f} ×) — "
            + ("met" if ratio <= TARGET else "MISSED")
        )
    print(f"monthly score history, {len(points)} month ends: {monthly}")
    print(f"diagnosis of the 借呗 cut (180-day window):      {diagnosis}")


if __name__ == "__main__":
    main()

"""Import speed and memory: 100,000 generated loans through the real importer, against an independent floor.

The floor (``run_floor``) is the least any import of this file must do, and it uses no project code: the csv
module, the file's words and numbers turned into stored values with plain lookups, each schedule worked out by
its own few lines of textbook arithmetic and month arithmetic, and ``executemany`` of the loans and their
installments into a fresh SQLite file with the app's schema (made by the app's migrations before the clock
starts) and pragmas, a batch at a time, in one transaction. That is fair on both sides: the floor shares no cost
with the code it measures (an earlier floor called the app's own ``build_schedule``, so a slow schedule made both
sides slow and the ratio looked good), and it is not a straw man: its rows are checked equal to the import's,
table by table, after the run, and it holds no more than a batch at a time, as the app does. The import is
``ImportService.plan`` + ``commit`` on the same file into a fresh database: decoding and detection, every value
checked, the duplicate check, payment states, and the ledger's write.

Each side runs in its own subprocess, so peak memory (``ru_maxrss``) is its own; with ``--rounds`` the sides take
turns and each keeps its best wall-clock time (CPU time, less swayed by other work on the machine, is shown too).
Targets: import ≤ 1.5 × floor, import peak < 300 MB. With ``--encrypted``, a third side: the same import into a
database protected with a passphrase (SQLCipher; the encryption extra), its time against the plain import's.
Not a test; run it by hand:

    python benchmarks/bench_import.py               # 100,000 loans
    python benchmarks/bench_import.py --loans 20000 --rounds 3 [--encrypted]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

TODAY = date(2026, 11, 28)
TIME_TARGET = 1.5
MEMORY_TARGET_MB = 300

# (platform, weight, daily rates or None, annual rates)
_PLATFORMS = (
    ("借呗", 30, ("0.02%", "0.025%", "0.03%", "0.035%"), ()),
    ("微粒贷", 20, ("0.03%", "0.04%", "0.05%"), ()),
    ("京东金条", 15, ("0.027%", "0.035%", "0.045%"), ()),
    ("招商银行闪电贷", 12, (), ("3.48%", "3.98%", "5.88%")),
    ("中信银行信用卡", 10, (), ("12.96%", "18%")),
    ("招联消费金融", 8, (), ("10.95%", "18%", "24%")),
    ("某小额贷款公司", 5, (), ("24%", "30%")),
)
_METHODS = (("等额本息", 55, (3, 6, 12, 24)), ("等额本金", 20, (3, 6, 12)), ("先息后本", 15, (3, 6, 12)),
            ("到期还本付息", 10, (1, 2, 3)))  # fmt: skip
_PURPOSES = ("日常消费", "经营周转", "教育", "医疗", "投资理财", "转账到其他账户", "还其他贷款", "其他")
HEADER = ["借款编号", "平台", "借款日期", "借款金额", "期数", "还款方式", "年化利率", "日利率", "用途", "自动扣款",
          "备注"]  # fmt: skip


def generate(path: Path, count: int, seed: int = 20240101) -> None:
    """A loans file as a user might keep it: Chinese headers and values, amounts with ¥ and thousands
    separators, dates in two styles, daily rates for internet lenders, a note now and then. UTF-8 with BOM."""
    rng = random.Random(seed)
    start = date(2021, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(count):
            platform, _, daily, annual = rng.choices(_PLATFORMS, weights=[p[1] for p in _PLATFORMS])[0]
            method, _, terms = rng.choices(_METHODS, weights=[m[1] for m in _METHODS])[0]
            day = start + timedelta(days=rng.randrange((TODAY - start).days))
            principal = rng.randrange(10, 600) * 100
            writer.writerow(
                [
                    f"JQ{number + 1:08d}",
                    platform,
                    day.isoformat() if rng.random() < 0.7 else f"{day.year}/{day.month}/{day.day}",
                    f"¥{principal:,}.00" if rng.random() < 0.5 else str(principal),
                    str(rng.choice(terms)),
                    method,
                    "" if daily else rng.choice(annual),
                    rng.choice(daily) if daily else "",
                    rng.choice(_PURPOSES),
                    "是" if rng.random() < 0.7 else "否",
                    "朋友推荐" if rng.random() < 0.05 else "",
                ]
            )


def _fresh_database(path: Path) -> None:
    """The app's schema in a new file (migrations run here, outside the timed part of either side)."""
    from jiebei_tracker.storage.database import open_database

    open_database(path).close()


# The floor's own vocabulary: the values the app stores for the file's Chinese words.
_FLOOR_METHODS = {"等额本息": "equal_installment", "等额本金": "equal_principal", "先息后本": "interest_first",
                  "到期还本付息": "bullet"}  # fmt: skip
_FLOOR_PURPOSES = dict(zip(_PURPOSES, ("daily", "business", "education", "medical", "investment", "transfer",
                                       "repay_other_loan", "other"), strict=True))  # fmt: skip
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ONE = Decimal(1)


def _floor_due(borrowed_on: date, months: int) -> date:
    """``months`` calendar months on, kept within the month (31 January + 1 month = 28 or 29 February)."""
    shifted = borrowed_on.month - 1 + months
    year, month = borrowed_on.year + shifted // 12, shifted % 12 + 1
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return date(year, month, min(borrowed_on.day, 29 if leap else _MONTH_DAYS[month - 1]))


def _floor_fen(amount: Decimal) -> int:
    return int(amount.quantize(_ONE, rounding=ROUND_HALF_UP))


def _floor_schedule(method: str, principal: int, months: int, annual: Decimal) -> list[tuple[int, int]]:
    """(principal, interest) of each installment, by the textbook formulas, rounded half up to the fen, the last
    installment taking what is left of the principal. A month's interest is balance × annual ÷ 12, divided last so
    that an exact half fen stays exact (annual ÷ 12 rarely ends)."""
    monthly = annual / 12
    if method == "bullet":
        return [(principal, _floor_fen(principal * annual * months / 12))]
    if method == "interest_first":
        interest = _floor_fen(principal * annual / 12)
        return [(0, interest)] * (months - 1) + [(principal, interest)]
    if method == "equal_principal":
        payment, share = None, _floor_fen(Decimal(principal) / months)
    else:
        growth = (1 + monthly) ** months
        payment, share = _floor_fen(principal * monthly * growth / (growth - 1)), None
    rows, balance = [], principal
    for k in range(1, months + 1):
        interest = _floor_fen(balance * annual / 12)
        part = share if payment is None else max(payment - interest, 0)
        part = balance if k == months else min(part, balance)
        rows.append((part, interest))
        balance -= part
    return rows


_FLOOR_BATCH = 2000  # loans written per executemany: memory stays flat, as in the app
_LOAN_INSERT = (
    "INSERT INTO loan (id, external_id, platform_id, borrowed_on, principal_fen, term_months, method, annual_rate, "
    "rate_basis, purpose, autopay, autopay_since, note, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSTALLMENT_INSERT = (
    "INSERT INTO installment (loan_id, seq, due_on, principal_fen, interest_fen, corrected, paid_interest_fen, "
    "paid_principal_fen, settled_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def run_floor(csv_path: Path, db_path: Path) -> dict:
    """What any importer of this file must do, written with no project code at all: read it with the csv module,
    turn each row's words and numbers into the stored values, work out each schedule in plain Python (Decimal at
    40 digits, as the rounding to the fen requires), and ``executemany`` the import record, the platforms, loans
    and installments into the app's schema with the app's pragmas, a batch of loans at a time, in one transaction.
    Its rows are checked equal to the import's afterwards (``same_rows``): it does all the work the import does
    (and no more: it holds no more than a batch, as the app does), and none of it shares a cost with the code
    being measured."""
    _fresh_database(db_path)
    started, cpu = time.perf_counter(), time.process_time()
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("BEGIN")
    connection.execute(
        "INSERT INTO importbatch (id, imported_at, file_name, kind, loan_count, repayment_count, limit_count, "
        "note_count, platform_count, replaced_json) VALUES (1, ?, ?, 'loans', 0, 0, 0, 0, 0, '[]')",
        (datetime.now().isoformat(), csv_path.name),
    )
    platforms: dict[str, int] = {}
    loans, installments = [], []
    loan_count = installment_count = 0
    with localcontext() as context, csv_path.open(encoding="utf-8-sig", newline="") as handle:
        context.prec = 40
        reader = csv.reader(handle)
        next(reader)
        for loan_id, row in enumerate(reader, start=1):
            ext, platform, day, amount, months, method, annual, daily, purpose, autopay, note = row
            if platform not in platforms:
                platforms[platform] = len(platforms) + 1
                connection.execute("INSERT INTO platform (id, name, kind) VALUES (?, ?, 'internet')",
                                   (platforms[platform], platform))  # fmt: skip
            year, month, dom = day.replace("/", "-").split("-")
            borrowed_on = date(int(year), int(month), int(dom))
            principal = int(Decimal(amount.lstrip("¥").replace(",", "")) * 100)
            rate = Decimal(daily.rstrip("%")) / 100 * 360 if daily else Decimal(annual.rstrip("%")) / 100
            term, method = int(months), _FLOOR_METHODS[method]
            borrowed = borrowed_on.isoformat()
            autopay = autopay == "是"
            loans.append((loan_id, ext, platforms[platform], borrowed, principal, term, method,
                          format(rate.normalize(), "f"), "daily" if daily else "annual", _FLOOR_PURPOSES[purpose],
                          autopay, borrowed if autopay else None, note, 1))  # fmt: skip
            schedule = _floor_schedule(method, principal, term, rate)
            dues = [term] if method == "bullet" else range(1, term + 1)
            installments.extend(
                (loan_id, seq, _floor_due(borrowed_on, due).isoformat(), part, interest, 0, 0, 0, None)
                for seq, due, (part, interest) in zip(range(1, len(schedule) + 1), dues, schedule, strict=True)
            )
            if len(loans) == _FLOOR_BATCH:
                loan_count, installment_count = loan_count + len(loans), installment_count + len(installments)
                connection.executemany(_LOAN_INSERT, loans)
                connection.executemany(_INSTALLMENT_INSERT, installments)
                loans, installments = [], []
    loan_count, installment_count = loan_count + len(loans), installment_count + len(installments)
    connection.executemany(_LOAN_INSERT, loans)
    connection.executemany(_INSTALLMENT_INSERT, installments)
    connection.execute(
        "UPDATE importbatch SET loan_count = ?, platform_count = ? WHERE id = 1", (loan_count, len(platforms))
    )
    connection.execute("COMMIT")
    connection.close()
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu, "loans": loan_count,
            "installments": installment_count}  # fmt: skip


_COMPARED = {
    "platform": "SELECT id, name FROM platform ORDER BY id",
    "loan": "SELECT id, external_id, platform_id, borrowed_on, principal_fen, term_months, method, annual_rate, "
    "rate_basis, purpose, autopay, autopay_since, note FROM loan ORDER BY id",
    "installment": "SELECT loan_id, seq, due_on, principal_fen, interest_fen, corrected, paid_interest_fen, "
    "paid_principal_fen, settled_on FROM installment ORDER BY loan_id, seq",
}


def same_rows(floor_db: Path, import_db: Path) -> list[str]:
    """The tables where the floor wrote other rows than the import (none, or the floor is not the same work)."""
    differing = []
    with sqlite3.connect(floor_db) as floor, sqlite3.connect(import_db) as real:
        for table, query in _COMPARED.items():
            if floor.execute(query).fetchall() != real.execute(query).fetchall():
                differing.append(table)
    return differing


BENCH_PASSPHRASE = "benchmark passphrase"  # a throwaway database's


def run_import_encrypted(csv_path: Path, db_path: Path) -> dict:
    """The import into a database protected with a passphrase (made so before the clock starts)."""
    return run_import(csv_path, db_path, key=BENCH_PASSPHRASE)


def run_import(csv_path: Path, db_path: Path, key: str | None = None) -> dict:
    from jiebei_tracker.importers.columns import FileKind
    from jiebei_tracker.importers.reading import ReadOptions
    from jiebei_tracker.services.imports.service import ImportService, PastAnswer
    from jiebei_tracker.services.ledger import Ledger
    from jiebei_tracker.storage.database import open_database

    _fresh_database(db_path)
    if key is not None:
        from jiebei_tracker.storage.encryption import change_passphrase

        change_passphrase(db_path, None, key)
    database = open_database(db_path, key=key)
    service = ImportService(database=database, ledger=Ledger(database=database, today=lambda: TODAY),
                            today=lambda: TODAY)  # fmt: skip
    started, cpu = time.perf_counter(), time.process_time()
    plan = service.plan(csv_path, file_name=csv_path.name, options=ReadOptions(kind=FileKind.LOANS))
    planned = time.perf_counter()
    if plan.bad:
        raise SystemExit("\n".join(plan.error_messages()[:5]))
    service.commit(plan, past=PastAnswer.UNPAID)  # as the floor: installments written, none paid
    finished, cpu = time.perf_counter(), time.process_time() - cpu
    with database.read() as connection:
        loans = connection.execute("SELECT count(*) FROM loan").fetchone()[0]
        installments = connection.execute("SELECT count(*) FROM installment").fetchone()[0]
    database.close()
    return {"seconds": finished - started, "cpu_seconds": cpu, "plan_seconds": planned - started,
            "commit_seconds": finished - planned, "loans": loans, "installments": installments}  # fmt: skip


def run_phase(script: str, name: str, csv_path: Path, db_path: Path) -> dict:
    """Run one side (``script --phase name``) in a fresh interpreter, so its peak memory is its own, and read back
    its figures (time, counts, peak memory): the last line it prints, as JSON."""
    output = subprocess.run(
        [sys.executable, script, "--phase", name, str(csv_path), str(db_path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1, help="run each side this many times; the best is kept")
    parser.add_argument("--encrypted", action="store_true", help="also import into a passphrase-protected database")
    parser.add_argument("--phase", choices=("floor", "import", "encrypted"), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        csv_path, db_path = map(Path, args.paths)
        run = {"floor": run_floor, "import": run_import, "encrypted": run_import_encrypted}[args.phase]
        figures = run(csv_path, db_path)
        figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
        print(json.dumps(figures))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        csv_path = Path(folder) / "loans.csv"
        generate(csv_path, args.loans)
        size_mb = csv_path.stat().st_size / 1e6
        print(f"{args.loans:,} loans, {size_mb:.1f} MB of CSV")
        best: dict[str, dict] = {}
        for round_number in range(args.rounds):
            for name in ("floor", "import", "encrypted") if args.encrypted else ("floor", "import"):
                db_path = Path(folder) / f"{name}-{round_number}.db"
                figures = run_phase(__file__, name, csv_path, db_path)
                if name not in best or figures["seconds"] < best[name]["seconds"]:
                    best[name] = {**figures, "db": db_path}
        differing = same_rows(best["floor"]["db"], best["import"]["db"])
    floor, real = best["floor"], best["import"]
    if differing:
        print(f"MISMATCH: the floor and the import wrote other rows into {', '.join(differing)}")
        return 1
    ratio = real["seconds"] / floor["seconds"]
    print(f"rows written: {real['loans']:,} loans, {real['installments']:,} installments")
    print(f"floor : {floor['seconds']:7.2f} s ({floor['cpu_seconds']:.2f} s CPU)   peak {floor['peak_mb']:6.0f} MB")
    print(f"import: {real['seconds']:7.2f} s ({real['cpu_seconds']:.2f} s CPU)   peak {real['peak_mb']:6.0f} MB   "
          f"(plan {real['plan_seconds']:.2f} s + commit {real['commit_seconds']:.2f} s)")  # fmt: skip
    print(f"CPU time (steadier on a busy machine): {real['cpu_seconds'] / floor['cpu_seconds']:.2f} × the floor")
    print(f"ratio : {ratio:.2f} × the floor (target ≤ {TIME_TARGET}); "
          f"peak {real['peak_mb']:.0f} MB (target < {MEMORY_TARGET_MB} MB)")  # fmt: skip
    if "encrypted" in best:
        secret = best["encrypted"]
        print(f"encrypted import: {secret['seconds']:7.2f} s ({secret['cpu_seconds']:.2f} s CPU)   "
              f"peak {secret['peak_mb']:6.0f} MB — {secret['seconds'] / real['seconds']:.2f} × the plain import, "
              f"{secret['seconds'] / floor['seconds']:.2f} × the floor")  # fmt: skip
    met = ratio <= TIME_TARGET and real["peak_mb"] < MEMORY_TARGET_MB
    print("targets met" if met else "TARGETS NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

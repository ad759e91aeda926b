"""Import speed and memory: 100,000 generated loans through the real importer, against the floor.

The floor is the least any import must do: read the file with the csv module, turn each row into terms with
plain lookups, build the schedule with the domain's ``build_schedule``, and ``executemany`` the loans and their
installments into a fresh SQLite file (same schema and pragmas as the app's) in one transaction. The import is
``ImportService.plan`` + ``commit`` on the same file into a fresh database: decoding and detection, every value
checked, the duplicate check, payment states, and the ledger's write.

Each side runs in its own subprocess, so peak memory (``ru_maxrss``) is its own. Targets: import ≤ 1.5 × floor,
import peak < 300 MB. Not a test; run it by hand:

    python benchmarks/bench_import.py               # 100,000 loans
    python benchmarks/bench_import.py --loans 20000 --rounds 3
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
from datetime import date, timedelta
from decimal import Decimal
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


def run_floor(csv_path: Path, db_path: Path) -> dict:
    from jiebei_tracker.domain.rates import Rate, RateBasis
    from jiebei_tracker.domain.schedule import LoanTerms, build_schedule
    from jiebei_tracker.domain.vocabulary import RepaymentMethod

    _fresh_database(db_path)
    methods = {"等额本息": RepaymentMethod.EQUAL_INSTALLMENT, "等额本金": RepaymentMethod.EQUAL_PRINCIPAL,
               "先息后本": RepaymentMethod.INTEREST_FIRST, "到期还本付息": RepaymentMethod.BULLET}  # fmt: skip
    purposes = dict(zip(_PURPOSES, ("daily", "business", "education", "medical", "investment", "transfer",
                                    "repay_other_loan", "other"), strict=True))  # fmt: skip
    started = time.perf_counter()
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("BEGIN")
    platforms: dict[str, int] = {}
    loans, installments = [], []
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for loan_id, (ext, platform, day, amount, months, method, annual, daily, purpose, autopay, note) in enumerate(
            reader, start=1
        ):
            if platform not in platforms:
                platforms[platform] = len(platforms) + 1
                connection.execute("INSERT INTO platform (id, name, kind) VALUES (?, ?, 'internet')",
                                   (platforms[platform], platform))  # fmt: skip
            year, month, dom = day.replace("/", "-").split("-")
            borrowed_on = date(int(year), int(month), int(dom))
            principal = int(Decimal(amount.lstrip("¥").replace(",", "")) * 100)
            if daily:
                rate = Rate(Decimal(daily.rstrip("%")) / 100 * 360, RateBasis.DAILY)
            else:
                rate = Rate(Decimal(annual.rstrip("%")) / 100)
            terms = LoanTerms(borrowed_on, principal, int(months), methods[method], rate)
            loans.append((loan_id, ext, platforms[platform], borrowed_on.isoformat(), principal, int(months),
                          terms.method.value, format(rate.annual.normalize(), "f"), rate.basis.value,
                          purposes[purpose], autopay == "是", note))  # fmt: skip
            for inst in build_schedule(terms):
                installments.append((loan_id, inst.seq, inst.due_on.isoformat(), inst.principal_fen,
                                     inst.interest_fen, 0, 0, 0, None))  # fmt: skip
    connection.executemany(
        "INSERT INTO loan (id, external_id, platform_id, borrowed_on, principal_fen, term_months, method, "
        "annual_rate, rate_basis, purpose, autopay, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        loans,
    )
    connection.executemany(
        "INSERT INTO installment (loan_id, seq, due_on, principal_fen, interest_fen, corrected, "
        "paid_interest_fen, paid_principal_fen, settled_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        installments,
    )
    connection.execute("COMMIT")
    connection.close()
    return {"seconds": time.perf_counter() - started, "loans": len(loans), "installments": len(installments)}


def run_import(csv_path: Path, db_path: Path) -> dict:
    from jiebei_tracker.importers.columns import FileKind
    from jiebei_tracker.importers.reading import ReadOptions
    from jiebei_tracker.services.imports import ImportService, PastAnswer
    from jiebei_tracker.services.ledger import Ledger
    from jiebei_tracker.storage.database import open_database

    _fresh_database(db_path)
    database = open_database(db_path)
    service = ImportService(database=database, ledger=Ledger(database=database, today=lambda: TODAY),
                            today=lambda: TODAY)  # fmt: skip
    started = time.perf_counter()
    plan = service.plan(csv_path, file_name=csv_path.name, options=ReadOptions(kind=FileKind.LOANS))
    planned = time.perf_counter()
    if plan.bad:
        raise SystemExit("\n".join(plan.error_messages()[:5]))
    service.commit(plan, past=PastAnswer.UNPAID)  # as the floor: installments written, none paid
    finished = time.perf_counter()
    database.close()
    with sqlite3.connect(db_path) as connection:
        loans = connection.execute("SELECT count(*) FROM loan").fetchone()[0]
        installments = connection.execute("SELECT count(*) FROM installment").fetchone()[0]
    return {"seconds": finished - started, "plan_seconds": planned - started, "commit_seconds": finished - planned,
            "loans": loans, "installments": installments}  # fmt: skip


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
    parser.add_argument("--phase", choices=("floor", "import"), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        csv_path, db_path = map(Path, args.paths)
        figures = (run_floor if args.phase == "floor" else run_import)(csv_path, db_path)
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
            for name in ("floor", "import"):
                figures = run_phase(__file__, name, csv_path, Path(folder) / f"{name}-{round_number}.db")
                if name not in best or figures["seconds"] < best[name]["seconds"]:
                    best[name] = figures
    floor, real = best["floor"], best["import"]
    if (floor["loans"], floor["installments"]) != (real["loans"], real["installments"]):
        print(f"MISMATCH: floor wrote {floor['loans']}/{floor['installments']}, import {real['loans']}/"
              f"{real['installments']}")  # fmt: skip
        return 1
    ratio = real["seconds"] / floor["seconds"]
    print(f"rows written: {real['loans']:,} loans, {real['installments']:,} installments")
    print(f"floor : {floor['seconds']:7.2f} s   peak {floor['peak_mb']:6.0f} MB")
    print(f"import: {real['seconds']:7.2f} s   peak {real['peak_mb']:6.0f} MB   "
          f"(plan {real['plan_seconds']:.2f} s + commit {real['commit_seconds']:.2f} s)")  # fmt: skip
    print(f"ratio : {ratio:.2f} × the floor (target ≤ {TIME_TARGET}); "
          f"peak {real['peak_mb']:.0f} MB (target < {MEMORY_TARGET_MB} MB)")  # fmt: skip
    met = ratio <= TIME_TARGET and real["peak_mb"] < MEMORY_TARGET_MB
    print("targets met" if met else "TARGETS NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

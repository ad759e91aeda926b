"""Migrations 0005 (imports remembered), 0006 (interest basis and fees) and 0007 (inquiry reasons) up and down on a
file made at 0004 with records in it: the records stay, every loan's installments and repayments included (the
connection has foreign keys on, so a migration that copied the loan table would delete them with the old copy), and
down gives the schema before back."""

from __future__ import annotations

import sqlite3

from alembic import command

from jiebei_tracker.storage.database import create_database_engine, open_database
from jiebei_tracker.storage.migrations_runner import HEAD_REVISION, alembic_config, current_revision

AT_0004 = "0004_repayment_source"
AT_0005 = "0005_import_batch"
AT_0006 = "0006_money_terms"
TAGGED = ("platform", "loan", "repayment", "creditlimitrecord", "creditreportnote")


def _migrate(path, action, revision: str) -> None:
    """Run Alembic on a connection made as the app makes them (foreign keys on)."""
    engine = create_database_engine(path)
    with engine.begin() as connection:
        action(alembic_config(connection), revision)
    engine.dispose()


def _file_at_0004(path) -> None:
    path.touch()
    _migrate(path, command.upgrade, AT_0004)
    with sqlite3.connect(path) as raw:
        raw.executescript(
            """
            INSERT INTO platform (id, name, kind) VALUES (1, '借呗', 'internet');
            INSERT INTO loan (id, platform_id, borrowed_on, principal_fen, term_months, method, annual_rate,
                              rate_basis, purpose, autopay, note)
                VALUES (1, 1, '2024-01-15', 300000, 3, 'equal_principal', '0.072', 'annual', 'other', 0, '');
            INSERT INTO installment (loan_id, seq, due_on, principal_fen, interest_fen, corrected, paid_interest_fen,
                                     paid_principal_fen, settled_on)
                VALUES (1, 1, '2024-02-15', 100000, 1800, 0, 1800, 100000, '2024-02-15'),
                       (1, 2, '2024-03-15', 100000, 1200, 0, 0, 0, NULL),
                       (1, 3, '2024-04-15', 100000, 600, 0, 0, 0, NULL);
            INSERT INTO repayment (loan_id, paid_on, amount_fen, is_payoff, note, source)
                VALUES (1, '2024-02-15', 101800, 0, '', 'manual');
            INSERT INTO creditlimitrecord (platform_id, recorded_on, limit_fen, note)
                VALUES (1, '2024-01-01', 5000000, '');
            INSERT INTO creditreportnote (noted_on, kind, text, resolved) VALUES ('2024-02-01', 'inquiry', 'x', 0);
            """
        )


def _rows(path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as raw:
        names = ("platform", "loan", "installment", "repayment", "creditlimitrecord", "creditreportnote")
        return {name: raw.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall() for name in names}


def _schema(path) -> dict:
    """Each table's columns, foreign keys and indexes, as SQLite reports them."""
    with sqlite3.connect(path) as raw:
        tables = [n for (n,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {
            name: (
                raw.execute(f"PRAGMA table_info({name})").fetchall(),
                raw.execute(f"PRAGMA foreign_key_list({name})").fetchall(),
                sorted(raw.execute(f"PRAGMA index_list({name})").fetchall()),
            )
            for name in tables
            if name != "alembic_version"
        }


def test_up_keeps_every_record_untagged_and_down_gives_0004_back(tmp_path):
    path = tmp_path / "at-0004.db"
    _file_at_0004(path)
    rows_at_0004, schema_at_0004 = _rows(path), _schema(path)

    _migrate(path, command.upgrade, AT_0005)
    after = _rows(path)
    untagged = {name: [row[:-1] for row in rows] if name in TAGGED else rows for name, rows in after.items()}
    assert untagged == rows_at_0004
    assert all(row[-1] is None for name in TAGGED for row in after[name])  # import_id: typed, not imported
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM importbatch").fetchone() == (0,)
        assert raw.execute("PRAGMA foreign_key_list(loan)").fetchall()[-1][2:5] == ("importbatch", "import_id", "id")

    _migrate(path, command.downgrade, AT_0004)

    assert _rows(path) == rows_at_0004  # installments and repayments too: no table was copied
    assert _schema(path) == schema_at_0004
    _migrate(path, command.upgrade, "head")  # and up again
    assert len(_rows(path)["installment"]) == 3


def test_0006_gives_every_loan_the_monthly_basis_and_no_fees_and_down_gives_0005_back(tmp_path):
    path = tmp_path / "at-0005.db"
    _file_at_0004(path)
    _migrate(path, command.upgrade, AT_0005)
    rows_at_0005, schema_at_0005 = _rows(path), _schema(path)

    _migrate(path, command.upgrade, AT_0006)
    after = _rows(path)
    # Loans gain (basis, upfront fee, fee per installment, fee rate, free days, schedule source), installments
    # their fee.
    assert [row[:-6] for row in after["loan"]] == rows_at_0005["loan"]
    assert [row[-6:] for row in after["loan"]] == [("monthly", 0, 0, "0", 0, "computed")]
    assert [row[:-2] for row in after["installment"]] == rows_at_0005["installment"]
    assert {row[-2:] for row in after["installment"]} == {(0, 0)}  # fee, penalty paid
    assert [row[:-1] for row in after["platform"]] == rows_at_0005["platform"]
    assert {row[-1] for row in after["platform"]} == {"1.5"}  # the penalty multiplier
    with sqlite3.connect(path) as raw:
        indexed = [row[2] for row in raw.execute("PRAGMA index_info(ix_installment_open_by_loan)")]
        assert "fee_fen" in indexed

    _migrate(path, command.downgrade, AT_0005)

    assert _rows(path) == rows_at_0005
    assert _schema(path) == schema_at_0005


def test_0007_gives_each_inquiry_the_reason_its_text_names_and_down_gives_0006_back(tmp_path):
    path = tmp_path / "at-0006.db"
    _file_at_0004(path)
    _migrate(path, command.upgrade, AT_0006)
    with sqlite3.connect(path) as raw:
        raw.executescript(
            """
            INSERT INTO creditreportnote (noted_on, kind, text, resolved) VALUES
                ('2024-02-02', 'inquiry', '招商银行 贷款审批', 0),
                ('2024-02-03', 'inquiry', '微众银行 贷后管理', 0),
                ('2024-02-04', 'inquiry', '本人查询（互联网个人信用信息服务平台）', 0),
                ('2024-02-05', 'inquiry', '某银行 信用卡审批', 0),
                ('2024-02-06', 'overdue_record', '贷款审批 逾期 1 个月', 0);
            """
        )
    rows_at_0006, schema_at_0006 = _rows(path), _schema(path)

    database = open_database(path)  # the app's own upgrade, to the newest revision
    assert current_revision(database) == HEAD_REVISION == "0007_inquiry_reason"
    database.close()
    after = _rows(path)["creditreportnote"]
    assert [row[:-2] for row in after] == rows_at_0006["creditreportnote"]
    # The one inquiry of 0004 says only "x": other, for the notes page to ask about; an overdue record has none.
    assert [row[-2] for row in after] == ["other", "loan_approval", "post_loan", "self", "card_approval", ""]
    assert {row[-1] for row in after} == {""}  # no institution known yet

    _migrate(path, command.downgrade, AT_0006)

    assert _rows(path) == rows_at_0006
    assert _schema(path) == schema_at_0006

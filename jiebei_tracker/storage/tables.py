"""The sqlmodel tables. Money is integer fen, dates are ``date``, rates are exact decimal strings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def import_id_column() -> Column:
    """The import that added a row (NULL: typed, or written by the app): undoing that import removes the row."""
    return Column(Integer, ForeignKey("importbatch.id"), nullable=True, index=True)


class ImportBatch(SQLModel, table=True):
    """One import of a file: when, which file, what kind, how many records of each sort it added, and whether it
    was undone. ``replaced_json`` keeps what the import replaced — the assumed repayments its real ones stood in
    for, the platform kinds it changed — so that undoing it puts them back (services/ledger/import_undo.py)."""

    id: int | None = Field(default=None, primary_key=True)
    imported_at: str  # local time, ISO 8601 to the second (2026-12-05T10:00:00)
    file_name: str
    kind: str
    loan_count: int = Field(default=0)
    repayment_count: int = Field(default=0)
    limit_count: int = Field(default=0)
    note_count: int = Field(default=0)
    platform_count: int = Field(default=0)
    replaced_json: str = Field(default="{}")
    undone_on: date | None = Field(default=None)


class Platform(SQLModel, table=True):
    """A lender: 借呗, a bank, a credit card, … with its kind from the shared vocabulary."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str = Field(default="internet")
    import_id: int | None = Field(default=None, sa_column=import_id_column())
    # Penalty interest on what is overdue, as a multiple of the loan's daily rate (a decimal string: "1.5").
    penalty_multiplier: str = Field(default="1.5", sa_column_kwargs={"server_default": "1.5"})


class LoanTable(SQLModel, table=True):
    """One borrowing. ``annual_rate`` is a decimal string (``"0.0912"``); ``rate_basis`` is how it was typed."""

    __tablename__ = "loan"

    id: int | None = Field(default=None, primary_key=True)
    external_id: str | None = Field(default=None, unique=True)
    platform_id: int = Field(sa_column=Column(Integer, ForeignKey("platform.id"), nullable=False, index=True))
    borrowed_on: date = Field(index=True)
    principal_fen: int
    term_months: int
    method: str
    annual_rate: str
    rate_basis: str = Field(default="annual")
    purpose: str = Field(default="other")
    autopay: bool = Field(default=False)
    # The day autopay was switched on (the borrowing date when the loan was entered with it); installments
    # falling due from then on are the ones the autopay check offers to record as paid.
    autopay_since: date | None = Field(default=None)
    note: str = Field(default="")
    import_id: int | None = Field(default=None, sa_column=import_id_column())
    # How interest is counted (InterestBasis), what the loan charges besides interest (a fee kept back at payout,
    # a fixed fee or a monthly share of the principal with every installment) and its interest-free days.
    interest_basis: str = Field(default="monthly", sa_column_kwargs={"server_default": "monthly"})
    fee_upfront_fen: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    fee_per_installment_fen: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    fee_rate: str = Field(default="0", sa_column_kwargs={"server_default": "0"})  # a decimal string: "0.0065"
    interest_free_days: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Where the schedule comes from (ScheduleSource): built from the terms, changed by a part prepayment, or the
    # platform's own plan. Only a computed one is built again when the terms change without asking.
    schedule_source: str = Field(default="computed", sa_column_kwargs={"server_default": "computed"})


class InstallmentTable(SQLModel, table=True):
    """A scheduled payment of a loan with what has been paid on it; ``corrected`` marks a hand edit.

    ``paid_*_fen`` and ``settled_on`` are derived from the loan's repayments by the ledger, which rewrites
    them whenever a repayment of that loan changes, so that reads never need to replay payments.
    """

    __tablename__ = "installment"

    __table_args__ = (
        UniqueConstraint("loan_id", "seq"),
        Index("ix_installment_open_due", "settled_on", "due_on"),
        # Only the open installments (a few percent of them once loans are paid), in loan order with every
        # figure the loans list sorts and filters on, so its aggregates never read the table itself.
        Index(
            "ix_installment_open_by_loan",
            "loan_id",
            "seq",
            "due_on",
            "principal_fen",
            "paid_principal_fen",
            "interest_fen",
            "paid_interest_fen",
            "fee_fen",
            "settled_on",
            sqlite_where=text("settled_on IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    loan_id: int = Field(sa_column=Column(Integer, ForeignKey("loan.id", ondelete="CASCADE"), nullable=False))
    seq: int
    due_on: date = Field(index=True)
    principal_fen: int
    interest_fen: int
    corrected: bool = Field(default=False)
    paid_interest_fen: int = Field(default=0)
    paid_principal_fen: int = Field(default=0)
    settled_on: date | None = Field(default=None)
    # The installment's fee, paid with its interest before its principal (``paid_interest_fen`` holds both).
    fee_fen: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Penalty interest paid: what a repayment made after the deadline paid beyond the installment's total.
    paid_penalty_fen: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class RepaymentTable(SQLModel, table=True):
    """Money paid on a loan. ``is_payoff`` settles the whole loan; ``source_ref`` is an import's order number;
    ``source`` says where the record came from (``RepaymentSource``: typed, imported, assumed from the schedule
    or an autopay deduction)."""

    __tablename__ = "repayment"

    id: int | None = Field(default=None, primary_key=True)
    loan_id: int = Field(
        sa_column=Column(Integer, ForeignKey("loan.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    paid_on: date
    amount_fen: int
    is_payoff: bool = Field(default=False)
    source_ref: str | None = Field(default=None, unique=True)
    source: str = Field(default="manual", sa_column_kwargs={"server_default": "manual"})
    note: str = Field(default="")
    import_id: int | None = Field(default=None, sa_column=import_id_column())


class CreditLimitRecord(SQLModel, table=True):
    """A platform's credit limit as the user saw it on a day."""

    id: int | None = Field(default=None, primary_key=True)
    platform_id: int = Field(
        sa_column=Column(Integer, ForeignKey("platform.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    recorded_on: date
    limit_fen: int
    note: str = Field(default="")
    import_id: int | None = Field(default=None, sa_column=import_id_column())


class CreditReportNote(SQLModel, table=True):
    """A line from the user's credit report (征信): an inquiry, an overdue record, a guarantee, …"""

    id: int | None = Field(default=None, primary_key=True)
    noted_on: date
    kind: str
    text: str
    resolved: bool = Field(default=False)
    resolved_on: date | None = Field(default=None)
    import_id: int | None = Field(default=None, sa_column=import_id_column())
    reason: str = Field(default="")  # an inquiry's 查询原因 (InquiryReason); "" for other kinds
    institution: str = Field(default="")  # an inquiry's 查询机构, when known


class Setting(SQLModel, table=True):
    """A user setting (grace days, rule thresholds, import profiles, …) stored as JSON under a key."""

    key: str = Field(primary_key=True)
    value_json: str


class ReminderLog(SQLModel, table=True):
    """That a reminder of ``kind`` for an installment was shown on a day, so it is shown at most once a day."""

    __table_args__ = (UniqueConstraint("installment_id", "kind", "shown_on"),)

    id: int | None = Field(default=None, primary_key=True)
    installment_id: int = Field(
        sa_column=Column(Integer, ForeignKey("installment.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str
    shown_on: date

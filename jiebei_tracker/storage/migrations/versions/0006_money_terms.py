"""Money as the platforms compute it: each loan's interest basis, fees and interest-free days, where its schedule
comes from (computed from the terms, changed by a part prepayment, or the platform's own plan), each installment's
fee and the penalty interest paid on it, each platform's penalty multiplier.

Revision ID: 0006_money_terms
Revises: 0005_import_batch
Create Date: 2026-12-03 14:30:00.000000

Every loan recorded so far keeps the monthly basis with no fees, so no schedule changes. The columns are added with
SQLite's own ALTER TABLE ADD COLUMN (never by copying a table: see 0005). The open-installments index is made
again with the fee, so that what the loans list sums is still read from the index alone.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_money_terms"
down_revision = "0005_import_batch"
branch_labels = None
depends_on = None

LOAN_COLUMNS = (
    ("interest_basis", sa.String(), "monthly"),
    ("fee_upfront_fen", sa.Integer(), "0"),
    ("fee_per_installment_fen", sa.Integer(), "0"),
    ("fee_rate", sa.String(), "0"),
    ("interest_free_days", sa.Integer(), "0"),
    ("schedule_source", sa.String(), "computed"),
)
OPEN_INDEX = "ix_installment_open_by_loan"
# Penalty interest: each platform's multiplier of the daily rate, and what of it each installment was paid.
PENALTY_COLUMNS = (
    ("platform", "penalty_multiplier", sa.String(), "1.5"),
    ("installment", "paid_penalty_fen", sa.Integer(), "0"),
)
OPEN_COLUMNS = ["loan_id", "seq", "due_on", "principal_fen", "paid_principal_fen", "interest_fen", "paid_interest_fen"]
OPEN_WHERE = sa.text("settled_on IS NULL")


def upgrade() -> None:
    for name, kind, default in LOAN_COLUMNS:
        op.add_column("loan", sa.Column(name, kind, nullable=False, server_default=default))
    op.add_column("installment", sa.Column("fee_fen", sa.Integer(), nullable=False, server_default="0"))
    for table, name, kind, default in PENALTY_COLUMNS:
        op.add_column(table, sa.Column(name, kind, nullable=False, server_default=default))
    op.drop_index(OPEN_INDEX, table_name="installment", sqlite_where=OPEN_WHERE)
    op.create_index(
        OPEN_INDEX, "installment", [*OPEN_COLUMNS, "fee_fen", "settled_on"], unique=False, sqlite_where=OPEN_WHERE
    )


def downgrade() -> None:
    op.drop_index(OPEN_INDEX, table_name="installment", sqlite_where=OPEN_WHERE)
    op.create_index(OPEN_INDEX, "installment", [*OPEN_COLUMNS, "settled_on"], unique=False, sqlite_where=OPEN_WHERE)
    for table, name, _, _ in reversed(PENALTY_COLUMNS):
        op.drop_column(table, name)
    op.drop_column("installment", "fee_fen")
    for name, _, _ in reversed(LOAN_COLUMNS):
        op.drop_column("loan", name)

"""An index of the open installments by loan, holding every figure the loans list sorts and filters on.

Revision ID: 0003_open_by_loan
Revises: 0002_settings
Create Date: 2026-11-28 14:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_open_by_loan"
down_revision = "0002_settings"
branch_labels = None
depends_on = None

COLUMNS = [
    "loan_id",
    "seq",
    "due_on",
    "principal_fen",
    "paid_principal_fen",
    "interest_fen",
    "paid_interest_fen",
    "settled_on",
]


def upgrade() -> None:
    with op.batch_alter_table("installment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_installment_open_by_loan", COLUMNS, unique=False, sqlite_where=sa.text("settled_on IS NULL")
        )


def downgrade() -> None:
    with op.batch_alter_table("installment", schema=None) as batch_op:
        batch_op.drop_index("ix_installment_open_by_loan", sqlite_where=sa.text("settled_on IS NULL"))

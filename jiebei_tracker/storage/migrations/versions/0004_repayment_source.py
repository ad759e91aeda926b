"""Where each repayment came from, and since when a loan's repayments are deducted automatically.

Revision ID: 0004_repayment_source
Revises: 0003_open_by_loan
Create Date: 2026-12-02 19:20:00.000000

Existing repayments with an order number came from an import; the others were typed. A loan already marked
autopay is taken to have had it since it was borrowed (the editor set both together until now).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_repayment_source"
down_revision = "0003_open_by_loan"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("repayment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(), nullable=False, server_default="manual"))
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("autopay_since", sa.Date(), nullable=True))
    op.execute("UPDATE repayment SET source = 'import' WHERE source_ref IS NOT NULL")
    op.execute("UPDATE loan SET autopay_since = borrowed_on WHERE autopay")


def downgrade() -> None:
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.drop_column("autopay_since")
    with op.batch_alter_table("repayment", schema=None) as batch_op:
        batch_op.drop_column("source")

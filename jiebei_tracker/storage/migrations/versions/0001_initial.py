"""Initial schema: platforms, loans, installments, repayments, credit limits and credit-report notes.

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-28 11:30:18.941651
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "creditreportnote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "platform",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "creditlimitrecord",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("limit_fen", sa.Integer(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["platform_id"], ["platform.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("creditlimitrecord", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_creditlimitrecord_platform_id"), ["platform_id"], unique=False)

    op.create_table(
        "loan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("borrowed_on", sa.Date(), nullable=False),
        sa.Column("principal_fen", sa.Integer(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("annual_rate", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rate_basis", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("autopay", sa.Boolean(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("external_id"),
    )
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_borrowed_on"), ["borrowed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_platform_id"), ["platform_id"], unique=False)

    op.create_table(
        "installment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("principal_fen", sa.Integer(), nullable=False),
        sa.Column("interest_fen", sa.Integer(), nullable=False),
        sa.Column("corrected", sa.Boolean(), nullable=False),
        sa.Column("paid_interest_fen", sa.Integer(), nullable=False),
        sa.Column("paid_principal_fen", sa.Integer(), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["loan_id"], ["loan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("loan_id", "seq"),
    )
    with op.batch_alter_table("installment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_installment_due_on"), ["due_on"], unique=False)
        batch_op.create_index("ix_installment_open_due", ["settled_on", "due_on"], unique=False)

    op.create_table(
        "repayment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("is_payoff", sa.Boolean(), nullable=False),
        sa.Column("source_ref", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["loan_id"], ["loan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_ref"),
    )
    with op.batch_alter_table("repayment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_repayment_loan_id"), ["loan_id"], unique=False)

    # ### end Alembic commands ###


def downgrade() -> None:
    with op.batch_alter_table("repayment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_repayment_loan_id"))

    op.drop_table("repayment")
    with op.batch_alter_table("installment", schema=None) as batch_op:
        batch_op.drop_index("ix_installment_open_due")
        batch_op.drop_index(batch_op.f("ix_installment_due_on"))

    op.drop_table("installment")
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_platform_id"))
        batch_op.drop_index(batch_op.f("ix_loan_borrowed_on"))

    op.drop_table("loan")
    with op.batch_alter_table("creditlimitrecord", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_creditlimitrecord_platform_id"))

    op.drop_table("creditlimitrecord")
    op.drop_table("platform")
    op.drop_table("creditreportnote")

"""Settings (JSON under a key) and the log of reminders shown, so each shows at most once a day.

Revision ID: 0002_settings
Revises: 0001_initial
Create Date: 2026-11-28 11:35:44.904547
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002_settings"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "reminderlog",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("installment_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("shown_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["installment_id"], ["installment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("installment_id", "kind", "shown_on"),
    )


def downgrade() -> None:
    op.drop_table("reminderlog")
    op.drop_table("setting")

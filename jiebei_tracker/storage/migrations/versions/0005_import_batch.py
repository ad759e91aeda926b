"""Imports remembered, so the last one can be undone: a row per import, and on each record it added its number.

Revision ID: 0005_import_batch
Revises: 0004_repayment_source
Create Date: 2026-12-05 10:00:00.000000

The new columns are added with SQLite's own ALTER TABLE (ADD COLUMN, DROP COLUMN), never by copying a table:
the connection has foreign keys on, and dropping the old copy of ``loan`` would delete every installment and
repayment with it (ON DELETE CASCADE).
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005_import_batch"
down_revision = "0004_repayment_source"
branch_labels = None
depends_on = None

# The tables whose rows an import adds, each given the number of the import that added it (NULL: not imported).
TAGGED = ("platform", "loan", "repayment", "creditlimitrecord", "creditreportnote")


def upgrade() -> None:
    op.create_table(
        "importbatch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("loan_count", sa.Integer(), nullable=False),
        sa.Column("repayment_count", sa.Integer(), nullable=False),
        sa.Column("limit_count", sa.Integer(), nullable=False),
        sa.Column("note_count", sa.Integer(), nullable=False),
        sa.Column("platform_count", sa.Integer(), nullable=False),
        sa.Column("replaced_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("undone_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    for table in TAGGED:
        # Written out: Alembic would copy the table to add a foreign key, SQLite adds it in place.
        op.execute(f"ALTER TABLE {table} ADD COLUMN import_id INTEGER REFERENCES importbatch (id)")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_import_id"), ["import_id"], unique=False)


def downgrade() -> None:
    for table in reversed(TAGGED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_import_id"))
        op.drop_column(table, "import_id")  # SQLite's ALTER TABLE DROP COLUMN: the table is not copied
    op.drop_table("importbatch")

"""The credit report as it is: each inquiry note's reason (查询原因) and the institution that looked (查询机构).

Revision ID: 0007_inquiry_reason
Revises: 0006_money_terms
Create Date: 2026-12-03 16:00:00.000000

Lenders count only the hard inquiries (loan and card applications, guarantee checks); a check by a lender the
borrower already has (贷后管理) or the borrower's own (本人查询) does not count. An inquiry recorded so far takes the
reason its text names (贷款审批, 信用卡审批, 担保资格审查, 贷后管理, 本人查询, 保前审查 — the first one named),
otherwise ``other``, which the notes page asks the user to set. Other notes have no reason (an empty text).
Columns are added with SQLite's own ALTER TABLE ADD COLUMN (see 0005).
"""

import sqlalchemy as sa
from alembic import op

from jiebei_tracker.domain.vocabulary import InquiryReason

revision = "0007_inquiry_reason"
down_revision = "0006_money_terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("creditreportnote", sa.Column("reason", sa.String(), nullable=False, server_default=""))
    op.add_column("creditreportnote", sa.Column("institution", sa.String(), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, text FROM creditreportnote WHERE kind = 'inquiry'")).fetchall()
    for note_id, text in rows:
        connection.execute(
            sa.text("UPDATE creditreportnote SET reason = :reason WHERE id = :id"),
            {"reason": InquiryReason.named_in(text).value, "id": note_id},
        )


def downgrade() -> None:
    op.drop_column("creditreportnote", "institution")
    op.drop_column("creditreportnote", "reason")

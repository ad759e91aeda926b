"""Paste the platform's plan…: text copied from the lender's 还款计划 screen (or a table with its header row)
becomes the loan's schedule, shown before it is saved, with any problem named by its line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHeaderView, QLabel, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.plan import plan_schedule, read_plan_text
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.loans import LoanSummary, ScheduleLine
from jiebei_tracker.ui.common import record_table
from jiebei_tracker.ui.dialogs.forms import FormDialog, make_room
from jiebei_tracker.ui.models.schedule_model import ScheduleTableModel
from jiebei_tracker.ui.refusal_text import reason_text


class PlanDialog(FormDialog):
    """``save(schedule)`` is called on Save with the plan read from the text; a refusal is shown, nothing written."""

    def __init__(
        self,
        *,
        loan: LoanSummary,
        save: Callable[[list[PlannedInstallment]], Changes],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loan, self._save = loan, save
        self.saved_changes: Changes | None = None
        self._schedule: list[PlannedInstallment] | None = None
        self.setWindowTitle(self.tr("Paste the platform's plan"))
        heading = QLabel(
            self.tr(
                "Copy the repayment plan (还款计划) from the {platform} app and paste it here: lines such as "
                "“第1期 2026-02-15 本金 ¥967.43 利息 ¥72.00”, or a table with its header row (期数, 还款日, 本金, "
                "利息, 费用, 应还金额). Its figures replace the schedule worked out from the terms."
            ).format(platform=self._loan.platform)
        )
        heading.setWordWrap(True)
        self.text = self.text_field()
        self.text.setPlaceholderText("第1期 2026-02-15 应还 ¥1,039.43 本金 ¥967.43 利息 ¥72.00")
        self.text.setMinimumHeight(120)
        self.errors.add_row("plan", self.tr("Plan"), self.text)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.schedule_model = ScheduleTableModel(self)
        self.schedule_view = record_table(self.schedule_model, "plan_schedule")
        self.schedule_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (6, 7):  # paid and status: shown in the loan window once saved
            self.schedule_view.setColumnHidden(column, True)
        self.schedule_view.setMinimumHeight(160)
        self.text.textChanged.connect(self.update_preview)
        self.lay_out(above=[heading], below=[self.outcome, self.schedule_view], minimum_width=620)
        self.update_preview()

    def update_preview(self) -> None:
        self.errors.clear()
        self._schedule = None
        text = self.text.toPlainText()
        if text.strip():
            try:
                lines = read_plan_text(text)
                loan = self._loan
                self._schedule = plan_schedule(
                    lines, principal_fen=loan.principal_fen, borrowed_on=loan.borrowed_on, source=""
                )
            except ImportFailure as failure:
                said = failure.reason
                if failure.line is not None:
                    said = self.tr("Line {line}: {reason}").format(line=failure.line, reason=failure.reason)
                self.errors.set("plan", said)
        schedule = self._schedule or []
        self.schedule_view.setVisible(bool(schedule))
        self.schedule_view.setColumnHidden(self.schedule_model.fee_column, not any(i.fee_fen for i in schedule))
        self.schedule_model.set_records([ScheduleLine.to_come(i) for i in schedule])
        if schedule:
            self.outcome.setText(
                self.tr("{count} installments, {first} to {last}: interest {interest}, fees {fees}.").format(
                    count=len(schedule),
                    first=schedule[0].due_on.isoformat(),
                    last=schedule[-1].due_on.isoformat(),
                    interest=format_yuan(sum(i.interest_fen for i in schedule)),
                    fees=format_yuan(sum(i.fee_fen for i in schedule)),
                )
            )
        else:
            self.outcome.setText(self.tr("The plan shows here as it will be saved once it is pasted."))
        make_room(self.outcome)

    def submit(self) -> None:
        if self._schedule is None:
            if not self.errors.any():
                self.errors.set("plan", self.tr("Paste the plan first."))
            return
        try:
            self.saved_changes = self._save(self._schedule)
        except InvalidValue as error:
            self.errors.set("plan", reason_text(error.reason))
            return
        self.accept()

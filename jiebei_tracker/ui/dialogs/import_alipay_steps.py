"""The import wizard's steps for an Alipay statement: list the credit rows with a suggestion each, let the user
choose per row (new loan / repayment of a loan / skip), check the choices, write them, sum up."""

from __future__ import annotations

from PySide6.QtCore import QObject

from jiebei_tracker.services.imports.service import Action, AlipayPlan, Choice, ImportFailure
from jiebei_tracker.ui.dialogs.import_alipay_page import choice_text, target_text
from jiebei_tracker.ui.refusal_text import error_lines, problem_text


class AlipaySteps(QObject):
    """Keeps the user's choice per row (by line) and what the service says is wrong with them."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.plan: AlipayPlan | None = None
        self.choices: dict[int, Choice] = {}
        self.errors: dict[int, str] = {}
        self.count = 0
        self.panel_problem = ""
        page = wizard.alipay_page
        page.row_selected.connect(self.select)
        page.choice_edited.connect(self.edited)

    def start(self) -> None:
        try:
            self.plan = self.w.imports.plan_alipay(
                self.w.path, file_name=self.w.file_name, encoding=self.w.file_page.chosen_encoding()
            )
        except ImportFailure as failure:
            self.w.file_page.show_status(problem_text(failure.message()), problem=True)
            return
        plan = self.plan
        self.choices = {s.row.line: s.choice for s in plan.suggestions}
        self.w.alipay_page.model.set_rows(plan.suggestions)
        self.refresh()
        self.w.pages.setCurrentWidget(self.w.alipay_page)
        if plan.suggestions:
            self.w.alipay_page.select_row(0)

    def refresh(self) -> None:
        """Check the choices with the service; show each row's outcome, the problems and the counts."""
        plan = self.plan
        writes = self.w.imports.alipay_writes(plan, self.choices)
        self.errors = {error.line: error.reason for error in writes.errors}
        self.count = writes.count
        loans = {loan.number: loan for loan in plan.loans}
        texts = [choice_text(self.choices[s.row.line], loans, s.present) for s in plan.suggestions]
        notes = [s.reason if self.choices[s.row.line] == s.choice else "" for s in plan.suggestions]
        page = self.w.alipay_page
        page.model.update(texts, notes, self.errors)
        statement = plan.statement
        summary = self.tr(
            "{rows} transactions, {credit} about credit (信用借还, 借呗, 花呗, …); {present} already imported. "
            "{count} loans and repayments will be written."
        ).format(rows=statement.rows_read, credit=len(plan.suggestions), present=plan.present, count=self.count)
        if statement.errors:
            summary += "\n" + "\n".join(error_lines(plan.statement.errors, plan.file_name))
        page.summary.setText(summary)
        self.w.update_buttons()

    def select(self, row: int) -> None:
        if self.plan is None or not 0 <= row < len(self.plan.suggestions):
            return
        suggestion = self.plan.suggestions[row]
        line = suggestion.row.line
        targets = [(target_text(loan), ("loan", loan.number)) for loan in self.plan.loans_for(suggestion)]
        targets += [
            (self.tr("The new loan of line {line}").format(line=other), ("line", other))
            for other, choice in self.choices.items()
            if choice.action is Action.NEW_LOAN and other != line
        ]
        editable = not suggestion.present and suggestion.row.money_moved
        self.w.alipay_page.show_choice(self.choices[line], targets, enabled=editable)
        self.panel_problem = ""
        self.w.alipay_page.problem.setText(self.errors.get(line, ""))

    def edited(self) -> None:
        row = self.w.alipay_page.current_row()
        if self.plan is None or not 0 <= row < len(self.plan.suggestions):
            return
        suggestion = self.plan.suggestions[row]
        choice, problem = self.w.alipay_page.edited_choice()
        self.choices[suggestion.row.line] = choice
        if choice.action is Action.NEW_LOAN and not problem:
            self._link_repayments(suggestion)
        self.panel_problem = problem
        self.refresh()
        self.w.alipay_page.problem.setText(problem or self.errors.get(suggestion.row.line, ""))

    def _link_repayments(self, loan_suggestion) -> None:
        """A new loan's later repayments on the same platform, not yet going anywhere, are pointed at it (the
        usual case for a first import; each can still be changed)."""
        loan_row = loan_suggestion.row
        for suggestion in self.plan.suggestions:
            row = suggestion.row
            choice = self.choices[row.line]
            if (
                row.movement.value == "repayment"
                and row.platform == loan_row.platform
                and row.day >= loan_row.day
                and row.money_moved
                and not suggestion.present
                and choice.action is Action.SKIP
            ):
                self.choices[row.line] = Choice(Action.REPAYMENT, loan_line=loan_row.line)

    def can_import(self) -> bool:
        return self.plan is not None and self.count > 0 and not self.errors and not self.panel_problem

    def commit(self) -> None:
        plan, choices, imports = self.plan, dict(self.choices), self.w.imports
        count = self.count
        self.w.run_worker(
            lambda progress, cancelled: imports.commit_alipay(plan, choices, progress=progress, cancelled=cancelled),
            text=self.tr("Importing {count} loans and repayments…").format(count=count),
            busy=False,
            succeeded=lambda changes: self._written(changes, count),
            failed=lambda message: self.w.show_summary(self.w.failure_text(message)),
            cancelled=lambda: self.w.show_summary(
                self.tr("Cancelled. Nothing was imported; everything is as it was before.")
            ),
        )

    def _written(self, changes, count: int) -> None:
        self.w.written(changes)
        text = self.tr("Imported {count} loans and repayments from the Alipay statement.").format(count=count)
        if self.plan.present:
            text += "\n" + self.tr("{count} rows were imported before and were not added again.").format(
                count=self.plan.present
            )
        self.w.show_summary(text)

"""The import wizard's steps for a CSV file of loans, repayments, limits or notes: the preview, the column
mapping and its profiles, the check, the write and its summary."""

from __future__ import annotations

from PySide6.QtCore import QObject

from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.imports.service import FileKind, ImportPlan, Preview
from jiebei_tracker.ui.refusal_text import error_lines, problem_text


class CsvSteps(QObject):
    """Works the CSV pages of ``wizard``; everything is read and written through ``wizard.imports``."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.preview: Preview | None = None
        self.plan: ImportPlan | None = None
        self.mapping_ok = False
        columns = wizard.columns_page
        columns.mapping_changed.connect(self.check_mapping)
        columns.profile_chosen.connect(self.use_profile)
        columns.save_requested.connect(self.save_profile)
        wizard.check_page.valid_only_toggled.connect(lambda _on: wizard.update_buttons())
        wizard.check_page.past.answered.connect(wizard.update_buttons)

    def kind_label(self, kind) -> str:
        labels = {
            FileKind.LOANS: self.tr("loans"),
            FileKind.REPAYMENTS: self.tr("repayments"),
            FileKind.LIMITS: self.tr("credit limits"),
            FileKind.NOTES: self.tr("credit-report notes"),
        }
        return labels.get(kind, "")

    def separator_label(self, delimiter: str) -> str:
        return {",": self.tr("comma"), "\t": self.tr("tab"), ";": self.tr("semicolon"), "|": self.tr("pipe")}.get(
            delimiter, repr(delimiter)
        )

    # -- the file page --------------------------------------------------------------------------------------

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        page = self.w.file_page
        layout = preview.layout
        page.model.set_rows(preview.rows, layout.header_line if layout else None)
        page.show_detected(
            encoding=preview.encoding_label,
            separator=self.separator_label(layout.delimiter) if layout else "",
            header_line=layout.header_line if layout else None,
            kind=self.tr("Alipay statement") if preview.is_alipay else (self.kind_label(layout.kind) if layout else ""),
        )
        if preview.is_alipay:
            page.show_status(
                self.tr("An Alipay statement (支付宝交易明细): Next lists its credit rows."), problem=False
            )
        elif layout is not None:
            page.show_status(
                self.tr("Read as {encoding}, {separator}-separated; header row on line {line}; holds {kind}.").format(
                    encoding=layout.encoding_label,
                    separator=self.separator_label(layout.delimiter),
                    line=layout.header_line,
                    kind=self.kind_label(layout.kind),
                )
                + (
                    "\n"
                    + self.tr("To sort out on the next page: {problems}").format(
                        problems=problem_text(preview.column_problems)
                    )
                    if preview.column_problems
                    else ""
                ),
                problem=False,
            )
        else:
            page.show_status(problem_text(preview.problem), problem=True)

    def can_go_on(self) -> bool:
        return self.preview is not None and (self.w.is_alipay() or self.preview.layout is not None)

    # -- the columns page -----------------------------------------------------------------------------------

    def show_columns(self) -> None:
        layout = self.preview.layout
        headers = layout.columns.header
        profiles = [p for p in self.w.imports.profiles().values() if p.kind is layout.kind]
        self.w.columns_page.set_columns(layout.kind, headers, layout.columns.assignments(), [p.name for p in profiles])
        self.w.pages.setCurrentWidget(self.w.columns_page)
        named = {h for h in headers if h}
        # A profile made for this very layout is used at once; the user sees which, and can pick another.
        fitting = next((p for p in profiles if named and named <= set(p.columns)), None)
        if fitting is not None:
            self.w.columns_page.profiles.setCurrentIndex(self.w.columns_page.profiles.findData(fitting.name))
            self.use_profile(fitting.name)
        else:
            self.check_mapping()

    def check_mapping(self) -> None:
        """Whether the mapping gives every column the kind needs; says what is missing."""
        options = self.w.read_options(columns=self.w.columns_page.mapping())
        preview = self.w.imports.preview(self.w.path, file_name=self.w.file_name, options=options, limit=0)
        self.mapping_ok = preview.layout is not None and not preview.column_problems
        if self.mapping_ok:
            unknown = preview.layout.columns.unknown
            text = self.tr("Ready.") + (
                " " + self.tr("Ignored: {columns}").format(columns=", ".join(unknown)) if unknown else ""
            )
        else:
            text = problem_text(preview.problem or preview.column_problems)
        self.w.columns_page.show_status(text, problem=not self.mapping_ok)
        self.w.update_buttons()

    def use_profile(self, name: str) -> None:
        if not name:
            return
        profile = self.w.imports.profiles().get(name)
        if profile is not None:
            self.w.columns_page.apply(profile.columns)

    def save_profile(self, name: str) -> None:
        page = self.w.columns_page
        name = name.strip()
        if not name:
            page.show_status(self.tr("Give the profile a name."), problem=True)
            return
        self.w.imports.save_profile(name, self.preview.layout.kind, page.mapping())
        if page.profiles.findData(name) < 0:
            page.profiles.addItem(name, name)
        page.profiles.setCurrentIndex(page.profiles.findData(name))
        page.show_status(self.tr("Saved as profile “{name}”; it is offered for the next file.").format(name=name),
                         problem=False)  # fmt: skip

    # -- check, write, summary ------------------------------------------------------------------------------

    def check(self) -> None:
        options = self.w.read_options(columns=self.w.columns_page.mapping())
        path, name, imports = self.w.path, self.w.file_name, self.w.imports
        self.w.run_worker(
            lambda _progress, cancelled: imports.plan(path, file_name=name, options=options, cancelled=cancelled),
            text=self.tr("Checking every row…"),
            busy=True,
            succeeded=self.show_plan,
            failed=self._check_failed,
            cancelled=lambda: self.w.pages.setCurrentWidget(self.w.columns_page),
        )

    def _check_failed(self, message: str) -> None:
        self.w.pages.setCurrentWidget(self.w.columns_page)
        self.w.columns_page.show_status(message, problem=True)

    def show_plan(self, plan: ImportPlan) -> None:
        if self.w.worker is not None and self.w.worker.is_cancelling():
            self.w.pages.setCurrentWidget(self.w.columns_page)
            return
        self.plan = plan
        page = self.w.check_page
        header = plan.layout.columns.header
        cells, rows = {}, {}
        for error in plan.errors:
            if error.column in header:
                cells.setdefault((error.line, header.index(error.column)), error.reason)
            elif error.column.startswith("#") and error.column[1:].isdigit():
                cells.setdefault((error.line, int(error.column[1:]) - 1), error.reason)
            else:
                rows.setdefault(error.line, f"{error.column}: {error.reason}")
        page.model.set_rows(self.preview.rows, plan.layout.header_line)
        page.model.set_marks(cells, rows)
        page.counts.setText(
            self.tr("{rows} rows of {kind}: {new} new · {present} already there · {bad} bad").format(
                rows=plan.rows, kind=self.kind_label(plan.kind), new=plan.new, present=plan.present, bad=plan.bad
            )
            + ("\n" + self.tr("Nothing new to import.") if not plan.new else "")
        )
        page.errors.setPlainText("\n".join(error_lines(plan.errors, plan.file_name, total=plan.error_count)))
        page.show_notices(plan.notice_messages(display_language()))
        page.valid_only.setChecked(False)
        page.valid_only.setEnabled(plan.bad > 0)
        page.past.ask(plan, self.w.imports.today())
        self.w.pages.setCurrentWidget(page)
        self.w.update_buttons()

    def can_import(self) -> bool:
        plan = self.plan
        if plan is None or not (plan.new or plan.sets_platforms):
            return False
        page = self.w.check_page
        return (plan.bad == 0 or page.valid_only.isChecked()) and page.past.is_answered()

    def commit(self) -> None:
        plan, imports = self.plan, self.w.imports
        valid_only = self.w.check_page.valid_only.isChecked()
        answers = self.w.check_page.past.answers()
        self.w.run_worker(
            lambda progress, cancelled: imports.commit(
                plan, valid_only=valid_only, progress=progress, cancelled=cancelled, **answers
            ),
            text=self.tr("Importing {count} {kind}…").format(count=plan.new, kind=self.kind_label(plan.kind)),
            busy=False,
            succeeded=self._written,
            failed=lambda message: self.w.show_summary(self.w.failure_text(message)),
            cancelled=lambda: self.w.show_summary(
                self.tr("Cancelled. Nothing was imported; everything is as it was before.")
            ),
        )

    def _written(self, changes) -> None:
        plan = self.plan
        self.w.written(changes)
        lines = [self.tr("Imported {count} {kind}.").format(count=plan.new, kind=self.kind_label(plan.kind))]
        if plan.present:
            lines.append(
                self.tr("{count} rows were already there and were not added again.").format(count=plan.present)
            )
        if plan.bad:
            lines.append(self.tr("{count} bad rows were left out.").format(count=plan.bad))
        self.w.show_summary("\n".join(lines))

"""Each dialog's class, imported when the dialog is first opened: the window's first frame loads none of them
(benchmarks/bench_startup.py). The pages and features made later are in ``ui/feature_hooks.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tracker.ui.dialogs.credit_report_dialog import CreditReportDialog
    from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog
    from jiebei_tracker.ui.dialogs.loan_detail import LoanDetailDialog
    from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
    from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
    from jiebei_tracker.ui.dialogs.plan_dialog import PlanDialog
    from jiebei_tracker.ui.dialogs.prepay_dialog import PrepayDialog
    from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
    from jiebei_tracker.ui.dialogs.repayment_edit_dialog import RepaymentEditDialog
    from jiebei_tracker.ui.dialogs.settings_dialog import SettingsDialog
    from jiebei_tracker.ui.dialogs.user_guide import UserGuideDialog


def loan_detail_dialog() -> type[LoanDetailDialog]:
    from jiebei_tracker.ui.dialogs.loan_detail import LoanDetailDialog

    return LoanDetailDialog


def loan_editor_dialog() -> type[LoanEditorDialog]:
    from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog

    return LoanEditorDialog


def plan_dialog() -> type[PlanDialog]:
    from jiebei_tracker.ui.dialogs.plan_dialog import PlanDialog

    return PlanDialog


def prepay_dialog() -> type[PrepayDialog]:
    from jiebei_tracker.ui.dialogs.prepay_dialog import PrepayDialog

    return PrepayDialog


def repayment_dialog() -> type[RepaymentDialog]:
    from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog

    return RepaymentDialog


def repayment_edit_dialog() -> type[RepaymentEditDialog]:
    from jiebei_tracker.ui.dialogs.repayment_edit_dialog import RepaymentEditDialog

    return RepaymentEditDialog


def limit_dialog() -> type[LimitDialog]:
    from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog

    return LimitDialog


def credit_report_dialog() -> type[CreditReportDialog]:
    from jiebei_tracker.ui.dialogs.credit_report_dialog import CreditReportDialog

    return CreditReportDialog


def note_dialog() -> type[NoteDialog]:
    from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog

    return NoteDialog


def settings_dialog() -> type[SettingsDialog]:
    from jiebei_tracker.ui.dialogs.settings_dialog import SettingsDialog

    return SettingsDialog


def user_guide_dialog() -> type[UserGuideDialog]:
    from jiebei_tracker.ui.dialogs.user_guide import UserGuideDialog

    return UserGuideDialog

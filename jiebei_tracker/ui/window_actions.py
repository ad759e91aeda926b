"""The main window's commands — menus, toolbar and keyboard shortcuts — with their texts in the current language."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from jiebei_tracker.ui.common import icon

# Page order in the navigation; Ctrl+1 … Ctrl+6 go to them.
PAGES = ("dashboard", "loans", "platforms", "notes", "charts", "plan")


class WindowActions(QObject):
    """Creates every QAction of the window (the window connects them) and lays out menus and toolbar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.new_loan = self._action("new-loan", QKeySequence.StandardKey.New)
        self.log_repayment = self._action("repayment", QKeySequence("Ctrl+R"))
        self.import_file = self._action("import", QKeySequence("Ctrl+I"))
        self.undo_import = self._action(None, None)  # enabled by ImportUndo while there is an import to undo
        self.open_loan = self._action("open", QKeySequence("Ctrl+O"))
        self.delete_loan = self._action("delete", QKeySequence.StandardKey.Delete)
        self.find = self._action(None, QKeySequence.StandardKey.Find)
        self.export = self._action(None, None)
        self.print_report = self._action(None, QKeySequence.StandardKey.Print)
        self.back_up = self._action(None, None)
        self.restore = self._action(None, None)
        self.protect = self._action(None, None)
        self.sample = self._action("sample", None)
        self.settings = self._action("settings", QKeySequence("Ctrl+,"))
        self.quit = self._action(None, QKeySequence.StandardKey.Quit)
        self.user_guide = self._action(None, None)
        self.shortcuts = self._action(None, QKeySequence.StandardKey.HelpContents)
        self.about = self._action(None, None)
        self.pages = [self._action(name, QKeySequence(f"Ctrl+{number}")) for number, name in enumerate(PAGES, 1)]
        self.undo: QAction | None = None
        self.redo: QAction | None = None
        self._undo_texts = ("", "")
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)

    def _action(self, icon_name: str | None, shortcut) -> QAction:
        action = QAction(self._window)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(shortcut)
        self._window.addAction(action)  # shortcuts work whichever page has the focus
        return action

    def install(self, *, undo_stack: QUndoStack) -> None:
        """Build the menus and the toolbar, with Undo and Redo working on ``undo_stack``."""
        # Not QUndoStack.createUndoAction: its "Undo" prefix is fixed when made and would not follow the language.
        undo = self._action("undo", QKeySequence.StandardKey.Undo)
        redo = self._action(None, None)
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        undo.triggered.connect(undo_stack.undo)
        redo.triggered.connect(undo_stack.redo)
        undo_stack.canUndoChanged.connect(undo.setEnabled)
        undo_stack.canRedoChanged.connect(redo.setEnabled)
        # The texts come with the signals: the stack is not asked again (it may be going away with the window).
        undo_stack.undoTextChanged.connect(lambda text: self._name_undo(undo=text))
        undo_stack.redoTextChanged.connect(lambda text: self._name_undo(redo=text))
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.undo, self.redo = undo, redo
        bar = self._window.menuBar()
        self.file_menu = QMenu(bar)
        self.file_menu.addActions([self.new_loan, self.log_repayment, self.import_file, self.export, self.print_report])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.back_up, self.restore, self.protect])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.sample, self.settings])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.edit_menu = QMenu(bar)
        self.edit_menu.addActions([undo, redo, self.undo_import])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.open_loan, self.delete_loan, self.find])
        self.view_menu = QMenu(bar)
        self.view_menu.addActions(self.pages)
        self.help_menu = QMenu(bar)
        self.help_menu.addActions([self.user_guide, self.shortcuts, self.about])
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)
        self.toolbar.addActions([self.new_loan, self.log_repayment, self.import_file])
        self.toolbar.addSeparator()
        self.toolbar.addActions([undo, self.settings])
        self._window.addToolBar(self.toolbar)

    def retranslate_ui(self, *, sample: bool) -> None:
        self.new_loan.setText(self.tr("&New loan…"))
        self.new_loan.setToolTip(self.tr("Record a loan and build its schedule (Ctrl+N)"))
        self.log_repayment.setText(self.tr("&Log repayment…"))
        self.log_repayment.setToolTip(self.tr("Log a repayment on the selected loan: paid today, in full (Ctrl+R)"))
        self.import_file.setText(self.tr("&Import…"))
        self.import_file.setToolTip(self.tr("Import loans, repayments, limits or notes from a CSV file (Ctrl+I)"))
        self.undo_import.setText(self.tr("Undo &import…"))
        self.export.setText(self.tr("&Export…"))
        self.print_report.setText(self.tr("&Print health report…"))
        self.print_report.setToolTip(self.tr("Print the health report, or save it as PDF"))
        self.export.setToolTip(self.tr("Write all your records to four CSV files in a folder"))
        self.back_up.setText(self.tr("&Back up now…"))
        self.back_up.setToolTip(self.tr("Save a checked copy of your data file"))
        self.restore.setText(self.tr("&Restore from a backup…"))
        self.restore.setToolTip(self.tr("Replace your data with a backup (your data as it is now is backed up first)"))
        self.protect.setText(self.tr("Pro&tect with a passphrase…"))
        self.protect.setToolTip(self.tr("Set, change or remove the passphrase that encrypts your data file"))
        self.open_loan.setText(self.tr("&Open loan"))
        self.delete_loan.setText(self.tr("&Delete loan…"))
        self.find.setText(self.tr("&Find loans"))
        self.sample.setText(self.tr("Back to m&y data") if sample else self.tr("Look around with sa&mple data"))
        self.settings.setText(self.tr("&Settings…"))
        self.settings.setToolTip(self.tr("Language, grace days, reminders, backups and the health rules (Ctrl+,)"))
        self.quit.setText(self.tr("&Quit"))
        self.user_guide.setText(self.tr("&User guide"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.about.setText(self.tr("&About Jiebei Tracker"))
        for action, text in zip(self.pages, self.page_titles(), strict=True):
            action.setText(text.replace("&", "&&"))  # a menu item's & marks its key: "Platforms & limits" has none
        self.toolbar.setWindowTitle(self.tr("Actions"))
        if self.undo is not None:
            self._name_undo()
            self.file_menu.setTitle(self.tr("&File"))
            self.edit_menu.setTitle(self.tr("&Edit"))
            self.view_menu.setTitle(self.tr("&View"))
            self.help_menu.setTitle(self.tr("&Help"))

    def _name_undo(self, *, undo: str | None = None, redo: str | None = None) -> None:
        """Undo and Redo named after what they would do (``None``: as before)."""
        self._undo_texts = (
            self._undo_texts[0] if undo is None else undo,
            self._undo_texts[1] if redo is None else redo,
        )
        undo, redo = self._undo_texts
        self.undo.setText(self.tr("&Undo {what}").format(what=undo) if undo else self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo {what}").format(what=redo) if redo else self.tr("&Redo"))
        self.undo.setToolTip(
            self.tr("Take back the last change: {what} (Ctrl+Z)").format(what=undo)
            if undo
            else self.tr("Take back the last change (Ctrl+Z)")
        )

    def with_keys(self) -> list[QAction]:
        """The commands that have keys, in the order Help ▸ Keyboard shortcuts lists them."""
        commands = [self.new_loan, self.log_repayment, self.import_file, self.open_loan, self.delete_loan, self.find]
        commands += [action for action in (self.undo, self.redo) if action is not None]
        return [*commands, *self.pages, self.settings, self.shortcuts, self.quit]

    def page_titles(self) -> list[str]:
        """The navigation's page names, in PAGES order."""
        return [
            self.tr("Dashboard"),
            self.tr("Loans"),
            self.tr("Platforms & limits"),
            self.tr("Credit report notes"),
            self.tr("Charts"),
            self.tr("Plan"),
        ]

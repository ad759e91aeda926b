"""Printing from the window: the health report (File ▸ Print health report…) and a loan's schedule (in the loan
window). Both are HTML laid out by a QTextDocument on the printer the user chooses (or a PDF file, which Qt's print
dialog offers everywhere)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget


def ask_printer(parent: QWidget | None, title: str) -> QPrinter | None:
    """The printer the user chose in Qt's print dialog (tests replace this); None when they cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_html(parent: QWidget | None, title: str, html: str) -> bool:
    """Lay ``html`` out for the chosen printer and print it; False when the user cancelled."""
    printer = ask_printer(parent, title)
    if printer is None:
        return False
    document = QTextDocument()
    document.setHtml(html)
    document.print_(printer)
    return True


def table_html(title: str, subtitle: str, model: QAbstractItemModel) -> str:
    """A table model as the user sees it (its headers and shown texts) in a printable page."""
    columns = range(model.columnCount())
    head = "".join(f"<th>{escape(str(model.headerData(c, Qt.Orientation.Horizontal) or ''))}</th>" for c in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(str(model.index(r, c).data() or ''))}</td>" for c in columns) + "</tr>"
        for r in range(model.rowCount())
    )
    return (
        "<html><body>"
        f"<h2>{escape(title)}</h2><p>{escape(subtitle)}</p>"
        '<table border="1" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        "</body></html>"
    )

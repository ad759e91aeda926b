"""Printing from the window: the health report (File ▸ Print health report…) and a loan's schedule (in the loan
window). Both are HTML laid out by a QTextDocument on the printer the user chooses (or a PDF file, which Qt's print
dialog offers everywhere)."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QAbstractItemModel, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
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
    return print_made(parent, title, lambda: html)


def print_made(parent: QWidget | None, title: str, make_html: Callable[[], str]) -> bool:
    """Ask for the printer first, then make the page (``make_html``, which may take a moment: charts are drawn)
    and print it; False, and nothing made, when the user cancelled."""
    printer = ask_printer(parent, title)
    if printer is None:
        return False
    printable_document(make_html()).print_(printer)
    return True


# An image embedded in the HTML (the report's charts): QTextDocument does not read data: addresses itself.
_EMBEDDED_PNG = re.compile(r"""src=(["'])data:image/png;base64,([A-Za-z0-9+/=]+)\1""")
PRINTED_IMAGE_WIDTH = 640  # px of the document's page width (about 16 cm on A4): a chart across the page


def printable_document(html: str) -> QTextDocument:
    """``html`` laid out by a QTextDocument, its embedded PNGs handed over as the document's own images, each
    drawn across the page."""
    document = QTextDocument()
    images: list[QImage] = []

    def named(match: re.Match) -> str:
        images.append(QImage.fromData(base64.b64decode(match.group(2)), "PNG"))
        return f'src="embedded-{len(images)}.png" width="{PRINTED_IMAGE_WIDTH}"'

    html = _EMBEDDED_PNG.sub(named, html)
    for number, image in enumerate(images, start=1):
        document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(f"embedded-{number}.png"), image)
    document.setHtml(html)
    return document


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

"""Regenerate the README's screenshots from a generated demo history: `python packaging/make_screenshots.py`.

Runs offscreen (no display needed); install a CJK font first (Debian: fonts-noto-cjk) so Chinese renders.
Writes PNGs into packaging/screenshots/ in English and Chinese.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from jiebei_tracker.services.demo import generate_history  # noqa: E402
from jiebei_tracker.services.workspace import Workspace  # noqa: E402
from jiebei_tracker.storage.database import open_database  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
TODAY = date(2026, 11, 28)


def shoot(language: str, folder: Path) -> None:
    from jiebei_tracker.ui.main_window import MainWindow

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN" else QLocale.c())
    database = open_database(folder / f"demo-{language}.db")
    workspace = Workspace(database=database, today=lambda: TODAY)
    history = generate_history(today=TODAY, years=3, loans=60)
    workspace.ledger.add_history(
        history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
    )
    window = MainWindow(workspace=workspace)
    window.resize(1200, 720)
    window.show()
    QApplication.processEvents()
    window.grab().save(str(OUT / f"loans-{language}.png"))
    overdue = next(loan for loan in workspace.loans() if loan.status.value == "overdue")
    detail = window.open_loan(overdue.loan_id)
    QApplication.processEvents()
    detail.grab().save(str(OUT / f"loan-detail-{language}.png"))
    detail.close()
    window.close()
    database.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for language in ("en", "zh_CN"):
            shoot(language, Path(folder))
    app.quit()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the dialogs say, in the user's language, when a value is beyond what the ledger stores (the domain's bounds:
amounts up to ¥100,000,000.00, text without control characters), and the early-payoff question."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import MAX_AMOUNT_FEN, AmountOutOfRange, format_yuan
from jiebei_tracker.domain.text import ControlCharacter


def amount_too_large() -> str:
    return QCoreApplication.translate("Bounds", "Enter an amount of at most {max}.").format(
        max=format_yuan(MAX_AMOUNT_FEN)
    )


def control_character(error: ControlCharacter) -> str:
    return QCoreApplication.translate(
        "Bounds", "Remove the invisible control character ({character}) from this text."
    ).format(character=error.character)


def refusal(error: InvalidValue) -> str | None:
    """The message for a value out of bounds; None for any other error (the dialog says those its own way)."""
    if isinstance(error, AmountOutOfRange):
        return amount_too_large()
    if isinstance(error, ControlCharacter):
        return control_character(error)
    return None


def low_payoff_confirmed(parent: QWidget | None, amount_fen: int, proposed_fen: int) -> bool:
    """Ask before recording an early payoff far below the proposed amount (domain.payments.is_low_payoff)."""
    text = QCoreApplication.translate(
        "Bounds",
        "{amount} is far below the {proposed} proposed to settle this loan early.\n\n"
        "Record the loan as settled with {amount}? Choose Yes only if this is what you paid.",
    ).format(amount=format_yuan(amount_fen), proposed=format_yuan(proposed_fen))
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Bounds", "Pay off early"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes

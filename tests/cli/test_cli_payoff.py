"""`payoff` and `schedule` on the command line: a matured loan is proposed what it really owes, and the
installments a payoff settled before their due dates are listed as settled early."""

from __future__ import annotations

import json


def _add(run, loan: str, borrowed_on: str) -> None:
    """¥12,000 over 6 months at 7.2 % a year, 等额本息: six installments of ¥2,042.21."""
    run(
        "add-loan", "--platform", "借呗", "--borrowed-on", borrowed_on, "--principal", "12000", "--term", "6",
        "--method", "等额本息", "--annual-rate", "7.2%", "--id", loan,
    )  # fmt: skip


def _statuses(run, loan: str) -> list[str]:
    return [line["status"] for line in json.loads(run("schedule", loan, "--json")[1])["installments"]]


def test_a_matured_loan_is_proposed_its_open_installments_in_full(run):
    _add(run, "OLD", "2023-01-15")
    run("pay", "OLD", "--on", "2023-02-15", "--amount", "2042.21")
    status, out, _ = run("payoff", "OLD", "--on", "2025-01-05")
    assert status == 0
    # Penalty at 1.5 × 0.02 % a day on each installment's principal, 539 to 661 days past its due date.
    assert (
        "proposed payoff: 5 installments already due (principal and interest) ¥10,211.05 + penalty interest "
        "about ¥1,806.66 (an estimate: use --amount for what the platform asks)"
    ) in out
    assert "interest for" not in out  # not "principal ¥0.00 + interest for 720 days ¥0.00"
    assert "paid off loan #1 with ¥12,017.71" in out
    assert _statuses(run, "OLD") == ["on_time"] + ["late"] * 5  # settled by the payoff long after they fell due


def test_the_schedule_lists_what_a_payoff_settled_before_its_due_date_as_settled_early(run):
    _add(run, "NEW", "2024-01-15")
    run("pay", "NEW", "--on", "2024-02-15", "--amount", "2042.21")
    status, out, _ = run("payoff", "NEW", "--on", "2024-03-15")
    assert status == 0
    assert "proposed payoff: the installment already due (principal and interest) ¥2,042.21 + principal " in out
    assert _statuses(run, "NEW") == ["on_time", "on_time"] + ["settled_early"] * 4
    text = run("schedule", "NEW")[1].splitlines()
    assert [line.split()[-1] for line in text[-6:]] == ["on_time", "on_time"] + ["settled_early"] * 4

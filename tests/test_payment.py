"""Payment terms and late-payment penalties (Art. 4; Code de commerce L441-10, D441-5; rules §9).

The cases below are worked by hand: interest = amount TTC × (ECB rate + 10 points) × days / 365
per half-year, each half-year rounded half-up to the cent, plus 40 € per late invoice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms import (
    ECB_RATE_HISTORY,
    ECB_RATES,
    HalfYear,
    MissingRateError,
    PaymentError,
    due_date,
    late_payment,
)
from ouitec_terms.cli import main

D = Decimal


@dataclass(frozen=True)
class Case:
    name: str
    amount: str
    due: date
    paid: date
    #: (half-year, days, interest) of each portion
    portions: tuple[tuple[str, int, str], ...]
    interest: str
    indemnity: str


CASES = (
    # 30 days of April 2025 at 3.15 + 10 = 13.15 %: 1200 × 0.1315 × 30 / 365 = 12.969…
    Case("30-days", "1200.00", date(2025, 3, 31), date(2025, 4, 30),
         (("2025-H1", 30, "12.97"),), "12.97", "40.00"),
    # 16–30 June at 13.15 % (6.484…) and 1–15 July at 2.15 + 10 = 12.15 % (5.991…)
    Case("crosses-1-july", "1200.00", date(2025, 6, 15), date(2025, 7, 15),
         (("2025-H1", 15, "6.48"), ("2025-H2", 15, "5.99")), "12.47", "40.00"),
    # 21–31 Dec 2024 at 14.25 % (5.153…) and 1–10 Jan 2025 at 13.15 % (4.323…)
    Case("crosses-new-year", "1200.00", date(2024, 12, 20), date(2025, 1, 10),
         (("2024-H2", 11, "5.15"), ("2025-H1", 10, "4.32")), "9.47", "40.00"),
    # the whole first half of leap 2024 (182 days) at 14.50 %: 1000 × 0.145 × 182 / 365
    Case("leap-half-year", "1000.00", date(2023, 12, 31), date(2024, 6, 30),
         (("2024-H1", 182, "72.30"),), "72.30", "40.00"),
    # one day late in 2021 (ECB 0 %): 10 % → 0.27; the indemnity is due all the same
    Case("zero-ecb", "1000.00", date(2021, 3, 1), date(2021, 3, 2),
         (("2021-H1", 1, "0.27"),), "0.27", "40.00"),
    # paid on the due date, or early: nothing is due
    Case("on-time", "1200.00", date(2025, 3, 31), date(2025, 3, 31), (), "0.00", "0.00"),
    Case("early", "1200.00", date(2025, 3, 31), date(2025, 3, 1), (), "0.00", "0.00"),
)  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_late_payment_worked_examples(case: Case) -> None:
    """Art. 4 and L441-10 / D441-5, by hand: days, rate and interest per half-year, indemnity."""
    late = late_payment(D(case.amount), case.due, case.paid)
    assert tuple((p.half_year, p.days, str(p.interest)) for p in late.portions) == case.portions
    assert (str(late.interest), str(late.indemnity)) == (case.interest, case.indemnity)
    assert late.total == D(case.interest) + D(case.indemnity)
    assert late.days_late == max(0, (case.paid - case.due).days)


def test_due_date_is_30_days_after_receipt() -> None:
    """Art. 4: "30 jours après réception de la facture"."""
    assert due_date(date(2025, 2, 10)) == date(2025, 3, 12)
    assert due_date(date(2024, 2, 10)) == date(2024, 3, 11)


def test_missing_half_year_is_an_error_naming_it() -> None:
    """A half-year the table lacks is never guessed: the error names it and how to pass it in
    Python; the command line says it in its own terms (test_robustness)."""
    with pytest.raises(MissingRateError, match=r"2026-H2 .*2026-07-01.*rates=") as error:
        late_payment(D("1200.00"), date(2026, 6, 30), date(2026, 7, 2))
    assert error.value.half_year == "2026-H2"


def test_single_override_rate_applies_to_every_half_year() -> None:
    """The caller may pass one ECB rate: 2 days at 2.15 + 10 % on 1 200 € = 0.80 €."""
    late = late_payment(D("1200.00"), date(2026, 6, 30), date(2026, 7, 2), rates=D("2.15"))
    assert late.interest == D("0.80")


def test_mapping_override_extends_the_table() -> None:
    """The caller may add a half-year to the table (here 2026-H2 at 2.00 %)."""
    rates = {**ECB_RATES, HalfYear(2026, 2): D("2.00")}
    late = late_payment(D("1200.00"), date(2026, 6, 29), date(2026, 7, 1), rates=rates)
    assert [(p.half_year, p.rate) for p in late.portions] == [
        ("2026-H1", D("12.15")),
        ("2026-H2", D("12.00")),
    ]


def test_ecb_table_matches_the_spec() -> None:
    """rules §9: the dated ECB rates, each with its source."""
    assert {str(h): r for h, r in ECB_RATES.items()} == {
        **{f"{y}-H{h}": D("0.00") for y in (2020, 2021, 2022) for h in (1, 2)},
        "2023-H1": D("2.50"),
        "2023-H2": D("4.00"),
        "2024-H1": D("4.50"),
        "2024-H2": D("4.25"),
        "2025-H1": D("3.15"),
        "2025-H2": D("2.15"),
        "2026-H1": D("2.15"),
    }
    assert all(r.source and r.in_force_since <= r.half_year.first_day for r in ECB_RATE_HISTORY)


@pytest.mark.parametrize(
    ("amount", "reason"), [("-1", "from 0"), ("10.005", "fractions of a cent")]
)
def test_amount_must_be_cents(amount: str, reason: str) -> None:
    """The amount is the invoice's TTC, in cents, not negative."""
    with pytest.raises(PaymentError, match=f"amount_ttc .*{reason}"):
        late_payment(D(amount), date(2025, 1, 1), date(2025, 2, 1))


amounts = st.integers(1, 10**8).map(lambda cents: D(cents) / 100)
dues = st.dates(date(2020, 1, 1), date(2025, 12, 31))


@given(amounts, dues, st.integers(-30, 500), st.integers(0, 200))
def test_interest_never_decreases_as_payment_is_later(
    amount: Decimal, due: date, delay: int, extra: int
) -> None:
    """L441-10: interest accrues every late day, so paying later never costs less."""
    paid = min(due + timedelta(days=delay), date(2026, 6, 30))
    later = min(paid + timedelta(days=extra), date(2026, 6, 30))
    assert late_payment(amount, due, later).total >= late_payment(amount, due, paid).total


@given(amounts, dues, st.integers(1, 500))
def test_each_portion_is_within_half_a_cent_of_its_daily_sum(
    amount: Decimal, due: date, delay: int
) -> None:
    """rules §9: each half-year's portion is its day-by-day interest rounded half-up to the cent,
    and the interest is the sum of the rounded portions."""
    paid = min(due + timedelta(days=delay), date(2026, 6, 30))
    late = late_payment(amount, due, paid)
    for portion in late.portions:
        rate = ECB_RATES[HalfYear.parse(portion.half_year)] + 10
        daily = amount * rate / 100 / 365
        exact = sum((daily for _ in range(portion.days)), D(0))
        assert abs(portion.interest - exact) <= D("0.005") + D("1e-20")
        direct = amount * rate * portion.days / 36500
        assert portion.interest == direct.quantize(D("0.01"), ROUND_HALF_UP)
    assert late.interest == sum((p.interest for p in late.portions), D(0))
    assert sum(p.days for p in late.portions) == late.days_late


@given(amounts, dues, st.integers(-400, 400))
def test_indemnity_is_40_once_when_late(amount: Decimal, due: date, delay: int) -> None:
    """D441-5: 40 € per invoice, once, whenever at least one day is late; never otherwise."""
    paid = min(due + timedelta(days=delay), date(2026, 6, 30))
    late = late_payment(amount, due, paid)
    assert late.indemnity == (D(40) if paid > due else D(0))


def test_cli_late_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`ouitec-terms late AMOUNT --due --paid` prints the account with its articles."""
    assert main(["late", "1200.00", "--due", "2025-03-31", "--paid", "2025-04-30"]) == 0
    out = capsys.readouterr().out
    assert "L441-10" in out
    assert "D441-5" in out
    assert "52,97\u00a0€" in out


def test_cli_late_without_rate_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A half-year without rate exits 2 with the way out; --ecb-rate prices it."""
    args = ["late", "1200", "--due", "2026-06-30", "--paid", "2026-07-02"]
    assert main(args) == 2
    assert "2026-H2" in capsys.readouterr().err
    assert main([*args, "--ecb-rate", "2026-H2=2.15", "--format", "json"]) == 0
    assert '"total": "40.80"' in capsys.readouterr().out

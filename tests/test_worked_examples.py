"""rules §10's worked examples, table-driven: every total and the billed minutes of every line.

These numbers are binding: they are the terms applied by hand, and any change to the pipeline
that moves one of them is a change of the terms' meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pytest

from ouitec_terms import (
    Client,
    Contract,
    Intervention,
    LineKind,
    Service,
    TravelLeg,
    WorkPeriod,
    quote,
)
from strategies import NO_CONTRACT, PARIS, UNDER_CONTRACT


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=PARIS)


def work(start: datetime, end: datetime) -> Intervention:
    return Intervention(work=(WorkPeriod(start=start, end=end),))


def leg(start: datetime, end: datetime, *, km: int) -> TravelLeg:
    return TravelLeg(start=start, end=end, distance_km=Decimal(km))


@dataclass(frozen=True)
class Example:
    number: int
    client: Client
    intervention: Intervention
    #: (kind, off_hours, billed minutes, amount HT) of every line, in order
    lines: tuple[tuple[LineKind, bool, int, str], ...]
    ht: str
    vat: str
    ttc: str
    under_contract: bool
    included: Decimal = Decimal(0)


W, INC, TT, TD = LineKind.WORK, LineKind.INCLUDED, LineKind.TRAVEL_TIME, LineKind.TRAVEL_DISTANCE
EXAMPLE_8_CLIENT = Client(
    name="Contrat échu",
    contracts=(
        Contract(
            service=Service.USER_SUPPORT,
            monthly_commitment=Decimal(500),
            start=date(2024, 6, 2),
            months=12,
        ),
    ),
)

EXAMPLES = (
    Example(
        1,
        NO_CONTRACT,
        work(at(2025, 3, 11, 9), at(2025, 3, 11, 10, 20)),
        ((W, False, 90, "135.00"),),
        "135.00", "27.00", "162.00", under_contract=False,
    ),
    Example(
        2,
        UNDER_CONTRACT,
        work(at(2025, 3, 14, 18, 40), at(2025, 3, 14, 19, 25)),
        ((W, False, 30, "37.50"), (W, True, 30, "45.00")),
        "82.50", "16.50", "99.00", under_contract=True,
    ),
    Example(
        3,
        NO_CONTRACT,
        work(at(2025, 5, 1, 10), at(2025, 5, 1, 11, 5)),
        ((W, True, 75, "135.00"),),
        "135.00", "27.00", "162.00", under_contract=False,
    ),
    Example(
        4,
        NO_CONTRACT,
        work(at(2025, 3, 29, 23), at(2025, 3, 30, 4)),
        ((W, True, 240, "432.00"),),
        "432.00", "86.40", "518.40", under_contract=False,
    ),
    Example(
        6,
        NO_CONTRACT,
        Intervention(
            travel=(
                leg(at(2025, 9, 16, 8), at(2025, 9, 16, 8, 40), km=32),
                leg(at(2025, 9, 16, 9, 10), at(2025, 9, 16, 9, 50), km=32),
            )
        ),
        ((TT, False, 45, "67.50"), (TT, False, 45, "67.50"), (TD, False, 0, "40.70")),
        "175.70", "35.14", "210.84", under_contract=False,
    ),
    Example(
        7,
        UNDER_CONTRACT,
        work(at(2025, 10, 6, 17, 30), at(2025, 10, 6, 20)),
        ((INC, False, 60, "0.00"), (W, False, 30, "37.50"), (W, True, 60, "90.00")),
        "127.50", "25.50", "153.00", under_contract=True, included=Decimal(1),
    ),
    Example(
        8,
        EXAMPLE_8_CLIENT,
        work(at(2025, 6, 2, 10), at(2025, 6, 2, 11)),
        ((W, False, 60, "90.00"),),
        "90.00", "18.00", "108.00", under_contract=False,
    ),
)  # fmt: skip


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"example-{e.number}")
def test_spec_worked_example(example: Example) -> None:
    """rules §10: the quote of each worked example has exactly the lines and totals stated."""
    result = quote(example.intervention, example.client, included_hours_available=example.included)
    got = tuple(
        (line.kind, line.off_hours, line.billed_minutes, str(line.amount_ht))
        for line in result.lines
    )
    assert got == example.lines
    assert (str(result.total_ht), str(result.total_vat), str(result.total_ttc)) == (
        example.ht,
        example.vat,
        example.ttc,
    )
    assert result.under_contract is example.under_contract


def test_example_7_reports_included_hours_used() -> None:
    """rules §5.3: the quote reports the included hours it used (1 h of the 1 h available)."""
    example = EXAMPLES[5]
    result = quote(example.intervention, example.client, included_hours_available=Decimal(1))
    assert result.included_hours_used == Decimal(1)
    assert result.included_hours_left == Decimal(0)


def test_repeated_october_hour_is_one_real_hour() -> None:
    """rules (conventions): 02:30 summer time to 02:30 winter time on 2025-10-26 is one real hour.

    Python compares two datetimes sharing one tzinfo by wall clock, which would call this span
    empty; the library compares in UTC, so it is accepted and billed as 1 h off-hours (Sunday).
    """
    start = datetime(2025, 10, 26, 2, 30, tzinfo=PARIS)
    end = start.replace(fold=1)
    period = WorkPeriod(start=start, end=end)
    assert period.duration.total_seconds() == 3600
    result = quote(Intervention(work=(period,)), NO_CONTRACT)
    assert [(line.off_hours, line.billed_minutes, line.raw_seconds) for line in result.lines] == [
        (True, 60, Decimal(3600))
    ]
    assert result.total_ht == Decimal("108.00")
